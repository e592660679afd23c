"""发放台账 (``payment-ledger``): every payment of the business desk's measures in one county-level
unit (or the city) and year — a month × measure summary of amounts and counts, for the city also a
county × measure summary, then the payments by (county,) month and measure with their vouchers
(landscape A4; ID numbers masked unless the meta allows them).
"""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from desktop_app.domain.money import format_yuan
from desktop_app.reports.desk_models import PaymentLedgerData, PaymentLine
from desktop_app.reports.desk_parts import yuan
from desktop_app.reports.document import ReportMeta, build_pdf, printed_id, signature_lines
from desktop_app.reports.health_parts import CELL_SIZE, GREY, SMALL_SIZE, fast_table, heading, note, subheading
from desktop_app.reports.text_block import BLACK, TextBlock

MONTHS = range(1, 13)
# 序号, 发放日期, 受理编号, 凭证号, 申请人, 信用代码, 身份证号, 批准金额, 发放金额: the 18-character codes fit one line
_DETAIL_SHARES = (0.037, 0.042, 0.13, 0.135, 0.205, 0.147, 0.13, 0.087, 0.087)


def ledger_title(ledger: PaymentLedgerData) -> str:
    """``2025年度修武县个体工商户扶持政策资金发放台账``."""
    return f"{ledger.year}年度{ledger.scope_name}个体工商户扶持政策资金发放台账"


def _figure(count: int, fen: int) -> TextBlock | str:
    """A summary cell: the amount, and the number of payments in small grey below (blank for none)."""
    if not count:
        return "—"
    return TextBlock([([(format_yuan(fen), BLACK)], CELL_SIZE), ([(f"{count}笔", GREY)], SMALL_SIZE)], align="centre")


def _used_measures(ledger: PaymentLedgerData) -> list[tuple[str, str]]:
    used = {line.base_id for line in ledger.lines}
    return [(base, title) for base, title in ledger.measures if base in used]


def _summary_widths(width: float, columns: int) -> list[float]:
    first, last = 0.1, 0.12
    share = (1 - first - last) / max(columns, 1)
    return [width * first, *([width * share] * columns), width * last]


def _month_summary(ledger: PaymentLedgerData, width: float) -> Flowable:
    measures = _used_measures(ledger)
    rows = []
    for month in MONTHS:
        rows.append([f"{month}月", *(_figure(*ledger.total(month=month, base_id=base)) for base, _ in measures),
                     _figure(*ledger.total(month=month))])
    rows.append(["合计", *(_figure(*ledger.total(base_id=base)) for base, _ in measures), _figure(*ledger.total())])
    header = ["月份", *(title for _, title in measures), "合计"]
    return fast_table(header, rows, _summary_widths(width, len(measures)),
                      align=["centre", *(["centre"] * len(measures)), "centre"])


def _county_summary(ledger: PaymentLedgerData, width: float) -> Flowable:
    measures = _used_measures(ledger)
    counties = sorted({line.county_name for line in ledger.lines})
    rows = []
    for county in counties:
        own = [line for line in ledger.lines if line.county_name == county]
        cells = []
        for base, _ in measures:
            paid = [line.paid for line in own if line.base_id == base]
            cells.append(_figure(len(paid), sum(paid)))
        rows.append([county, *cells, _figure(len(own), sum(line.paid for line in own))])
    header = ["县区", *(title for _, title in measures), "合计"]
    return fast_table(header, rows, _summary_widths(width, len(measures)),
                      align=["left", *(["centre"] * len(measures)), "centre"])


def _detail_table(lines: list[PaymentLine], width: float, meta: ReportMeta) -> Flowable:
    rows: list[list[object]] = [
        [number, line.paid_on.isoformat()[5:], line.receipt_no, line.voucher_no, line.applicant_name, line.uscc or "—",
         printed_id(line.id_number, meta) or "—", "—" if line.approved is None else format_yuan(line.approved),
         format_yuan(line.paid)]
        for number, line in enumerate(lines, start=1)
    ]
    rows.append(["合计", "", "", "", "", "", "", f"{len(lines)}笔", format_yuan(sum(line.paid for line in lines))])
    header = ["序号", "发放日期", "受理编号", "凭证号", "申请人", "统一社会信用代码", "身份证号", "批准金额", "发放金额"]
    return fast_table(header, rows, [width * s for s in _DETAIL_SHARES],
                      align=["centre", "centre", "left", "left", "left", "left", "left", "right", "right"])


def _group_key(line: PaymentLine, city: bool) -> tuple[str, int, str]:
    return (line.county_name if city else "", line.paid_on.month, line.measure_title)


def ledger_story(ledger: PaymentLedgerData, width: float, meta: ReportMeta) -> list[Flowable]:
    """The flowables of the payment ledger below its title block."""
    count, fen = ledger.total()
    story: list[Flowable] = [
        note(f"{ledger.year}年共发放 {count:,} 笔，合计 {yuan(fen)}。金额单位：元；发放日期以“月-日”表示。"),
        heading("一、按月份、政策汇总"),
        _month_summary(ledger, width),
    ]
    part = "二"
    if ledger.city:
        story += [heading("二、按县区、政策汇总"), _county_summary(ledger, width)]
        part = "三"
    story.append(heading(f"{part}、发放明细（按{'县区、' if ledger.city else ''}月份、政策）"))
    groups = groupby(ledger.lines, key=lambda line: _group_key(line, ledger.city))
    for number, ((county, month, title), lines) in enumerate(groups, start=1):
        own = list(lines)
        place = f"{county} · " if county else ""
        story += [
            CondPageBreak(40 * mm),  # the subheading, the header and a few rows, or a new page
            subheading(f"（{number}）{place}{month}月 · {title}：{len(own)} 笔，{yuan(sum(line.paid for line in own))}"),
            _detail_table(own, width, meta),
            Spacer(0, 2 * mm),
        ]
    story.append(KeepTogether([Spacer(0, 6 * mm), signature_lines(("制表人", "审核人", "负责人", "日期"), width=width)]))
    return story


def payment_ledger_pdf(ledger: PaymentLedgerData, meta: ReportMeta) -> bytes:
    """The PDF of a payment ledger (landscape)."""
    return build_pdf(lambda width: ledger_story(ledger, width, meta), title=ledger_title(ledger),
                     subtitle=f"{ledger.scope_name} · {ledger.year}年1月1日至12月31日", meta=meta, landscape=True)
