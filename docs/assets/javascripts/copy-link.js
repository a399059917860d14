/*
 * "Copy link" under each numbered point (overrides/hooks/point_tools.py renders the
 * buttons hidden, with their labels in the page's language and the point's absolute
 * URL). Where the browser can write to the clipboard, the buttons are shown; a click
 * (or Enter, Space) copies the URL and a status message, which screen readers
 * announce (role="status"), confirms it. Without JavaScript the point's number
 * remains its permalink.
 */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button.copy-link[data-url]");
  if (!buttons.length || !navigator.clipboard || !window.isSecureContext) return;

  // The live region exists before any message, so that its changes are announced.
  var status = document.createElement("p");
  status.className = "copy-link-status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  var timer;

  function announce(message) {
    status.textContent = message;
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = ""; }, 4000);
  }

  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-url")).then(function () {
        announce(button.getAttribute("data-copied"));
      });
    });
  });
})();
