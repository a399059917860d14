"""A link-preview card (Open Graph image) for each language, drawn at build time.

Guarantees: every language gets assets/images/og-<locale>.png, 1200 × 630, drawn with
Pillow from its own site name (site.name in its interface strings), the convening organisation's name, city
and date (data/programme.yml and data/partners.yml, the date in CLDR form), in the
bundled font (jumbo_site/takeaways/fonts/), so Cyrillic and diacritics render and the same
sources give the same bytes on every machine. The text is shaped by libraqm (HarfBuzz)
with the card's language set, so each script shows its own letter forms (the font's
`locl`: the Macedonian and Serbian б, not the Russian); a Pillow without libraqm stops
the build (RAQM_HINT) rather than drawing unshaped text. page_metadata.py points every page of
the language at it. A card is drawn again only when its words, the fonts or this
file change (build_cache.py keeps the last one), and is drawn beside the language's
pages, written into the site when its build ends.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from jumbo_site.build.build_cache import cached, key
from jumbo_site.build.build_state import state
from jumbo_site.data.conference_data import conference_for, localise
from jumbo_site.languages.dates import local_date
from jumbo_site.languages.site_i18n import Language, current_language
from jumbo_site.takeaways.bundled_fonts import font_path
from jumbo_site.takeaways.takeaways import convener

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

SIZE = (1200, 630)
MARGIN = 84
BACKGROUND = (63, 81, 181)  # Material's indigo, the site's primary colour
INK = (255, 255, 255)
SOFT_INK = (221, 226, 255)
RAQM_HINT = (
    "The link-preview cards are drawn with Pillow's libraqm text shaping, which this Pillow cannot load "
    "(PIL.features.check('raqm') is False): Pillow's wheels bring libraqm and need FriBiDi from the system "
    "(Debian/Ubuntu: apt-get install libfribidi0; macOS: brew install fribidi); scripts/build installs it itself when run as root."
)


# Where a language's card is published, from the site root.
def preview_path(language: Language) -> str:
    return f"assets/images/og-{language.locale}.png"


# The bundled font, shaped by libraqm.
def _font(size: int, weight: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path(weight)), size, layout_engine=ImageFont.Layout.RAQM)


# Stop the build when Pillow cannot shape text.
def check_shaping() -> None:
    from PIL import features

    if not features.check("raqm"):
        raise PluginError(RAQM_HINT)


# Words into lines no wider than `width`, shaped in `language`.
def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, language: str) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font, language=language) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


# The card as PNG bytes (Pillow is loaded only when a card is drawn).
def draw_card(title: str, organiser: str, place_and_date: str, language: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.text((MARGIN, 70), organiser.upper(), font=_font(28, 700), fill=SOFT_INK, language=language)
    top, bottom = 140, 440  # the title's band, between the organiser and the rule
    for size in range(68, 30, -4):  # the largest title that fits the band
        font, leading = _font(size, 700), round(size * 1.18)
        lines = _wrap(draw, title, font, width, language)
        if len(lines) * leading <= bottom - top and all(draw.textlength(line, font=font, language=language) <= width for line in lines):
            break
    top += (bottom - top - len(lines) * leading) // 2
    for index, line in enumerate(lines):
        draw.text((MARGIN, top + index * leading), line, font=font, fill=INK, language=language)
    draw.rectangle((MARGIN, 470, MARGIN + 120, 475), fill=INK)
    draw.text((MARGIN, 500), place_and_date, font=_font(38, 400), fill=INK, language=language)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


# The card, drawn again only when its words, language, the fonts or this file change.
def card(title: str, organiser: str, place_and_date: str, language: str) -> bytes:
    fonts = [font_path(weight).read_bytes() for weight in (400, 700)]
    entry = key(Path(__file__).read_bytes(), *fonts, title, organiser, place_and_date, language)
    return cached("link-previews", entry + ".png", lambda: draw_card(title, organiser, place_and_date, language))


# Cards being drawn while the language's pages are built (Pillow's PNG encoder lets
# go of the interpreter, so a card costs the build little even when drawn anew).
_DRAWING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="link-preview")


# Cards a failed build left unwritten are not this build's.
def on_pre_build(config):
    state(config).previews.clear()


# After the i18n plugin has made this language's file list: start drawing.
def on_files(files, config):
    language = current_language(config)
    conference = conference_for(config)
    event = conference.event
    words = (
        config.site_name,
        convener(conference, language),
        f"{localise(event.city, language)} · {local_date(event.date, language.date_locale)}",
        language.html_lang,  # the shaper's language: sr-Cyrl, mk, … (HarfBuzz's BCP 47 reading)
    )
    font_path(400), font_path(700)  # a missing font stops the build now, not after every page
    check_shaping()
    state(config).previews.append((Path(config.site_dir) / preview_path(language), _DRAWING.submit(card, *words)))
    return files


# Every card started is in the site when its build ends.
def on_post_build(config):
    pending = state(config).previews  # (where the card goes, the card)
    while pending:
        path, image = pending.pop(0)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(image.result())
