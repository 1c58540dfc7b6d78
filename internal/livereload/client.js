// cchc live reload: listens to `cchc serve` over server-sent events.
// Injected by the preview server only, never part of `cchc build` output.
//
// The tabs of one site share one event stream: a browser opens at most six
// connections to a host, and a stream per tab would leave none for pages
// once six tabs are open. The tab that holds a Web Lock (the leader) opens
// the stream and relays its events to the others over a BroadcastChannel;
// the browser frees the lock when that tab closes, reloads or navigates,
// and the next tab in the lock's queue opens the stream in its turn. Every
// new stream starts with "hello", which carries the site's version and its
// error overlay, so no change made while no tab listened is missed.
// Without Web Locks or BroadcastChannel, each tab opens its own stream and
// closes it while hidden.
//
// A change is shown in place: the tab fetches its page again and morphs
// the new page into the open one (Idiomorph, served beside this script),
// which keeps the scroll position, focus, open <details> and what was typed
// in form fields. A page with scripts of its own, another set of
// stylesheets, or any failure reloads instead. A hidden tab catches up when
// it is shown again.
//
// A <details data-cchc-nho id="…"> that the server adds to its pages (the
// warnings panel) stays open or closed as the editor last left it, in
// this tab: across morphs, reloads and other pages.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var stream = new URL(me.getAttribute("data-stream"), location.href).href;
  var morphURL = new URL("idiomorph.js", me.src).href;
  var version = me.getAttribute("data-version") || ""; // what this tab shows
  var latest = ""; // the site's version, as last heard
  var busy = false; // an update is under way
  var scrollKey = "cchc-scroll:" + location.pathname;
  var boxId = "cchc-loi-dung-lai";
  var events = ["hello", "reload", "css", "build-error", "ok"];

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

  // --- disclosures the editor opens or closes, remembered ---
  var remembered = "details[data-cchc-nho][id]";
  function rememberKey(el) { return "cchc-mo:" + el.id; }
  function restoreDisclosures() {
    Array.prototype.forEach.call(document.querySelectorAll(remembered), function (el) {
      var open = sessionStorage.getItem(rememberKey(el));
      if (open !== null && el.open !== (open === "1")) el.open = open === "1";
    });
  }
  // "toggle" does not bubble: listen while it goes down.
  document.addEventListener("toggle", function (e) {
    var el = e.target;
    if (el.matches && el.matches(remembered)) sessionStorage.setItem(rememberKey(el), el.open ? "1" : "0");
  }, true);
  restoreDisclosures();

  function reload() {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    history.scrollRestoration = "manual";
    location.reload();
  }

  // "style.0123abcdef.css" and "style.fedcba9876.css" are the same sheet.
  function sheetKey(p) { return p.replace(/\.[0-9a-f]{10}(\.css)$/, "$1"); }

  function sheets(doc) {
    return Array.prototype.slice.call(doc.querySelectorAll('link[rel~="stylesheet"]'));
  }

  function swapStyles(hrefs) {
    var next = {};
    hrefs.forEach(function (h) { next[sheetKey(h)] = h; });
    sheets(document).forEach(function (old) {
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

  // apply acts on one event, from this tab's stream or relayed.
  function apply(m) {
    switch (m.name) {
      case "hello":
        if (m.data) showError(m.data); else hideError();
        latest = m.id;
        break;
      case "reload":
        latest = m.id;
        break;
      case "css":
        // Up to date but for the stylesheets: take them and be current.
        if (!busy && (version === latest || !latest)) version = m.id;
        latest = m.id;
        swapStyles(JSON.parse(m.data));
        break;
      case "build-error":
        showError(m.data);
        break;
      case "ok":
        hideError();
        break;
    }
    update();
  }

  // update brings the page to the latest version, once it is seen.
  function update() {
    if (busy || !latest || latest === version || document.hidden) return;
    busy = true;
    var target = latest;
    morph().then(function (done) {
      busy = false;
      if (!done) return reload();
      version = target;
      update(); // a change that came while fetching
    }, function () { reload(); });
  }

  function isCode(s) {
    var t = (s.getAttribute("type") || "").toLowerCase();
    return t === "" || t === "module" || /javascript|ecmascript/.test(t);
  }

  // ours are this script and the morphing library it loads.
  function ours(s) { return s.hasAttribute("data-stream") || s.hasAttribute("data-cchc"); }

  // scripts lists the page's own scripts: a page that runs any keeps its
  // state in them, which a morph would not carry over.
  function scripts(doc) {
    return Array.prototype.filter.call(doc.querySelectorAll("script"), function (s) { return isCode(s) && !ours(s); });
  }

  function sheetKeys(doc) {
    return sheets(doc).map(function (l) { return sheetKey(new URL(l.getAttribute("href"), location.href).pathname); }).sort().join(" ");
  }

  var morphLib = null;
  function loadMorph() {
    if (!morphLib) {
      morphLib = new Promise(function (resolve, reject) {
        if (window.Idiomorph) return resolve(window.Idiomorph);
        var s = document.createElement("script");
        s.src = morphURL;
        s.setAttribute("data-cchc", "");
        s.onload = function () { window.Idiomorph ? resolve(window.Idiomorph) : reject(); };
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return morphLib;
  }

  // morph fetches the page again and morphs it into this one; it resolves
  // to false when the page must reload instead.
  function morph() {
    var url = location.href.split("#")[0];
    return Promise.all([fetch(url, {cache: "no-store", credentials: "same-origin"}), loadMorph()]).then(function (r) {
      var res = r[0], lib = r[1];
      if (!res.ok || res.redirected) return false;
      return res.text().then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        if (scripts(document).length || scripts(doc).length || sheetKeys(document) !== sheetKeys(doc)) return false;
        // Stylesheets whose fingerprint changed are swapped without a
        // flash, as for a stylesheet-only change: the morph keeps the old
        // links and swapStyles loads the new ones beside them.
        var hrefs = sheets(doc).map(function (l) { return new URL(l.getAttribute("href"), location.href).pathname; });
        var current = {};
        sheets(document).forEach(function (l) { current[sheetKey(new URL(l.href).pathname)] = l.getAttribute("href"); });
        sheets(doc).forEach(function (l) {
          var href = current[sheetKey(new URL(l.getAttribute("href"), location.href).pathname)];
          if (href) l.setAttribute("href", href);
        });
        var x = window.scrollX, y = window.scrollY;
        lib.morph(document.documentElement, doc.documentElement, {
          // Idiomorph leaves the focused element's content alone with this:
          // right for a field being typed in, wrong for a focused link or
          // <summary>, whose text must follow the edit.
          ignoreActiveValue: typing(),
          callbacks: {
            beforeNodeAdded: keepScripts,
            beforeNodeRemoved: function (n) { return keepScripts(n) && n.id !== boxId; },
            beforeNodeMorphed: function (old) { return keepScripts(old) && old.id !== boxId; },
            beforeAttributeUpdated: keepState
          }
        });
        swapStyles(hrefs);
        restoreDisclosures(); // one the morph added comes as the server wrote it
        if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
        return true;
      });
    });
  }

  function typing() {
    var a = document.activeElement;
    return !!a && (/^(INPUT|TEXTAREA|SELECT)$/.test(a.nodeName) || a.isContentEditable);
  }

  // Scripts are never added, removed or changed by a morph: ours must stay,
  // and a page with scripts of its own reloads instead. Data (JSON-LD) is
  // not code and is updated like the rest.
  function keepScripts(n) { return n.nodeName !== "SCRIPT" || !isCode(n); }

  // What the reader changed stays: open <details> and form fields.
  function keepState(attr, el) {
    if (attr === "open" && el.nodeName === "DETAILS") return false;
    return !(/^(value|checked|selected)$/.test(attr) && /^(INPUT|TEXTAREA|SELECT|OPTION)$/.test(el.nodeName));
  }

  // --- the stream ---
  var es = null;
  var listening = false; // this tab wants a stream open
  function open(onEvent) {
    listening = true;
    if (es) return;
    var mine = es = new EventSource(stream);
    events.forEach(function (name) {
      mine.addEventListener(name, function (e) { onEvent({name: name, id: e.lastEventId, data: e.data}); });
    });
    mine.onerror = function () {
      // The browser retries by itself while the server is away; a refused
      // answer (server restarted, too many tabs) closes the stream: retry.
      if (mine.readyState !== EventSource.CLOSED || es !== mine) return;
      es = null;
      setTimeout(function () { if (listening) open(onEvent); }, 2000);
    };
  }
  function close() {
    listening = false;
    if (es) es.close();
    es = null;
  }

  addEventListener("visibilitychange", function () { update(); });

  var name = "cchc-livereload " + stream;
  if (window.BroadcastChannel && navigator.locks && navigator.locks.request) {
    var channel = new BroadcastChannel(name);
    var leading = false;
    var state = null; // the leader's view: {id, error}
    channel.onmessage = function (e) {
      var m = e.data;
      if (m === "join") {
        if (leading && state) channel.postMessage({name: "hello", id: state.id, data: state.error});
        return;
      }
      if (m && typeof m.name === "string") apply(m);
    };
    navigator.locks.request(name, function () {
      leading = true;
      me.setAttribute("data-leader", ""); // for whoever asks which tab listens
      open(function (m) {
        if (m.name === "hello") state = {id: m.id, error: m.data};
        else if (state && (m.name === "reload" || m.name === "css")) state.id = m.id;
        else if (state && m.name === "build-error") state.error = m.data;
        else if (state && m.name === "ok") state.error = "";
        channel.postMessage(m);
        apply(m);
      });
      return new Promise(function () {}); // held until the tab goes away
    });
    channel.postMessage("join");
    // Back from the back-forward cache: ask what changed meanwhile.
    addEventListener("pageshow", function (e) { if (e.persisted) channel.postMessage("join"); });
  } else {
    var toggle = function () { if (document.hidden) close(); else open(apply); };
    addEventListener("visibilitychange", toggle);
    toggle();
  }
  // Fetch the morphing library once the page is in, ready for the first change.
  var warm = function () { loadMorph().catch(function () {}); };
  if (document.readyState === "complete") warm(); else addEventListener("load", warm);
})();
