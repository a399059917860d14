"""Keyboard and screen readers: every control works from the keyboard, focus is always
seen, overlays close, and names make sense when heard. Chromium, keyboard only,
in English and Macedonian, light and dark."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from support.browser import NARROW, WIDE, focused, run_axe, tab_through, until
from support.languages import BY_LOCALE, PAGES, ids, page_path, strings_for
from support.project import shown_state

TESTED = [BY_LOCALE["en"], BY_LOCALE["mk"]]
SCHEMES = ["light", "dark"]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", TESTED, ids=ids(TESTED))
def test_every_element_tab_reaches_shows_a_visible_ring_on_top_of_the_page(open_tab, server, language, scheme):
    tab = open_tab(server + page_path(language, ""), scheme=scheme)
    seen = []
    for state, changed in tab_through(tab):
        seen.append(state["name"])
        assert state["shown"] and state["onScreen"] and state["onTop"], state
        assert state["outline"] and state["ringContrast"] >= 3, state
        assert changed >= 40, f"no visible focus on {state['name']!r}"
    assert len(seen) >= 15, seen  # the header, the navigation, the page and the footer


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_closed_drawer_and_search_take_no_focus_at_390px(open_tab, server, scheme):
    tab = open_tab(server + "mk/programme/", width=NARROW, scheme=scheme)
    for _ in range(12):
        tab.keyboard.press("Tab")
        state = focused(tab)
        assert not state["inDrawer"] and state["shown"] and state["onScreen"] and state["onTop"], state


# --- Search ------------------------------------------------------------------------

QUERIES = {"en": "migration", "mk": "миграција"}


@pytest.mark.parametrize("key", ["s", "f", "/"])
@pytest.mark.parametrize("language", TESTED, ids=ids(TESTED))
def test_a_key_opens_the_search_arrows_reach_the_second_result_and_its_page_marks_the_terms(open_tab, server, language, key):
    tab = open_tab(server + page_path(language, "about/"))
    tab.keyboard.press("Tab")  # from a link, not a text field
    tab.keyboard.press(key)
    assert tab.evaluate("document.activeElement.name") == "query" and tab.is_checked("#__search")
    assert tab.input_value("input.md-search__input") == ""  # the key itself is not typed
    tab.keyboard.type(QUERIES[language.locale])
    tab.locator(".md-search-result__link").nth(1).wait_for()
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    second = tab.locator(".md-search-result__link").nth(1)
    assert second.evaluate("e => e === document.activeElement")
    target = urlsplit(second.get_attribute("href"))
    assert target.path != urlsplit(tab.url).path and "h=" in target.query  # another page, told the query
    tab.keyboard.press("Enter")
    tab.wait_for_url(lambda url: urlsplit(url).path == target.path)
    marks = tab.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    assert QUERIES[language.locale][:6] in marks.first.inner_text().lower()
    assert "h=" not in tab.url  # the address is left clean for sharing
    tab.wait_for_timeout(500)  # the header's title has switched
    assert run_axe(tab) == []  # the marks have enough contrast


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_escape_closes_the_search_and_the_next_tab_lands_on_a_visible_element(open_tab, server, width):
    tab = open_tab(server + "mk/conclusions/", width=width)
    tab.keyboard.press("s")
    tab.keyboard.type(QUERIES["mk"])
    tab.locator(".md-search-result__link").first.wait_for()
    tab.keyboard.press("ArrowDown")  # Escape pressed on a result
    tab.keyboard.press("Escape")
    assert not tab.is_checked("#__search")
    for _ in range(3):
        state = focused(tab)
        assert state is None or (state["shown"] and state["onScreen"] and state["onTop"] and (not state["inSearch"] or state["isQuery"])), state
        tab.keyboard.press("Tab")
    state = focused(tab)
    assert state["shown"] and state["onScreen"] and state["onTop"], state


def test_tab_from_the_query_closes_the_search_and_moves_on_to_the_page(open_tab, server):
    tab = open_tab(server + "conclusions/")
    tab.keyboard.press("/")
    tab.keyboard.type("security")
    tab.locator(".md-search-result__link").first.wait_for()
    tab.keyboard.press("Tab")
    assert not tab.is_checked("#__search")
    state = focused(tab)
    assert not state["inSearch"] and state["shown"] and state["onTop"], state


def test_a_result_on_the_same_page_closes_the_search_and_marks_the_terms_there(open_tab, server):
    tab = open_tab(server + "conclusions/")
    tab.keyboard.press("s")
    tab.keyboard.type("smuggling")
    results = tab.locator(".md-search-result__link")
    results.first.wait_for()
    addresses = [urlsplit(results.nth(i).get_attribute("href")) for i in range(results.count())]
    here = next(i for i, address in enumerate(addresses) if address.path == "/conclusions/")
    for _ in range(here + 1):
        tab.keyboard.press("ArrowDown")
    tab.keyboard.press("Enter")
    point = addresses[here].fragment
    until(tab, "h => location.hash === h", "#" + point)
    assert not tab.is_checked("#__search")
    assert tab.locator(f"#{point} mark[data-md-highlight]").count() >= 1
    assert addresses[here].query == ""  # no reload for a place on the same page


def test_back_to_a_page_left_from_the_search_shows_no_open_overlay(open_tab, server):
    tab = open_tab(server + "mk/")
    tab.keyboard.press("s")
    tab.keyboard.type(QUERIES["mk"])
    tab.locator(".md-search-result__link").first.wait_for()
    tab.keyboard.press("Enter")
    tab.wait_for_url(lambda url: urlsplit(url).path != "/mk/")
    tab.go_back()
    tab.wait_for_timeout(300)
    assert not tab.is_checked("#__search") and not tab.is_checked("#__drawer")
    assert not tab.locator(".md-search__overlay").evaluate("e => getComputedStyle(e).opacity > 0 && e.getBoundingClientRect().width > 0")


# --- Colour scheme, drawer, language menu ------------------------------------------


def tab_to(tab, name: str, limit: int = 20):
    """Press Tab until the element with this accessible name has focus."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("(document.activeElement.getAttribute('aria-label') || document.activeElement.textContent).trim()") == name:
            return
    raise AssertionError(f"Tab never reaches {name!r}")


@pytest.mark.parametrize("key", ["Enter", " "])
@pytest.mark.parametrize("language", TESTED, ids=ids(TESTED))
def test_enter_and_space_switch_the_colour_scheme_and_the_button_says_which_is_on(open_tab, server, language, key):
    tab = open_tab(server + page_path(language, "conclusions/"))
    name = strings_for(language)["palette.dark"]
    tab_to(tab, name)
    toggle = tab.get_by_role("button", name=name, pressed=False)
    assert toggle.evaluate("e => e === document.activeElement")
    tab.keyboard.press(key)
    assert tab.get_attribute("body", "data-md-color-scheme") == "slate"
    assert tab.get_by_role("button", name=name, pressed=True).count() == 1
    assert tab.evaluate("document.querySelector('meta[name=theme-color]').content") == tab.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
    )
    tab.reload()
    assert tab.get_attribute("body", "data-md-color-scheme") == "slate"  # remembered
    tab_to(tab, name)
    tab.keyboard.press(key)
    assert tab.get_attribute("body", "data-md-color-scheme") == "default"


@pytest.mark.parametrize("language", TESTED, ids=ids(TESTED))
def test_at_390px_the_drawer_opens_from_the_keyboard_and_closes_after_a_choice(open_tab, server, language):
    tab = open_tab(server + page_path(language, "programme/"), width=NARROW)
    navigation = tab.locator(".md-nav--primary").get_attribute("aria-label")
    tab_to(tab, navigation)
    menu = tab.get_by_role("button", name=navigation)
    assert menu.get_attribute("aria-expanded") == "false"
    tab.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    tab.wait_for_timeout(300)
    state = focused(tab)
    assert state["inDrawer"] and state["shown"] and state["onScreen"] and state["onTop"], state
    # Escape closes it and gives focus back to the menu button.
    tab.keyboard.press("Escape")
    assert not tab.is_checked("#__drawer")
    assert menu.evaluate("e => e === document.activeElement")
    # Open again, open the table of contents, choose its first entry.
    tab.keyboard.press("Enter")
    title = tab.locator("article h1").inner_text().replace("¶", "").strip()
    tab_to(tab, title)
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(300)
    entry = focused(tab)
    assert entry["inDrawer"] and entry["shown"] and entry["onScreen"], entry
    tab.keyboard.press("Enter")
    until(tab, "location.hash.length > 1")
    tab.wait_for_timeout(300)
    assert not tab.is_checked("#__drawer")
    assert not tab.locator(".md-sidebar--primary").is_visible()


@pytest.mark.parametrize("language", TESTED, ids=ids(TESTED))
def test_the_language_menu_opens_on_enter_moves_with_the_arrows_and_closes_on_escape(open_tab, server, language):
    tab = open_tab(server + page_path(language, "conclusions/"))
    label = tab.locator(".md-select button").get_attribute("aria-label")
    tab_to(tab, label)
    button = tab.get_by_role("button", name=label)
    assert button.get_attribute("aria-expanded") == "false"
    assert not tab.locator(".md-select__list").is_visible()  # focus alone does not open it
    tab.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    links = tab.locator(".md-select__link")
    current = tab.evaluate("document.activeElement.getAttribute('hreflang')")
    assert current == language.html_lang  # focus starts on the page's own language
    tab.keyboard.press("ArrowDown")
    after = tab.evaluate("document.activeElement.getAttribute('hreflang')")
    order = [links.nth(i).get_attribute("hreflang") for i in range(links.count())]
    assert order.index(after) == (order.index(current) + 1) % len(order)
    tab.keyboard.press("ArrowUp")
    tab.keyboard.press("ArrowUp")
    assert order.index(tab.evaluate("document.activeElement.getAttribute('hreflang')")) == (order.index(current) - 1) % len(order)
    tab.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.evaluate("e => e === document.activeElement")
    assert not tab.locator(".md-select__list").is_visible()
    # Enter on an entry goes to that language.
    tab.keyboard.press("Enter")
    tab.keyboard.press("Home")
    tab.keyboard.press("Enter")
    tab.wait_for_url(server + "conclusions/")


# --- axe-core with the overlays open -------------------------------------------------


def open_search(tab, language):
    tab.keyboard.press("s")
    tab.keyboard.type(QUERIES[language.locale])
    tab.locator(".md-search-result mark").first.wait_for()
    tab.wait_for_timeout(500)  # fade-in done


def open_languages(tab, language):
    tab_to(tab, tab.locator(".md-select button").get_attribute("aria-label"))
    tab.keyboard.press("Enter")
    tab.keyboard.press("ArrowDown")
    tab.wait_for_timeout(500)


def open_drawer(tab, language):
    tab_to(tab, tab.locator(".md-nav--primary").get_attribute("aria-label"))
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(500)


STATES = {"search": (WIDE, open_search), "languages": (WIDE, open_languages), "drawer-390": (NARROW, open_drawer), "search-390": (NARROW, open_search)}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", TESTED, ids=ids(TESTED))
def test_axe_finds_no_violation_with_an_overlay_open(open_tab, server, language, scheme, state):
    width, open_overlay = STATES[state]
    tab = open_tab(server + page_path(language, "conclusions/"), width=width, scheme=scheme)
    open_overlay(tab, language)
    assert run_axe(tab) == []


# --- What a screen reader hears --------------------------------------------------------

TRANSLATED = [BY_LOCALE["mk"], BY_LOCALE["fr"], BY_LOCALE["sr-Latn"]]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", TRANSLATED, ids=ids(TRANSLATED))
def test_the_skip_link_lands_on_the_h1_and_the_notice_comes_right_after_it(open_tab, server, translation_state, language, page):
    """In each state of a translation (the session's site has them all: up to date,
    outdated, missing, drifted), the skip link lands on the h1 and the notice, whatever it holds,
    is what is read next: the notice of the page's state, in the page's language."""
    tab = open_tab(server + page_path(language, page))
    target = tab.locator("a.md-skip").get_attribute("href")
    assert tab.locator(target).evaluate("e => e.tagName") == "H1"
    tree = tab.locator("article").aria_snapshot()
    lines = [line.strip() for line in tree.splitlines()]
    first_heading = next(i for i, line in enumerate(lines) if line.startswith("- heading"))
    assert "[level=1]" in lines[first_heading]
    assert lines[first_heading + 1].startswith("- note"), lines[first_heading : first_heading + 3]
    notice = tab.locator(".translation-notice")
    state = translation_state(language, page)
    assert notice.get_attribute("data-translation-status") == shown_state(state)
    assert notice.get_attribute("lang") == language.html_lang
    # Reading on from the skip target reaches the whole notice, and nothing else first.
    heard = tab.evaluate(
        "t => { const h = document.querySelector(t); const r = document.createRange(); r.setStartAfter(h); r.setEndAfter(h.nextElementSibling); return r.toString(); }",
        target,
    )
    words = " ".join(heard.split())
    assert words == " ".join(notice.evaluate("e => e.textContent").split())
    message = strings_for(language)["notice." + (shown_state(state) or "authoritative")]
    assert words.startswith(" ".join(message.split())), (state, words)
    if state == "outdated":  # and for translators, the command for the folder that holds the text
        origin = language.transliterate_from or language.locale
        assert notice.locator("code").all_inner_texts() == [f"scripts/translations diff {origin} {page.rstrip('/') or 'index'}"]


NAMES = [BY_LOCALE["en"], BY_LOCALE["mk"], BY_LOCALE["sr-Latn"]]
SYMBOL_OR_NUMBER = re.compile(r"[\W\d_]*")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", NAMES, ids=ids(NAMES))
def test_no_link_is_named_only_by_a_symbol_or_a_number_and_headings_are_their_words(open_tab, server, language, page):
    tab = open_tab(server + page_path(language, page))
    tree = tab.locator("body").aria_snapshot()
    links = re.findall(r'- link "((?:[^"\\]|\\.)*)"', tree)
    assert links
    assert [name for name in links if SYMBOL_OR_NUMBER.fullmatch(name)] == []
    headings = re.findall(r'- heading "((?:[^"\\]|\\.)*)"', tree)
    assert [name for name in headings if "¶" in name] == []


def test_the_kosovo_reference_is_named_and_its_footnote_leads_back(open_tab, server):
    strings = strings_for(BY_LOCALE["mk"])
    tab = open_tab(server + "mk/")
    reference = tab.get_by_role("link", name=strings["kosovo.ref"]).first
    reference.focus()
    tab.keyboard.press("Enter")
    until(tab, "location.hash === '#kosovo-footnote'")
    back = tab.get_by_role("link", name=strings["kosovo.back"])
    back.focus()
    tab.keyboard.press("Enter")
    until(tab, "location.hash.startsWith('#kosovo-ref-')")
    assert tab.locator(":target").evaluate("e => e.classList.contains('kosovo-ref')")


@pytest.mark.parametrize("language", TESTED, ids=ids(TESTED))
def test_each_point_link_is_named_point_n_in_the_page_language(open_tab, server, language):
    tab = open_tab(server + page_path(language, "conclusions/"))
    name = strings_for(language)["point.name"].replace("{n}", "7")
    assert tab.get_by_role("link", name=name, exact=True).get_attribute("href") == "#point-7"


# --- Orientation aids ----------------------------------------------------------------


def test_the_header_shows_the_page_title_after_scrolling_and_the_contents_mark_the_section(open_tab, server):
    tab = open_tab(server + "programme/")
    title = tab.locator("[data-md-component=header-title]")
    assert "md-header__title--active" not in (title.get_attribute("class") or "")
    heading = tab.locator("article h2").nth(2)
    heading.scroll_into_view_if_needed()
    tab.evaluate("id => document.getElementById(id).scrollIntoView()", heading.get_attribute("id"))
    tab.wait_for_timeout(300)
    assert "md-header__title--active" in title.get_attribute("class")
    active = tab.locator(".md-sidebar--secondary a.md-nav__link--active")
    assert active.count() == 1 and active.get_attribute("href") == "#" + heading.get_attribute("id")


# --- Without JavaScript ------------------------------------------------------------


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_without_javascript_every_element_tab_reaches_is_shown(open_tab, server, width):
    tab = open_tab(server + "mk/programme/", width=width, javascript=False)
    for _ in range(30):
        tab.keyboard.press("Tab")
        state = focused(tab)
        if state is None:
            break
        assert state["shown"] and state["onScreen"] and state["outline"], state


# --- Focus never under the sticky header or the banner (WCAG 2.2, 2.4.11) --------------

OBSCURED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const rect = [...e.getClientRects()].find(r => r.width && r.height) || e.getBoundingClientRect();
  const fixedAncestor = node => {
    for (; node && node !== document.body; node = node.parentElement) {
      const position = getComputedStyle(node).position;
      if (position === "fixed" || position === "sticky") return node;
    }
    return null;
  };
  // What the reader sees at nine points of the element: it, or a fixed or sticky box on top of it.
  const covering = new Set();
  for (const x of [rect.left + 1, (rect.left + rect.right) / 2, rect.right - 1]) {
    for (const y of [rect.top + 1, (rect.top + rect.bottom) / 2, rect.bottom - 1]) {
      const top = document.elementFromPoint(x, y);
      if (!top || e.contains(top) || top.contains(e)) continue;
      const box = fixedAncestor(top);
      if (box && !box.contains(e)) covering.add((box.className || box.tagName).toString().slice(0, 60));
    }
  }
  const name = (e.getAttribute("aria-label") || e.textContent || e.tagName).trim().replace(/\\s+/g, " ").slice(0, 50);
  return {name, covering: [...covering], inFixedBox: !!fixedAncestor(e)};
}"""


@pytest.mark.parametrize("width", [320, NARROW, WIDE])
@pytest.mark.parametrize("language", TESTED, ids=ids(TESTED))
def test_no_focused_element_is_even_partly_under_the_header_tabbing_forwards_or_backwards(open_tab, server, language, width):
    tab = open_tab(server + page_path(language, "conclusions/"), width=width)
    seen = []
    for key in ["Tab"] * 70 + ["Shift+Tab"] * 70:
        tab.keyboard.press(key)
        for _ in range(10):  # once any scrolling has ended (0.5 s at most)
            state = tab.evaluate(OBSCURED)
            if state is None or not state["covering"]:
                break
            tab.wait_for_timeout(50)
        if state is None or state["inFixedBox"]:
            continue  # the header's, the banner's and the sidebars' own controls
        seen.append(state["name"])
        assert state["covering"] == [], f"{key} to {state['name']!r}: under {state['covering']}"
    assert len(seen) > 60, seen  # the points' links and buttons, both ways


@pytest.mark.parametrize("width", [NARROW, WIDE])
def test_a_point_reached_by_its_link_starts_just_below_the_header(open_tab, server, width):
    """The header's band is kept out of the scrollport once, not twice (site.css)."""
    tab = open_tab(server + "mk/conclusions/#point-7", width=width)
    gap = until(tab, """() => {
      const point = document.getElementById("point-7").getBoundingClientRect().top;
      const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
      return scrollY > 0 ? [point - header] : null;
    }""")[0]
    assert 0 <= gap <= 25, gap  # below the header, with a gap of at most 1.2rem (+1 px: scrolling is by whole pixels)
