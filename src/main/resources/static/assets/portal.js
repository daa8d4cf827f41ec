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
    if (counts.comments !== undefined) {
      document.querySelectorAll('[data-comments]').forEach(function (el) { el.textContent = counts.comments; });
    }
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

/*
 * The comment form. It works as a plain form (the captcha image sets a cookie that names its challenge); with
 * this script it posts in the page, shows the answer next to the button, offers a new captcha image, and turns the
 * 回复 links into replies in the same form.
 */
(function () {
  'use strict';
  var form = document.querySelector('form.comment-form');
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var image = form.querySelector('[data-captcha-image]');
  var refresh = form.querySelector('[data-captcha-refresh]');
  var message = form.querySelector('[data-comment-message]');
  var replyTo = form.querySelector('[data-reply-to]');
  var replying = form.querySelector('[data-replying]');

  function newCaptcha() {
    image.src = '/captcha.png?t=' + Date.now();
    form.elements.captchaAnswer.value = '';
  }
  refresh.hidden = false;
  refresh.addEventListener('click', newCaptcha);
  image.addEventListener('click', newCaptcha);

  document.querySelectorAll('[data-reply]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      replyTo.value = link.getAttribute('data-reply');
      replying.querySelector('[data-replying-name]').textContent = link.getAttribute('data-reply-name');
      var text = document.querySelector('#comment-' + link.getAttribute('data-reply') + ' .comment-content');
      replying.querySelector('[data-replying-text]').textContent = text ? text.textContent : '';
      replying.hidden = false;
      form.elements.content.focus();
    });
  });
  form.querySelector('[data-cancel-reply]').addEventListener('click', function () {
    replyTo.value = '';
    replying.hidden = true;
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    message.textContent = '正在提交…';
    fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { 'Accept': 'application/json' },
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; },
        function () { return { ok: false, body: {} }; });
    }).then(function (result) {
      if (result.ok) {
        message.textContent = result.body.status === 'APPROVED'
          ? '评论已发表，刷新页面即可看到。' : '评论已提交，审核通过后显示。';
        form.elements.content.value = '';
        replyTo.value = '';
        replying.hidden = true;
      } else {
        message.textContent = result.body.detail || '提交失败，请稍后再试。';
      }
      newCaptcha();
    }).catch(function () {
      message.textContent = '网络不通，请稍后再试。';
    });
  });
}());

/* The 举报 form's captcha: a click on the image draws a new one. */
(function () {
  'use strict';
  var image = document.querySelector('.report-form [data-captcha-image]');
  if (image) {
    image.addEventListener('click', function () { image.src = '/captcha.png?t=' + Date.now(); });
  }
}());

/*
 * The slideshow (焦点图): without this script it is a row of pictures to swipe or scroll, with a dot for each; with
 * it the pictures move on every five seconds (not while a reader points at or focuses them, nor for readers who ask
 * for less motion), and the dot of the picture in view is marked.
 */
(function () {
  'use strict';
  var show = document.querySelector('[data-slideshow]');
  if (!show) {
    return;
  }
  var list = show.querySelector('.slides');
  var slides = show.querySelectorAll('.slide');
  var dots = show.querySelectorAll('.slide-dots a');
  if (slides.length < 2) {
    return;
  }
  var current = 0;
  var paused = false;

  function go(index) {
    current = (index + slides.length) % slides.length;
    list.scrollTo({ left: slides[current].offsetLeft - list.offsetLeft, behavior: 'smooth' });
  }
  function mark() {
    var index = Math.round(list.scrollLeft / list.clientWidth);
    current = Math.min(Math.max(index, 0), slides.length - 1);
    dots.forEach(function (dot, i) {
      dot.classList.toggle('current', i === current);
      dot.setAttribute('aria-current', i === current ? 'true' : 'false');
    });
  }
  dots.forEach(function (dot, i) {
    dot.addEventListener('click', function (event) {
      event.preventDefault();
      go(i);
    });
  });
  list.addEventListener('scroll', function () { window.requestAnimationFrame(mark); }, { passive: true });
  ['mouseenter', 'focusin'].forEach(function (name) { show.addEventListener(name, function () { paused = true; }); });
  ['mouseleave', 'focusout'].forEach(function (name) { show.addEventListener(name, function () { paused = false; }); });
  if (!window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
    window.setInterval(function () {
      if (!paused && !document.hidden) {
        go(current + 1);
      }
    }, 5000);
  }
})();
