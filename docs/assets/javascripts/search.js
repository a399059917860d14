/*
 * Search within the reader's language. controls.js loads this script the first time
 * the reader uses the search box; the index (search/index.json under the language's
 * folder) is fetched then, once.
 * Text and query are folded alike: lower case, Cyrillic to Latin (the table comes
 * with the index), then without diacritics; every word of the query must begin a
 * word of the section ("vijec" finds "Vijeće"). Title matches rank first. A
 * section's "also" (the glossary's forms in every language of the terms it names)
 * counts as its text: "SALW" finds the page that says "ALPC".
 *
 * Keyboard: f, s or / open the search from anywhere but a text field; the arrows
 * move between the query and the results; Enter opens the focused result (from the
 * query, the first); Escape and Tab close the search. The page a result opens marks
 * the query's words (?h=…, then removed from the address); a result on the same
 * page marks them in place.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[name=site-search]");
  if (!form) return;
  var input = form.querySelector("input[name=query]");
  var toggle = document.getElementById("__search");
  var output = document.getElementById("site-search-results");
  var meta = output.querySelector(".md-search-result__meta");
  var list = output.querySelector(".md-search-result__list");
  var WORD = /[\p{L}\p{N}]+/gu;
  var MAX_RESULTS = 20;
  var index = null;
  var loading = null;

  function fold(text, table) {
    var out = "";
    for (var ch of text.toLowerCase()) out += table[ch] !== undefined ? table[ch] : ch;
    return out.normalize("NFD").replace(/\p{M}/gu, "");
  }

  function words(text, table) {
    return (fold(text, table).match(WORD) || []);
  }

  // Fetch the index once, and fold every section's words up front.
  function load() {
    if (!loading) {
      loading = fetch(form.dataset.index)
        .then(function (response) { return response.json(); })
        .then(function (data) {
          data.sections.forEach(function (section) {
            section.titleWords = words(section.title, data.fold);
            section.textWords = words(section.text + " " + (section.also || ""), data.fold);
          });
          index = data;
          return data;
        });
    }
    return loading;
  }

  // How well a word list answers one query word: 2 for a whole word, 1 for a prefix, 0 for none.
  function match(list, term) {
    var best = 0;
    for (var i = 0; i < list.length && best < 2; i++) {
      if (list[i] === term) best = 2;
      else if (list[i].startsWith(term)) best = 1;
    }
    return best;
  }

  function search(query) {
    var terms = words(query, index.fold);
    if (!terms.length) return [];
    var results = [];
    index.sections.forEach(function (section, order) {
      var score = 0;
      for (var term of terms) {
        var inTitle = match(section.titleWords, term);
        var inText = match(section.textWords, term);
        if (!inTitle && !inText) return;
        score += inTitle * 10 + inText;
      }
      results.push({ section: section, score: score, order: order });
    });
    results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return results.slice(0, MAX_RESULTS);
  }

  // A short excerpt around the first matching word, with the matches marked.
  function excerpt(text, terms) {
    var fragment = document.createDocumentFragment();
    var start = -1;
    var marks = [];
    for (var found of text.matchAll(WORD)) {
      var folded = fold(found[0], index.fold);
      if (terms.some(function (term) { return folded.startsWith(term); })) {
        if (start < 0) start = found.index;
        marks.push([found.index, found.index + found[0].length]);
      }
    }
    var from = Math.max(0, start - 60);
    if (from > 0) from = text.indexOf(" ", from) + 1 || from;  // start at a word
    var to = Math.min(text.length, Math.max(start, 0) + 180);
    var position = from;
    if (from > 0) fragment.append("… ");
    marks.filter(function (m) { return m[0] >= from && m[1] <= to; }).forEach(function (m) {
      fragment.append(text.slice(position, m[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      fragment.append(mark);
      position = m[1];
    });
    fragment.append(text.slice(position, to) + (to < text.length ? " …" : ""));
    return fragment;
  }

  function count(n) {
    if (n === 0) return form.dataset.none;
    if (n === 1) return form.dataset.one;
    return form.dataset.other.replace("#", n);
  }

  function render() {
    var query = input.value.trim();
    list.replaceChildren();
    if (!query) {
      meta.textContent = form.dataset.placeholder;
      return;
    }
    var terms = words(query, index.fold);
    var results = search(query);
    meta.textContent = count(results.length);
    results.forEach(function (result) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = resultAddress(result.section.url, query);
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h1");
      title.textContent = result.section.title;
      var text = document.createElement("p");
      text.append(excerpt(result.section.text, terms));
      article.append(title, text);
      link.append(article);
      item.append(link);
      list.append(item);
    });
  }

  // A result's address: on another page, with the query for marking (?h=…).
  function resultAddress(url, query) {
    var address = new URL(form.dataset.siteRoot + url, location.href);
    if (address.pathname !== location.pathname) address.searchParams.set("h", query);
    return address.href;
  }

  // Mark the words of the page's text that begin with a query word.
  function highlight(query) {
    var content = document.querySelector(".md-content article");
    var terms = words(query, index.fold);
    if (!content || !terms.length) return;
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("mark, script, .headerlink, .md-content__button") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.data;
      var fragment = document.createDocumentFragment();
      var position = 0;
      for (var found of text.matchAll(WORD)) {
        var folded = fold(found[0], index.fold);
        if (!terms.some(function (term) { return folded.startsWith(term); })) continue;
        fragment.append(text.slice(position, found.index));
        var mark = document.createElement("mark");
        mark.dataset.mdHighlight = "";
        mark.textContent = found[0];
        fragment.append(mark);
        position = found.index + found[0].length;
      }
      if (position === 0) return;
      fragment.append(text.slice(position));
      node.replaceWith(fragment);
    });
  }

  var opener = form.siteOpener || null;  // what had focus before the search opened, to return to
  var closing = false;  // focus returning to the query must not reopen the search
  var controls = window.siteControls;

  function open() {
    if (closing) return;
    if (toggle && !toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load().then(render);
  }

  // Close the search; with returnFocus, focus goes back to what opened it, or to the
  // query where the query is shown (wide screens), never to a hidden result.
  function close(returnFocus) {
    if (!toggle || !toggle.checked) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    if (!returnFocus) return;
    closing = true;
    if (opener && controls.isShown(opener)) opener.focus();
    else if (controls.isShown(input)) input.focus();
    else document.activeElement.blur();
    closing = false;
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", open);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { load().then(render); input.focus(); });
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (!toggle.checked) return;
      var active = document.activeElement;
      opener = active && active !== document.body && active !== input ? active : null;
      load();
      if (active !== input) input.focus();
    });
  }
  // A result on this page: mark its words here and close the search.
  list.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a");
    if (!link || link.pathname !== location.pathname) return;
    highlight(input.value);
    close(false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (toggle && toggle.checked) {
      var results = Array.prototype.slice.call(list.querySelectorAll("a"));
      if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      } else if (event.key === "Tab") {
        // Closed before the browser moves focus, so the focus skips what is now hidden.
        close(false);
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        var items = [input].concat(results);
        var index = items.indexOf(document.activeElement);
        if (index < 0) return;
        event.preventDefault();
        items[(index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length].focus();
      } else if (event.key.length === 1 && document.activeElement !== input && results.indexOf(document.activeElement) >= 0) {
        input.focus();  // typing on a result goes on in the query
      }
    } else if ((event.key === "f" || event.key === "s" || event.key === "/") && !controls.isTyping(event)) {
      event.preventDefault();
      open();
    }
  });

  // Loaded because the reader focused the query or opened the search: search now.
  if (document.activeElement === input || (toggle && toggle.checked)) open();

  // Arriving from a result: mark the query's words, then tidy the address.
  var params = new URLSearchParams(location.search);
  if (params.has("h")) {
    var query = params.get("h");
    params.delete("h");
    history.replaceState(history.state, "", location.pathname + (params.toString() ? "?" + params : "") + location.hash);
    load().then(function () { highlight(query); });
  }
})();
