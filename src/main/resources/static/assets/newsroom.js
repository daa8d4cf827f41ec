/*
 * Dayuan newsroom enhancements. Every page works without this file; with it the article body gets a rich-text
 * editor (Quill), suggested keywords are added with a click, and dangerous buttons ask before they act.
 */
(function () {
  'use strict';

  /*
   * The server sanitizes every saved body, but a rejected form echoes back what was typed; parsing it in an
   * inert document and dropping active content keeps that echo from running anything in the editor.
   */
  function inertHtml(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    Array.prototype.forEach.call(doc.body.querySelectorAll('script, style, iframe, object, embed, link, meta'),
      function (element) { element.parentNode.removeChild(element); });
    Array.prototype.forEach.call(doc.body.querySelectorAll('*'), function (element) {
      Array.prototype.slice.call(element.attributes).forEach(function (attribute) {
        if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) {
          element.removeAttribute(attribute.name);
        }
      });
    });
    return doc.body.innerHTML;
  }

  function startRichText(textarea) {
    if (typeof window.Quill === 'undefined') {
      return;
    }
    var form = textarea.form;
    var holder = document.createElement('div');
    holder.className = 'rich-text-holder';
    var editorElement = document.createElement('div');
    // Quill reads its starting content from the element it is mounted on
    editorElement.innerHTML = inertHtml(textarea.value);
    holder.appendChild(editorElement);
    var body = document.createElement('input');
    body.type = 'hidden';
    body.name = textarea.name;
    textarea.parentNode.insertBefore(holder, textarea);
    textarea.parentNode.insertBefore(body, textarea);
    textarea.parentNode.removeChild(textarea);

    var quill = new window.Quill(editorElement, {
      theme: 'snow',
      placeholder: '在此输入正文……',
      modules: {
        toolbar: {
          container: [
            [{ header: [false, 2, 3] }],
            ['bold', 'italic', 'underline', 'strike'],
            [{ list: 'ordered' }, { list: 'bullet' }, 'blockquote'],
            ['link', 'image'],
            ['clean']
          ],
          handlers: { image: insertImage }
        }
      }
    });
    quill.root.setAttribute('aria-label', '正文');
    // the label points at the editor now that the textarea is gone
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.removeAttribute('for');
      label.addEventListener('click', function () { quill.focus(); });
    }

    function sync() {
      var empty = quill.getText().trim() === '' && !quill.root.querySelector('img');
      body.value = empty ? '' : quill.root.innerHTML;
    }
    function insertImage() {
      var url = window.prompt('图片地址（https://… 或 /media/…）');
      if (url && /^(https?:\/\/|\/)/.test(url.trim())) {
        var range = quill.getSelection(true);
        quill.insertEmbed(range.index, 'image', url.trim(), 'user');
      }
    }
    sync();
    // kept current on every change, because the 自动提取 button (htmx) reads the form without submitting it
    quill.on('text-change', sync);
    if (form) {
      form.addEventListener('submit', sync);
    }
  }

  function confirmDangerousForms() {
    document.addEventListener('submit', function (event) {
      var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
      if (message && !window.confirm(message)) {
        event.preventDefault();
      }
    });
  }

  /*
   * A suggested keyword (a chip under the keyword field, filled in by the 提取建议 button) goes into the field when
   * clicked; nothing is added that the editor did not pick.
   */
  function addSuggestedTags() {
    document.addEventListener('click', function (event) {
      var chip = event.target.closest && event.target.closest('[data-add-tag]');
      var field = document.getElementById('tags');
      if (!chip || !field) {
        return;
      }
      var tag = chip.getAttribute('data-add-tag');
      var current = field.value.split(/[\s,，、;；]+/).filter(function (t) { return t !== ''; });
      if (current.indexOf(tag) < 0) {
        current.push(tag);
        field.value = current.join(' ');
      }
      chip.disabled = true;
      chip.classList.add('added');
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('textarea[data-rich-text]'), startRichText);
    confirmDangerousForms();
    addSuggestedTags();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
