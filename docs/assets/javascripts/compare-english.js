/*
 * "Compare with the English text" under each point of a translation
 * (jumbo_site/page/point_tools.py): the page does not carry the English, each
 * disclosure holds a link to English point N. controls.js loads this script when the
 * reader first opens one; it fetches the English page, once, and puts in each
 * disclosure opened (the first one included) its English point in place of the link:
 * as the English page has it, without its number, tools and ids, and with its links
 * made absolute, so that they lead where they led on the English page. While it loads
 * the box is aria-busy; if the fetch fails, the link stays and leads to the English point.
 */
(function () {
  "use strict";
  var englishPage = null;

  // The English page (the link's address without its fragment), fetched once.
  function english(address) {
    if (!englishPage) {
      englishPage = fetch(address).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html");
      });
      englishPage.catch(function () { englishPage = null; });  // tried again on the next opening
    }
    return englishPage;
  }

  // English point N as the English page has it, for this page: its content only.
  function englishPoint(link) {
    var address = new URL(link.href);
    var id = address.hash.slice(1);
    address.hash = "";
    return english(address.href).then(function (doc) {
      var point = doc.getElementById(id);
      if (!point) throw new Error(id);
      point = point.cloneNode(true);
      Array.prototype.forEach.call(point.querySelectorAll(".point-number, .point-tools"), function (element) {
        element.remove();
      });
      Array.prototype.forEach.call(point.querySelectorAll("[id]"), function (element) {
        element.removeAttribute("id");
      });
      Array.prototype.forEach.call(point.querySelectorAll("a[href]"), function (element) {
        element.href = new URL(element.getAttribute("href"), address).href;
      });
      if (point.firstChild && point.firstChild.nodeType === Node.TEXT_NODE) {
        point.firstChild.textContent = point.firstChild.textContent.replace(/^\s+/, "");
      }
      return point;
    });
  }

  function show(details) {
    var link = details.querySelector("div[lang=en] > p > a[hreflang=en]");
    if (!details.open || !link || details.siteLoading) return;
    details.siteLoading = true;
    var box = link.parentNode.parentNode;
    box.setAttribute("aria-busy", "true");
    englishPoint(link).then(function (point) {
      box.replaceChildren.apply(box, Array.prototype.slice.call(point.childNodes));
    }).catch(function () {
      details.siteLoading = false;  // the link stays
    }).then(function () {
      box.removeAttribute("aria-busy");
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("details.compare-english"), function (details) {
    details.addEventListener("toggle", function () { show(details); });
    show(details);  // the one whose opening loaded this script
  });
})();
