"""Pieces the business desk's papers share: money in yuan and in Chinese capitals (人民币大写), the
QR code of a receipt, the applicant's and the measure's label/value rows, and the materials table.
Built on :mod:`document` and :mod:`health_parts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from desktop_app.domain.money import FEN_PER_YUAN, format_yuan
from desktop_app.reports.desk_models import Applicant, MaterialLine, Measure
from desktop_app.reports.document import ReportMeta, printed_id, report_styles
from desktop_app.reports.fonts import cjk_markup
from desktop_app.reports.health_parts import chinese_date, fast_table

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


def yuan(fen: int | None) -> str:
    """``1,234.50元``; ``—`` for None."""
    return "—" if fen is None else f"{format_yuan(fen)}元"


def _group_capitals(group: int) -> str:
    """A number 1–9999 in capitals, with 零 for inner zeros (``1005`` → 壹仟零伍)."""
    text, zero = "", False
    for position in (3, 2, 1, 0):
        digit = group // 10**position % 10
        if digit == 0:
            zero = bool(text)
        else:
            if zero:
                text += "零"
                zero = False
            text += _DIGITS[digit] + _SMALL_UNITS[position]
    return text


def _integer_capitals(number: int) -> str:
    groups = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    text, gap = "", False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if group == 0:
            gap = bool(text)
            continue
        if text and (gap or group < 1000):
            text += "零"
        text += _group_capitals(group) + _BIG_UNITS[index]
        gap = False
    return text


def yuan_in_capitals(fen: int) -> str:
    """An amount in fen in Chinese financial capitals: ``1200050`` → ``人民币壹万贰仟元伍角``,
    ``500000`` → ``人民币伍仟元整``; ``0`` → ``人民币零元整``. Amounts up to 10^16 yuan."""
    sign = "负" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN_PER_YUAN)
    jiao, fen_digit = divmod(cents, 10)
    text = _integer_capitals(whole) + "元" if whole else ""
    if not cents:
        return f"人民币{sign}{text or '零元'}整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif whole:
        text += "零"
    if fen_digit:
        text += _DIGITS[fen_digit] + "分"
    return f"人民币{sign}{text}"


def qr_code(text: str, size: float = 30 * mm) -> Drawing:
    """A QR code (error correction level M) of ``text``, ``size`` points square, drawn as vectors."""
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def body_text(text: str, *, indent: bool = True, size: float = 11) -> Paragraph:
    """A paragraph of the paper's body (first line indented two characters unless ``indent`` is off)."""
    style = ParagraphStyle(f"paper_{size}_{indent}", parent=report_styles().body, fontSize=size, leading=size * 1.7,
                           firstLineIndent=2 * size if indent else 0, spaceAfter=1.5 * mm)
    return Paragraph(cjk_markup(text), style)


def day_text(day: date | None) -> str:
    """``2025年3月5日``; blank for None."""
    return chinese_date(day) if day else ""


def applicant_rows(applicant: Applicant, meta: ReportMeta, *, single: bool = False) -> list[list[tuple[str, str]]]:
    """The applicant's label/value rows for :func:`health_parts.info_grid` (blank parts left out):
    two pairs a row, or one when ``single`` (a narrow grid)."""
    pairs: list[tuple[str, str]] = []
    if applicant.business_name or applicant.uscc:
        pairs += [("个体工商户", applicant.business_name or "—"), ("统一社会信用代码", applicant.uscc or "—"),
                  ("经营者", applicant.operator_name or "—"), ("所在乡镇（街道）", applicant.township_name or "—")]
    if applicant.id_number or applicant.person_name:
        pairs += [("申请人", applicant.person_name or applicant.operator_name),  # blank: written in by hand
                  ("身份证号", printed_id(applicant.id_number, meta) or "—")]
    pairs = pairs or [("申请人", "—")]
    if single:
        return [[pair] for pair in pairs]
    return [pairs[i:i + 2] for i in range(0, len(pairs), 2)]


def measure_rows(measure: Measure) -> list[list[tuple[str, str]]]:
    """The measure's label/value rows: title, citation (each a full row), receiving county."""
    return [[("申请事项", measure.title)], [("政策依据", measure.citation or "—")], [("受理县区", measure.county_name or "—")]]


def materials_table(materials: Sequence[MaterialLine], width: float, *, state: bool = True) -> Flowable:
    """序号 / 材料名称 / 用于证明 (/ 状态): the materials of a measure; long names wrap."""
    if state:
        shares, header = (0.07, 0.45, 0.34, 0.14), ["序号", "材料名称", "用于证明", "状态"]
        rows = [[n, m.name, m.proves, m.state] for n, m in enumerate(materials, start=1)]
        align = ["centre", "left", "left", "centre"]
    else:
        shares, header = (0.07, 0.5, 0.43), ["序号", "材料名称", "用于证明"]
        rows = [[n, m.name, m.proves] for n, m in enumerate(materials, start=1)]
        align = ["centre", "left", "left"]
    return fast_table(header, rows, [width * s for s in shares], align=align)
