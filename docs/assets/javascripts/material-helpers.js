/*
 * The colour scheme before the page paints: Material's small inline palette script, as
 * a file, so that the Content Security Policy allows the site's own files only
 * (script-src 'self', no inline script). Loaded where Material writes it
 * (overrides/partials/javascripts/palette.html), right after the colour scheme options:
 * it sets __md_scope (the site's base, from data-md-scope; controls.js keys its storage
 * with it) and applies the stored colour scheme (localStorage["<site path>/.__palette"],
 * Material's key), or else the one the system asks for, to <body>: a dark-mode reader
 * never sees the page turn from light. Material's other inline helpers (__md_hash,
 * __md_get, __md_set, and the tab the address names) are left out: the site loads no
 * script of Material's that uses them, and has no tabbed content (0.3 KB gzip fewer
 * render-blocking bytes on every page, issue 24).
 */
(function () {
  "use strict";
  var scope = new URL(document.currentScript.getAttribute("data-md-scope") || ".", location);
  window.__md_scope = scope;
  var color = null;
  try {
    var stored = JSON.parse(localStorage.getItem(scope.pathname + ".__palette"));
    color = stored && stored.color;
  } catch (error) {
    /* storage disabled or unreadable: the scheme the system asks for */
  }
  var keys = ["scheme", "primary", "accent"];
  if (color && color.media === "(prefers-color-scheme)") {
    // "Follow the system": the option whose media matches, media included.
    color = null;
    keys.unshift("media");
  }
  if (color) {
    Object.keys(color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    return;
  }
  var options = document.querySelectorAll("[data-md-component=palette] [data-md-color-media]");
  var system = Array.prototype.filter.call(options, function (option) {
    return matchMedia(option.getAttribute("data-md-color-media")).matches;
  })[0];
  if (system) {
    keys.forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, system.getAttribute("data-md-color-" + key));
    });
  }
})();
