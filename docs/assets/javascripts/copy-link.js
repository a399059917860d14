/*
 * "Copy link" under each numbered point (jumbo_site/page/point_tools.py renders the
 * buttons hidden, with their labels in the page's language), and the page's own in the
 * conclusions' share panel (conclusions_tools.py). Where the browser can
 * write to the clipboard, controls.js shows the buttons and loads this script on the
 * first click, which it then carries out; a click (or Enter, Space) copies the
 * point's absolute URL (the page's canonical address, written by the templates, and
 * the point's id), or the page's for a button outside the points, and a status message, which screen readers
 * announce (role="status"), confirms it. Without JavaScript the point's number
 * remains its permalink.
 */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button.copy-link");
  var canonical = document.querySelector("link[rel=canonical]");
  if (!buttons.length || !canonical || !navigator.clipboard || !window.isSecureContext) return;

  // The live region exists before any message, so that its changes are announced.
  var status = document.createElement("p");
  status.className = "copy-link-status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  var timer;

  // The message shows at the bottom of the window, or at its top when the button pressed
  // is in the lower half: never over the button (issue 24).
  function announce(message, button) {
    var box = button.getBoundingClientRect();
    status.classList.toggle("copy-link-status--top", box.top + box.height / 2 > window.innerHeight / 2);
    status.textContent = message;
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = ""; }, 4000);
  }

  function copy(button) {
    var point = button.closest("li[id^='point-']");
    var url = point ? new URL("#" + point.id, canonical.href).href : canonical.href;
    navigator.clipboard.writeText(url).then(function () {
      announce(button.getAttribute("data-copied"), button);
    });
  }

  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
  // The click that loaded this script (controls.js).
  var first = window.siteControls && window.siteControls.copyRequested;
  if (first) copy(first);
})();
