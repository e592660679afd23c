"""The light wrapping text of table cells: lines fit, nothing is lost, numbers stay whole, lines do
not start with closing punctuation, and the text is drawn extractable in the fallback font too."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.platypus import SimpleDocTemplate

from desktop_app.reports.fonts import register_fonts
from desktop_app.reports.text_block import TextBlock, text_width, wrap_runs

register_fonts()
BLACK, RED = colors.black, colors.red
CLOSING = set("，。、；：！？）》」』”’")


def lines_of(text: str, width: float, size: float = 9) -> list[str]:
    return ["".join(t for t, _ in line) for line in wrap_runs([(text, BLACK)], width, size)]


@given(st.text(alphabet="乡村医生卫生室“”（）、，。；：0123456789.m²- ABCxyz", max_size=80),
       st.floats(min_value=30, max_value=300))
def test_lines_fit_and_keep_every_character(text: str, width: float) -> None:
    lines = lines_of(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert text_width(line, 9) <= width + 0.01 or len(line) == 1
    for line in lines[1:]:
        if line:
            assert line[0] not in CLOSING or len(lines_of(line, width)) == 1


def test_numbers_and_dates_stay_whole() -> None:
    lines = lines_of("执业许可证有效期至2027-04-22，建筑面积229.7m²", 70)
    assert any("2027-04-22" in line for line in lines)
    assert any("229.7m²" in line for line in lines)


def test_colours_follow_their_runs() -> None:
    [line] = wrap_runs([("未达标", RED), ("：缺诊断室", BLACK)], 200, 9)
    assert line == [("未达标", RED), ("：缺诊断室", BLACK)]


def test_block_draws_extractable_text_in_both_fonts() -> None:
    buffer = io.BytesIO()
    block = TextBlock([([("未达标", RED), ("：刘䶮所在村卫生室建筑面积不足", BLACK)], 9), ([("依据：焦政办〔2023〕32号", BLACK)], 7.5)])
    SimpleDocTemplate(buffer).build([block])
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text().replace("\n", "")
    assert "未达标：刘䶮所在村卫生室建筑面积不足" in text and "依据：焦政办〔2023〕32号" in text
    width, height = block.wrap(60, 1000)
    assert width == 60 and height > 4 * 9  # several lines at the narrow width
