/*
 * The newsroom's static export page: while an export runs in the background, its progress is asked for every second
 * (GET /admin/export/status) and shown; when it has ended the page is loaded again to show the result. The page
 * works without this file (reload it by hand).
 */
(function () {
  'use strict';

  function follow(box) {
    var url = box.getAttribute('data-status-url');
    var lastFinished = box.getAttribute('data-last-finished');
    var sawRunning = !!document.getElementById('export-running');

    function show(status) {
      var bar = document.getElementById('export-bar');
      var text = document.getElementById('export-progress');
      if (!bar || !text) {
        box.innerHTML = '<div class="alert" role="status" id="export-running"><p>正在导出（' +
          '<span id="export-by"></span>）：<progress id="export-bar" max="100" value="0"></progress> ' +
          '<span id="export-progress"></span></p></div>';
        bar = document.getElementById('export-bar');
        text = document.getElementById('export-progress');
        document.getElementById('export-by').textContent = status.startedBy + ' 开始';
      }
      bar.value = status.percent;
      text.textContent = status.percent + '%，' + status.done + ' / ' + status.total + ' 个文件，每秒 ' +
        status.perSecond.toFixed(1) + ' 个，已用 ' + status.seconds + ' 秒';
    }

    function poll() {
      fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (status) {
          if (!status) {
            return;
          }
          if (status.running) {
            sawRunning = true;
            show(status);
          } else if (sawRunning || (status.lastFinished || '') !== lastFinished) {
            window.location.reload();
            return;
          }
          if (status.running) {
            window.setTimeout(poll, 1000);
          }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }

    poll();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('export-status');
    if (box) {
      follow(box);
    }
  });
}());
