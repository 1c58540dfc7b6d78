// The print button of the printable pages (a procedure's leaflet, the
// booklet of procedures). The button is hidden until this script runs;
// without scripts the page says which keys print.
(function () {
  'use strict';
  const button = document.querySelector('[data-print]');
  if (!button || typeof window.print !== 'function') {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
})();
