"""The tests' browser: Chromium's flags, axe-core, the content-security-policy listener,
and what the focused element looks like (keyboard and focus checks)."""

from __future__ import annotations

import io
from pathlib import Path

import axe_playwright_python
from PIL import Image, ImageChops

WIDE, NARROW = 1280, 390  # CSS px: a desktop window and a phone

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# Resolves when every finite CSS transition and animation of the page has ended.
ANIMATIONS_ENDED = """() => Promise.all(document.getAnimations()
    .filter(a => a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null))).then(() => true)"""


def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.1 AA violations, once colours are still: a colour mid-way through
    a transition (a contents link turning active, 125 ms) is no state a reader sees."""
    page.evaluate(ANIMATIONS_ENDED)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_21_AA)
    return [
        {"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


POLICY_LISTENER = """document.addEventListener('securitypolicyviolation',
  e => window.__reportPolicyViolation(location.pathname + ': ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' (' + (e.sourceFile || '') + ':' + e.lineNumber + ')'));"""


def listen_for_policy_violations(context) -> list[str]:
    """Every content-security-policy violation in any page of the browser context, from
    now on, collected in Python (so a navigation or reload loses none): the listener is
    registered again in every document the context opens."""
    violations: list[str] = []
    context.expose_function("__reportPolicyViolation", lambda violation: violations.append(violation))
    context.add_init_script(script=POLICY_LISTENER)
    return violations


def settle(page) -> None:
    """Let the page dispatch its pending events (violation reports among them) and
    deliver them to Python: two animation frames and a macrotask, then a round trip."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))")


def inline_script_runs(page) -> bool:
    """Try to run an inline script in the page, as an injected one would: under the
    site's policy it is blocked (and reported as a violation)."""
    settle(page)
    ran = page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineScriptRan = true;';
        document.head.append(script);
        return window.__inlineScriptRan === true;
    }""")
    settle(page)
    return ran


# --- What the focused element looks like -------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const rect = [...e.getClientRects()].find(r => r.width && r.height) || e.getBoundingClientRect();
  const x = rect.left + rect.width / 2, y = rect.top + rect.height / 2;
  const top = document.elementFromPoint(x, y);
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const luminance = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (a, b) => { const [l1, l2] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (l1 + 0.05) / (l2 + 0.05); };
  let background = null;
  for (let p = e.parentElement; p && !background; p = p.parentElement) {
    const c = rgb(getComputedStyle(p).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) background = c;
  }
  background = background || [255, 255, 255];
  const style = getComputedStyle(e);
  const ring = [rgb(style.outlineColor), rgb(style.boxShadow)].filter(c => c.length >= 3);
  return {
    isQuery: e.name === "query",
    name: (e.getAttribute("aria-label") || e.textContent || e.tagName).trim().replace(/\\s+/g, " ").slice(0, 50),
    inDrawer: !!e.closest(".md-sidebar--primary"),
    inSearch: !!e.closest(".md-search"),
    shown: e.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    onScreen: rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
    onTop: !!top && (e === top || e.contains(top) || top.contains(e)),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    ringContrast: Math.max(...ring.map(c => contrast(c, background))),
    box: {x: Math.max(rect.left - 8, 0), y: Math.max(rect.top - 8, 0), width: rect.width + 16, height: rect.height + 16},
  };
}"""


def until(tab, script: str, arg=None, timeout: float = 2000):
    """Poll a script until it returns a true value (the pages' CSP forbids the eval
    that Playwright's wait_for_function uses)."""
    waited = 0
    while not (result := tab.evaluate(script, arg)) and waited < timeout:
        tab.wait_for_timeout(50)
        waited += 50
    assert result, f"never true: {script}"
    return result


def focused(tab):
    """The focused element's state, once any slide or fade-in has finished (1 s at most)."""
    for _ in range(20):
        state = tab.evaluate(FOCUSED)
        if state is None or (state["shown"] and state["onScreen"] and state["onTop"]):
            break
        tab.wait_for_timeout(50)
    return state


def changed_pixels(before: bytes, after: bytes) -> int:
    difference = ImageChops.difference(Image.open(io.BytesIO(before)).convert("RGB"), Image.open(io.BytesIO(after)).convert("RGB"))
    return difference.convert("L").point(lambda value: 255 if value > 20 else 0).histogram()[255]


def tab_through(tab, stops: int = 45):
    """Each element Tab reaches, once round the page: its state (FOCUSED), and how many
    pixels of its box change when it takes focus; it is focused again when yielded."""
    seen = []
    for _ in range(stops):
        tab.keyboard.press("Tab")
        state = focused(tab)
        if state is None or state["name"] in seen[:1]:
            return
        seen.append(state["name"])
        with_focus = tab.screenshot(clip=state["box"])
        tab.evaluate("window.__focused = document.activeElement; document.activeElement.blur()")
        without_focus = tab.screenshot(clip=state["box"])
        tab.evaluate("window.__focused.focus()")  # and on from there
        yield state, changed_pixels(with_focus, without_focus)
