/*
 * Article counters. The article page is cached and shared by every reader, so the numbers on it may be old:
 * this script records the view and shows the current view and like counts, and turns the 顶 form (which also
 * works without JavaScript) into an in-page request.
 */
(function () {
  'use strict';
  var article = document.querySelector('[data-article-id]');
  if (!article || !window.fetch) {
    return;
  }
  var id = article.getAttribute('data-article-id');

  function show(counts) {
    if (!counts) {
      return;
    }
    document.querySelectorAll('[data-views]').forEach(function (el) { el.textContent = counts.views; });
    document.querySelectorAll('[data-likes]').forEach(function (el) { el.textContent = counts.likes; });
  }

  function post(url) {
    return fetch(url, { method: 'POST', headers: { 'Accept': 'application/json' }, credentials: 'omit' })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; },
          function () { return { ok: false, body: {} }; });
      });
  }

  post('/counter/' + encodeURIComponent(id) + '/view')
    .then(function (result) { if (result.ok) { show(result.body); } })
    .catch(function () { /* the counters are a nicety; the page works without them */ });

  var form = document.querySelector('form.like');
  if (!form) {
    return;
  }
  var message = form.querySelector('.like-message');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    post(form.getAttribute('action'))
      .then(function (result) {
        if (result.ok) {
          show(result.body);
          message.textContent = '感谢您的支持！';
        } else {
          message.textContent = result.body.detail || '操作失败，请稍后再试。';
        }
      })
      .catch(function () { message.textContent = '网络不通，请稍后再试。'; });
  });
}());
