/*
 * The page-not-found page speaks the reader's language: the language whose folder
 * starts the requested path (/fr/…, /sr-Latn/…), else the default one. Without
 * this script every language's message stays visible.
 */
(function () {
  "use strict";
  var base = document.documentElement.dataset.base || "/";
  var path = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : location.pathname.slice(1);
  var sections = Array.prototype.slice.call(document.querySelectorAll("section[data-prefix]"));
  var chosen = sections.filter(function (s) { return s.dataset.prefix && path.indexOf(s.dataset.prefix) === 0; })[0] || sections[0];
  sections.forEach(function (section) { section.hidden = section !== chosen; });
  document.documentElement.lang = chosen.lang;
  document.title = chosen.querySelector("h1").textContent;
})();
