/*
 * Offer the page in the language the reader's browser prefers: never a redirect.
 * overrides/partials/language-suggestion.html writes one <template> per other
 * language of the page, each in its own language. The first of navigator.languages
 * that is one of the site's languages decides: if it is the page's own language,
 * nothing shows; otherwise its offer shows at the bottom of the window. Dismissing it is
 * remembered in localStorage (no cookie) for the whole site.
 */
(function () {
  "use strict";
  var holder = document.querySelector("[data-language-suggestion]");
  var script = document.currentScript;
  if (!holder || !script || !("content" in document.createElement("template"))) return;
  // One key for the whole site, wherever it is published: the site root is two
  // folders above this script (assets/javascripts/).
  var key = new URL("../..", script.src).pathname + ":language-suggestion-dismissed";

  function dismissed() {
    try { return localStorage.getItem(key) === "1"; } catch (error) { return false; }
  }

  // The site language (an <html lang> value, lower case) for a browser language tag:
  // sr, sr-RS, sr-Cyrl → sr-cyrl; sr-Latn → sr-latn; sr-ME, cnr → cnr; fr-CA → fr.
  function siteLanguage(tag) {
    var parts = String(tag).toLowerCase().split("-");
    if (parts[0] === "cnr" || (parts[0] === "sr" && parts.indexOf("me") > 0)) return "cnr";
    if (parts[0] === "sr") return parts.indexOf("latn") > 0 ? "sr-latn" : "sr-cyrl";
    return parts[0];
  }

  var current = document.documentElement.lang.toLowerCase();
  var offers = {};
  Array.prototype.forEach.call(holder.querySelectorAll("template[data-lang]"), function (template) {
    offers[template.getAttribute("data-lang").toLowerCase()] = template;
  });

  function preferred() {
    var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < tags.length; i++) {
      var language = siteLanguage(tags[i]);
      if (language === current) return null;
      if (offers[language]) return offers[language];
    }
    return null;
  }

  var offer = dismissed() ? null : preferred();
  if (!offer) return;
  holder.appendChild(offer.content.cloneNode(true));
  holder.hidden = false;
  // The banner is fixed to the bottom of the window: pad the page's end by its
  // height, so that it never covers the footer's last line, and keep that band out of
  // the scrollport, so that an element reached with Tab is scrolled above the banner
  // instead of being focused under it (WCAG 2.4.11).
  document.body.style.paddingBottom = holder.offsetHeight + "px";
  document.documentElement.style.scrollPaddingBottom = holder.offsetHeight + "px";
  holder.querySelector(".language-suggestion__dismiss").addEventListener("click", function () {
    try { localStorage.setItem(key, "1"); } catch (error) { /* not remembered: private mode */ }
    holder.hidden = true;
    holder.textContent = "";
    document.body.style.paddingBottom = "";
    document.documentElement.style.scrollPaddingBottom = "";
    // Focus was on the button that just went: continue from the page's main content.
    var main = document.querySelector("main");
    if (main) {
      main.setAttribute("tabindex", "-1");
      main.focus({ preventScroll: true });
    }
  });
})();
