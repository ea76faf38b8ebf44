// Starts Pagefind's UI on /search/ and runs the query from ?q= (the home page's search box submits here).
(function () {
  if (typeof PagefindUI === 'undefined') return;
  var ui = new PagefindUI({ element: '#search', showSubResults: false, showImages: false, resetStyles: false, openFilters: ['type'], translations: { placeholder: 'Search tools, servers and attacks' } });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
