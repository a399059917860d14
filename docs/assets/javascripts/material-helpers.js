/*
 * Material for MkDocs' small inline scripts, as a file, so that the Content Security
 * Policy allows the site's own files only (script-src 'self', no inline script).
 * Loaded where Material writes its palette script (overrides/partials/javascripts/
 * palette.html), right after the colour scheme inputs: it defines Material's storage
 * helpers (__md_scope, __md_hash, __md_get, __md_set) that the site's scripts use,
 * applies the stored colour scheme, or else the one the system asks for, before the
 * page paints, and, once the page is read,
 * opens the tab that the address names (Material's content script).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  window.__md_scope = new URL(script.getAttribute("data-md-scope") || ".", location);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || __md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || __md_scope;
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      /* storage full or disabled: the choice is not kept */
    }
  };

  // The stored colour scheme (partials/javascripts/palette.html in Material).
  var palette = __md_get("__palette");
  if (palette && palette.color) {
    if (palette.color.media === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var input = document.querySelector(light ? "[data-md-color-media='(prefers-color-scheme: light)']" : "[data-md-color-media='(prefers-color-scheme: dark)']");
      palette.color.media = input.getAttribute("data-md-color-media");
      palette.color.scheme = input.getAttribute("data-md-color-scheme");
      palette.color.primary = input.getAttribute("data-md-color-primary");
      palette.color.accent = input.getAttribute("data-md-color-accent");
    }
    Object.keys(palette.color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, palette.color[key]);
    });
  } else {
    // No choice stored: the scheme the reader's system asks for, also before the page
    // paints, so a dark-mode reader never sees the page turn from light (controls.js
    // keeps it in step afterwards).
    var options = document.querySelectorAll("[data-md-component=palette] [data-md-color-media]");
    var matching = Array.prototype.filter.call(options, function (option) {
      return matchMedia(option.getAttribute("data-md-color-media")).matches;
    })[0];
    if (matching) {
      ["scheme", "primary", "accent"].forEach(function (key) {
        document.body.setAttribute("data-md-color-" + key, matching.getAttribute("data-md-color-" + key));
      });
    }
  }

  // The tab the address names (partials/javascripts/content.html in Material).
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
  });
})();
