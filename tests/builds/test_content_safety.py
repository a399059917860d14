"""Content cannot carry code: each bad input below stops the build, naming the file and
line (or data entry and field), and no built file contains its payload; ordinary
content keeps building; every page's policy allows only the templates' scripts.

The bad inputs are the red-team list of issue 13 and more, one class per block. Each
is built in a copy of the project, in one language, two builds at a time.
"""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.content_safety import BAD_INPUTS, Bad, _image, _pixels, _png_text
from support.live_preview import copy_project
from support.project import build


def _run(bad: Bad, folder: Path) -> tuple[list[str], str, Path]:
    project = copy_project(folder / "project")
    expected = bad.edit(project)
    out = folder / "out"
    result = build(project / "mkdocs.yml", out, language=bad.language)
    return expected, result.stderr if result.returncode else "", out


@pytest.fixture(scope="module")
def bad_builds(request, tmp_path_factory) -> dict:
    """The selected bad inputs' builds, two at a time: {name: (what the error must name,
    the log of a failed build, site folder)}."""
    params = [getattr(getattr(item, "callspec", None), "params", {}) for item in request.session.items]
    selected = {param["bad"].name for param in params if "bad" in param}
    wanted = [bad for bad in BAD_INPUTS if bad.name in selected]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = pool.map(lambda bad: _run(bad, tmp_path_factory.mktemp("bad")), wanted)
        results = dict(zip((bad.name for bad in wanted), runs))
    print(f"\n{len(wanted)} bad-input builds in {time.monotonic() - started:.0f} s")
    return results


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=lambda bad: bad.name)
def test_a_bad_input_stops_the_build_naming_where_and_publishes_nothing_of_it(bad_builds, bad):
    expected, log, out = bad_builds[bad.name]
    assert log, "the build did not stop"
    error = next((line for line in log.splitlines() if line.startswith("ERROR") and not re.search(r"Error (reading|building) page", line)), "")
    assert error and "Traceback" not in log, log[-2000:]
    assert all(where in error for where in expected), f"expected {expected} in: {error}"
    for built in out.rglob("*") if out.exists() else []:
        if built.is_file():
            assert bad.payload not in built.read_text(encoding="utf-8", errors="replace"), built


# --- What keeps building ------------------------------------------------------------

GOOD = """
An ordinary [link to the RCC](https://www.rcc.int/), a [mail link](mailto:info@rcc.int)
and a [link to point 3](conclusions.md#point-3).

![A test image](../assets/images/test.png)

A paragraph with a class and an id.
{: .lead #custom-paragraph }

[Read the conclusions](conclusions.md){ .md-button .md-button--primary }

The report is at <https://example.org/kosovo-report> and [Kosovo*](https://www.rcc.int/kosovo) links out.

<abbr title="Kosovo*">XK</abbr> keeps its title; Kosova* and Kosovë* are named too.

<a href="https://www.rcc.int/news" target=_blank>A new tab, unquoted</a> and
<a href='https://www.rcc.int/events' TARGET='_blank' rel=noreferrer>one in capitals</a>.

3. An ordered list that starts at three
4. keeps its numbers.

<table><caption>Points by theme</caption><thead><tr><th scope="col">Theme</th></tr></thead><tbody><tr><td>Migration</td></tr></tbody></table>

<blockquote cite="https://www.rcc.int/"><p>A quotation with its source.</p></blockquote>

```html
CODE_BLOCK
```
"""


def test_ordinary_links_images_attribute_lists_buttons_and_kosovo_keep_building(project_copy, tmp_path):
    about = project_copy / "docs/en/about.md"
    # A title with an ampersand, a description with a backtick (plain text, not references).
    about.write_text(about.read_text(encoding="utf-8").replace("title: About\n", "title: About R&D\n", 1)
                     .replace("description: About", "description: About `jumbo` and", 1), encoding="utf-8")
    (project_copy / "docs/assets/images").mkdir(parents=True, exist_ok=True)
    (project_copy / "docs/assets/images/test.png").write_bytes(_image("PNG", pnginfo=_png_text("<script>alert(191)</script>")))
    good = GOOD.replace("CODE_BLOCK", "<b>tag</b> " * 400)  # 800 tags, shown as code
    about.write_text(about.read_text(encoding="utf-8") + good, encoding="utf-8")
    result = build(project_copy / "mkdocs.yml", tmp_path / "out", language="en")
    assert result.returncode == 0, result.stderr[-2000:]
    html = BeautifulSoup((tmp_path / "out/about/index.html").read_text(encoding="utf-8"), "lxml")
    text = html.select_one("article")
    assert text.select_one('a[href="https://www.rcc.int/"]') and text.select_one('a[href="mailto:info@rcc.int"]')
    assert text.select_one('a[href="../conclusions/#point-3"]')
    assert text.select_one('img[src="../assets/images/test.png"][alt="A test image"]')
    assert text.select_one("p.lead#custom-paragraph")
    assert text.select_one('a.md-button.md-button--primary[href="../conclusions/"]')
    assert text.select_one('a[href="https://example.org/kosovo-report"]')
    assert text.select_one('a[href="https://www.rcc.int/kosovo"]').get_text() == "Kosovo*"
    assert text.select_one('abbr[title="Kosovo*"]')
    assert not text.select("a a"), "a link inside a link"
    assert len(text.select("a.kosovo-ref")) >= 3 and html.select_one("#kosovo-footnote")
    for address in ("https://www.rcc.int/news", "https://www.rcc.int/events"):  # however target=_blank was written
        assert "noopener" in text.select_one(f'a[href="{address}"]')["rel"], address
    assert text.select_one('ol[start="3"]') and text.select_one("table caption").get_text() == "Points by theme"
    assert text.select_one('blockquote[cite="https://www.rcc.int/"]')
    assert text.select_one("pre code").get_text().count("<b>tag</b>") == 400
    assert html.title.get_text().startswith("About R&D") and "`jumbo`" in html.select_one('meta[name="description"]')["content"]
    published = (tmp_path / "out/assets/images/test.png").read_bytes()
    assert b"alert(191)" not in published and _pixels(published) == _pixels(_image("PNG")), "the image is published without its text chunk"
