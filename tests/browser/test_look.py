"""The conference's own look (issue 24): a site that reads as the event, not a manual.
No documentation chrome, the Serbian entries named by script, the header's wordmark,
contrast in every state, target sizes and a reading measure, seen in Chromium."""

from __future__ import annotations

import pytest
from support.browser import ANIMATIONS_ENDED, tab_through, until
from support.languages import (
    BY_LOCALE,
    DEFAULT,
    LANGUAGES,
    PAGES,
    page_path,
    strings_for,
)
from support.look import SERBIAN_NAMES
from support.project import ROOT, read_yaml

EN_MK = [BY_LOCALE["en"], BY_LOCALE["mk"]]
# Every page type: the translated pages and the editors' English-only /translations/.
PAGE_TYPES = [(lang, page) for lang in EN_MK for page in PAGES] + [(DEFAULT, "translations/")]
PAGE_IDS = [page_path(lang, page) or "/" for lang, page in PAGE_TYPES]
EVENT_YEAR = read_yaml(ROOT / "data" / "programme.yml")["event"]["date"].year


# --- No documentation chrome ---------------------------------------------------------

CHROME = """() => ({
  pager: document.querySelectorAll(".md-footer__link, .md-footer__inner").length,
  pencil: document.querySelectorAll(".md-content__button, article a[rel=edit]").length,
  edit: [...document.querySelectorAll("footer a[rel=edit]")].filter(a => a.checkVisibility()).length,
  contents: [...document.querySelectorAll("nav.md-nav--secondary")].filter(n => n.checkVisibility()).map(n => n.querySelectorAll("a").length),
})"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language,page", PAGE_TYPES, ids=PAGE_IDS)
def test_no_page_shows_a_pager_or_a_pencil_and_the_edit_link_is_in_the_footer(open_tab, server, language, page, width):
    chrome = open_tab(server + page_path(language, page), width=width).evaluate(CHROME)
    assert chrome["pager"] == 0 and chrome["pencil"] == 0, chrome
    assert chrome["edit"] == 1, chrome


@pytest.mark.parametrize("language,page", PAGE_TYPES, ids=PAGE_IDS)
def test_a_contents_landmark_is_shown_only_where_the_page_has_contents(open_tab, server, soup, language, page):
    """At 1280 px the contents sidebar shows where the page has contents; a page with none
    (the conclusions, the home page) has no empty navigation landmark for screen readers."""
    tab = open_tab(server + page_path(language, page))
    headings = len(soup(page_path(language, page)).select(".md-sidebar--secondary nav li"))
    name = tab.evaluate("() => document.querySelector('nav.md-nav--secondary').getAttribute('aria-label')")
    landmarks = tab.get_by_role("navigation", name=name, exact=True)
    assert landmarks.count() == (1 if headings else 0), headings
    if headings:
        assert tab.evaluate(CHROME)["contents"][0] >= headings


@pytest.mark.parametrize("language", EN_MK + [BY_LOCALE["sr-Latn"]], ids=["en", "mk", "sr-Latn"])
def test_the_language_menu_reads_the_serbian_entries_with_their_script(open_tab, server, language):
    tab = open_tab(server + page_path(language, "conclusions/"))
    tab.locator(".md-header__option .md-select button").click()
    for tag, name in SERBIAN_NAMES.items():
        link = tab.get_by_role("link", name=name, exact=True)
        assert link.is_visible() and link.get_attribute("lang") == tag


@pytest.mark.parametrize("locale,page,offered", [("sr-Latn", "sr/", "latinici"), ("sr-RS", "sr-Latn/", "ћирилици")])
def test_the_banner_offering_the_other_serbian_script_names_it(browser, server, locale, page, offered):
    context = browser.new_context(locale=locale)
    tab = context.new_page()
    tab.goto(server + page + "conclusions/")
    banner = tab.locator(".language-suggestion")
    banner.wait_for(state="visible")
    assert offered in banner.inner_text()
    context.close()


# --- The header's wordmark -----------------------------------------------------------

WORDMARK = """() => {
  const mark = document.querySelector(".md-header .site-wordmark");
  if (!mark) return {text: null, icon: document.querySelectorAll(".md-header .md-logo").length};
  const rect = mark.getBoundingClientRect();
  const next = [...document.querySelectorAll(".md-header__inner > *")].filter(e => e.checkVisibility() && e.getBoundingClientRect().left > rect.left && e !== mark);
  const titles = [...document.querySelectorAll(".md-header__title .md-ellipsis")].filter(e => e.checkVisibility());
  return {
    text: mark.textContent.trim(), shown: mark.checkVisibility(), icon: document.querySelectorAll(".md-header .md-logo, .md-header .md-logo svg").length,
    clipped: mark.scrollWidth > mark.clientWidth || rect.right > innerWidth,
    overlaps: next.filter(e => e.getBoundingClientRect().left < rect.right - 0.5).map(e => e.className),
    pageWider: document.documentElement.scrollWidth > innerWidth,
    offscreen: [...document.querySelectorAll(".md-header__inner .md-header__button")].filter(e => e.checkVisibility() && e.getBoundingClientRect().right > innerWidth + 0.5).map(e => e.className),
    cutTitles: titles.filter(e => e.scrollWidth > e.clientWidth).map(e => e.textContent.trim()),
  };
}"""


@pytest.mark.parametrize("width", [320, 390, 768, 1024])
@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.locale for lang in LANGUAGES])
@pytest.mark.parametrize("page", ["", "conclusions/"], ids=["home", "conclusions"])
def test_on_phones_the_header_shows_the_short_name_whole(open_tab, server, language, width, page):
    """The wordmark is "Jumbo 2021" (the name in brackets in site.name, the year of the
    event), not a book icon, and is neither clipped nor overlapped; no title beside it is cut,
    on phones nor on tablets (768 and 1024 px)."""
    tab = open_tab(server + page_path(language, page), width=width)
    name = strings_for(language)["site.name"]
    short = f"{name[name.index('(') + 1 : name.index(')')]} {EVENT_YEAR}"  # "Jumbo 2021"
    mark = tab.evaluate(WORDMARK)
    assert mark["text"] == short and mark["shown"] and mark["icon"] == 0, mark
    assert not mark["clipped"] and mark["overlaps"] == mark["offscreen"] == mark["cutTitles"] == [], mark
    assert not mark["pageWider"], mark  # nothing in the header, the closed language menu included, passes the edge
    tab.mouse.wheel(0, 2000)  # the page's title takes the header's title after scrolling
    tab.wait_for_timeout(500)
    assert tab.evaluate(WORDMARK)["cutTitles"] == []


@pytest.mark.parametrize("language", EN_MK, ids=["en", "mk"])
def test_at_1280px_the_wordmark_is_followed_by_the_name_and_city(open_tab, server, soup, language):
    tab = open_tab(server + page_path(language, "programme/"))
    mark = tab.evaluate(WORDMARK)
    assert not mark["clipped"] and mark["cutTitles"] == [] and mark["overlaps"] == [], mark
    shown = tab.locator(".site-wordmark__name").inner_text()
    assert shown.endswith(" · " + soup(page_path(language, "")).select_one(".home-facts > div:nth-of-type(2) dd").get_text(strip=True))


# --- Contrast of the buttons in every state ------------------------------------------

# An element's colours as drawn, from getComputedStyle: its text over its own fill over
# the backgrounds behind it (alpha composited, from the page's canvas up), with the
# element's opacity; its boundary (border, else fill) against what surrounds it.
COLOURS = """element => {
  const parse = s => { const n = (s.match(/[\\d.]+/g) || []).map(Number); return n.length === 3 ? [...n, 1] : n; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const luminance = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (a, b) => { const [l1, l2] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (l1 + 0.05) / (l2 + 0.05); };
  const chain = [];
  for (let e = element.parentElement; e; e = e.parentElement) chain.unshift(e);
  let behind = [255, 255, 255, 1];
  for (const e of chain) behind = over(parse(getComputedStyle(e).backgroundColor), behind);
  const style = getComputedStyle(element);
  const opacity = [element, ...chain.reverse()].reduce((o, e) => o * parseFloat(getComputedStyle(e).opacity), 1);
  const fill = over(parse(style.backgroundColor), behind);
  const text = over([...parse(style.color).slice(0, 3), parse(style.color)[3] * opacity], fill);
  const border = parseFloat(style.borderTopWidth) > 0 ? over(parse(style.borderTopColor), behind) : fill;
  // The focus ring (its outline) against what it is drawn on: the element's fill if inset.
  const ringOn = parseFloat(style.outlineOffset) < 0 ? fill : behind;
  const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 ? contrast(over(parse(style.outlineColor), ringOn), ringOn) : 0;
  return {
    name: (element.getAttribute("aria-label") || element.textContent).trim().replace(/\\s+/g, " ").slice(0, 40),
    text: Math.round(contrast(text, fill) * 100) / 100,
    boundary: Math.round(Math.max(contrast(border, behind), contrast(fill, behind)) * 100) / 100,
    icon: !element.textContent.trim(),
    ring: Math.round(ring * 100) / 100,
  };
}"""
STATES = ["default", "hover", "focus", "active"]
BUTTONS = ".md-typeset .md-button, .md-typeset .copy-link, .language-suggestion__dismiss, .md-header__button:is(a, button, label)"


# The colours of each state without waiting for transitions to end: what a reader sees once
# they have, at once. (The page's policy allows no <style>, so the tabs that take this
# stylesheet are opened with bypass_csp; the policy is tested elsewhere.)
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def still_tab(browser, url: str, **context):
    """A tab at url whose transitions and animations are off (NO_TRANSITIONS)."""
    tab = browser.new_context(bypass_csp=True, **context).new_page()
    tab.goto(url)
    tab.add_style_tag(content=NO_TRANSITIONS)
    return tab


def in_state(tab, button, state: str) -> dict:
    """The button's (or link's) colours once in that state and its transitions have ended."""
    tab.mouse.move(0, 400)
    tab.evaluate("() => document.activeElement && document.activeElement.blur()")
    if state == "hover":
        button.hover()
    elif state == "focus":
        tab.keyboard.press("Shift")  # keyboard modality: :focus-visible, as after Tab
        button.focus()
    elif state == "active":
        button.hover()
        tab.mouse.down()
    tab.evaluate(ANIMATIONS_ENDED)
    colours = button.evaluate(COLOURS)
    if state == "active":
        tab.mouse.move(0, 400)  # released elsewhere: no click
        tab.mouse.up()
    return colours


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language,page", [(lang, page) for lang in EN_MK for page in ["", "conclusions/"]], ids=["en-home", "en-conclusions", "mk-home", "mk-conclusions"])
def test_buttons_keep_their_contrast_when_hovered_focused_and_pressed(browser, server, language, page, scheme):
    """Text 4.5:1 against the button's fill (1.4.3), the button's edge 3:1 against the page
    (1.4.11), an icon 3:1 against what is behind it; in each state, light and dark. The language suggestion is shown
    (a browser that prefers another language)."""
    tab = still_tab(browser, server + page_path(language, page), viewport={"width": 1280, "height": 800}, color_scheme=scheme, locale="fr" if language.default else "en")
    context = tab.context
    tab.locator(".language-suggestion__dismiss").wait_for()
    buttons = [b for b in tab.locator(BUTTONS).all() if b.is_visible()][:12]
    assert len(buttons) >= 5
    failures = []
    for button in buttons:
        for state in STATES:
            colours = in_state(tab, button, state)
            text_needed = 3 if colours["icon"] else 4.5
            if colours["text"] < text_needed or (colours["boundary"] < 3 and not colours["icon"]):
                failures.append((state, colours))
    context.close()
    assert failures == [], "\n".join(map(str, failures))


# --- Contrast of the links in every state ---------------------------------------------

# Text links in the page's body, the header (the wordmark, the tabs) and the footer.
LINKS = {
    "body": "article a:not(.md-button, .headerlink, .md-content__button)",
    "header": ".md-header a, .md-tabs a",
    "footer": "footer a",
}
# Rules for visited links anywhere in the page's styles: none, so a visited link is drawn
# as an unvisited one (getComputedStyle never tells :visited colours, by design).
VISITED_RULES = """() => { const found = [];
  const walk = rules => { for (const r of rules) { if (r.cssRules) walk(r.cssRules); if ((r.selectorText || "").includes(":visited")) found.push(r.cssText); } };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  return found; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language,page", [(lang, page) for lang in EN_MK for page in ["", "conclusions/"]], ids=["en-home", "en-conclusions", "mk-home", "mk-conclusions"])
def test_links_keep_their_contrast_in_every_state(browser, server, language, page, scheme):
    """A link's text 4.5:1 against the background it is on (1.4.3), in the body, the header
    and the footer, at rest, hovered, focused and pressed, light and dark; the focus ring
    3:1 against what it is drawn on (1.4.11); visited links are drawn as the others."""
    tab = still_tab(browser, server + page_path(language, page), viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    context = tab.context
    assert tab.evaluate(VISITED_RULES) == []
    failures = []
    for region, selector in LINKS.items():
        links = [a for a in tab.locator(selector).all() if a.is_visible()][:8]
        assert links, region
        for link in links:
            for state in STATES:
                colours = in_state(tab, link, state)
                if colours["text"] < 4.5 or (state == "focus" and colours["ring"] < 3):
                    failures.append((region, state, colours))
    context.close()
    assert failures == [], "\n".join(map(str, failures))


# --- Target size (2.5.8) and wide tables by keyboard (2.1.1) -------------------------

# The footer's links and every control (buttons, disclosures, the header's buttons), as
# seen: each at least 24×24 CSS px, or spaced as 2.5.8 allows (a 24 px circle on its
# centre meets no other target and no other undersized target's circle).
TARGETS = """() => {
  const targets = [...document.querySelectorAll("footer a, button, summary, .md-header__button, .md-typeset .md-button")]
    .filter(e => e.checkVisibility({visibilityProperty: true}))
    .map(e => ({e, r: e.getBoundingClientRect()}));
  const small = t => t.r.width < 23.99 || t.r.height < 23.99;
  const centre = t => [t.r.left + t.r.width / 2, t.r.top + t.r.height / 2];
  const meetsRect = (c, r) => { const dx = Math.max(r.left - c[0], 0, c[0] - r.right), dy = Math.max(r.top - c[1], 0, c[1] - r.bottom); return dx * dx + dy * dy < 144; };
  return targets.filter(small).filter(t => targets.some(o => o !== t && (meetsRect(centre(t), o.r) || (small(o) && Math.hypot(centre(t)[0] - centre(o)[0], centre(t)[1] - centre(o)[1]) < 24))))
    .map(t => `${(t.e.getAttribute("aria-label") || t.e.textContent).trim().replace(/\\s+/g, " ").slice(0, 30)}: ${Math.round(t.r.width)}×${Math.round(t.r.height)}`);
}"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.locale for lang in LANGUAGES])
def test_footer_links_and_controls_are_at_least_24px_or_spaced_apart(open_tab, server, language, width):
    for page in ["", "conclusions/"]:
        tab = open_tab(server + page_path(language, page), width=width)
        assert tab.evaluate(TARGETS) == [], page


def test_at_390px_the_translation_status_table_scrolls_by_keyboard(open_tab, server):
    tab = open_tab(server + "translations/", width=390)
    region = tab.locator("article [role=region]:has(table)")
    assert region.count() == 1 and region.get_attribute("aria-label")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")  # it is wider than the screen
    for _ in range(40):
        tab.keyboard.press("Tab")
        if region.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the table's scroll region")
    tab.keyboard.press("ArrowRight")
    tab.keyboard.press("ArrowRight")
    until(tab, "() => document.activeElement.scrollLeft > 0")


# --- A strong h1 and a reading measure -----------------------------------------------

# Characters per line of the conclusions' points: each point's text width divided by the
# average width of its characters, set on one line in the same font.
MEASURE = """() => [...document.querySelectorAll("article ol.numbered-points > li > p")].map(p => {
  const line = document.createElement("span");
  line.textContent = p.textContent.replace(/\\s+/g, " ").trim();
  line.style.whiteSpace = "nowrap";
  p.append(line);
  const perCharacter = line.getBoundingClientRect().width / line.textContent.length;
  line.remove();
  return p.clientWidth / perCharacter;
})"""


@pytest.mark.parametrize("width", [320, 390, 768, 1024, 1280, 1920])
@pytest.mark.parametrize("language", EN_MK + [BY_LOCALE["sr-Latn"]], ids=["en", "mk", "sr-Latn"])
def test_the_conclusions_keep_a_measure_of_60_to_75_characters(open_tab, server, language, width):
    """At most 75 characters a line at every width; at least 60 wherever the screen has
    room for them (from 768 px; a phone's line is as long as the screen allows)."""
    tab = open_tab(server + page_path(language, "conclusions/"), width=width)
    lines = tab.evaluate(MEASURE)
    assert len(lines) >= 11  # the 11 points
    assert max(lines) <= 75, [round(n) for n in lines]
    if width >= 768:
        assert min(lines) >= 60, [round(n) for n in lines]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language,page", PAGE_TYPES, ids=PAGE_IDS)
def test_every_h1_is_strong(open_tab, server, language, page, width):
    """Bold, at least 1.5 times the text's size, in the text's full colour (7:1 or more)."""
    tab = open_tab(server + page_path(language, page), width=width)
    h1 = tab.locator("article h1").first
    weight, size = h1.evaluate("e => [parseInt(getComputedStyle(e).fontWeight), parseFloat(getComputedStyle(e).fontSize)]")
    text = tab.locator("article").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert weight >= 700 and size >= 1.5 * text, (weight, size, text)
    assert h1.evaluate(COLOURS)["text"] >= 7


# --- The copy-link message ------------------------------------------------------------


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("above_bottom", [0, 90, 120, 350, 600])
def test_the_copy_link_message_never_covers_the_button_pressed(browser, server, width, above_bottom):
    """The button pressed anywhere from the window's bottom edge to its top (px above the bottom)."""
    context = browser.new_context(viewport={"width": width, "height": 700})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(server + "mk/conclusions/")
    button = tab.locator("#point-9 button.copy-link")
    button.evaluate("(b, offset) => { b.scrollIntoView({block: 'end'}); scrollBy(0, offset); }", above_bottom)
    button.click()
    status = tab.locator(".copy-link-status")
    # The first click loads copy-link.js (controls.js), which makes the message's live region.
    until(tab, "() => { const status = document.querySelector('.copy-link-status'); return !!status && status.textContent !== ''; }")
    pressed, shown = button.bounding_box(), status.bounding_box()
    apart = shown["y"] >= pressed["y"] + pressed["height"] or shown["y"] + shown["height"] <= pressed["y"]
    context.close()
    assert apart, (pressed, shown)


# --- Zoom -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(320, 180), (320, 256)], ids=["1280x720-at-400%", "1280x1024-at-400%"])
def test_at_400_percent_zoom_the_banner_holds_at_most_a_fifth_of_the_window_once_scrolled(browser, server, size):
    """Zoomed in 400 %, a window is 320 px wide and 180 or 256 px high: after scrolling,
    what stays fixed at the bottom (the language suggestion) takes at most a fifth of it."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="mk")
    tab = context.new_page()
    tab.goto(server + "conclusions/")
    tab.locator(".language-suggestion__dismiss").wait_for()
    tab.mouse.wheel(0, 1500)
    tab.wait_for_timeout(300)
    covered = tab.evaluate("""() => { const r = document.querySelector('.language-suggestion').getBoundingClientRect();
      return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)); }""")
    context.close()
    assert covered <= size[1] / 5, covered


# --- Conclusions: the point index and the share-and-download panel -------------------

LOOKED_AT = [BY_LOCALE["en"], BY_LOCALE["mk"], BY_LOCALE["sr-Latn"]]


@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize("language", LOOKED_AT, ids=["en", "mk", "sr-Latn"])
def test_the_point_index_reaches_point_11_by_keyboard_at_every_width(open_tab, server, language, width):
    tab = open_tab(server + page_path(language, "conclusions/"), width=width)
    link = tab.locator("nav.point-index a[href='#point-11']")
    assert link.is_visible()
    link.focus()
    tab.keyboard.press("Enter")
    until(tab, "() => location.hash === '#point-11'")
    top = tab.evaluate("() => document.getElementById('point-11').getBoundingClientRect().top")
    header = tab.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header - 1 <= top < 800 - 40, (top, header)  # below the header, in the window (the last point may not reach its top)
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("language", LOOKED_AT, ids=["en", "mk", "sr-Latn"])
def test_the_share_panel_copies_the_pages_address_and_announces_it(browser, server, language):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(server + page_path(language, "conclusions/"))
    button = tab.locator(".conclusions-share button.copy-link")
    assert button.is_visible()
    button.focus()
    tab.keyboard.press("Enter")
    tab.locator(".copy-link-status[role=status]").filter(has_text=strings_for(language)["conclusions.copied"]).wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == server + page_path(language, "conclusions/")
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_the_agenda_shows_no_numbers(open_tab, server, width):
    tab = open_tab(server + "mk/programme/", width=width)
    styles = tab.evaluate("() => [...document.querySelectorAll('ul.agenda > li')].map(li => getComputedStyle(li).listStyleType)")
    assert styles and set(styles) == {"none"}
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [320, 1280])
def test_the_partner_cards_fit_the_screen(open_tab, server, width):
    tab = open_tab(server + "sr-Latn/partners/", width=width)
    assert tab.locator("li.partner-card").first.is_visible()
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= width


# --- Text spacing (1.4.12) ------------------------------------------------------------

# The criterion's spacing, as a reader's own style sheet sets it (a constructed sheet,
# which the pages' CSP lets through as it lets a reader's extension: add_style_tag's
# <style> is refused by style-src 'self').
TEXT_SPACING = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
    p { margin-bottom: 2em !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return getComputedStyle(document.querySelector("article p")).letterSpacing;
}"""
# Elements that cut their content (overflow hidden or clip, or an ellipsis) and whose
# text is larger than their box: shown, more than a pixel in each direction (a visually
# hidden label is a 1 px box on purpose), and holding text of their own or their children's.
CLIPPED = """() => [...document.querySelectorAll("body *")].filter(e => {
  const style = getComputedStyle(e);
  const cuts = [style.overflowX, style.overflowY].some(o => o === "hidden" || o === "clip") || style.textOverflow === "ellipsis";
  if (!cuts || !e.innerText || !e.innerText.trim() || !e.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
  if (e.clientWidth <= 1 || e.clientHeight <= 1) return false;
  const wide = style.overflowX !== "visible" && e.scrollWidth > e.clientWidth + 1;
  const tall = style.overflowY !== "visible" && e.scrollHeight > e.clientHeight + 1;
  return wide || tall;
}).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}: ${e.innerText.trim().replace(/\\s+/g, " ").slice(0, 40)}`)"""


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language,page", [(lang, page) for lang in EN_MK for page in ["", "conclusions/", "programme/", "partners/"]], ids=lambda v: getattr(v, "locale", v or "home"))
def test_with_wcag_text_spacing_no_text_is_clipped(open_tab, server, language, page, width):
    """Line height 1.5, paragraphs 2 em apart, letters 0.12 em and words 0.16 em apart
    (1.4.12): nothing that holds text cuts it off, and the page does not scroll sideways."""
    tab = open_tab(server + page_path(language, page), width=width)
    assert tab.evaluate(TEXT_SPACING) != "normal"  # the reader's sheet applies
    tab.evaluate(ANIMATIONS_ENDED)
    assert tab.evaluate(CLIPPED) == []
    assert tab.evaluate("() => document.documentElement.scrollWidth <= innerWidth")


# --- Forced colours -------------------------------------------------------------------

# The focused element's outline as the browser draws it in forced colours, where colours
# are the system's and box shadows (the ring's inner tone) are not drawn.
OUTLINE = """() => { const style = getComputedStyle(document.activeElement);
  const alpha = (style.outlineColor.match(/[\\d.]+/g) || []).map(Number)[3];
  return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && alpha !== 0; }"""


@pytest.mark.parametrize("language,page", [(lang, page) for lang in EN_MK for page in ["", "conclusions/"]], ids=["en-home", "en-conclusions", "mk-home", "mk-conclusions"])
def test_in_forced_colours_every_element_tab_reaches_shows_its_focus(open_tab, server, language, page):
    """Windows' high-contrast themes (forced-colors: active): each Tab stop has an outline of
    2 px or more in a colour that is drawn, and its pixels change when it takes focus."""
    tab = open_tab(server + page_path(language, page))
    tab.emulate_media(forced_colors="active")
    assert tab.evaluate("() => matchMedia('(forced-colors: active)').matches")
    seen, hidden = [], []
    for state, changed in tab_through(tab, stops=40):
        seen.append(state["name"])
        if not tab.evaluate(OUTLINE) or changed < 40:
            hidden.append(state["name"])
    assert len(seen) >= 15, seen
    assert hidden == []


@pytest.mark.parametrize("language,page", [(lang, page) for lang in EN_MK for page in ["", "conclusions/"]], ids=["en-home", "en-conclusions", "mk-home", "mk-conclusions"])
def test_in_forced_colours_buttons_keep_a_visible_boundary(browser, server, language, page):
    """Fills are dropped in forced colours: a button with text keeps an edge (its border, in
    a system colour 3:1 against the page), at rest, hovered, focused and pressed."""
    tab = still_tab(browser, server + page_path(language, page), viewport={"width": 1280, "height": 800}, locale="fr" if language.default else "en", forced_colors="active")
    context = tab.context
    tab.locator(".language-suggestion__dismiss").wait_for()
    buttons = [b for b in tab.locator(BUTTONS).all() if b.is_visible()][:12]
    failures = []
    for button in buttons:
        for state in STATES:
            colours = in_state(tab, button, state)
            if not colours["icon"] and colours["boundary"] < 3:
                failures.append((state, colours))
    context.close()
    assert len(buttons) >= 5 and failures == [], "\n".join(map(str, failures))
