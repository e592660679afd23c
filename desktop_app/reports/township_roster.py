"""乡镇花名册: the facilities and staff of one township with their rule status, taken on a visit
(landscape A4; ID numbers masked unless the meta allows them; a blank column to tick each person off on site).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from desktop_app.reports.document import ReportMeta, build_pdf, printed_id, signature_lines
from desktop_app.reports.health_parts import chinese_date, fast_table, heading, note, status_cell
from desktop_app.reports.models import TownshipRoster

_FACILITY_SHARES = (0.04, 0.19, 0.14, 0.09, 0.11, 0.05, 0.05, 0.05, 0.07, 0.21)
_STAFF_SHARES = (0.04, 0.09, 0.14, 0.2, 0.1, 0.08, 0.06, 0.1, 0.1, 0.09)


def roster_title(roster: TownshipRoster) -> str:
    """``西村乡医疗机构及人员花名册``."""
    return f"{roster.township_name}医疗机构及人员花名册"


def _facility_table(roster: TownshipRoster, width: float) -> Flowable:
    rows = [
        [n, f.name, f.code, f.kind, f.village_name, f.counts.get("pass", 0), f.counts.get("fail", 0),
         f.counts.get("warn", 0), f.counts.get("unknown", 0), "；".join(f.problems) or "—"]
        for n, f in enumerate(roster.facilities, start=1)
    ]
    header = ["序号", "机构名称", "机构编码", "类型", "所在村（社区）", "达标", "未达标", "预警", "待补充数据", "未达标及预警项目"]
    return fast_table(header, rows, [width * s for s in _FACILITY_SHARES],
                      align=["centre", "left", "left", "left", "left", "right", "right", "right", "right", "left"])


def _staff_table(roster: TownshipRoster, width: float, meta: ReportMeta) -> Flowable:
    year = roster.as_of.year
    rows = [
        [n, s.name, printed_id(s.id_number, meta), s.facility_name, s.category, s.practice_scope, s.status,
         status_cell(s.training_status, align="centre"), status_cell(s.central_status, align="centre"), ""]
        for n, s in enumerate(roster.staff, start=1)
    ]
    header = ["序号", "姓名", "身份证号", "所在机构", "人员类别", "执业类别", "状态",
              f"{year}年培训≥{roster.min_days:g}天", f"集中学习≥{roster.min_central_days:g}天", "现场核实"]
    return fast_table(header, rows, [width * s for s in _STAFF_SHARES],
                      align=["centre", "left", "centre", "left", "left", "centre", "centre", "centre", "centre", "left"])


def roster_story(roster: TownshipRoster, width: float, meta: ReportMeta) -> list[Flowable]:
    """The flowables of the roster below its title block (``meta``: ID numbers in full or masked)."""
    story: list[Flowable] = [heading(f"一、医疗机构（{len(roster.facilities)} 所）")]
    story.append(_facility_table(roster, width) if roster.facilities else note("本乡镇（街道）没有登记医疗机构。"))
    story.append(heading(f"二、人员（{len(roster.staff)} 人）"))
    story.append(_staff_table(roster, width, meta) if roster.staff else note("本乡镇（街道）没有登记人员。"))
    story.append(KeepTogether([
        note("达标情况按登记数据于评估日期自动评估；“现场核实”栏由检查人员填写。"),
        signature_lines(("检查人员", "乡镇负责人", "日期"), width=width),
    ]))
    return story


def township_roster_pdf(roster: TownshipRoster, meta: ReportMeta) -> bytes:
    """The PDF of a township roster (landscape)."""
    subtitle = f"{roster.county_name} {roster.township_name}（{roster.township_code}） · 评估日期：{chinese_date(roster.as_of)}"
    return build_pdf(lambda width: roster_story(roster, width, meta), title=roster_title(roster), subtitle=subtitle,
                     meta=meta, landscape=True)
