// Starts Pagefind's UI on /search/ and runs the query from ?q= (the home page's search box submits here). Results show
// their risk and category as badges (from each page's Pagefind metadata); no result shows how to scan it yourself.
(function () {
  if (typeof PagefindUI === 'undefined') return;
  // Pagefind matches every word as a prefix, and a one- or two-letter prefix matches most of the catalogue (seconds of
  // work for "de"): a lone short word is searched as that exact word ("s3", "go"), and a short last word after others
  // is left out until it grows ("create i" searches "create").
  function shortWords(term) {
    var words = term.trim().split(/\s+/);
    if (words.length === 1)
      return words[0].length < 3 && words[0] !== '' && words[0].indexOf('"') < 0 ? '"' + words[0] + '"' : term;
    var last = words[words.length - 1];
    return last.length < 3 && last.indexOf('"') < 0 ? words.slice(0, -1).join(' ') : term;
  }
  // Load the search engine, its index metadata and the filter counts now, not on the first keystroke: the UI imports
  // the same module URL, so it finds the engine started (worker and WebAssembly ready, filters loaded) and the first
  // results arrive without that start-up delay (seconds on a slow device).
  import('/pagefind/pagefind.js')
    .then(function (pf) {
      return pf.init().then(function () {
        return pf.filters();
      });
    })
    .catch(function () {});
  var root = document.getElementById('search');
  // A big catalogue's index comes in bundles (each query costs Pagefind about 1/bundles as much); the UI merges them.
  var merge = JSON.parse((root && root.getAttribute('data-merge-bundles')) || '[]').map(function (path) {
    return { bundlePath: path };
  });
  var ui = new PagefindUI({
    element: '#search',
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    openFilters: ['type'],
    mergeIndex: merge,
    // Longer than the gap between the keystrokes of fast typing, so mostly the finished word is searched: Pagefind runs
    // one search at a time and never drops a stale one, so every search started mid-word delays the last.
    debounceTimeoutMs: 100,
    processTerm: shortWords,
    translations: { placeholder: 'Search tools, servers and attacks' },
  });
  var q = new URLSearchParams(window.location.search).get('q');
  // Pagefind labels its input only with a title attribute; give it a real accessible name.
  var input = document.querySelector('#search .pagefind-ui__search-input');
  if (input) input.setAttribute('aria-label', 'Search tools, servers and attacks');
  var RISKS = ['low', 'medium', 'high', 'critical'];
  var empty = document.getElementById('search-empty');
  var scan = document.getElementById('scan-package');
  function refresh() {
    document
      .querySelectorAll('#search .pagefind-ui__result-tag[data-pagefind-ui-meta="risk"]:not(.badge)')
      .forEach(function (tag) {
        var value = (tag.textContent || '').replace(/^\s*risk:\s*/i, '').trim();
        tag.className += ' badge ' + (RISKS.indexOf(value) >= 0 ? 'badge-' + value : '');
      });
    document
      .querySelectorAll('#search .pagefind-ui__result-tag[data-pagefind-ui-meta="category"]:not(.badge)')
      .forEach(function (tag) {
        tag.className += ' badge badge-cat';
      });
    var term = input ? input.value.trim() : '';
    var message = document.querySelector('#search .pagefind-ui__message');
    // Pagefind falls back to shorter prefixes when a word is unknown ('zqx…' finds every lone 'z'), so results whose
    // titles and highlights never contain the start of the term count as no match too.
    var results = document.querySelectorAll('#search .pagefind-ui__result');
    var links = document.querySelectorAll('#search .pagefind-ui__result-link');
    var stem = term.toLowerCase().slice(0, 3);
    var relevant = Array.prototype.some.call(
      document.querySelectorAll('#search .pagefind-ui__result mark, #search .pagefind-ui__result-link'),
      function (el) {
        return (el.textContent || '').toLowerCase().indexOf(stem) >= 0;
      },
    );
    var none =
      term !== '' &&
      message !== null &&
      (results.length === 0
        ? /^No results/i.test(message.textContent || '')
        : links.length === results.length && !relevant);
    if (empty) empty.hidden = !none;
    var looksLikePackage = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/i.test(term);
    var id =
      term
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'my-server';
    if (none && scan) {
      scan.textContent = looksLikePackage
        ? scan.getAttribute('data-template').replace('PACKAGE', term).replace('ID', id)
        : scan.textContent;
    }
  }
  if (root && typeof MutationObserver !== 'undefined')
    new MutationObserver(refresh).observe(root, { childList: true, subtree: true, characterData: true });
  if (q) ui.triggerSearch(q);
})();
