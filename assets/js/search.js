// Site search of the CCHC column, on the search page only (tim-kiem/).
//
// The index is made at build time (internal/search); this client follows
// the contract in the search index format notes exactly: the same
// normalisation, chunk lookup, scoring and order as the Go reference, which
// the browser tests compare with. No framework, no request off the origin.
(function () {
  'use strict';

  const form = document.getElementById('tim-kiem-form');
  if (!form || !window.fetch || !String.prototype.normalize) {
    return; // the page says so in its <noscript> text and stays usable
  }

  // ---- Normalisation (contract: "Text normalisation") ----

  const TONES = { '\u0300': '2', '\u0301': '1', '\u0303': '4', '\u0309': '3', '\u0323': '5' };
  const TOKEN = /[\p{L}\p{M}\p{Nd}]+/gu;
  const MARK = /\p{Mn}/gu;
  const Y_TO_I = /^(?:[bcdghklmnpqrstvx]+|qu)y$/;
  const MAX_RUNES = 40;
  const MAX_TERMS = 8;

  // tokens lists the words of text with their place: {word (lower case),
  // start, end} in UTF-16 offsets of text. Words over 40 runes are dropped.
  function tokens(text) {
    const out = [];
    TOKEN.lastIndex = 0;
    let m;
    while ((m = TOKEN.exec(text)) !== null) {
      const word = lower(m[0]);
      if (runeCount(word) > MAX_RUNES || foldOf(word) === '') {
        continue; // as the Go side: too long, or only marks
      }
      out.push({ word: word, start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  // lower lower-cases rune by rune, as Go's unicode.ToLower: no final
  // sigma by context, and İ gives one i.
  function lower(s) {
    return s.replace(/İ/g, 'i').replace(/Σ/g, 'σ').toLowerCase();
  }

  function runeCount(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) {
        n++; // a low surrogate continues the rune before it
      }
    }
    return n;
  }

  // form is the exact-diacritic key: tone marks out, their digit appended.
  function formOf(word) {
    let tone = '';
    let rest = '';
    for (const ch of word.normalize('NFD')) {
      const digit = TONES[ch];
      if (digit === undefined) {
        rest += ch;
      } else if (tone === '') {
        tone = digit;
      }
    }
    return rest.normalize('NFC') + tone;
  }

  // fold is the search key: no nonspacing marks, đ → d, and a final y
  // after consonants → i.
  function foldOf(word) {
    const s = word.normalize('NFD').replace(MARK, '').replace(/đ/g, 'd');
    return Y_TO_I.test(s) ? s.slice(0, -1) + 'i' : s;
  }

  // compare orders strings by code point, which is the byte order of their
  // UTF-8 form that the index is sorted by (UTF-16 order differs above U+E000).
  function compare(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      let x = a.charCodeAt(i);
      let y = b.charCodeAt(i);
      if (x !== y) {
        if (x >= 0xd800 && y >= 0xd800) {
          x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
          y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
        }
        return x < y ? -1 : 1;
      }
    }
    return a.length - b.length;
  }

  // Go's unicode.IsSpace, for the end of a query.
  const ENDS_IN_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

  // parseQuery turns what the reader typed into at most 8 terms; the last
  // is a prefix term unless the query ends with white space or had more
  // words than that.
  function parseQuery(q) {
    q = q.normalize('NFC');
    const words = tokens(q);
    const terms = words.slice(0, MAX_TERMS).map(function (t) {
      const form = formOf(t.word);
      const fold = foldOf(t.word);
      return { fold: fold, form: form, marked: form !== fold, prefix: false };
    });
    if (terms.length > 0 && words.length <= MAX_TERMS && !ENDS_IN_SPACE.test(q)) {
      terms[terms.length - 1].prefix = true;
    }
    return terms;
  }

  // ---- Index files ----

  const base = form.dataset.base || '/';
  const metaURL = form.dataset.index || '';
  const indexDir = metaURL.slice(0, metaURL.lastIndexOf('/') + 1);
  const files = new Map(); // URL → Promise of the parsed JSON

  function fetchJSON(url) {
    let p = files.get(url);
    if (p === undefined) {
      p = fetch(url, { credentials: 'same-origin' }).then(function (res) {
        if (!res.ok) {
          throw new Error(url + ': HTTP ' + res.status);
        }
        return res.json();
      });
      // A failure is not kept: the next query tries again.
      p.catch(function () { files.delete(url); });
      files.set(url, p);
    }
    return p;
  }

  function loadMeta() {
    if (metaURL === '') {
      return Promise.reject(new Error('no search index on this page'));
    }
    return fetchJSON(metaURL).then(function (meta) {
      if (!meta || meta.v !== 2) {
        throw new Error('unknown search index version');
      }
      return meta;
    });
  }

  // lastAtOrBelow is the index of the last chunk whose first key is <= key.
  function lastAtOrBelow(chunks, key) {
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (compare(chunks[mid][0], key) <= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  // chunksFor lists the files to fetch for key: the chunk holding it, and
  // for a prefix the following chunks whose first key starts with it,
  // three at most (the first three still hold words with that prefix).
  function chunksFor(chunks, key, prefix) {
    if (chunks.length === 0) {
      return [];
    }
    const first = lastAtOrBelow(chunks, key);
    let end = first + 1;
    if (prefix) {
      while (end < chunks.length && chunks[end][0].startsWith(key)) {
        end++;
      }
      end = Math.min(end, first + 3);
    }
    return chunks.slice(first, end).map(function (c) { return c[1]; });
  }

  const own = Object.prototype.hasOwnProperty;

  // Numbers in the index files are base-32 digits, least significant
  // first, each digit but a number's last from the upper half of NUM.
  const NUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < NUM.length; i++) {
    DIGIT[NUM.charCodeAt(i)] = i;
  }

  // docsOf decodes a string of document deltas into document numbers.
  function docsOf(s) {
    const out = [];
    let doc = 0;
    let v = 0;
    let shift = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const d = c < 128 ? DIGIT[c] : -1;
      if (d < 0 || shift > 25) {
        throw new Error('bad list in the search index');
      }
      v |= (d & 31) << shift;
      if (d < 32) {
        doc += v;
        out.push(doc);
        v = 0;
        shift = 0;
      } else {
        shift += 5;
      }
    }
    return out;
  }

  // keysIn lists the keys of a chunk that key matches: itself, or for a
  // prefix every key starting with it.
  function keysIn(chunk, key, prefix) {
    if (!prefix) {
      return own.call(chunk, key) ? [key] : [];
    }
    return Object.keys(chunk).filter(function (k) { return k.startsWith(key); });
  }

  // A posting's w is 5 * the rank of its best field (title, topics,
  // summary, body) + its count up to 5, less one.
  const FIELD_WEIGHT = [30, 20, 10, 3];
  const MAX_TF = 5;

  // run scores every document matching the query: [{id, score}] in order
  // (score descending, then id ascending: newer first).
  async function run(terms) {
    if (terms.length === 0) {
      return { meta: null, hits: [] };
    }
    const meta = await loadMeta();
    const wordFiles = terms.map(function (t) { return chunksFor(meta.w, t.fold, t.prefix); });
    const pairKeys = [];
    for (let i = 0; i + 1 < terms.length; i++) {
      pairKeys.push(terms[i].fold + ' ' + terms[i + 1].fold);
    }
    const pairFiles = pairKeys.map(function (k, i) { return chunksFor(meta.p, k, terms[i + 1].prefix); });
    const load = function (names) {
      return Promise.all(names.map(function (n) { return fetchJSON(indexDir + n); }));
    };
    const [wordChunks, pairChunks] = await Promise.all([
      Promise.all(wordFiles.map(load)),
      Promise.all(pairFiles.map(load)),
    ]);

    // found[i]: the documents where terms i and i+1 are adjacent.
    const found = pairKeys.map(function (key, i) {
      const docs = new Set();
      for (const chunk of pairChunks[i]) {
        for (const k of keysIn(chunk, key, terms[i + 1].prefix)) {
          for (const id of docsOf(chunk[k])) {
            docs.add(id);
          }
        }
      }
      return docs;
    });
    const common = new Set(meta.c || []);

    const best = terms.map(function (t, i) {
      // When the phrase is found somewhere, a fold match of a common word
      // ("cua" as "của") counts only in a document with the phrase
      // (internal/searchtoken/common.go).
      const near = [found[i - 1], found[i]].filter(function (s) { return s && s.size > 0; });
      t.phrase = near.length > 0;
      const away = function (form, id) {
        return near.length > 0 && form !== t.form && common.has(form) &&
          !near.some(function (s) { return s.has(id); });
      };
      const values = new Map();
      for (const chunk of wordChunks[i]) {
        for (const key of keysIn(chunk, t.fold, t.prefix)) {
          const exact = key === t.fold;
          const forms = chunk[key];
          for (const form of Object.keys(forms)) {
            const bonus = t.marked && form === t.form ? 15 : 0;
            const ids = docsOf(forms[form][0]);
            const ws = forms[form][1];
            for (let j = 0; j < ids.length; j++) {
              const id = ids[j];
              if (away(form, id)) {
                continue;
              }
              const w = DIGIT[ws.charCodeAt(j)];
              let v = FIELD_WEIGHT[(w / MAX_TF) | 0] + (w % MAX_TF) + 1 + bonus;
              if (!exact) {
                v = v >> 1;
              }
              const old = values.get(id);
              if (old === undefined || v > old) {
                values.set(id, v);
              }
            }
          }
        }
      }
      return values;
    });

    const pairs = new Map(); // id → number of adjacent term pairs found
    for (const docs of found) {
      for (const id of docs) {
        pairs.set(id, (pairs.get(id) || 0) + 1);
      }
    }

    const scores = new Map();
    for (const values of best) {
      for (const [id, v] of values) {
        const s = scores.get(id) || { matched: 0, sum: 0 };
        s.matched++;
        s.sum += v;
        scores.set(id, s);
      }
    }
    const hits = [];
    for (const [id, s] of scores) {
      hits.push({ id: id, score: 1000 * s.matched + 100 * (pairs.get(id) || 0) + s.sum });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return { meta: meta, hits: hits };
  }

  // applyFilters keeps the hits in the section and topic (slugs; "" for
  // any). The documents of each are in the filter file, fetched only then.
  async function applyFilters(meta, hits, filters) {
    if (!meta || (!filters.section && !filters.topic)) {
      return hits;
    }
    const sec = filters.section ? meta.sections.findIndex(function (s) { return s[0] === filters.section; }) : -1;
    const top = filters.topic ? meta.topics.findIndex(function (t) { return t[0] === filters.topic; }) : -1;
    if ((filters.section && sec < 0) || (filters.topic && top < 0)) {
      return [];
    }
    const file = await fetchJSON(indexDir + meta.filter);
    const sets = [];
    if (filters.section) {
      sets.push(new Set(docsOf(file.sec[sec])));
    }
    if (filters.topic) {
      sets.push(new Set(docsOf(file.top[top])));
    }
    return hits.filter(function (h) {
      return sets.every(function (s) { return s.has(h.id); });
    });
  }

  // loadFragment fetches what document id's result shows, from the bundle
  // of records that holds it: {u: URL, t: title, d: date, s: section, m: summary}.
  function loadFragment(meta, id) {
    const k = Math.floor(id / meta.bundle);
    const fp = meta.docs.slice(10 * k, 10 * k + 10);
    return fetchJSON(indexDir + 'd' + k + '.' + fp + '.json').then(function (bundle) {
      const r = bundle[id - k * meta.bundle];
      const sec = r[3] >= 0 ? meta.sections[r[3]] : null;
      return { u: r[0], t: r[1], d: r[2], s: sec ? sec[1] : '', m: r[4] };
    });
  }

  // ---- Highlighting and snippets ----

  // matcher tells whether a word of a result is one the reader looked for.
  // matcher returns isHit(toks, k): whether token k of a text matches the
  // query. A common word matched by its fold only ("của" for "cua") is a
  // hit only beside the query's next or previous word, when the query's
  // phrase was found (run sets t.phrase): "một cửa" is marked, not every
  // "của" and "một" of the page.
  function matcher(terms, commonForms) {
    const common = new Set(commonForms || []);
    const fits = function (t, word) {
      const f = foldOf(word);
      return t.prefix ? f.startsWith(t.fold) : f === t.fold;
    };
    return function (toks, k) {
      const word = toks[k].word;
      return terms.some(function (t, i) {
        if (!fits(t, word)) {
          return false;
        }
        const form = formOf(word);
        if (!t.phrase || form === t.form || !common.has(form)) {
          return true;
        }
        return (i > 0 && k > 0 && fits(terms[i - 1], toks[k - 1].word)) ||
          (i + 1 < terms.length && k + 1 < toks.length && fits(terms[i + 1], toks[k + 1].word));
      });
    };
  }

  // marked returns text as nodes, the matching words in <mark>.
  function marked(text, isHit) {
    const frag = document.createDocumentFragment();
    let at = 0;
    const toks = tokens(text);
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!isHit(toks, k)) {
        continue;
      }
      if (t.start > at) {
        frag.append(text.slice(at, t.start));
      }
      const m = document.createElement('mark');
      m.textContent = text.slice(t.start, t.end);
      frag.append(m);
      at = t.end;
    }
    if (at < text.length) {
      frag.append(text.slice(at));
    }
    return frag;
  }

  const SNIPPET = 200;
  const BEFORE = 60;

  // snippet is about 200 characters of the summary around its first
  // matching word, or from its start, cut on spaces.
  function snippet(frag, isHit) {
    const m = frag.m || '';
    const toks = tokens(m);
    const hit = toks.find(function (t, k) { return isHit(toks, k); });
    return cut(m, hit ? hit.start : 0);
  }

  function cut(x, at) {
    let start = Math.max(0, Math.min(at - BEFORE, x.length - SNIPPET));
    if (start > 0 && !/\s/u.test(x[start - 1])) {
      const space = x.slice(start, at).search(/\s/u);
      start = space < 0 ? at : start + space + 1;
    }
    let end = Math.min(x.length, start + SNIPPET);
    if (end < x.length && !/\s/u.test(x[end])) {
      const space = x.slice(at, end).search(/\s\S*$/u);
      if (space >= 0) {
        end = at + space;
      }
    }
    return (start > 0 ? '… ' : '') + x.slice(start, end).trim() + (end < x.length ? ' …' : '');
  }

  // ---- The page ----

  const input = document.getElementById('tim-kiem-q');
  const status = document.getElementById('tim-kiem-trang-thai');
  const list = document.getElementById('tim-kiem-ket-qua');
  const more = document.getElementById('tim-kiem-them');
  const sectionSelect = document.getElementById('tim-kiem-chuyen-muc');
  const topicSelect = document.getElementById('tim-kiem-chu-de');
  const pageTitle = document.title;
  const PAGE = 10;
  const DEBOUNCE = 120;
  const PARAMS = { q: 'q', section: 'chuyen-muc', topic: 'chu-de' };

  let seq = 0; // number of the newest query; older answers are dropped
  let timer = 0;
  let shown = null; // {terms, meta, hits, count} of the list on screen
  let committedURL = location.href; // address of the current history entry at its last submit

  function filters() {
    return {
      section: sectionSelect ? sectionSelect.value : '',
      topic: topicSelect ? topicSelect.value : '',
    };
  }

  function addressFor(q, f) {
    const url = new URL(location.href);
    url.hash = '';
    for (const [key, value] of [[PARAMS.q, q], [PARAMS.section, f.section], [PARAMS.topic, f.topic]]) {
      if (value) {
        url.searchParams.set(key, value);
      } else {
        url.searchParams.delete(key);
      }
    }
    return url.href;
  }

  // remember puts the query in the address: while typing the current
  // history entry follows it (replaceState); a submit makes a new entry
  // (pushState) and gives the entry before it back its submitted address,
  // so Back returns to the previous search.
  function remember(how, q, f) {
    const url = addressFor(q, f);
    if (how === 'type') {
      if (url !== location.href) {
        history.replaceState(null, '', url);
      }
    } else if (how === 'submit' && url !== committedURL) {
      if (location.href !== committedURL) {
        history.replaceState(null, '', committedURL);
      }
      history.pushState(null, '', url);
      committedURL = url;
    }
    document.title = q.trim() ? '“' + q.trim() + '” – ' + pageTitle : pageTitle;
  }

  function optionLabel(select) {
    return select && select.value ? select.options[select.selectedIndex].text : '';
  }

  function countText(q, count) {
    const where = [];
    if (optionLabel(sectionSelect)) {
      where.push('chuyên mục “' + optionLabel(sectionSelect) + '”');
    }
    if (optionLabel(topicSelect)) {
      where.push('chủ đề “' + optionLabel(topicSelect) + '”');
    }
    const scope = where.length ? ' trong ' + where.join(', ') : '';
    if (count === 0) {
      return 'Không tìm thấy kết quả nào cho “' + q + '”' + scope +
        '. Hãy thử từ khóa khác, ngắn hơn' + (scope ? ', hoặc bỏ bộ lọc.' : '.');
    }
    return 'Tìm thấy ' + count.toLocaleString('vi-VN') + ' kết quả cho “' + q + '”' + scope + '.';
  }

  function resultItem(frag, isHit) {
    const li = document.createElement('li');
    li.className = 'search-result';
    const h = document.createElement('h2');
    h.className = 'search-result-title';
    const a = document.createElement('a');
    a.href = base + frag.u;
    a.append(marked(frag.t || frag.u, isHit));
    h.append(a);
    li.append(h);
    const info = [frag.s, frag.d].filter(Boolean).join(' · ');
    if (info) {
      const p = document.createElement('p');
      p.className = 'meta search-result-meta';
      p.textContent = info;
      li.append(p);
    }
    const text = snippet(frag, isHit);
    if (text) {
      const p = document.createElement('p');
      p.className = 'search-result-snippet';
      p.append(marked(text, isHit));
      li.append(p);
    }
    return li;
  }

  // items fetches the fragments of hits and makes their list items.
  async function items(view, hits) {
    const frags = await Promise.all(hits.map(function (h) { return loadFragment(view.meta, h.id); }));
    const isHit = matcher(view.terms, view.meta && view.meta.c);
    return frags.map(function (f) { return resultItem(f, isHit); });
  }

  function showMore(view) {
    more.hidden = view.count >= view.hits.length;
  }

  function failed(err) {
    status.textContent = 'Không tải được dữ liệu tìm kiếm. Hãy kiểm tra kết nối mạng rồi thử lại.';
    status.classList.add('search-error');
    list.replaceChildren();
    more.hidden = true;
    shown = null;
    if (window.console) {
      console.error('tìm kiếm:', err);
    }
  }

  // search runs the query in the box and shows its first results, unless a
  // newer query started meanwhile.
  async function search(how) {
    clearTimeout(timer);
    const mine = ++seq;
    const q = input.value;
    const f = filters();
    remember(how, q, f);
    const terms = parseQuery(q);
    if (terms.length === 0) {
      status.textContent = '';
      status.classList.remove('search-error');
      list.replaceChildren();
      more.hidden = true;
      shown = null;
      return;
    }
    list.setAttribute('aria-busy', 'true');
    // On a slow network the reader is told that something is on its way.
    const slow = setTimeout(function () {
      if (mine === seq) {
        status.classList.remove('search-error');
        status.textContent = 'Đang tìm…';
      }
    }, 500);
    try {
      const r = await run(terms);
      if (mine !== seq) {
        return;
      }
      const hits = await applyFilters(r.meta, r.hits, f);
      if (mine !== seq) {
        return;
      }
      const view = { terms: terms, meta: r.meta, hits: hits, count: Math.min(PAGE, hits.length) };
      const lis = await items(view, hits.slice(0, view.count));
      if (mine !== seq) {
        return;
      }
      list.replaceChildren.apply(list, lis);
      status.classList.remove('search-error');
      status.textContent = countText(q.trim(), hits.length);
      shown = view;
      showMore(view);
    } catch (err) {
      if (mine === seq) {
        failed(err);
      }
    } finally {
      clearTimeout(slow);
      if (mine === seq) {
        list.removeAttribute('aria-busy');
      }
    }
  }

  async function loadMore() {
    const view = shown;
    if (!view) {
      return;
    }
    const mine = seq;
    more.disabled = true;
    try {
      const next = view.hits.slice(view.count, view.count + PAGE);
      const lis = await items(view, next);
      if (mine !== seq || view !== shown) {
        return;
      }
      list.append.apply(list, lis);
      view.count += next.length;
      showMore(view);
      // The reader goes on from the first new result.
      const link = lis.length && lis[0].querySelector('a');
      if (link) {
        link.focus();
      }
    } catch (err) {
      if (mine === seq) {
        failed(err);
      }
    } finally {
      more.disabled = false;
    }
  }

  // fromAddress fills the form from the address (page load, Back, Forward).
  function fromAddress() {
    const params = new URL(location.href).searchParams;
    input.value = params.get(PARAMS.q) || '';
    for (const [select, key] of [[sectionSelect, PARAMS.section], [topicSelect, PARAMS.topic]]) {
      if (select) {
        const value = params.get(key) || '';
        select.value = value;
        if (select.value !== value) {
          select.value = ''; // an option that no longer exists: no filter
        }
      }
    }
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search('type'); }, DEBOUNCE);
  });
  // The index is fetched only when it may be needed: on focus, or with a query.
  input.addEventListener('focus', function () { loadMeta().catch(function () {}); });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    search('submit');
  });
  for (const select of [sectionSelect, topicSelect]) {
    if (select) {
      select.addEventListener('change', function () { search('submit'); });
    }
  }
  more.addEventListener('click', loadMore);
  window.addEventListener('popstate', function () {
    committedURL = location.href;
    fromAddress();
    search('none');
  });

  fromAddress();
  if (input.value.trim() !== '') {
    search('none');
  }

  // For browser tests and benchmarks: every result of a query, in order,
  // as the Go reference gives them: [{id, score, url}]. Like the page, it
  // fetches the fragments of the first 10 only: the others have url null.
  window.cchcSearch = {
    query: async function (q, f) {
      const r = await run(parseQuery(q));
      const hits = await applyFilters(r.meta, r.hits, { section: (f && f.section) || '', topic: (f && f.topic) || '' });
      const frags = await Promise.all(hits.slice(0, PAGE).map(function (h) { return loadFragment(r.meta, h.id); }));
      return hits.map(function (h, i) {
        return { id: h.id, score: h.score, url: i < frags.length ? base + frags[i].u : null };
      });
    },
    terms: parseQuery,
  };
})();
