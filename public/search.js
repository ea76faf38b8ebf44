// Starts Pagefind's UI on /search/ and runs the query from ?q= (the home page's search box submits here).
(function () {
  if (typeof PagefindUI === 'undefined') return;
  var ui = new PagefindUI({ element: '#search', showSubResults: false, showImages: false, resetStyles: false, openFilters: ['type'], translations: { placeholder: 'Search tools, servers and attacks' } });
  var q = new URLSearchParams(window.location.search).get('q');
  // Pagefind labels its input only with a title attribute; give it a real accessible name.
  var input = document.querySelector("#search .pagefind-ui__search-input");
  if (input) input.setAttribute("aria-label", "Search tools, servers and attacks");
  if (q) ui.triggerSearch(q);
})();
