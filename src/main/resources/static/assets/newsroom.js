/*
 * Dayuan newsroom enhancements. Every page works without this file; with it the article body gets a rich-text
 * editor (Quill) whose pictures (button, drop, paste) go to the media library, the cover gets an upload button,
 * suggested keywords are added with a click, and dangerous buttons ask before they act.
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

  /*
   * Quill 2's semantic HTML (real <ul>/<ol> lists instead of its working markup, no editor-only elements) is what
   * is stored. Quill 2.0.3 writes every space there as &nbsp; (slab/quill#4509), which would keep lines from
   * breaking between words: a lone one becomes a space again, and a run keeps what it needs to stay visible.
   */
  function semanticHtml(quill) {
    return quill.getSemanticHTML().replace(/(?:&nbsp;)+/g, function (run) {
      return ' ' + run.substring('&nbsp;'.length);
    });
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
        },
        // pictures dropped or pasted as files go to the media library instead of into the body as data: addresses
        uploader: {
          mimetypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
          handler: function (range, files) {
            var index = range ? range.index : quill.getLength();
            files.reduce(function (done, file) {
              return done.then(function () { return uploadAndInsert(file, index++); });
            }, Promise.resolve());
          }
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
      body.value = empty ? '' : semanticHtml(quill);
    }
    var status = document.createElement('p');
    status.className = 'upload-status';
    status.setAttribute('role', 'status');
    holder.appendChild(status);

    /* A picture goes into the body once it is in the media library, at the place the editor chose. */
    function uploadAndInsert(file, index, alt) {
      status.className = 'upload-status';
      status.textContent = '正在上传 ' + (file.name || '图片') + ' ……';
      return uploadPicture(file, alt).then(function (picture) {
        quill.insertEmbed(index, 'image', picture.url, 'user');
        var inserted = quill.root.querySelectorAll('img[src="' + picture.url + '"]:not([alt])');
        Array.prototype.forEach.call(inserted, function (img) { img.setAttribute('alt', picture.alt || ''); });
        quill.setSelection(index + 1, 0, 'silent');
        status.textContent = '图片已上传' + (picture.alt ? '' : '，请到图片库补充替代文字');
        sync();
      }, function (error) {
        status.className = 'upload-status failed';
        status.textContent = error.message;
      });
    }
    function insertImage() {
      var picker = document.createElement('input');
      picker.type = 'file';
      picker.accept = 'image/jpeg,image/png,image/gif,image/webp';
      picker.addEventListener('change', function () {
        var file = picker.files[0];
        if (file) {
          var alt = window.prompt('替代文字：为看不到图片的读者描述图片内容', '') || '';
          uploadAndInsert(file, quill.getSelection(true).index, alt.trim());
        }
      });
      picker.click();
    }
    // a picture's alt text, needed before publishing, is typed after a double click on it
    quill.root.addEventListener('dblclick', function (event) {
      if (event.target.tagName === 'IMG') {
        var alt = window.prompt('替代文字：为看不到图片的读者描述图片内容', event.target.getAttribute('alt') || '');
        if (alt !== null) {
          event.target.setAttribute('alt', alt.trim());
          sync();
        }
      }
    });
    // a picture that still arrives as a data: address (copied together with text) is uploaded and replaced
    var replacing = {};
    function uploadEmbeddedPictures() {
      Array.prototype.forEach.call(quill.root.querySelectorAll('img[src^="data:image/"]'), function (img) {
        var source = img.getAttribute('src');
        if (replacing[source]) {
          return;
        }
        replacing[source] = true;
        status.className = 'upload-status';
        status.textContent = '正在上传粘贴的图片……';
        uploadPicture(dataAddressToFile(source), '').then(function (picture) {
          Array.prototype.forEach.call(quill.root.querySelectorAll('img'), function (same) {
            if (same.getAttribute('src') === source) {
              same.setAttribute('src', picture.url);
            }
          });
          status.textContent = '粘贴的图片已上传，请到图片库补充替代文字';
          sync();
        }, function (error) {
          status.className = 'upload-status failed';
          status.textContent = '粘贴的图片未能上传：' + error.message;
        });
      });
    }
    sync();
    // kept current on every change, because the 自动提取 button (htmx) reads the form without submitting it; Quill 2
    // holds its text-change back while an input method composes (拼音, 五笔), so a half-typed word is never stored
    quill.on('text-change', sync);
    quill.on('text-change', uploadEmbeddedPictures);
    uploadEmbeddedPictures();
    if (form) {
      form.addEventListener('submit', sync);
    }
  }

  function csrfHeaders() {
    try {
      return JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    } catch (notJson) {
      return {};
    }
  }

  /* Uploads a picture to the media library; resolves to {url, coverUrl, thumbnailUrl, alt} or fails with the reason. */
  function uploadPicture(file, alt) {
    var data = new FormData();
    data.append('file', file, file.name || 'picture');
    if (alt) {
      data.append('alt', alt);
    }
    var headers = csrfHeaders();
    headers.Accept = 'application/json';
    return fetch('/admin/media', { method: 'POST', body: data, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (!response.ok || !answer.url) {
            throw new Error(answer.error || ('上传失败（' + response.status + '），请重试'));
          }
          return answer;
        });
      }, function () {
        throw new Error('上传失败：连不上服务器，请检查网络后重试');
      });
  }

  function dataAddressToFile(address) {
    var comma = address.indexOf(',');
    var type = address.substring(5, address.indexOf(';'));
    var bytes = atob(address.substring(comma + 1));
    var array = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) {
      array[i] = bytes.charCodeAt(i);
    }
    return new File([array], 'pasted.' + (type.split('/')[1] || 'png'), { type: type });
  }

  /* The cover field gets a 上传 button: the picture goes to the media library and its cover size into the field. */
  function startCoverUpload() {
    var box = document.querySelector('[data-cover-upload]');
    var field = document.getElementById('coverImage');
    if (!box || !field) {
      return;
    }
    box.hidden = false;
    var picker = box.querySelector('input[type="file"]');
    var status = box.querySelector('.upload-status');
    var preview = document.querySelector('.cover-preview');
    picker.addEventListener('change', function () {
      var file = picker.files[0];
      if (!file) {
        return;
      }
      status.className = 'upload-status';
      status.textContent = '正在上传……';
      uploadPicture(file, '').then(function (picture) {
        field.value = picture.coverUrl;
        status.textContent = '已上传，保存文章后生效';
        if (preview) {
          preview.src = picture.thumbnailUrl;
          preview.hidden = false;
        }
      }, function (error) {
        status.className = 'upload-status failed';
        status.textContent = error.message;
      });
    });
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
    startCoverUpload();
    confirmDangerousForms();
    addSuggestedTags();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
