// Shared by the desk's pages: folding for search without diacritics (as
// internal/viet.Fold does), requests that carry the desk's token, and the
// state of the form page.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="cchc-token"]');
  var token = meta ? meta.content : '';

  // fold lower-cases, drops diacritics, reads đ (and the look-alike Ð) as
  // d and collapses white space: "Hoà" and "hòa" both give "hoa".
  function fold(s) {
    return String(s || '').normalize('NFD').replace(/\p{Mn}/gu, '')
      .replace(/[đĐÐð]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
  }

  // post sends a change to the desk: JSON, or a file's bytes. It answers
  // {status, ok, data} and never throws on an HTTP error.
  async function post(path, body, signal) {
    var headers = {'X-Cchc-Token': token};
    if (!(body instanceof Blob)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    } else {
      headers['Content-Type'] = 'application/octet-stream';
    }
    var resp = await fetch(path, {method: 'POST', headers: headers, body: body, signal: signal, credentials: 'same-origin'});
    var data = {};
    try { data = await resp.json(); } catch (e) { data = {loi: 'Máy chủ trả lời không đúng dạng (mã ' + resp.status + ').'}; }
    return {status: resp.status, ok: resp.ok, data: data};
  }

  function debounce(fn, ms) {
    var t = 0;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function clock(d) {
    d = d || new Date();
    var p = function (n) { return String(n).padStart(2, '0'); };
    return p(d.getHours()) + ':' + p(d.getMinutes()) + ', ' + p(d.getDate()) + '/' + p(d.getMonth() + 1) + '/' + d.getFullYear();
  }

  var stateEl = document.getElementById('trang-thai-bieu-mau');
  var state = stateEl ? JSON.parse(stateEl.textContent) : null;

  // upload saves a file beside the page being edited (the page becomes a
  // bundle on its first file) and answers the server's reply; listeners
  // of "cchc:file-moved" learn the page's new path.
  async function upload(blob, name, endpoint) {
    var path = (endpoint || 'tai-len') + '?tep=' + encodeURIComponent(state.tep) + '&ten=' + encodeURIComponent(name);
    var r = await post(path, blob);
    if (r.ok && r.data.tep && r.data.tep !== state.tep) {
      var from = state.tep;
      state.tep = r.data.tep;
      document.dispatchEvent(new CustomEvent('cchc:file-moved', {detail: {from: from, to: r.data.tep}}));
    }
    return r;
  }

  window.cchcDesk = {fold: fold, post: post, debounce: debounce, clock: clock, state: state, upload: upload};
})();
