package main

// customHelp is the one-line rule of each check axecheck adds to axe.
var customHelp = map[string]string{
	"cchc-lang-vi":       `The <html> element has lang="vi"`,
	"cchc-one-main":      "The page has exactly one <main> landmark",
	"cchc-skip-link":     "The first Tab reaches a visible skip link to <main>, and Enter on it moves the focus there",
	"cchc-focus-visible": "A focused element shows a visible focus indicator (outline, box-shadow, background or border)",
	"cchc-link-text":     "A link's text says where it goes, not only \"xem thêm\" or \"tại đây\" (WCAG 2.4.4)",
	"cchc-reflow":        "The page does not scroll sideways (WCAG 1.4.10 Reflow)",
	"cchc-meta-refresh":  "A redirect page refreshes at once (0 s)",
}

// pendingJS runs before the page's own scripts: it counts the page's
// fetch and XMLHttpRequest calls still under way, for settleJS.
const pendingJS = `(() => {
  let n = 0;
  window.__axecheckPending = () => n;
  const f = window.fetch;
  if (f) window.fetch = function (...args) { n++; return f.apply(this, args).finally(() => { n--; }); };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    n++; this.addEventListener("loadend", () => { n--; }, {once: true});
    return send.apply(this, args);
  };
})();`

// settleJS waits until no request of the page is under way and the DOM
// has not changed for 300 ms (a page that fetches and shows results from
// its query), at most 5 s.
const settleJS = `new Promise(done => {
  let quiet;
  const pending = window.__axecheckPending || (() => 0);
  const arm = () => { clearTimeout(quiet); quiet = setTimeout(() => pending() ? arm() : end(), 300); };
  const mo = new MutationObserver(arm);
  const hard = setTimeout(end, 5000);
  function end() { mo.disconnect(); clearTimeout(quiet); clearTimeout(hard); done(true); }
  mo.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  arm();
})`

// axeRunJS runs axe-core with the tags given as a JSON array, and returns
// the violations only, with a selector per node.
const axeRunJS = `(async () => {
  if (!window.axe) throw new Error("axe-core is not loaded in the page");
  const r = await axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]});
  return {
    version: axe.version,
    violations: r.violations.map(v => ({
      id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map(n => ({target: n.target.flat().join(" "), summary: n.failureSummary || ""})),
    })),
  };
})()`

// helpersJS defines sel(el), a short CSS path for a report, and the
// findings list out with add(rule, el, detail).
const helpersJS = `
const sel = el => {
  if (!el || el.nodeType !== 1) return String(el);
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
    if (e.id) { parts.unshift("#" + CSS.escape(e.id)); break; }
    let s = e.localName;
    if (e.classList.length) s += "." + [...e.classList].map(c => CSS.escape(c)).join(".");
    const p = e.parentElement;
    if (p && e !== document.body && e !== document.documentElement) {
      const same = [...p.children].filter(c => c.localName === e.localName);
      if (same.length > 1) s += ":nth-of-type(" + (same.indexOf(e) + 1) + ")";
    }
    parts.unshift(s);
    if (e === document.body) break;
  }
  return parts.join(" > ");
};
const out = [];
const add = (rule, el, detail) => out.push({rule, target: typeof el === "string" ? el : sel(el), detail: detail || ""});
const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
`

// script wraps a check's body, with the helpers, in a function: names
// declared at the top level of an evaluation would stay in the page and
// clash with the next one.
func script(body string) string { return "(() => {" + helpersJS + body + "})()" }

// isRedirectJS tells a redirect page (its meta refresh turned off by the
// server): one sentence and one link, it needs no skip link.
const isRedirectJS = `document.querySelector('meta[http-equiv="x-refresh-off" i]') !== null`

// structureJS runs after one Tab from the page's start.
const structureJS = `
  const lang = document.documentElement.getAttribute("lang");
  if (lang !== "vi" && !/^vi-/i.test(lang || "")) add("cchc-lang-vi", "html", lang === null ? "no lang attribute" : 'lang="' + lang + '"');

  const refresh = document.querySelector('meta[http-equiv="x-refresh-off" i]');
  const redirect = refresh !== null;
  if (redirect && !/^\s*0\s*(;|$)/.test(refresh.content)) add("cchc-meta-refresh", "meta", 'content="' + refresh.content + '"');

  const mains = document.querySelectorAll("main, [role=main]");
  if (mains.length !== 1) add("cchc-one-main", "html", mains.length + " main landmarks");
  const main = mains[0];

  // A redirect page shows one sentence and one link: it needs no skip link.
  if (redirect) return out;
  const a = document.activeElement;
  if (!a || a === document.body || a.localName !== "a") {
    add("cchc-skip-link", a || "html", "the first Tab focuses " + (a && a !== document.body ? sel(a) : "nothing") + ", not a skip link");
    return out;
  }
  const href = a.getAttribute("href") || "";
  if (!href.startsWith("#")) {
    add("cchc-skip-link", a, "the first focusable element links to " + href + ", not to an anchor in the page");
    return out;
  }
  const target = document.getElementById(decodeURIComponent(href.slice(1)));
  if (!target || !main || target !== main) {
    add("cchc-skip-link", a, href + " is " + (target ? sel(target) : "missing") + ", not the <main> element");
    return out;
  }
  const r = a.getBoundingClientRect();
  if (!shown(a) || r.width < 1 || r.height < 1 || r.top < 0 || r.left < 0 || r.right > innerWidth || r.bottom > innerHeight) {
    add("cchc-skip-link", a, "not fully visible when focused (" + [r.left, r.top, r.width, r.height].map(Math.round).join(",") + ")");
  }
  if (!a.textContent.trim()) add("cchc-skip-link", a, "the skip link has no text");
  return out;
`

// linkTextJS finds links whose whole text says nothing of where they go
// ("xem thêm", "tại đây"…): WCAG 2.4.4 asks for the purpose of a link
// from its text, and a screen reader's list of links shows only that.
const linkTextJS = `
  const vague = new Set(["tai day", "o day", "day", "xem", "xem them", "xem tiep", "doc them", "doc tiep",
    "chi tiet", "xem chi tiet", "bam vao day", "nhan vao day", "bam day", "nhan day", "link", "lien ket",
    "tai ve", "tai xuong", "click", "click here", "here", "more", "read more", "..."]);
  const fold = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
    .toLowerCase().replace(/[^a-z0-9.]+/g, " ").trim();
  for (const a of document.querySelectorAll("a[href]")) {
    if (!shown(a)) continue;
    let name = a.getAttribute("aria-label") || "";
    const by = a.getAttribute("aria-labelledby");
    if (!name && by) name = by.split(/\s+/).map(id => document.getElementById(id)?.textContent || "").join(" ");
    if (!name) name = a.textContent + " " + [...a.querySelectorAll("img[alt]")].map(i => i.alt).join(" ");
    if (vague.has(fold(name))) add("cchc-link-text", a, 'the link says only "' + name.trim() + '"');
  }
`

// skipTargetJS runs after Enter on the skip link.
const skipTargetJS = `
  const main = document.querySelector("main, [role=main]");
  const a = document.activeElement;
  if (!main || !(a === main || main.contains(a))) {
    add("cchc-skip-link", a || "html", "after Enter on the skip link the focus is on " + sel(a) + ", not in <main> (give <main> tabindex=\"-1\")");
  }
  return out;
`

// focusAndReflowJS focuses each focusable element (the keyboard was used,
// so :focus-visible matches) and compares its outline and box-shadow with
// its unfocused look; then it looks for content wider than the viewport.
const focusAndReflowJS = `
  const focusables = [...document.querySelectorAll(
    'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable=false])'
  )].filter(el => !el.disabled && el.tabIndex >= 0 && shown(el));
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  const look = el => {
    const cs = getComputedStyle(el);
    return {outline: [cs.outlineStyle, cs.outlineWidth, cs.outlineColor].join(" "), style: cs.outlineStyle,
            width: parseFloat(cs.outlineWidth), color: cs.outlineColor, shadow: cs.boxShadow,
            background: cs.backgroundColor, border: [cs.borderTopColor, cs.borderRightColor, cs.borderBottomColor, cs.borderLeftColor].join(" ")};
  };
  const transparent = c => /^rgba\(.*,\s*0\)$/.test(c) || c === "transparent";
  const before = focusables.map(look);
  let bad = 0;
  focusables.forEach((el, i) => {
    el.focus({preventScroll: true});
    if (document.activeElement !== el) return; // not focusable after all
    const now = look(el), was = before[i];
    const outline = now.style !== "none" && now.width > 0 && !transparent(now.color) && now.outline !== was.outline;
    const shadow = now.shadow !== "none" && now.shadow !== was.shadow;
    // A fill of its own (the GOV.UK pattern) or a new border colour shows too.
    const fill = !transparent(now.background) && now.background !== was.background;
    const border = now.border !== was.border;
    if (!outline && !shadow && !fill && !border && bad++ < 10) {
      add("cchc-focus-visible", el, "focused: outline " + now.outline + ", box-shadow " + now.shadow + ", background " + now.background +
        (el.matches(":focus-visible") ? "" : " (:focus-visible did not match)"));
    }
  });
  if (bad > 10) add("cchc-focus-visible", "html", (bad - 10) + " more elements without a visible focus");
  if (document.activeElement) document.activeElement.blur();

  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1) {
    const clips = el => {
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o !== "visible") return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll("*")].filter(el => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > vw + 1 && !clips(el);
    });
    const outer = wide.filter(el => !wide.includes(el.parentElement));
    outer.slice(0, 5).forEach(el => add("cchc-reflow", el,
      "reaches " + Math.round(el.getBoundingClientRect().right) + " px in a " + vw + " px viewport"));
    if (outer.length === 0) add("cchc-reflow", "html", "the page is " + document.documentElement.scrollWidth + " px wide in a " + vw + " px viewport");
  }
  return out;
`
