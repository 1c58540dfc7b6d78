// The fields of the form: counters, date pickers, topics, editable rows,
// uploads beside the page; reading and writing their values; and the
// messages of the build shown under each.
(function () {
  'use strict';
  var desk = window.cchcDesk;
  var form = document.getElementById('bieu-mau');
  if (!form) return;
  var fields = Array.prototype.slice.call(form.querySelectorAll('[data-key][data-control]'));

  function changed(el) { el.dispatchEvent(new Event('input', {bubbles: true})); }

  // Counters: the number of characters, against check's advice when there
  // is one (the title's 70).
  fields.forEach(function (f) {
    var out = f.querySelector('.counter');
    var input = f.querySelector('input, textarea');
    if (!out || !input) return;
    var advice = Number(f.dataset.khuyen || 0);
    function count() {
      var n = Array.from(input.value.trim()).length;
      var text = n + ' ký tự';
      if (advice) {
        text = n + '/' + advice + ' ký tự';
        if (n > advice) text += ' — quá ' + advice + ' ký tự nên bị cắt khi chia sẻ lên mạng xã hội';
      }
      out.textContent = text;
      out.classList.toggle('over', advice > 0 && n > advice);
    }
    input.addEventListener('input', count);
    count();
  });

  // Dates: the text (dd/mm/yyyy, maybe with a time) and a date picker
  // kept in step; the picker changes the day and keeps the time.
  var dateRE = /^\s*(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})(.*)$/;
  var isoRE = /^\s*(\d{4})-(\d{2})-(\d{2})(.*)$/;
  function pad(n) { return String(n).padStart(2, '0'); }
  fields.filter(function (f) { return f.dataset.control === 'date' || f.dataset.control === 'datetime'; }).forEach(function (f) {
    var text = f.querySelector('input[type=text]'), picker = f.querySelector('input[type=date]');
    function toPicker() {
      var m = dateRE.exec(text.value), iso = '';
      if (m) iso = m[3] + '-' + pad(m[2]) + '-' + pad(m[1]);
      else if ((m = isoRE.exec(text.value))) iso = m[1] + '-' + m[2] + '-' + m[3];
      picker.value = iso;
    }
    picker.addEventListener('change', function () {
      if (!picker.value) return;
      var p = picker.value.split('-');
      var m = dateRE.exec(text.value) || isoRE.exec(text.value);
      var rest = m ? m[4] : '';
      text.value = p[2] + '/' + p[1] + '/' + p[0] + rest;
      changed(text);
    });
    text.addEventListener('input', toPicker);
    toPicker();
  });

  // Topics: a filter that matches without diacritics, and the order in
  // which they were chosen (the file's order first).
  fields.filter(function (f) { return f.dataset.control === 'topics'; }).forEach(function (f) {
    var boxes = Array.prototype.slice.call(f.querySelectorAll('input[type=checkbox]'));
    var order = boxes.filter(function (b) { return b.checked; })
      .sort(function (a, b) { return Number(a.dataset.thuTu) - Number(b.dataset.thuTu); })
      .map(function (b) { return b.value; });
    f.topicOrder = order;
    boxes.forEach(function (b) {
      b.addEventListener('change', function () {
        var i = order.indexOf(b.value);
        if (b.checked && i < 0) order.push(b.value);
        if (!b.checked && i >= 0) order.splice(i, 1);
      });
    });
    var filter = f.querySelector('.topic-filter');
    filter.addEventListener('input', function () {
      var want = desk.fold(filter.value);
      boxes.forEach(function (b) { b.closest('li').hidden = want !== '' && b.dataset.tim.indexOf(want) < 0 && !b.checked; });
    });
    filter.addEventListener('keydown', function (e) { if (e.key === 'Enter') e.preventDefault(); });
  });

  // Rows: each with buttons to move it and to remove it; a button adds one.
  function rowButtons(f, li) {
    [['Lên', -1], ['Xuống', 1], ['Xóa', 0]].forEach(function (spec) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = spec[0];
      b.className = 'row-btn';
      b.addEventListener('click', function () {
        var list = li.parentNode;
        if (spec[1] === 0) {
          var next = li.nextElementSibling || li.previousElementSibling;
          li.remove();
          (next ? next.querySelector('input') : f.querySelector('.row-add')).focus();
        } else if (spec[1] < 0 && li.previousElementSibling) {
          list.insertBefore(li, li.previousElementSibling);
          b.focus();
        } else if (spec[1] > 0 && li.nextElementSibling) {
          list.insertBefore(li.nextElementSibling, li);
          b.focus();
        }
        relabel(f);
        changed(f);
      });
      li.appendChild(b);
    });
    relabel(f);
  }
  function relabel(f) {
    Array.prototype.forEach.call(f.querySelectorAll('.row-list li'), function (li, i) {
      var n = ' dòng ' + (i + 1);
      li.querySelector('input').setAttribute('aria-label', f.dataset.label + ',' + n);
      var bs = li.querySelectorAll('.row-btn');
      if (bs.length < 3) return; // being set up
      bs[0].setAttribute('aria-label', 'Đưa' + n + ' lên');
      bs[1].setAttribute('aria-label', 'Đưa' + n + ' xuống');
      bs[2].setAttribute('aria-label', 'Xóa' + n);
    });
  }
  function addRow(f, value) {
    var li = document.createElement('li');
    var input = document.createElement('input');
    input.type = 'text';
    input.value = value || '';
    li.appendChild(input);
    f.querySelector('.row-list').appendChild(li);
    rowButtons(f, li);
    return input;
  }
  fields.filter(function (f) { return f.dataset.control === 'list' || f.dataset.control === 'files'; }).forEach(function (f) {
    Array.prototype.forEach.call(f.querySelectorAll('.row-list li'), function (li) { rowButtons(f, li); });
    f.querySelector('.row-add').addEventListener('click', function () { addRow(f).focus(); changed(f); });
  });

  // The cover's description is required once there is a cover.
  var cover = document.getElementById('f-image'), alt = document.getElementById('f-image_alt');
  if (cover && alt) {
    var mark = document.createElement('span');
    mark.className = 'req';
    mark.textContent = ' (bắt buộc khi có ảnh)';
    document.querySelector('label[for="f-image_alt"]').appendChild(mark);
    var needAlt = function () {
      var need = cover.value.trim() !== '';
      mark.hidden = !need;
      if (need) alt.setAttribute('aria-required', 'true');
      else alt.removeAttribute('aria-required');
    };
    cover.addEventListener('input', needAlt);
    needAlt();
  }

  // Uploads of a field: the cover image, a document's attachments.
  fields.forEach(function (f) {
    var file = f.querySelector('input[type=file].upload');
    if (!file) return;
    file.addEventListener('change', async function () {
      var chosen = file.files[0];
      if (!chosen) return;
      note(f, 'thông tin', 'Đang tải ' + chosen.name + ' lên…');
      var r = await desk.upload(chosen, chosen.name);
      file.value = '';
      if (!r.ok) {
        note(f, 'lỗi', r.data.loi);
        return;
      }
      if (f.dataset.control === 'files') addRow(f, r.data.ten);
      else f.querySelector('input[type=text]').value = r.data.ten;
      note(f, 'thông tin', 'Đã lưu ' + r.data.ten + ' cạnh bài. ' + r.data.ghi_chu.join(' '));
      changed(f);
    });
  });

  // values reads every field the form edits (read-only ones are left out).
  function values() {
    var out = {};
    fields.forEach(function (f) {
      var key = f.dataset.key;
      switch (f.dataset.control) {
        case 'check':
          out[key] = f.querySelector('input').checked;
          break;
        case 'topics':
          out[key] = f.topicOrder.slice();
          break;
        case 'list': case 'files':
          out[key] = Array.prototype.map.call(f.querySelectorAll('.row-list input'), function (i) { return i.value; });
          break;
        default:
          out[key] = document.getElementById('f-' + key).value;
      }
    });
    return out;
  }

  // setValues puts values read by values() back (a restored draft).
  function setValues(v) {
    fields.forEach(function (f) {
      var key = f.dataset.key;
      if (!(key in v)) return;
      switch (f.dataset.control) {
        case 'check':
          f.querySelector('input').checked = !!v[key];
          break;
        case 'topics':
          f.topicOrder.length = 0;
          f.querySelectorAll('input[type=checkbox]').forEach(function (b) { b.checked = v[key].indexOf(b.value) >= 0; });
          v[key].forEach(function (t) { f.topicOrder.push(t); });
          break;
        case 'list': case 'files':
          f.querySelector('.row-list').textContent = '';
          v[key].forEach(function (s) { addRow(f, s); });
          break;
        default:
          document.getElementById('f-' + key).value = v[key];
      }
      var input = f.querySelector('input, textarea');
      if (input) input.dispatchEvent(new Event('input'));
    });
  }

  // setMessages shows each diagnostic under its field; it returns the
  // ones that belong to no field.
  function setMessages(diags) {
    form.querySelectorAll('[data-key] .field-msgs').forEach(function (l) { l.textContent = ''; });
    var rest = [];
    diags.forEach(function (d) {
      var f = d.khoa && form.querySelector('[data-key="' + d.khoa + '"]');
      if (!f) { rest.push(d); return; }
      add(f, d);
    });
    fields.forEach(function (f) {
      var bad = diags.some(function (d) { return d.khoa === f.dataset.key && d.muc === 'lỗi'; });
      var input = f.querySelector('#f-' + f.dataset.key) || f;
      if (bad) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    });
    return rest;
  }

  function add(f, d) {
    var li = document.createElement('li');
    li.className = 'msg msg-' + (d.muc === 'lỗi' ? 'error' : d.muc === 'cảnh báo' ? 'warn' : 'info');
    li.textContent = label(d) + d.loi + (d.sua ? ' — ' + d.sua : '');
    f.querySelector('.field-msgs').appendChild(li);
  }

  // note replaces the messages of one field (an upload's progress).
  function note(f, muc, text) {
    f.querySelector('.field-msgs').textContent = '';
    add(f, {muc: muc, loi: text});
  }

  function label(d) {
    if (d.muc === 'lỗi') return 'Lỗi: ';
    if (d.muc === 'cảnh báo') return 'Cảnh báo: ';
    return '';
  }

  desk.fields = {values: values, setValues: setValues, setMessages: setMessages, label: label};
})();
