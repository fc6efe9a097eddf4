// The hosted pages' only script (the CSP allows no inline script): the live status, the
// payment window's countdown, its end in the customer's local time and the copy buttons.
(function () {
  'use strict';

  var POLL_MS = 3000;

  function labelOf(status) {
    var items = document.querySelectorAll('#status-labels li');
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute('data-status') === status) {
        return items[i];
      }
    }
    return null;
  }

  function liveStatus() {
    var root = document.getElementById('order-status');
    if (!root || !window.fetch) {
      return;
    }
    var uid = root.getAttribute('data-uid');
    var secret = root.getAttribute('data-secret');
    var current = root.getAttribute('data-status');
    var initial = labelOf(current);
    if (initial && initial.getAttribute('data-final') === 'true') {
      return; // nothing changes any more
    }
    var url = '/public/exchanger/order/get?orderUID=' + encodeURIComponent(uid)
        + '&orderSecret=' + encodeURIComponent(secret);

    function show(status) {
      var label = labelOf(status);
      if (!label || status === current) {
        return;
      }
      var name = document.getElementById('status-name');
      name.classList.remove('status-' + current);
      name.classList.add('status-' + status);
      name.textContent = label.textContent;
      document.getElementById('status-meaning').textContent = label.getAttribute('data-meaning');
      current = status;
      root.setAttribute('data-status', status);
      var scoped = document.querySelectorAll('[data-while-status]');
      for (var i = 0; i < scoped.length; i++) {
        scoped[i].hidden = scoped[i].getAttribute('data-while-status').split(' ').indexOf(status) < 0;
      }
      if (label.getAttribute('data-final') === 'true') {
        // the page of a final order shows the way back to the shop: load it once
        window.location.reload();
      }
    }

    function poll() {
      fetch(url, { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) {
          if (body && body.data && body.data.status) {
            show(body.data.status);
          }
        })
        .catch(function () { /* try again at the next tick */ })
        .then(function () {
          var label = labelOf(current);
          if (!label || label.getAttribute('data-final') !== 'true') {
            window.setTimeout(poll, POLL_MS);
          }
        });
    }

    window.setTimeout(poll, POLL_MS);
  }

  function countdown() {
    var el = document.getElementById('time-left');
    if (!el) {
      return;
    }
    var expiresAt = parseInt(el.getAttribute('data-expires-at'), 10);
    if (!expiresAt) {
      return;
    }
    function tick() {
      var left = Math.floor((expiresAt - Date.now()) / 1000);
      if (left <= 0) {
        el.textContent = el.getAttribute('data-expired');
        return;
      }
      var h = Math.floor(left / 3600);
      var m = Math.floor((left % 3600) / 60);
      var s = left % 60;
      el.textContent = (h > 0 ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (s < 10 ? '0' : '') + s;
      window.setTimeout(tick, 1000);
    }
    tick();
  }

  // The deadline as the server wrote it is UTC; show it in the customer's own time zone and
  // language, keeping the UTC time in the title (shown on hover).
  function localDeadline() {
    var el = document.getElementById('pay-until');
    if (!el || !window.Intl) {
      return;
    }
    var at = new Date(el.getAttribute('datetime'));
    if (isNaN(at.getTime())) {
      return;
    }
    try {
      el.textContent = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
      }).format(at);
    } catch (e) {
      // an engine without these options keeps the UTC text
    }
  }

  function copyButtons() {
    var buttons = document.querySelectorAll('[data-copy-target]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function () {
        var target = document.getElementById(button.getAttribute('data-copy-target'));
        var text = target ? target.textContent.trim() : '';
        var label = button.textContent;
        function done() {
          button.textContent = button.getAttribute('data-copied');
          window.setTimeout(function () { button.textContent = label; }, 1500);
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () { selectText(target); });
        } else {
          selectText(target);
        }
      });
    });
  }

  function selectText(el) {
    if (!el) {
      return;
    }
    var range = document.createRange();
    range.selectNodeContents(el);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.addEventListener('DOMContentLoaded', function () {
    liveStatus();
    countdown();
    localDeadline();
    copyButtons();
  });
}());
