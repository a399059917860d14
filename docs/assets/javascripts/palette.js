/*
 * The colour scheme toggle (light, dark), in place of Material's script bundle, which
 * this site does not load. Material's inline script in <head> applies a stored choice
 * before the page paints; this one shows the toggle, switches and stores the choice
 * in the same place (localStorage, per site).
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-md-component=palette]");
  if (!form || typeof __md_get !== "function") return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));

  function apply(input) {
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      if (key !== "media") document.body.setAttribute("data-md-color-" + key, input.getAttribute("data-md-color-" + key));
    });
    // Each option's label switches to the next option: show the one after the chosen input.
    inputs.forEach(function (option) {
      var label = option.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = option !== input;
    });
  }

  function current() {
    var stored = __md_get("__palette");
    if (stored && inputs[stored.index]) return inputs[stored.index];
    var matching = inputs.filter(function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches; });
    return matching[0] || inputs[0];
  }

  var chosen = current();
  chosen.checked = true;
  apply(chosen);
  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () {
      apply(input);
      __md_set("__palette", {
        index: index,
        color: {
          media: input.getAttribute("data-md-color-media"),
          scheme: input.getAttribute("data-md-color-scheme"),
          primary: input.getAttribute("data-md-color-primary"),
          accent: input.getAttribute("data-md-color-accent"),
        },
      });
    });
  });
})();
