/*
 * The header and navigation controls, by keyboard as by mouse, in place of
 * Material's script bundle (which this site does not load; see README, "Scripts").
 *
 * - Material's checkbox toggles (drawer, search, table of contents) are opened by
 *   <label>s, which a keyboard cannot reach: each label gets a real <button> beside
 *   it, with aria-expanded. Without JavaScript the labels work as before.
 * - The colour scheme toggle is one button with aria-pressed ("Dark mode").
 * - The language menu is a disclosure: Enter or Space opens it, the arrows move
 *   through it, Escape closes it and returns focus to its button.
 * - Overlays close: the drawer after a choice in it, every overlay on the Back
 *   button, Escape closes the innermost one and returns focus to its opener.
 * - Orientation: the header shows the page title once the h1 has scrolled away,
 *   the table of contents marks the section in view, theme-color follows the header.
 * - Scripts load on first use, not with the page: search.js (and, through it, the
 *   index) when the reader focuses the search box, opens the search or presses its
 *   key (f, s or /); copy-link.js with the first click on a "Copy link" button,
 *   which it then carries out. Each then takes over. compare-english.js with the first
 *   "Compare with the English text" a reader opens on a translation.
 *
 * Helpers other scripts may reuse are on window.siteControls.
 */
(function () {
  "use strict";

  document.documentElement.classList.replace("no-js", "js");
  var ownScript = document.currentScript;  // this file: the other scripts are beside it
  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");

  // --- Helpers ---------------------------------------------------------------

  // Whether a key press belongs to a text field (shortcuts must leave it alone).
  function isTyping(event) {
    var target = event.target;
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // Whether an element is shown: laid out, not hidden, not transparent.
  function isShown(element) {
    return !!element && element.getClientRects().length > 0 &&
      (!element.checkVisibility || element.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  }

  // The elements in a container that can take focus (laid out and not hidden; they
  // may still be fading in).
  function focusables(container) {
    return Array.prototype.filter.call(
      container.querySelectorAll("a[href], button:not([disabled]), input:not([type=hidden]), [tabindex]:not([tabindex='-1'])"),
      function (element) {
        return element.getClientRects().length > 0 && (!element.checkVisibility || element.checkVisibility({ visibilityProperty: true }));
      }
    );
  }

  // Move focus within a list of items by key: arrows (wrapping), Home and End.
  function moveFocus(items, key) {
    var index = items.indexOf(document.activeElement);
    var next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[key];
    if (next === undefined || !items.length) return false;
    items[(next + items.length) % items.length].focus();
    return true;
  }

  // Set a checkbox toggle and tell listeners (the search box listens to "change").
  function setToggle(toggle, on) {
    if (!toggle || toggle.checked === on) return;
    toggle.checked = on;
    toggle.dispatchEvent(new Event("change"));
  }

  // A <button> in place of a <label> that opens a checkbox toggle: keyboard users
  // reach it; aria-expanded follows the toggle. The label stays for no-JS readers.
  function buttonFor(label, name) {
    var toggle = document.getElementById(label.htmlFor);
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.dataset.siteFor = label.htmlFor;
    if (name) button.setAttribute("aria-label", name);
    Array.prototype.forEach.call(label.childNodes, function (node) { button.append(node.cloneNode(true)); });
    label.classList.add("site-replaced");
    label.before(button);
    var sync = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", function () { setToggle(toggle, !toggle.checked); });
    return button;
  }

  window.siteControls = { isTyping: isTyping, isShown: isShown, focusables: focusables, moveFocus: moveFocus, setToggle: setToggle };

  // --- Drawer (navigation on narrow screens) -----------------------------------

  var sidebar = document.querySelector(".md-sidebar--primary");
  var menuLabel = document.querySelector(".md-header__button[for=__drawer]");
  var menuButton = null;
  if (drawer && sidebar && menuLabel) {
    var navigation = sidebar.querySelector("nav");
    menuButton = buttonFor(menuLabel, navigation && navigation.getAttribute("aria-label"));
    sidebar.id = sidebar.id || "site-drawer";
    menuButton.setAttribute("aria-controls", sidebar.id);
    drawer.addEventListener("change", function () {
      if (drawer.checked) {
        // Focus the first entry once the drawer is visible (it slides in).
        requestAnimationFrame(function () { var first = focusables(sidebar)[0]; if (first) first.focus(); });
      }
    });
    // Focus leaving the open drawer closes it.
    sidebar.addEventListener("focusout", function (event) {
      if (drawer.checked && event.relatedTarget && !sidebar.contains(event.relatedTarget) && event.relatedTarget !== menuButton) {
        setToggle(drawer, false);
      }
    });
  }

  // The table of contents inside the drawer (narrow screens) opens from a button too.
  var tocToggle = document.getElementById("__toc");
  var tocLabel = document.querySelector(".md-nav--primary label.md-nav__link[for=__toc]");
  var tocButton = null;
  if (tocToggle && tocLabel) {
    tocButton = buttonFor(tocLabel);
    tocToggle.addEventListener("change", function () {
      if (!tocToggle.checked) return;
      var panel = tocToggle.parentElement.querySelector(".md-nav--secondary");
      requestAnimationFrame(function () {
        var links = panel ? focusables(panel).filter(function (e) { return e.tagName === "A"; }) : [];
        if (links[0]) links[0].focus();
      });
    });
  }

  // --- Search opener (narrow screens) ------------------------------------------

  var searchLabel = document.querySelector(".md-header__button[for=__search]");
  var searchDialog = document.querySelector(".md-search");
  if (search && searchLabel) {
    buttonFor(searchLabel, searchDialog && searchDialog.getAttribute("aria-label"));
  }

  // --- Search, loaded on first use ---------------------------------------------

  var searchForm = document.querySelector("form[name=site-search]");
  var searchInput = searchForm && searchForm.querySelector("input[name=query]");
  var searchLoading = false;
  // Load one of the site's scripts (a file beside this one).
  function loadScript(name) {
    var script = document.createElement("script");
    script.src = new URL(name, ownScript.src).href;
    document.body.appendChild(script);
  }
  function loadSearch() {
    if (searchLoading) return;
    searchLoading = true;
    loadScript("search.js");
  }
  if (searchInput) {
    searchInput.addEventListener("focus", loadSearch);
    if (search) {
      search.addEventListener("change", function () {
        if (!search.checked || searchLoading) return;
        // What opened the search gets focus back when it closes (search.js reads it).
        var active = document.activeElement;
        if (active && active !== document.body && active !== searchInput) searchForm.siteOpener = active;
        loadSearch();
        searchInput.focus();
      });
    }
    document.addEventListener("keydown", function (event) {
      if (searchLoading || event.ctrlKey || event.altKey || event.metaKey || isTyping(event)) return;
      if (event.key === "f" || event.key === "s" || event.key === "/") {
        event.preventDefault();
        setToggle(search, true);
        searchInput.focus();
      }
    });
    // Arriving from a result (?h=…): search.js marks the query's words.
    if (new URLSearchParams(location.search).has("h")) loadSearch();
  }

  // --- Copy-link buttons (pages with numbered points, and their share panel) ------

  // Shown where the browser can write to the clipboard; the first click loads
  // copy-link.js, which copies for that click (siteControls.copyRequested) and the next.
  var copyButtons = document.querySelectorAll("button.copy-link");
  if (copyButtons.length && navigator.clipboard && window.isSecureContext && document.querySelector("link[rel=canonical]")) {
    var copyLoading = false;
    Array.prototype.forEach.call(copyButtons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        if (copyLoading) return;
        copyLoading = true;
        window.siteControls.copyRequested = button;
        loadScript("copy-link.js");
      });
    });
  }

  // --- Compare a translated point with the English, on first opening -----------

  // A translation's "Compare with the English text" disclosures hold a link to English
  // point N (point_tools.py): the first one opened loads compare-english.js, which puts
  // the English point in place of the link, for that disclosure and the next.
  var comparisons = document.querySelectorAll("details.compare-english");
  var compareLoading = false;
  Array.prototype.forEach.call(comparisons, function (details) {
    details.addEventListener("toggle", function () {
      if (!details.open || compareLoading) return;
      compareLoading = true;
      loadScript("compare-english.js");
    });
  });

  // --- Colour scheme -----------------------------------------------------------

  // Material's storage, per site: localStorage["<site path>.__palette"].
  // (__md_scope: the site's base, set by material-helpers.js; else the site root)
  var scope = (window.__md_scope ? window.__md_scope.pathname : "/").replace(/\/$/, "") || "";
  function stored(key) {
    try { return JSON.parse(localStorage.getItem(scope + "/." + key)); } catch (error) { return null; }
  }
  function store(key, value) {
    try { localStorage.setItem(scope + "/." + key, JSON.stringify(value)); } catch (error) { /* private mode */ }
  }

  var themeColor = document.querySelector("meta[name=theme-color]");
  var header = document.querySelector(".md-header");
  var palette = document.querySelector("[data-md-component=palette] button");
  if (palette) {
    var options = Array.prototype.slice.call(palette.querySelectorAll("[data-md-color-scheme]"));
    var attributes = ["scheme", "primary", "accent"];
    var apply = function (option) {
      attributes.forEach(function (key) {
        document.body.setAttribute("data-md-color-" + key, option.getAttribute("data-md-color-" + key));
      });
      options.forEach(function (each) { each.hidden = each !== option; });
      palette.setAttribute("aria-pressed", String(options.indexOf(option) > 0));
      palette.title = option.dataset.title;
      if (themeColor && header) themeColor.content = getComputedStyle(header).backgroundColor;
    };
    var choice = stored("__palette");
    var current = (choice && options[choice.index]) ||
      options.filter(function (option) { return matchMedia(option.getAttribute("data-md-color-media")).matches; })[0] ||
      options[0];
    apply(current);
    palette.hidden = false;
    palette.addEventListener("click", function () {
      var index = (options.indexOf(current) + 1) % options.length;
      current = options[index];
      apply(current);
      var color = { media: current.getAttribute("data-md-color-media") };
      attributes.forEach(function (key) { color[key] = current.getAttribute("data-md-color-" + key); });
      store("__palette", { index: index, color: color });
    });
  }

  // --- Language menu -----------------------------------------------------------

  var select = document.querySelector(".md-header__option .md-select");
  if (select) {
    var languageButton = select.querySelector("button");
    var list = select.querySelector(".md-select__list");
    var entries = Array.prototype.slice.call(select.querySelectorAll(".md-select__link"));
    var setOpen = function (open, focus) {
      languageButton.setAttribute("aria-expanded", String(open));
      if (open && focus) (entries.filter(function (e) { return e.getAttribute("aria-current") === "page"; })[0] || entries[0]).focus();
      if (!open && focus) languageButton.focus();
    };
    languageButton.setAttribute("aria-controls", list.id);
    setOpen(false);
    languageButton.addEventListener("click", function () {
      setOpen(languageButton.getAttribute("aria-expanded") !== "true", true);
    });
    select.addEventListener("keydown", function (event) {
      var open = languageButton.getAttribute("aria-expanded") === "true";
      if (event.key === "Escape" && open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false, true);
      } else if (/^Arrow(Down|Up)$/.test(event.key) && !open && event.target === languageButton) {
        event.preventDefault();
        setOpen(true, true);
      } else if (open && moveFocus(entries, event.key)) {
        event.preventDefault();
      }
    });
    // Focus leaving the menu closes it.
    select.addEventListener("focusout", function (event) {
      if (!select.contains(event.relatedTarget)) setOpen(false);
    });
  }

  // --- Overlays: Escape, choices, Back -----------------------------------------

  // Close every overlay (the search box also listens for this itself).
  function closeOverlays() {
    setToggle(drawer, false);
    setToggle(tocToggle, false);
    setToggle(search, false);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if (tocToggle && tocToggle.checked && drawer && drawer.checked) {
      setToggle(tocToggle, false);
      if (tocButton) tocButton.focus();
    } else if (drawer && drawer.checked) {
      setToggle(drawer, false);
      if (menuButton) menuButton.focus();
    }
  });

  // A link to a place on this page (a table of contents entry, a search result)
  // closes the overlay it was chosen in; other links leave the page anyway.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[href]");
    if (!link || link.origin !== location.origin || link.pathname !== location.pathname) return;
    if (sidebar && sidebar.contains(link)) closeOverlays();
  });
  window.addEventListener("hashchange", closeOverlays);

  // The footnote's way back leads to the reference the reader came from.
  var back = document.querySelector(".kosovo-back");
  document.addEventListener("click", function (event) {
    var reference = back && event.target instanceof Element && event.target.closest(".kosovo-ref");
    if (reference) back.hash = reference.id;
  });

  // Browsers restore the toggles' state on Back: start with every overlay closed.
  closeOverlays();
  window.addEventListener("pageshow", closeOverlays);

  // --- Orientation ---------------------------------------------------------------

  // The header shows the page title once the page's h1 has scrolled under it.
  var title = document.querySelector("[data-md-component=header-title]");
  var heading = document.querySelector(".md-content h1");
  if (title && heading && "IntersectionObserver" in window) {
    new IntersectionObserver(function (seen) {
      title.classList.toggle("md-header__title--active", !seen[0].isIntersecting && seen[0].boundingClientRect.top < 0);
    }, { rootMargin: "-" + (header ? header.offsetHeight : 0) + "px 0px 0px 0px" }).observe(heading);
  }

  // The table of contents marks the section being read.
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".md-nav--secondary a.md-nav__link[href^='#']"));
  var sections = tocLinks.map(function (link) { return document.getElementById(decodeURIComponent(link.hash.slice(1))); });
  var pending = false;
  function markSection() {
    pending = false;
    var offset = (header ? header.offsetHeight : 0) + 16;
    var current = null;
    sections.forEach(function (section) {
      if (section && section.getBoundingClientRect().top <= offset) current = section;
    });
    tocLinks.forEach(function (link, index) {
      link.classList.toggle("md-nav__link--active", sections[index] === current && current !== null);
    });
  }
  if (tocLinks.length) {
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; requestAnimationFrame(markSection); }
    }, { passive: true });
    markSection();
  }
})();

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
  var script = document.currentScript;  // this file, controls.js
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
  // The browser scrolls a focused element only if it is out of the window: one already
  // in it, but partly under the banner, is scrolled above the banner here.
  document.addEventListener("focusin", function (event) {
    if (holder.hidden || holder.contains(event.target) || getComputedStyle(holder).position !== "fixed") return;
    var below = event.target.getBoundingClientRect().bottom + 8 - holder.getBoundingClientRect().top;
    if (below > 0) window.scrollBy(0, below);
  });
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
