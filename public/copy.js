// Copy buttons (every one has data-copy): <button data-copy="ID"> copies the text of the element with that id;
// <button data-copy="" data-copy-url="URL"> copies the file at that same-site URL (documents not repeated on the page).
document.addEventListener('click', function (event) {
  var button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  if (!button) return;
  var url = button.getAttribute('data-copy-url');
  if (url) {
    fetch(url, { credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.text();
      })
      .then(
        function (text) {
          copyText(button, text);
        },
        function () {
          button.textContent = 'Copy failed: use Download';
        },
      );
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy'));
  if (!source) return;
  copyText(button, source.textContent || '');
});

function copyText(button, text) {
  var label = button.getAttribute('data-label') || button.textContent;
  button.setAttribute('data-label', label);
  function done(message) {
    button.textContent = message;
    setTimeout(function () {
      button.textContent = label;
    }, 2000);
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(
      function () {
        done('Copied');
      },
      function () {
        fallback();
      },
    );
  } else {
    fallback();
  }
  function fallback() {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (_e) {
      ok = false;
    }
    document.body.removeChild(area);
    done(ok ? 'Copied' : 'Copy failed: select the text');
  }
}
