// Starts Pagefind's UI on /search/ and runs the query from ?q= (the home page's search box submits here). Results show
// their risk and category as badges (from each page's Pagefind metadata); no result shows how to scan it yourself.
(function () {
  if (typeof PagefindUI === 'undefined') return;
  // Load the search engine, its index metadata and the filter counts now, not on the first keystroke: the UI imports the
  // same module URL, so it finds the engine started (worker and WebAssembly ready, filters loaded) and the first results
  // arrive without that start-up delay (seconds on a slow device).
  import('/pagefind/pagefind.js').then(function (pf) { return pf.init().then(function () { return pf.filters(); }); }).catch(function () {});
  var ui = new PagefindUI({ element: '#search', showSubResults: false, showImages: false, resetStyles: false, openFilters: ['type'], debounceTimeoutMs: 60, translations: { placeholder: 'Search tools, servers and attacks' } });
  var q = new URLSearchParams(window.location.search).get('q');
  // Pagefind labels its input only with a title attribute; give it a real accessible name.
  var input = document.querySelector('#search .pagefind-ui__search-input');
  if (input) input.setAttribute('aria-label', 'Search tools, servers and attacks');
  var RISKS = ['low', 'medium', 'high', 'critical'];
  var empty = document.getElementById('search-empty');
  var scan = document.getElementById('scan-package');
  function refresh() {
    document.querySelectorAll('#search .pagefind-ui__result-tag[data-pagefind-ui-meta="risk"]:not(.badge)').forEach(function (tag) {
      var value = (tag.textContent || '').replace(/^\s*risk:\s*/i, '').trim();
      tag.className += ' badge ' + (RISKS.indexOf(value) >= 0 ? 'badge-' + value : '');
    });
    document.querySelectorAll('#search .pagefind-ui__result-tag[data-pagefind-ui-meta="category"]:not(.badge)').forEach(function (tag) {
      tag.className += ' badge badge-cat';
    });
    var term = input ? input.value.trim() : '';
    var message = document.querySelector('#search .pagefind-ui__message');
    // Pagefind falls back to shorter prefixes when a word is unknown ('zqx…' finds every lone 'z'), so results whose
    // titles and highlights never contain the start of the term count as no match too.
    var results = document.querySelectorAll('#search .pagefind-ui__result');
    var links = document.querySelectorAll('#search .pagefind-ui__result-link');
    var stem = term.toLowerCase().slice(0, 3);
    var relevant = Array.prototype.some.call(document.querySelectorAll('#search .pagefind-ui__result mark, #search .pagefind-ui__result-link'), function (el) {
      return (el.textContent || '').toLowerCase().indexOf(stem) >= 0;
    });
    var none = term !== '' && message !== null && (results.length === 0 ? /^No results/i.test(message.textContent || '') : links.length === results.length && !relevant);
    if (empty) empty.hidden = !none;
    var looksLikePackage = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/i.test(term);
    var id = term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'my-server';
    if (none && scan) {
      scan.textContent = looksLikePackage ? scan.getAttribute('data-template').replace('PACKAGE', term).replace('ID', id) : scan.textContent;
    }
  }
  var root = document.getElementById('search');
  if (root && typeof MutationObserver !== 'undefined') new MutationObserver(refresh).observe(root, { childList: true, subtree: true, characterData: true });
  if (q) ui.triggerSearch(q);
})();
