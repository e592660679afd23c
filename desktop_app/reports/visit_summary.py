"""督导检查情况汇总 and the visit pack.

The summary of one visit lists the findings per facility, every item where the registry differs
from what was seen (and whether the registry was updated or kept to be verified) and the
rectification orders with their deadlines (overdue ones marked). The pack prints a cover list and
one pre-filled 督导检查表 per facility of the visit, each on its own pages.
"""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop_app.domain.inspections import CLOSED, CONFIRMED, DIFFERS, NOT_CHECKED, OPEN, REPORTED
from desktop_app.reports.document import ReportMeta, build_pdf, signature_lines
from desktop_app.reports.facility_inspection import inspection_pack_pdf
from desktop_app.reports.health_parts import CELL_SIZE, STATUS_COLOURS, chinese_date, fast_table, heading, info_grid, note
from desktop_app.reports.inspection_models import VisitPack, VisitSummary
from desktop_app.reports.text_block import TextBlock

TITLE = "督导检查情况汇总"
_FACILITY_SHARES = (0.06, 0.3, 0.14, 0.16, 0.08, 0.08, 0.08, 0.1)
_DIFFERENCE_SHARES = (0.05, 0.2, 0.21, 0.13, 0.13, 0.12, 0.16)
_ORDER_SHARES = (0.06, 0.24, 0.3, 0.12, 0.14, 0.14)


def _overview(summary: VisitSummary, width: float) -> Flowable:
    findings: Counter[str] = Counter()
    for f in summary.facilities:
        findings.update({CONFIRMED: f.confirmed, DIFFERS: f.differs, NOT_CHECKED: f.not_checked, "未录入": f.missing})
    states = Counter(o.status for o in summary.orders)
    overdue = sum(o.overdue for o in summary.orders)
    items = "，".join(f"{k} {findings[k]}" for k in (CONFIRMED, DIFFERS, NOT_CHECKED, "未录入"))
    orders = (f"{len(summary.orders)} 项（{OPEN} {states[OPEN]}，{REPORTED} {states[REPORTED]}，{CLOSED} {states[CLOSED]}；"
              f"已逾期 {overdue}）")
    rows = [
        [("检查编号", summary.visit_id), ("检查日期", chinese_date(summary.visited_on))],
        [("检查人员", summary.inspectors)],
        [("检查机构", f"{len(summary.facilities)} 所"), ("统计日期", chinese_date(summary.as_of))],
        [("检查项目", f"{sum(findings.values())} 项：{items}")],
        [("整改通知", orders)],
    ]
    if summary.note:
        rows.append([("说明", summary.note)])
    return info_grid(rows, width)


def _facility_table(summary: VisitSummary, width: float) -> Flowable:
    rows = [[n, f.name, f.kind, f.township_name, f.confirmed, f.differs, f.not_checked + f.missing, f.orders]
            for n, f in enumerate(summary.facilities, start=1)]
    header = ["序号", "机构名称", "类型", "乡镇（街道）", "属实", "不符", "未检查/未录入", "整改项"]
    return fast_table(header, rows, [width * s for s in _FACILITY_SHARES],
                      align=["centre", "left", "left", "left", "right", "right", "right", "right"])


def _difference_table(summary: VisitSummary, width: float) -> Flowable:
    rows = [[n, d.facility_name, d.title, d.registry_value or "—", d.value_seen, d.decision, d.remark]
            for n, d in enumerate(summary.differences, start=1)]
    header = ["序号", "机构", "检查项目", "登记值", "现场值", "登记处理", "备注"]
    return fast_table(header, rows, [width * s for s in _DIFFERENCE_SHARES],
                      align=["centre", "left", "left", "left", "left", "centre", "left"])


def _state(status: str, overdue: bool) -> TextBlock:
    if overdue:
        return TextBlock.plain(f"{status}（已逾期）", CELL_SIZE, colour=STATUS_COLOURS["fail"], align="centre")
    return TextBlock.plain(status, CELL_SIZE, align="centre")


def _order_table(summary: VisitSummary, width: float) -> Flowable:
    rows = [[n, o.facility_name, o.title, o.responsible or "（未指定）", chinese_date(o.deadline), _state(o.status, o.overdue)]
            for n, o in enumerate(summary.orders, start=1)]
    header = ["序号", "机构", "整改项目", "责任人", "整改期限", "状态"]
    return fast_table(header, rows, [width * s for s in _ORDER_SHARES],
                      align=["centre", "left", "left", "left", "centre", "centre"])


def summary_story(summary: VisitSummary, width: float) -> list[Flowable]:
    """The flowables of the summary below its title block."""
    story: list[Flowable] = [heading("一、检查概况"), _overview(summary, width),
                             heading("二、各机构检查结论"), _facility_table(summary, width),
                             heading("三、与登记不符的项目")]
    story.append(_difference_table(summary, width) if summary.differences else note("没有与登记不符的项目。"))
    story.append(heading("四、整改通知"))
    story.append(_order_table(summary, width) if summary.orders else note("本次检查未下达整改通知。"))
    story += [Spacer(0, 8 * mm), signature_lines(("检查组负责人", "填表人", "日期"), width=width)]
    return story


def visit_summary_pdf(summary: VisitSummary, meta: ReportMeta) -> bytes:
    """The PDF of one visit's summary."""
    return build_pdf(lambda width: summary_story(summary, width), title=TITLE,
                     subtitle=f"检查编号：{summary.visit_id} · 检查日期：{chinese_date(summary.visited_on)}", meta=meta)


def visit_pack_pdf(pack: VisitPack, meta: ReportMeta) -> bytes:
    """A cover list of the visit's facilities, then each facility's pre-filled checklist on its own
    pages (the layout of :func:`facility_inspection.inspection_pack_pdf`). ValueError without forms."""
    subtitle = (f"检查编号：{pack.visit_id} · 检查日期：{chinese_date(pack.visited_on)} · 检查人员：{pack.inspectors}"
                f" · 共 {len(pack.forms)} 所")
    return inspection_pack_pdf(pack.forms, meta, title="督导检查表（检查用）", subtitle=subtitle)
