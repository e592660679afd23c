"""补助资金台账 (``subsidy-statement``): per county-level unit (or every county of the city) and year,
the subsidy programmes' entitlements, budgets and net payments by source of funds, what is still
outstanding, the payees flagged overdue or over-paid, then every payee line, with totals and
signature lines (landscape A4; ID numbers masked unless the meta allows them).

An entitlement that cannot be known prints its reason (e.g. "标准未设定") in red, never 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from desktop_app.domain.money import format_yuan
from desktop_app.reports.document import ReportMeta, build_pdf, printed_id, signature_lines
from desktop_app.reports.health_parts import CELL_SIZE, STATUS_COLOURS, chinese_date, fast_table, heading, note, subheading
from desktop_app.reports.subsidy_models import PayeeRow, ProgrammeSection, SubsidyStatementData
from desktop_app.reports.text_block import BLACK, TextBlock

RED = STATUS_COLOURS["fail"]
STATUS_COLOUR = {"超发": RED, "逾期未拨": RED, "未拨足": STATUS_COLOURS["warn"], "已拨足": STATUS_COLOURS["pass"]}
SIGNATURES = ("制表人", "财务审核", "单位负责人", "日期")


def statement_title(data: SubsidyStatementData) -> str:
    """``2025年度修武县基层医疗卫生补助资金台账``."""
    return f"{data.year}年度{data.scope_name}基层医疗卫生补助资金台账"


def _coloured(text: str, colour: colors.Color, *, align: str = "left") -> TextBlock:
    return TextBlock([([(text, colour)], CELL_SIZE)], align=align)  # type: ignore[arg-type]


def _money(fen: int | None) -> str:
    return "—" if fen is None else format_yuan(fen)


def _section_name(section: ProgrammeSection, city: bool) -> list[str]:
    return [section.county_name, section.title] if city else [section.title]


def _funds_table(data: SubsidyStatementData, width: float) -> Flowable:
    """Per programme (and county) and source: entitled, budgeted, paid, outstanding; subtotals and a total."""
    rows: list[list[object]] = []
    for section in data.sections:
        names = _section_name(section, data.city)
        for source in section.sources:
            rows.append([*names, source.source, _money(source.entitled), _money(source.budgeted), _money(source.paid),
                         _money(source.outstanding)])
        if len(section.sources) != 1:
            rows.append([*names, "小计" if section.sources else "—", _money(section.entitled), _money(section.budgeted),
                         _money(section.paid), _money(section.outstanding)])
    totals = [sum(getattr(s, f) for s in data.sections) for f in ("entitled", "budgeted", "paid")]
    rows.append([*(["合计", ""] if data.city else ["合计"]), "", *(_money(v) for v in totals), _money(totals[0] - totals[2])])
    names = ["县区", "补助项目"] if data.city else ["补助项目"]
    shares = (0.12, 0.26, 0.1) if data.city else (0.34, 0.14)
    money_share = (1 - sum(shares)) / 4
    return fast_table([*names, "资金来源", "应补助", "预算", "已拨付", "未拨付"], rows,
                      [width * s for s in (*shares, *([money_share] * 4))],
                      align=[*(["left"] * len(names)), "centre", "right", "right", "right", "right"])


def _payees_table(data: SubsidyStatementData, width: float) -> Flowable:
    """Per programme (and county): payees, unknown amounts, arrears, overdue and over-paid payees."""
    rows = []
    for section in data.sections:
        overdue = _coloured(str(section.overdue_payees), RED, align="centre") if section.overdue_payees else "0"
        overpaid = _coloured(str(section.overpaid_payees), RED, align="centre") if section.overpaid_payees else "0"
        rows.append([*_section_name(section, data.city), len(section.payees), section.unknown, overdue,
                     _money(section.arrears), overpaid, _money(section.overpaid)])
    names = ["县区", "补助项目"] if data.city else ["补助项目"]
    shares = (0.12, 0.26) if data.city else (0.38,)
    rest = (1 - sum(shares)) / 6
    return fast_table([*names, "补助对象（户/人）", "金额待定", "逾期未拨（户/人）", "欠拨金额", "超发（户/人）", "超发金额"],
                      rows, [width * s for s in (*shares, *([rest] * 6))],
                      align=[*(["left"] * len(names)), "right", "right", "centre", "right", "centre", "right"])


def _entitled_cell(row: PayeeRow) -> object:
    return _money(row.entitled) if row.entitled is not None else _coloured(row.gap or row.status, RED)


def _status_cell(row: PayeeRow) -> object:
    colour = STATUS_COLOUR.get(row.status, RED if row.entitled is None else BLACK)
    return _coloured(row.status, colour, align="centre")


def _detail_table(section: ProgrammeSection, width: float, meta: ReportMeta) -> Flowable:
    """Every payee of a section; with more than one source, a paid column per source before the total."""
    sources = [s.source for s in section.sources] if len(section.sources) > 1 else []
    rows: list[list[object]] = []
    for number, row in enumerate(section.payees, start=1):
        code = printed_id(row.id_number, meta) if row.id_number else row.code
        by_source = [_money(row.paid_by_source.get(s, 0)) for s in sources]
        rows.append([number, row.name, code, row.township_name, _entitled_cell(row), *by_source,
                     _money(row.paid), _money(row.outstanding), _status_cell(row)])
    source_totals = [_money(s.paid) for s in section.sources] if sources else []
    rows.append(["合计", "", "", "", _money(section.entitled), *source_totals, _money(section.paid),
                 _money(section.outstanding), ""])
    header = ["序号", "收款对象", "机构编码 / 身份证号", "乡镇（街道）", "应补助", *(f"已拨付（{s}）" for s in sources),
              "已拨付合计" if sources else "已拨付", "未拨付", "状态"]
    fixed = (0.05, 0.2, 0.14, 0.11)
    money_columns = len(header) - 5
    money = (1 - sum(fixed) - 0.1) / money_columns
    widths = [width * s for s in (*fixed, *([money] * money_columns), 0.1)]
    align = ["centre", "left", "left", "left", *(["right"] * money_columns), "centre"]
    return fast_table(header, rows, widths, align=align)


def _details(data: SubsidyStatementData, width: float, meta: ReportMeta) -> list[Flowable]:
    story: list[Flowable] = []
    for number, section in enumerate(data.sections, start=1):
        place = f"{section.county_name} " if data.city else ""
        story += [CondPageBreak(30 * mm),
                  subheading(f"（{number}）{place}{section.title}：{len(section.payees)} 户/人（依据：{section.citation}）")]
        story.append(_detail_table(section, width, meta) if section.payees
                     else note("本年度没有应补助对象，也没有发放记录。"))
        story.append(Spacer(0, 2 * mm))
    return story


def _notes(data: SubsidyStatementData) -> list[str]:
    found = [f"统计截至{chinese_date(data.as_of)}；金额单位：元；已拨付为发放减冲销后的净额。",
             "未拨付 = 应补助 − 已拨付（超发时为负数）；逾期未拨：补助年度结束后仍未拨足；超发：已拨付超过应补助，须核实后冲销。"]
    unknown = sum(s.unknown for s in data.sections)
    if unknown:
        found.append(f"另有 {unknown} 户/人的应补助金额尚不能确定（" + "；".join(data.unknown_notes or ("见明细",))
                     + "），未计入应补助合计。")
    return found


def statement_story(data: SubsidyStatementData, width: float, meta: ReportMeta) -> list[Flowable]:
    """The flowables of the statement below its title block."""
    notes: Sequence[str] = _notes(data)
    return [
        heading("一、资金情况（按补助项目、资金来源）"),
        _funds_table(data, width),
        heading("二、补助对象情况"),
        _payees_table(data, width),
        heading("三、逐户明细"),
        *_details(data, width, meta),
        KeepTogether([heading("四、说明"), *(note(f"{n}. {text}") for n, text in enumerate(notes, start=1)),
                      Spacer(0, 8 * mm), signature_lines(SIGNATURES, width=width)]),
    ]


def subsidy_statement_pdf(data: SubsidyStatementData, meta: ReportMeta) -> bytes:
    """The PDF of a subsidy statement (landscape)."""
    subtitle = f"{data.scope_name} · 补助年度：{data.year}年 · 统计截至：{chinese_date(data.as_of)}"
    return build_pdf(lambda width: statement_story(data, width, meta), title=statement_title(data), subtitle=subtitle,
                     meta=meta, landscape=True)
