// Sortable tables: a button in a column heading of table[data-sortable] sorts rows by that column's data-value (or
// text).
document.addEventListener('click', function (event) {
  var button =
    event.target instanceof Element ? event.target.closest('table[data-sortable] th button[data-sort-col]') : null;
  if (!button) return;
  var table = button.closest('table');
  var th = button.closest('th');
  var col = Number(button.getAttribute('data-sort-col'));
  var current = th.getAttribute('aria-sort');
  // A column sorts its natural way first (riskiest first for risk), then flips on each click.
  var ascending = current ? current !== 'ascending' : th.getAttribute('data-first') !== 'descending';
  table.querySelectorAll('thead th').forEach(function (h) {
    h.removeAttribute('aria-sort');
  });
  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  function key(row) {
    var cell = row.cells[col];
    var v = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent;
    var n = Number(v);
    return v !== '' && !Number.isNaN(n) ? n : String(v);
  }
  rows.sort(function (a, b) {
    var x = key(a),
      y = key(b);
    var c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x) < String(y)
          ? -1
          : String(x) > String(y)
            ? 1
            : 0;
    if (c === 0) c = Number(a.cells[0].textContent) - Number(b.cells[0].textContent);
    return ascending ? c : -c;
  });
  rows.forEach(function (row) {
    body.appendChild(row);
  });
});
