"""Tests for the A4 document base: build real PDFs and read them back with pypdf."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.platypus import Flowable, Paragraph

from desktop_app import __version__
from desktop_app.reports.document import (
    CELL_PADDING,
    CONTENT_WIDTH,
    LANDSCAPE_CONTENT_WIDTH,
    ReportMeta,
    build_pdf,
    data_table,
    paragraph,
    signature_lines,
)
from desktop_app.reports.fonts import missing_glyphs

TITLE = "2025年度基本公共卫生服务补助发放花名册"
HEADER = ["序号", "姓名", "身份证号", "所属村（社区）", "补助类别", "金额（元）"]
COL_WIDTHS = [28.0, 90.0, 110.0, CONTENT_WIDTH - 398.0, 100.0, 70.0]
LONG_NAME = "欧阳娜娜·买买提艾力江·阿不都热合曼"
LONG_VILLAGE = "焦作市修武县西村乡东岭后村民委员会第三村民小组"
EXT_A_NAME = "刘䶮"
ROWS = 200
META = ReportMeta(database_name="焦作示例库.tdb", generated_on=date(2025, 3, 1))


def _rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for number in range(1, ROWS + 1):
        name = f"张{'伟芳秀英'[number % 4]}"
        if number % 7 == 0:
            name = LONG_NAME
        if number == 3:
            name = EXT_A_NAME
        village = LONG_VILLAGE if number % 5 == 0 else "马坊村"
        id_number = f"41082119800101{number:04d}"
        rows.append([number, name, id_number, village, "基本公共卫生服务补助", f"¥{number * 12.5:,.2f}"])
    return rows


def _story() -> list[Flowable]:
    align = ["centre", "left", "centre", "left", "left", "right"]
    return [data_table(HEADER, _rows(), COL_WIDTHS, align=align), signature_lines()]


def _texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _fonts(pdf: bytes) -> Iterator[DictionaryObject]:
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            yield font.get_object()


@pytest.fixture(scope="module")
def roster_pdf() -> bytes:
    return build_pdf(_story(), title=TITLE, meta=META, subtitle="填报单位：修武县西村乡卫生院")


@pytest.fixture(scope="module")
def roster_texts(roster_pdf: bytes) -> list[str]:
    return _texts(roster_pdf)


def test_chinese_title_and_every_row_are_extractable(roster_texts: list[str]) -> None:
    assert TITLE in roster_texts[0]
    assert "填报单位：修武县西村乡卫生院" in roster_texts[0]
    joined = re.sub(r"\s", "", "".join(roster_texts))
    for number in range(1, ROWS + 1):
        assert f"41082119800101{number:04d}" in joined
    assert LONG_NAME in joined
    assert LONG_VILLAGE in joined


def test_header_row_repeats_on_every_page(roster_texts: list[str]) -> None:
    assert len(roster_texts) >= 4
    for text in roster_texts:
        assert all(column in text for column in HEADER)


def test_every_page_says_page_n_of_total(roster_texts: list[str]) -> None:
    total = len(roster_texts)
    for number, text in enumerate(roster_texts, start=1):
        assert f"第 {number} 页 共 {total} 页" in text


def test_footer_names_date_database_and_version(roster_texts: list[str]) -> None:
    for text in roster_texts:
        assert "生成日期：2025年3月1日" in text
        assert "焦作示例库.tdb" in text
        assert f"v{__version__}" in text


def test_signature_lines_close_the_report(roster_texts: list[str]) -> None:
    assert all(label in roster_texts[-1] for label in ("填表人：", "审核人：", "日期："))


def test_fonts_are_embedded_subsets_and_include_the_fallback(roster_pdf: bytes) -> None:
    base_fonts = set()
    for font in _fonts(roster_pdf):
        base_font = str(font["/BaseFont"])
        base_fonts.add(base_font)
        assert re.match(r"^/[A-Z]{6}\+", base_font), base_font
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert any("WenQuanYi" in name for name in base_fonts)
    assert any("DroidSansFallback" in name for name in base_fonts)


def test_ext_a_name_renders_through_the_fallback(roster_texts: list[str]) -> None:
    assert missing_glyphs(EXT_A_NAME) == set()
    assert EXT_A_NAME in roster_texts[0]


def test_demo_marking_only_for_demo_data(roster_texts: list[str]) -> None:
    demo_meta = ReportMeta(database_name="demo.tdb", generated_on=date(2025, 3, 1), demo=True)
    demo_texts = _texts(build_pdf(_story(), title=TITLE, meta=demo_meta))
    assert all("示例数据" in text for text in demo_texts)
    assert not any("示例数据" in text for text in roster_texts)


def test_long_names_wrap_inside_their_column() -> None:
    table = data_table(HEADER, _rows()[:7], COL_WIDTHS)
    short_name, long_name = table._cellvalues[1][1], table._cellvalues[7][1]
    assert isinstance(short_name, str)
    assert isinstance(long_name, Paragraph)
    available = COL_WIDTHS[1] - 2 * CELL_PADDING
    long_name.wrap(available, 1000)
    lines = long_name.blPara.lines  # (space left over, words) per line
    assert len(lines) > 1
    assert all(space_left >= 0 for space_left, _ in lines)  # no line wider than the column


def test_rows_must_match_the_header() -> None:
    with pytest.raises(ValueError):
        data_table(HEADER, [["1", "张三"]], COL_WIDTHS)
    with pytest.raises(ValueError):
        data_table(HEADER, [], COL_WIDTHS[:2])


def test_builder_gets_the_usable_width_and_landscape_turns_the_page() -> None:
    widths: list[float] = []

    def builder(width: float) -> list[Flowable]:
        widths.append(width)
        return [paragraph("正文：王" + "䶮")]

    pdf = build_pdf(builder, title="通知", meta=META, landscape=True)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert widths == [LANDSCAPE_CONTENT_WIDTH]
    assert page.mediabox.width > page.mediabox.height
    assert "正文：王䶮" in page.extract_text()
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "通知"
