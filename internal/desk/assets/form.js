// The form page: the preview and the messages of the build as the writer
// types, unsaved text kept in the browser until it is saved, saving, and
// the choice offered when the file changed on the disk meanwhile.
(function () {
  'use strict';
  var desk = window.cchcDesk;
  var state = desk.state;
  var form = document.getElementById('bieu-mau');
  if (!form || !state) return;
  var area = document.getElementById('than-bai');
  var raw = area && area.dataset.raw === '1';
  var frame = document.getElementById('xem-truoc');
  var frameState = document.getElementById('xem-truoc-trang-thai');
  var saveState = document.getElementById('trang-thai-luu');
  var notices = document.getElementById('thong-bao');
  var summary = document.getElementById('tom-tat-loi');
  var isNew = state.goc === '';

  // say shows a notice at the top of the form.
  desk.say = function (text, kind) {
    var p = document.createElement('p');
    p.className = 'notice' + (kind ? ' ' + kind : '');
    p.textContent = text;
    notices.textContent = '';
    notices.appendChild(p);
  };

  // edit is what the form holds now, as the server reads it.
  function edit() {
    if (raw) return {raw: area.value};
    return {fields: desk.fields.values(), body: area.value};
  }
  function request(e) {
    var r = {tep: state.tep, goc: state.goc};
    if (isNew || state.goc === '') r.goc_van_ban = state.goc_van_ban || '';
    if (e.raw !== undefined) r.raw = e.raw;
    else { r.fields = e.fields; r.body = e.body; }
    return r;
  }

  // Unsaved text is kept in the browser, per file, until it is saved.
  function key(file) { return 'cchc-soan:' + (file || state.tep); }
  var savedText = JSON.stringify(edit());
  function dirty() { return JSON.stringify(edit()) !== savedText; }
  function keep() {
    if (!dirty()) { localStorage.removeItem(key()); return; }
    localStorage.setItem(key(), JSON.stringify({goc: state.goc, goc_van_ban: state.goc_van_ban || '', edit: edit(), luc: Date.now()}));
  }
  function restore() {
    var kept;
    try { kept = JSON.parse(localStorage.getItem(key()) || 'null'); } catch (e) { kept = null; }
    if (!kept || JSON.stringify(kept.edit) === savedText) return;
    var when = desk.clock(new Date(kept.luc));
    var p = document.createElement('p');
    p.className = 'notice warn';
    var text = kept.goc === state.goc ?
      'Đã khôi phục phần chưa lưu lúc ' + when + ' (trình duyệt giữ lại khi thẻ bị đóng). Kiểm tra rồi bấm “Lưu”. ' :
      'Đã khôi phục phần chưa lưu lúc ' + when + ', nhưng tệp đã thay đổi trên đĩa sau lúc đó: khi lưu, bạn sẽ được chọn giữ bản nào. ';
    p.textContent = text;
    var drop = document.createElement('button');
    drop.type = 'button';
    drop.textContent = 'Bỏ phần khôi phục';
    drop.addEventListener('click', function () { localStorage.removeItem(key()); location.reload(); });
    p.appendChild(drop);
    notices.appendChild(p);
    state.goc = kept.goc;
    if (kept.goc_van_ban) state.goc_van_ban = kept.goc_van_ban;
    if (kept.edit.raw !== undefined) area.value = kept.edit.raw;
    else { desk.fields.setValues(kept.edit.fields || {}); area.value = kept.edit.body || ''; }
  }

  // The preview: asked for when typing stops (300 ms); only the latest
  // answer is shown, an older request still running is cancelled.
  var pending = null, seq = 0, lastInput = 0, scrollY = 0;
  desk.timing = [];
  async function preview() {
    var mine = ++seq;
    if (pending) pending.abort();
    pending = new AbortController();
    var sent = performance.now();
    var r;
    try {
      r = await desk.post('xem-truoc', request(edit()), pending.signal);
    } catch (e) {
      if (e.name !== 'AbortError') frameState.textContent = 'Không dựng được bản xem trước: máy chủ xem thử không trả lời (đã dừng?).';
      return;
    }
    var received = performance.now();
    if (mine !== seq) return;
    if (!r.ok) { frameState.textContent = r.data.loi || 'Không dựng được bản xem trước.'; return; }
    showDiags(r.data);
    if (!r.data.html) {
      frameState.textContent = 'Bản xem trước chưa cập nhật vì bài có lỗi ngăn việc dựng trang: ' + counts(r.data) + '.';
      return;
    }
    show(r.data.html, function () {
      var shown = performance.now();
      desk.timing.push({sent: sent, shown: shown, input: lastInput, request: shown - sent, answer: received - sent, pause: lastInput ? shown - lastInput : 0});
      frameState.textContent = 'Bản xem trước cập nhật lúc ' + desk.clock() + ': ' + counts(r.data) + '.';
    });
  }

  // show puts a new rendering of the page in the preview. Once a page is
  // there, only its body is swapped (the stylesheets stay, the scroll
  // stays): a new document would load and lay out everything again.
  var sheets = '';
  function stylesheets(doc) {
    return Array.prototype.map.call(doc.querySelectorAll('link[rel=stylesheet]'), function (l) { return l.getAttribute('href'); }).join(' ');
  }
  function show(html, done) {
    var next = new DOMParser().parseFromString(html, 'text/html');
    var doc = null;
    try { doc = frame.contentDocument; } catch (e) { doc = null; }
    if (doc && doc.body && frame.dataset.loaded === '1' && stylesheets(next) === sheets) {
      doc.title = next.title;
      doc.body.replaceWith(doc.adoptNode(next.body));
      // Shown once the browser has painted it: the frame after next.
      requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });
      return;
    }
    try { scrollY = frame.contentWindow.scrollY; } catch (e) { scrollY = 0; }
    frame.onload = function () {
      frame.dataset.loaded = '1';
      sheets = stylesheets(next);
      try { frame.contentWindow.scrollTo(0, scrollY); } catch (e) { /* not ready */ }
      done();
    };
    frame.srcdoc = html;
  }
  var schedule = desk.debounce(preview, 300);

  function counts(d) {
    if (!d.so_loi && !d.so_canh_bao) return 'không có lỗi';
    return d.so_loi + ' lỗi, ' + d.so_canh_bao + ' cảnh báo';
  }

  // showDiags puts each message by its field or body line, and lists them
  // all in the summary at the top, linked to their places.
  function showDiags(d) {
    var all = d.chan_doan || [];
    var rest = raw ? all : desk.fields.setMessages(all);
    var bodyList = document.getElementById('than-bai-msg');
    bodyList.textContent = '';
    rest.forEach(function (m) { if (m.dong || m.dong_tep) bodyList.appendChild(item(m, true)); });
    var list = summary.querySelector('ul');
    list.textContent = '';
    all.forEach(function (m) { list.appendChild(item(m, false)); });
    summary.querySelector('h2').textContent = 'Bài có ' + counts(d) + ':';
    summary.hidden = all.length === 0;
  }

  function item(m, local) {
    var li = document.createElement('li');
    li.className = 'msg msg-' + (m.muc === 'lỗi' ? 'error' : 'warn');
    var text = desk.fields.label(m) + m.loi + (m.sua ? ' — ' + m.sua : '');
    var where = m.noi ? m.noi + ': ' : m.dong ? 'Dòng ' + m.dong + ' của nội dung: ' : m.dong_tep ? 'Dòng ' + m.dong_tep + ' của tệp: ' : '';
    var target = m.khoa ? (document.getElementById('f-' + m.khoa) ? 'f-' + m.khoa : '') : (m.dong || m.dong_tep) ? 'than-bai' : '';
    if (local || !target) {
      li.textContent = where + text;
      if (local) {
        var go = document.createElement('button');
        go.type = 'button';
        go.textContent = 'Đến dòng này';
        go.addEventListener('click', function () { toLine(m.dong || m.dong_tep); });
        li.appendChild(document.createTextNode(' '));
        li.appendChild(go);
      }
      return li;
    }
    var a = document.createElement('a');
    a.href = '#' + target;
    a.textContent = where + text;
    a.addEventListener('click', function (e) {
      e.preventDefault();
      if (target === 'than-bai') { toLine(m.dong || m.dong_tep); return; }
      var el = document.getElementById(target);
      el.scrollIntoView({block: 'center'});
      (el.matches('input, select, textarea') ? el : el.querySelector('input, select, textarea') || el).focus();
    });
    li.appendChild(a);
    return li;
  }

  // toLine selects a line of the body and brings it into view.
  function toLine(n) {
    var lines = area.value.split('\n');
    var start = 0;
    for (var i = 0; i < n - 1 && i < lines.length; i++) start += lines[i].length + 1;
    var end = start + (lines[n - 1] || '').length;
    area.focus();
    area.setSelectionRange(start, end);
    var lh = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (n - 3) * lh);
  }

  function typed() {
    lastInput = performance.now();
    keep();
    saveState.textContent = dirty() ? 'Có thay đổi chưa lưu.' : 'Chưa có thay đổi.';
    schedule();
  }
  form.addEventListener('input', typed);
  form.addEventListener('change', typed);

  window.addEventListener('beforeunload', function (e) {
    if (!dirty()) return;
    e.preventDefault();
    e.returnValue = '';
  });

  document.addEventListener('cchc:file-moved', function (e) {
    var kept = localStorage.getItem(key(e.detail.from));
    localStorage.removeItem(key(e.detail.from));
    if (kept) localStorage.setItem(key(e.detail.to), kept);
    document.getElementById('ten-tep').textContent = e.detail.to;
    if (!isNew) history.replaceState(null, '', 'sua?tep=' + encodeURIComponent(e.detail.to));
  });

  async function save(overrides) {
    var button = document.getElementById('nut-luu');
    button.disabled = true;
    saveState.textContent = 'Đang lưu…';
    var e = edit();
    var body = Object.assign(request(e), overrides || {});
    var r;
    try {
      r = await desk.post('luu', body);
    } catch (err) {
      r = {status: 0, ok: false, data: {loi: 'Máy chủ xem thử không trả lời (đã dừng?). Bài chưa lưu vẫn được giữ trong trình duyệt.'}};
    }
    button.disabled = false;
    if (r.status === 409) { showConflict(r.data); saveState.textContent = 'Chưa lưu: tệp đã thay đổi trên đĩa.'; return; }
    if (!r.ok) {
      saveState.textContent = 'Chưa lưu: ' + r.data.loi;
      if (r.data.khoa) { var f = document.getElementById('f-' + r.data.khoa); if (f) f.focus(); }
      return;
    }
    var wasNew = isNew;
    localStorage.removeItem(key());
    state.goc = r.data.goc;
    state.tep = r.data.tep;
    isNew = false;
    savedText = JSON.stringify(e);
    keep();
    if (wasNew) history.replaceState(null, '', 'sua?tep=' + encodeURIComponent(state.tep));
    saveState.textContent = (r.data.da_ghi ? 'Đã lưu lúc ' : 'Không có gì thay đổi để lưu (lúc ') + desk.clock() + (r.data.da_ghi ? '.' : ').');
    var after = document.getElementById('sau-khi-luu');
    after.textContent = '';
    [r.data.buoc_tiep, r.data.git].forEach(function (t) {
      if (!t) return;
      var p = document.createElement('p');
      p.textContent = t;
      after.appendChild(p);
    });
    after.hidden = false;
    if (!summary.hidden && summary.querySelector('.msg-error')) summary.focus();
  }

  // The file changed on the disk since the form was made: show both
  // versions; keep mine (write over the disk's), take the disk's, or copy.
  var dialog = document.getElementById('hop-xung-dot');
  var conflict = null;
  function showConflict(d) {
    conflict = d;
    document.getElementById('xd-ly-do').textContent = d.loi;
    document.getElementById('xd-cua-ban').value = d.cua_ban;
    document.getElementById('xd-dia').value = d.goc_dia ? d.dia : '(tệp không còn trên đĩa)';
    document.getElementById('xd-lay').hidden = !d.goc_dia;
    dialog.showModal();
    document.getElementById('xd-giu').focus();
  }
  document.getElementById('xd-giu').addEventListener('click', function () {
    dialog.close();
    // Written over the disk's version: the form's values on its layout;
    // a file gone from the disk is written anew from mine.
    save({goc: conflict.goc_dia, goc_van_ban: conflict.goc_dia ? undefined : conflict.cua_ban});
  });
  document.getElementById('xd-lay').addEventListener('click', function () {
    localStorage.removeItem(key());
    savedText = JSON.stringify(edit()); // nothing to ask on leaving
    location.reload();
  });
  document.getElementById('xd-chep').addEventListener('click', function () {
    var t = document.getElementById('xd-cua-ban');
    t.focus();
    t.select();
    navigator.clipboard.writeText(t.value).then(function () {
      document.getElementById('xd-ly-do').textContent = 'Đã chép bản của bạn: dán vào đâu đó để giữ, trước khi chọn.';
    }, function () { document.execCommand('copy'); });
  });
  document.getElementById('xd-dong').addEventListener('click', function () { dialog.close(); area.focus(); });

  form.addEventListener('submit', function (e) { e.preventDefault(); save(); });
  document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') { e.preventDefault(); save(); }
  });

  restore();
  keep();
  preview();
})();
