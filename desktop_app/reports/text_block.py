"""A light wrapping text flowable for table cells, about ten times cheaper than a reportlab
Paragraph with ``wordWrap='CJK'`` (which parses markup and re-measures every fragment).

A :class:`TextBlock` holds one or more blocks (each a list of coloured runs at one font size),
wraps them to the cell width and draws them split into font runs by :func:`fonts.split_runs`, so
characters the main font lacks still come from the fallback font. Wrapping breaks between any two CJK characters
but keeps Latin words and numbers (``60.4m²``, ``2027-04-22``, codes) whole when they fit on a
line, and never starts a line with closing punctuation (，。、）” …).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop_app.reports.fonts import split_runs

Run = tuple[str, colors.Color]
Block = tuple[Sequence[Run], float]  # coloured runs and their font size
LEADING = 1.3
_NO_LINE_START = set("，。、；：！？）》」』】〕”’,.;:!?)]}%·—…")
_TOKEN = re.compile(r"[A-Za-z0-9.,:/%²³\-+*#_()@]+|.", re.S)
BLACK = colors.black


@lru_cache(maxsize=65536)
def _unit_width(text: str) -> float:
    return sum(stringWidth(run, font, 1) for font, run in split_runs(text))


def text_width(text: str, size: float) -> float:
    """Width of ``text`` at ``size`` as :func:`draw_text` draws it (fallback font included)."""
    return _unit_width(text) * size


def _tokens(runs: Sequence[Run]) -> list[tuple[str, colors.Color]]:
    """The unbreakable pieces of the runs: single characters, or whole Latin words and numbers."""
    pieces = []
    for text, colour in runs:
        text = " ".join(text.split("\n"))
        pieces += [(m.group(0), colour) for m in _TOKEN.finditer(text)]
    return pieces


def wrap_runs(runs: Sequence[Run], width: float, size: float) -> list[list[Run]]:
    """Break coloured runs into lines no wider than ``width`` points at ``size``."""
    lines: list[list[Run]] = []
    line: list[Run] = []
    used = 0.0
    for token, colour in _tokens(runs):
        token_width = text_width(token, size)
        if line and used + token_width > width:
            carried: list[Run] = []
            if token[0] in _NO_LINE_START:  # a line may not start with it: take the pieces before it along
                while len(line) > 1:
                    carried.insert(0, line.pop())
                    if carried[0][0][0] not in _NO_LINE_START:
                        break
                if sum(text_width(t, size) for t, _ in carried) + token_width > width:
                    line += carried  # a run of punctuation longer than a line: break inside it after all
                    carried = []
            lines.append(line)
            line, used = carried, sum(text_width(t, size) for t, _ in carried)
            if not line and token == " ":
                continue
        if token_width > width and len(token) > 1:  # a word longer than the line: break it anywhere
            for char in token:
                char_width = text_width(char, size)
                if line and used + char_width > width:
                    lines.append(line)
                    line, used = [], 0.0
                line.append((char, colour))
                used += char_width
            continue
        line.append((token, colour))
        used += token_width
    if line:
        lines.append(line)
    return [_merge(line) for line in lines]


def _merge(line: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for text, colour in line:
        if merged and merged[-1][1] == colour:
            merged[-1] = (merged[-1][0] + text, colour)
        else:
            merged.append((text, colour))
    return merged


class TextBlock(Flowable):
    """Blocks of coloured runs (each at its own font size), wrapped to the width it is given."""

    def __init__(self, blocks: Sequence[Block], *, align: Literal["left", "centre"] = "left") -> None:
        super().__init__()
        self.blocks = [(list(runs), size) for runs, size in blocks]
        self.align = align
        self._lines: list[tuple[float, list[Run]]] = []
        self.width = self.height = 0.0

    @classmethod
    def plain(cls, text: str, size: float, *, colour: colors.Color = BLACK,
              align: Literal["left", "centre"] = "left") -> TextBlock:
        """One block of ``text`` in one colour."""
        return cls([([(text, colour)], size)], align=align)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        """Break the text into lines of the available width; return the size taken."""
        self._lines = [(size, line) for runs, size in self.blocks for line in wrap_runs(runs, availWidth, size)]
        self.width = availWidth
        self.height = sum(size * LEADING for size, _ in self._lines)
        return self.width, self.height

    def draw(self) -> None:
        """Draw the lines from the top in one text object, each run in its colour and font."""
        self.canv.saveState()
        text = self.canv.beginText()
        y = self.height
        for size, line in self._lines:
            y -= size * LEADING
            x = 0.0
            if self.align == "centre":
                x = (self.width - sum(text_width(t, size) for t, _ in line)) / 2
            text.setTextOrigin(x, y + size * (LEADING - 1) / 2 + size * 0.18)
            for run, colour in line:
                text.setFillColor(colour)
                for font, piece in split_runs(run):
                    text.setFont(font, size)
                    text.textOut(piece)
        self.canv.drawText(text)
        self.canv.restoreState()
