// The list of pages: filters applied as the writer types or chooses. The
// same form works without scripts (the server filters).
(function () {
  'use strict';
  var desk = window.cchcDesk;
  var form = document.querySelector('.filters');
  var table = document.querySelector('table.pages');
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var total = Number(table.dataset.total);
  var count = document.getElementById('dem-bai');
  var q = form.elements.q, muc = form.elements.muc, tt = form.elements.trang_thai, cd = form.elements.chu_de;
  var serverFiltered = rows.length !== total;

  function apply() {
    var want = desk.fold(q.value), shown = 0;
    rows.forEach(function (tr) {
      var keep = tr.dataset.tim.indexOf(want) >= 0 &&
        (!muc.value || tr.dataset.muc === muc.value) &&
        (!tt.value || tr.dataset.tt === tt.value) &&
        (!cd.value || tr.dataset.cd.indexOf(' ' + cd.value + ' ') >= 0);
      tr.hidden = !keep;
      if (keep) shown++;
    });
    count.textContent = shown + ' bài' + (shown !== total ? ' (trong ' + total + ' bài)' : '') + '.';
  }

  // A list the server already narrowed cannot widen by itself: a choice
  // asks again; the search box narrows what is there as the writer types.
  function chosen() {
    if (serverFiltered) form.requestSubmit();
    else apply();
  }
  q.addEventListener('input', desk.debounce(apply, 150));
  [muc, tt, cd].forEach(function (s) { s.addEventListener('change', chosen); });
})();
