// cchc live reload: listens to `cchc serve` over server-sent events.
// Injected by the preview server only, never part of `cchc build` output.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var stream = me.getAttribute("data-stream");
  var version = me.getAttribute("data-version") || "";
  var scrollKey = "cchc-scroll:" + location.pathname;
  var boxId = "cchc-loi-dung-lai";

  // Back after our own reload: return to where the reader was.
  // The browser's own restoration is turned off for our reloads: it may
  // run before the page has its final height, and not every browser has it.
  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var restore = function () {
      window.scrollTo(0, Number(saved) || 0);
      history.scrollRestoration = "auto";
    };
    if (document.readyState === "complete") restore(); else addEventListener("load", restore);
  }

  // "style.0123abcdef.css" and "style.fedcba9876.css" are the same sheet.
  function sheetKey(p) { return p.replace(/\.[0-9a-f]{10}(\.css)$/, "$1"); }

  function swapStyles(hrefs) {
    var next = {};
    hrefs.forEach(function (h) { next[sheetKey(h)] = h; });
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (old) {
      var path = new URL(old.href, location.href).pathname;
      var href = next[sheetKey(path)];
      if (!href || href === path) return;
      // Load the new sheet beside the old one, then drop the old: no flash.
      var link = old.cloneNode();
      link.href = href;
      link.onload = link.onerror = function () { old.remove(); };
      old.after(link);
    });
  }

  function showError(html) {
    var box = document.getElementById(boxId);
    if (!box) {
      box = document.createElement("div");
      box.id = boxId;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,0,0,.92);color:#fff;font:16px/1.5 system-ui,sans-serif;padding:1.5rem";
      document.body.appendChild(box);
    }
    box.innerHTML = html;
  }

  function hideError() {
    var box = document.getElementById(boxId);
    if (box) box.remove();
  }

  function connect() {
    var es = new EventSource(stream + "?v=" + encodeURIComponent(version));
    function track(e) { if (e.lastEventId) version = e.lastEventId; }
    es.addEventListener("reload", function () {
      es.close();
      sessionStorage.setItem(scrollKey, String(window.scrollY));
      history.scrollRestoration = "manual";
      location.reload();
    });
    es.addEventListener("css", function (e) { track(e); swapStyles(JSON.parse(e.data)); });
    es.addEventListener("build-error", function (e) { showError(e.data); });
    es.addEventListener("ok", hideError);
    es.onerror = function () {
      // The browser retries by itself while the server is away; a refused
      // answer (server restarted, too many tabs) closes the stream: retry.
      if (es.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
    };
  }
  connect();
})();
