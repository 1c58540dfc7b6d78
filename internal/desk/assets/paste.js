// Paste from Word or a web page: the clipboard's HTML, cleaned of what Word
// adds, turned into Markdown by turndown and its GFM plugin (tables,
// strike-through). Images held in the HTML as data: URLs are returned for
// the caller to save beside the page; images the browser cannot read
// (Word's file:/// copies, pictures of other sites) are dropped and
// counted, so the writer can be told.
(function () {
  'use strict';
  var desk = window.cchcDesk;
  if (!window.TurndownService) return;

  var service = new TurndownService({
    headingStyle: 'atx', hr: '---', bulletListMarker: '-', codeBlockStyle: 'fenced',
    emDelimiter: '*', strongDelimiter: '**', linkStyle: 'inlined'
  });
  service.use(turndownPluginGfm.gfm);
  // goldmark's strike-through needs two tildes.
  service.addRule('strike', {filter: ['del', 's', 'strike'], replacement: function (c) { return c.trim() ? '~~' + c + '~~' : ''; }});
  // A cell is one line of a GFM table: line breaks become spaces, and a |
  // of the text must not end the cell.
  service.addRule('cell', {
    filter: ['th', 'td'],
    replacement: function (content, node) {
      var text = content.replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|').trim();
      var first = node.parentNode.firstElementChild === node;
      return (first ? '| ' : ' ') + text + ' |';
    }
  });
  // One space after a list's marker, as a writer types it ("- ", "1. ").
  service.addRule('item', {
    filter: 'li',
    replacement: function (content, node) {
      var prefix = '- ', parent = node.parentNode;
      if (parent.nodeName === 'OL') {
        var start = parent.getAttribute('start');
        prefix = (start ? Number(start) : 1) + Array.prototype.indexOf.call(parent.children, node) + '. ';
      }
      var para = /\n$/.test(content);
      content = content.replace(/^\n+/, '').replace(/\n+$/, '') + (para ? '\n' : '');
      content = content.replace(/\n/gm, '\n' + ' '.repeat(prefix.length));
      return prefix + content + (node.nextSibling ? '\n' : '');
    }
  });
  service.remove(['style', 'script', 'meta', 'title', 'link', 'xml', 'o:p']);

  // Paragraphs styled mso-list are Word's lists: each run of them becomes
  // <ul> or <ol> (by the marker Word wrote), nested by their level.
  function wordLists(root) {
    var paras = Array.prototype.filter.call(root.querySelectorAll('p'), function (p) {
      return /mso-list:\s*l\d/.test(p.getAttribute('style') || '');
    });
    var groups = [], prev = null;
    paras.forEach(function (p) {
      if (prev && prev.nextElementSibling === p) groups[groups.length - 1].push(p);
      else groups.push([p]);
      prev = p;
    });
    groups.forEach(function (group) {
      var stack = [], anchor = group[0];
      group.forEach(function (p) {
        var m = /level(\d+)/.exec(p.getAttribute('style'));
        var level = Math.min(m ? Number(m[1]) : 1, 6);
        var marker = '';
        p.querySelectorAll('span[style*="mso-list"]').forEach(function (s) {
          if (/mso-list:\s*Ignore/i.test(s.getAttribute('style'))) { marker += s.textContent; s.remove(); }
        });
        var ordered = /^\s*\(?([0-9]+|[a-zA-Z]|[ivxIVX]+)[.)]/.test(marker);
        while (stack.length > level) stack.pop();
        while (stack.length < level) {
          var list = document.createElement(ordered ? 'ol' : 'ul');
          if (stack.length === 0) anchor.before(list);
          else (stack[stack.length - 1].lastElementChild || stack[stack.length - 1]).appendChild(list);
          stack.push(list);
        }
        var li = document.createElement('li');
        while (p.firstChild) li.appendChild(p.firstChild);
        stack[stack.length - 1].appendChild(li);
      });
      group.forEach(function (p) { p.remove(); });
    });
  }

  // Word and Google Docs mark bold and italic with styles, not tags.
  function styledText(root) {
    root.querySelectorAll('b[id^="docs-internal-guid"], b[style*="font-weight:normal"], b[style*="font-weight: normal"]').forEach(unwrap);
    root.querySelectorAll('span[style]').forEach(function (s) {
      var st = s.getAttribute('style');
      var wrap = s;
      if (/font-weight:\s*(bold|[6-9]00)/.test(st)) wrap = wrapIn(wrap, 'strong');
      if (/font-style:\s*italic/.test(st)) wrapIn(wrap, 'em');
    });
  }

  function wrapIn(el, tag) {
    var w = document.createElement(tag);
    el.parentNode.insertBefore(w, el);
    w.appendChild(el);
    return w;
  }

  function unwrap(el) {
    while (el.firstChild) el.parentNode.insertBefore(el.firstChild, el);
    el.remove();
  }

  // A GFM table needs a header row and cells of one line: the first row
  // becomes the header, paragraphs in a cell are joined, merged columns
  // are repeated as empty cells.
  function tables(root) {
    root.querySelectorAll('table').forEach(function (t) {
      t.querySelectorAll('table').forEach(function (inner) { inner.replaceWith(document.createTextNode(inner.textContent)); });
      Array.prototype.forEach.call(t.querySelectorAll('tr, thead, tbody, tfoot'), function (el) {
        Array.prototype.slice.call(el.childNodes).forEach(function (n) { if (n.nodeType !== 1) n.remove(); });
      });
      Array.prototype.slice.call(t.childNodes).forEach(function (n) { if (n.nodeType !== 1) n.remove(); });
      t.querySelectorAll('td, th').forEach(function (c) {
        c.querySelectorAll('br').forEach(function (br) { br.replaceWith(' '); });
        c.querySelectorAll('p, div, li').forEach(function (p) { p.append(' '); unwrap(p); });
        var span = Number(c.getAttribute('colspan') || 1);
        for (var i = 1; i < span && i < 50; i++) c.after(document.createElement(c.tagName));
      });
      var first = t.rows[0];
      if (!first) return;
      Array.prototype.slice.call(first.cells).forEach(function (c) {
        if (c.tagName === 'TH') return;
        var th = document.createElement('th');
        th.innerHTML = c.innerHTML;
        c.replaceWith(th);
      });
      if (first.parentNode.tagName !== 'THEAD') {
        var head = document.createElement('thead');
        t.insertBefore(head, t.firstChild);
        head.appendChild(first);
      }
    });
  }

  // The page's title is its own <h1>: headings pasted from a document
  // that starts at Heading 1 move one level down.
  function headings(root) {
    if (!root.querySelector('h1')) return;
    root.querySelectorAll('h1, h2, h3, h4, h5').forEach(function (h) {
      var n = document.createElement('h' + (Number(h.tagName[1]) + 1));
      n.innerHTML = h.innerHTML;
      h.replaceWith(n);
    });
  }

  // convert turns clipboard HTML into {markdown, images, dropped}: images
  // are [{name, data, alt}] referred to by name in the Markdown.
  function convert(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var root = doc.body;
    var walker = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    var comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach(function (c) { c.remove(); });
    root.querySelectorAll('a[href]').forEach(function (a) {
      if (!/^(https?:|mailto:|tel:|#|\/|\.)/i.test(a.getAttribute('href').trim()) || /^#_/.test(a.getAttribute('href'))) unwrap(a);
    });
    wordLists(root);
    styledText(root);
    tables(root);
    headings(root);
    var images = [], dropped = 0;
    root.querySelectorAll('img').forEach(function (img) {
      var src = img.getAttribute('src') || '';
      var m = /^data:(image\/(png|jpeg|gif|webp));base64,/i.exec(src);
      if (!m) {
        dropped++;
        var alt = (img.getAttribute('alt') || '').trim();
        if (alt) img.replaceWith(doc.createTextNode(alt));
        else img.remove();
        return;
      }
      var ext = m[2].toLowerCase() === 'jpeg' ? 'jpg' : m[2].toLowerCase();
      var name = 'anh-dan-' + (images.length + 1) + '.' + ext;
      images.push({name: name, data: src, alt: (img.getAttribute('alt') || '').trim()});
      img.setAttribute('src', name);
      if (!img.getAttribute('alt')) img.setAttribute('alt', 'Mô tả ảnh');
    });
    var md = service.turndown(root.innerHTML).normalize('NFC');
    md = md.replace(/\u00a0/g, ' ').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
    return {markdown: md, images: images, dropped: dropped};
  }

  // dataBlob turns a data: URL into a Blob without a request.
  function dataBlob(url) {
    var comma = url.indexOf(',');
    var bin = atob(url.slice(comma + 1));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], {type: url.slice(5, url.indexOf(';'))});
  }

  desk.paste = {convert: convert, dataBlob: dataBlob};
})();
