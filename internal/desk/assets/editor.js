// The body's editor: a toolbar and keyboard shortcuts that write Markdown,
// a dialog that links another page of the site found by its title, and
// paste and drop of HTML, images, documents and Word files.
(function () {
  'use strict';
  var desk = window.cchcDesk;
  var area = document.getElementById('than-bai');
  var toolbar = document.querySelector('.toolbar');
  if (!area || !toolbar) return;

  // insert replaces the selection with text through the browser's editing,
  // so that Ctrl+Z undoes it, then selects [from, to) of the text.
  function insert(text, from, to) {
    var start = area.selectionStart;
    area.focus();
    if (!document.execCommand('insertText', false, text)) {
      area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new Event('input', {bubbles: true}));
    }
    if (from !== undefined) area.setSelectionRange(start + from, start + (to === undefined ? from : to));
  }

  function selected() { return area.value.slice(area.selectionStart, area.selectionEnd); }

  // wrap puts marks around the selection, or around a placeholder.
  function wrap(mark, placeholder) {
    var s = selected() || placeholder;
    insert(mark + s + mark, mark.length, mark.length + s.length);
  }

  // lines prefixes each line of the selection (the whole lines).
  function lines(prefix) {
    var v = area.value;
    var start = v.lastIndexOf('\n', area.selectionStart - 1) + 1;
    var end = v.indexOf('\n', area.selectionEnd);
    if (end < 0) end = v.length;
    area.setSelectionRange(start, end);
    var n = 0;
    var text = v.slice(start, end).split('\n').map(function (l) {
      n++;
      return (typeof prefix === 'function' ? prefix(n) : prefix) + l.replace(/^(#{1,6} |[-*] |\d+\. |> )/, '');
    }).join('\n');
    insert(text, 0, text.length);
  }

  // block inserts text on lines of its own.
  function block(text, from, to) {
    var before = area.value.slice(0, area.selectionStart);
    var lead = before === '' || /\n\n$/.test(before) ? '' : /\n$/.test(before) ? '\n' : '\n\n';
    insert(lead + text + '\n', lead.length + from, lead.length + to);
  }

  var actions = {
    heading: function () { lines('## '); },
    bold: function () { wrap('**', 'chữ đậm'); },
    italic: function () { wrap('*', 'chữ nghiêng'); },
    list: function () { lines('- '); },
    numbered: function () { lines(function (n) { return n + '. '; }); },
    quote: function () { lines('> '); },
    table: function () { block('| Cột 1 | Cột 2 |\n| --- | --- |\n| Ô 1 | Ô 2 |\n', 2, 7); },
    link: openLink,
    image: function () { document.getElementById('chon-anh').click(); }
  };

  // The toolbar is one tab stop; arrows move between its buttons.
  var buttons = Array.prototype.slice.call(toolbar.querySelectorAll('button'));
  buttons.forEach(function (b, i) {
    b.tabIndex = i === 0 ? 0 : -1;
    b.addEventListener('click', function () { actions[b.dataset.do](); });
  });
  toolbar.addEventListener('keydown', function (e) {
    var i = buttons.indexOf(document.activeElement), next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % buttons.length;
    if (e.key === 'ArrowLeft') next = (i - 1 + buttons.length) % buttons.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = buttons.length - 1;
    if (next < 0) return;
    e.preventDefault();
    buttons[i].tabIndex = -1;
    buttons[next].tabIndex = 0;
    buttons[next].focus();
  });

  area.addEventListener('keydown', function (e) {
    if (!(e.ctrlKey || e.metaKey)) return;
    var k = e.key.toLowerCase(), act = null;
    if (k === 'b' && !e.altKey) act = 'bold';
    if (k === 'i' && !e.altKey) act = 'italic';
    if (k === 'k') act = 'link';
    if (e.altKey && (k === '2' || e.code === 'Digit2')) act = 'heading';
    if (!act) return;
    e.preventDefault();
    actions[act]();
  });

  // The link dialog: a page of the site picked by its title (linked by its
  // file from content/, which survives moves into a bundle), or a URL.
  var dialog = document.getElementById('hop-lien-ket');
  var find = document.getElementById('lk-tim'), results = document.getElementById('lk-ket-qua');
  var textIn = document.getElementById('lk-chu'), urlIn = document.getElementById('lk-dia-chi');
  var pages = null, chosen = '', savedSel = [0, 0];
  function openLink() {
    savedSel = [area.selectionStart, area.selectionEnd];
    textIn.value = selected();
    urlIn.value = find.value = '';
    chosen = '';
    results.textContent = '';
    dialog.showModal();
    (textIn.value ? find : textIn).focus();
    if (!pages) {
      fetch('trang.json', {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (p) { pages = p; show(); });
    }
  }
  function show() {
    results.textContent = '';
    if (!pages) return;
    var want = desk.fold(find.value);
    if (!want) return;
    pages.filter(function (p) { return p.tim.indexOf(want) >= 0 && p.tep !== desk.state.tep; }).slice(0, 12).forEach(function (p) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = p.tieu_de + ' (' + p.muc + ')';
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', function () {
        chosen = '/' + p.tep.replace(/^content\//, '');
        results.querySelectorAll('button').forEach(function (o) { o.setAttribute('aria-pressed', 'false'); });
        b.setAttribute('aria-pressed', 'true');
        if (!textIn.value) textIn.value = p.tieu_de;
        urlIn.value = '';
      });
      li.appendChild(b);
      results.appendChild(li);
    });
  }
  find.addEventListener('input', show);
  find.addEventListener('keydown', function (e) { if (e.key === 'Enter') e.preventDefault(); });
  dialog.addEventListener('close', function () {
    area.focus();
    area.setSelectionRange(savedSel[0], savedSel[1]);
    var target = urlIn.value.trim() || chosen;
    if (dialog.returnValue !== 'chen' || !target) return;
    var text = textIn.value.trim() || target;
    insert('[' + text + '](' + target.replace(/ /g, '%20').replace(/\)/g, '%29') + ')');
  });

  // Files: images go beside the page and into the text; documents too, as
  // links; a Word document goes through the importer when there is one.
  async function put(file) {
    var name = file.name || 'anh.png';
    var isWord = /\.docx$/i.test(name);
    desk.say('Đang đưa ' + name + ' vào bài…');
    var r = await desk.upload(file, name, isWord ? 'nhap-word' : 'tai-len');
    if (!r.ok) { desk.say(r.data.loi, 'error'); return; }
    var notes = (r.data.ghi_chu || []).join(' ');
    if (isWord) {
      block(r.data.noi_dung.trim(), 0, 0);
    } else if (r.data.loai === 'anh') {
      insert('![Mô tả ảnh](' + r.data.ten + ')', 2, 11);
    } else {
      insert('[' + name + '](' + r.data.ten + ')');
    }
    desk.say('Đã đưa ' + name + ' vào bài' + (r.data.ten ? ' (tệp ' + r.data.ten + ')' : '') + '. ' + notes);
  }
  async function putAll(files) {
    for (var i = 0; i < files.length; i++) await put(files[i]);
  }
  document.getElementById('chon-anh').addEventListener('change', function (e) {
    putAll(Array.prototype.slice.call(e.target.files));
    e.target.value = '';
  });
  area.addEventListener('dragover', function (e) {
    if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0) e.preventDefault();
  });
  area.addEventListener('drop', function (e) {
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    area.focus();
    putAll(Array.prototype.slice.call(e.dataTransfer.files));
  });

  // Paste: HTML (Word, web pages) as Markdown, with its images saved;
  // an image alone (a screenshot) saved and inserted.
  area.addEventListener('paste', async function (e) {
    var cd = e.clipboardData;
    if (!cd) return;
    var html = cd.getData('text/html');
    var files = Array.prototype.filter.call(cd.files || [], function (f) { return /^image\//.test(f.type); });
    if (!html && files.length) {
      e.preventDefault();
      putAll(files.map(function (f, i) { return new File([f], f.name && f.name !== 'image.png' ? f.name : 'anh-dan-' + (i + 1) + '.png', {type: f.type}); }));
      return;
    }
    if (!html || !desk.paste) return;
    e.preventDefault();
    var out = desk.paste.convert(html);
    var md = out.markdown;
    for (var i = 0; i < out.images.length; i++) {
      var img = out.images[i];
      var r = await desk.upload(desk.paste.dataBlob(img.data), img.name);
      md = md.split('](' + img.name + ')').join('](' + (r.ok ? r.data.ten : img.name) + ')');
      if (!r.ok) desk.say(r.data.loi, 'error');
    }
    insert(md);
    var said = 'Đã dán và chuyển sang Markdown' + (out.images.length ? ', lưu ' + out.images.length + ' ảnh cạnh bài' : '') + '.';
    if (out.dropped) said += ' ' + out.dropped + ' ảnh không lấy được từ nội dung dán (ảnh của Word hay của trang web khác): lưu ảnh ra máy rồi chèn bằng nút “Ảnh”.';
    desk.say(said, out.dropped ? 'warn' : '');
  });

  desk.editor = {insert: insert};
})();
