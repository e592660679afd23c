"""Embedded CJK fonts for reportlab, with per-character fallback so no name ever prints blank.

reportlab prints a glyph its font lacks as blank, silently. Every string that reaches a PDF goes
through :func:`cjk_markup` (Paragraph text) or :func:`draw_text` (canvas text): characters the main
font (WenQuanYi Micro Hei) lacks are set in the fallback font (Droid Sans Fallback, which has CJK
Ext-A such as 䶮); characters neither font has become a visible "□" and are reported by
:func:`missing_glyphs` so callers and tests can detect them.
"""

from __future__ import annotations

import threading
import unicodedata
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop_app.resources import resource_path

MAIN_FONT = "WQYMicroHei"
FALLBACK_FONT = "DroidSansFallback"
PLACEHOLDER = "□"

_MAIN_FILE = ("fonts", "wqy-microhei.ttc")
_FALLBACK_FILE = ("fonts", "DroidSansFallbackFull.ttf")

_lock = threading.Lock()
_cmaps: tuple[frozenset[int], frozenset[int]] | None = None


def register_fonts() -> None:
    """Register the main and fallback fonts with reportlab (idempotent and thread-safe).

    Raises ``FileNotFoundError`` if a font file is missing from ``resources/fonts``.
    """
    _font_cmaps()


def _font_cmaps() -> tuple[frozenset[int], frozenset[int]]:
    """Register the fonts on first use; return the code points covered by (main, fallback)."""
    global _cmaps
    if _cmaps is not None:
        return _cmaps
    with _lock:
        if _cmaps is None:
            main = TTFont(MAIN_FONT, str(resource_path(*_MAIN_FILE)), subfontIndex=0)
            fallback = TTFont(FALLBACK_FONT, str(resource_path(*_FALLBACK_FILE)))
            for font in (main, fallback):
                pdfmetrics.registerFont(font)
                # No bold/italic faces exist: map <b>/<i> to the regular face instead of failing.
                registerFontFamily(
                    font.fontName,
                    normal=font.fontName,
                    bold=font.fontName,
                    italic=font.fontName,
                    boldItalic=font.fontName,
                )
            _cmaps = (frozenset(main.face.charToGlyph), frozenset(fallback.face.charToGlyph))
    return _cmaps


def _is_ignorable(char: str) -> bool:
    """True for invisible format characters and variation selectors, which carry no glyph."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf"
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


def split_runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font_name, run)`` pieces, each drawable by its font.

    Whitespace the main font lacks (tab, newline, ...) becomes a plain space, format characters
    and variation selectors are dropped, and characters neither font has are replaced by
    ``PLACEHOLDER`` (set in the main font).
    """
    main, fallback = _font_cmaps()
    runs: list[tuple[str, str]] = []
    for char in text:
        if ord(char) in main:
            font = MAIN_FONT
        elif char.isspace():
            char, font = " ", MAIN_FONT
        elif _is_ignorable(char):
            continue
        elif ord(char) in fallback:
            font = FALLBACK_FONT
        else:
            char, font = PLACEHOLDER, MAIN_FONT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def missing_glyphs(text: str) -> set[str]:
    """Return the characters of ``text`` that neither font can draw (they print as "□")."""
    main, fallback = _font_cmaps()
    return {
        char
        for char in text
        if not char.isspace()
        and not _is_ignorable(char)
        and ord(char) not in main
        and ord(char) not in fallback
    }


def cjk_markup(text: str) -> str:
    """Return ``text`` as reportlab Paragraph markup: XML-escaped, fallback runs in ``<font>``.

    The main-font runs are left unwrapped, so the Paragraph style's font must be ``MAIN_FONT``
    (all styles from :mod:`desktop_app.reports.document` are). Note that a Paragraph collapses
    runs of spaces, the ideographic space U+3000 included: align labels with table cells instead.
    """
    parts = []
    for font, run in split_runs(text):
        escaped = escape(run)
        parts.append(escaped if font == MAIN_FONT else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def text_width(text: str, size: float) -> float:
    """Return the width in points of ``text`` drawn by :func:`draw_text` at ``size``."""
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in split_runs(text))


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    anchor: Literal["left", "centre", "right"] = "left",
) -> float:
    """Draw one line of plain text on a canvas with per-character font fallback.

    ``anchor`` says whether ``x`` is the left edge, the centre or the right edge of the text.
    The fill colour is the canvas's current one. Returns the width drawn, in points.
    """
    runs = split_runs(text)
    width = sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs)
    if anchor == "centre":
        x -= width / 2
    elif anchor == "right":
        x -= width
    text_object = canvas.beginText(x, y)  # one text object, so the line extracts as one
    for font, run in runs:
        text_object.setFont(font, size)
        text_object.textOut(run)
    canvas.drawText(text_object)
    return width
