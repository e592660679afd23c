"""Tests for font registration, per-character fallback and the canvas text helper."""

from __future__ import annotations

import io
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desktop_app.reports.fonts import (
    FALLBACK_FONT,
    MAIN_FONT,
    PLACEHOLDER,
    cjk_markup,
    draw_text,
    missing_glyphs,
    register_fonts,
    split_runs,
    text_width,
)
from desktop_app.resources import resource_path

EXT_A = "䶮"  # CJK Ext-A: only in the fallback font
EXT_B = "𠀀"  # CJK Ext-B U+20000: in neither font


def test_resource_path_from_source_finds_the_fonts() -> None:
    assert resource_path("fonts", "wqy-microhei.ttc").is_file()
    assert resource_path("fonts", "DroidSansFallbackFull.ttf").is_file()


def test_resource_path_when_frozen_uses_meipass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", "/opt/bundle", raising=False)
    assert resource_path("fonts", "a.ttf") == Path("/opt/bundle/resources/fonts/a.ttf")


def test_register_fonts_is_idempotent_and_thread_safe() -> None:
    errors: list[BaseException] = []

    def register() -> None:
        try:
            register_fonts()
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=register) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    main = pdfmetrics.getFont(MAIN_FONT)
    register_fonts()
    assert errors == []
    assert pdfmetrics.getFont(MAIN_FONT) is main
    assert pdfmetrics.getFont(FALLBACK_FONT).face is not None


def test_main_font_text_is_escaped_and_left_unwrapped() -> None:
    assert cjk_markup("张三 <A&B> ¥12.50") == "张三 &lt;A&amp;B&gt; ¥12.50"


def test_ext_a_character_goes_to_the_fallback_font() -> None:
    assert missing_glyphs("刘" + EXT_A) == set()
    assert cjk_markup("刘" + EXT_A + "明") == f'刘<font name="{FALLBACK_FONT}">{EXT_A}</font>明'


def test_character_no_font_has_is_reported_and_shown_as_placeholder() -> None:
    assert missing_glyphs("王" + EXT_B) == {EXT_B}
    assert cjk_markup("王" + EXT_B) == "王" + PLACEHOLDER


def test_whitespace_and_variation_selectors_are_not_missing() -> None:
    text = "葛\ufe00\t李四\n"
    assert missing_glyphs(text) == set()
    assert split_runs(text) == [(MAIN_FONT, "葛 李四 ")]


@given(st.text(max_size=40))
def test_every_run_is_drawable_by_its_font(text: str) -> None:
    for font_name, run in split_runs(text):
        char_to_glyph = pdfmetrics.getFont(font_name).face.charToGlyph
        assert all(ord(char) in char_to_glyph for char in run)


def test_draw_text_uses_both_fonts_and_stays_extractable() -> None:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    text = "审核人：刘" + EXT_A + " 2025"
    width = draw_text(canvas, 500, 700, text, size=10, anchor="right")
    canvas.save()
    assert width == pytest.approx(text_width(text, 10))
    page = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    base_fonts = [str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()]
    assert any("WenQuanYi" in name for name in base_fonts)
    assert any("DroidSansFallback" in name for name in base_fonts)
    assert text.replace(" ", "") in page.extract_text().replace(" ", "")

