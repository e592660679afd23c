"""整改通知书: the rectification notice a facility receives after a visit — what was found, what to
put right, who answers for it and by when — with a line for the facility to sign for it.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop_app.domain.inspections import DIFFERS
from desktop_app.reports.document import ReportMeta, build_pdf, paragraph, report_styles, signature_lines
from desktop_app.reports.health_parts import chinese_date, fast_table, heading, info_grid, note, two_lines
from desktop_app.reports.inspection_models import NoticeItem, RectificationNotice

TITLE = "整改通知书"
SIGNATURES = ("检查组（盖章）", "接收人签字", "接收日期")
_SHARES = (0.06, 0.26, 0.24, 0.2, 0.1, 0.14)  # 序号, 项目及依据, 检查发现, 整改要求, 责任人, 期限


def found_text(item: NoticeItem) -> str:
    """What was found: the registry and the site for a difference, else the standard's judgement."""
    if item.finding == DIFFERS:
        return f"登记：{item.registry_value or '—'}；现场：{item.value_seen}"
    return item.message or f"登记：{item.registry_value or '—'}"


def notice_story(notice: RectificationNotice, width: float) -> list[Flowable]:
    """The flowables of a notice below its title block."""
    styles = report_styles()
    addressee = ParagraphStyle("addressee", parent=styles.body, firstLineIndent=0)
    place = " ".join(p for p in (notice.county_name, notice.township_name) if p)
    rows = [
        [n, two_lines(item.title, f"依据：{item.citation}"), found_text(item),
         item.requirement or "按标准整改到位", item.responsible or "（未指定）", chinese_date(item.deadline)]
        for n, item in enumerate(notice.items, start=1)
    ]
    header = ["序号", "检查项目及依据", "检查发现", "整改要求", "责任人", "整改期限"]
    return [
        info_grid([[("被检查机构", notice.facility_name), ("机构编码", notice.facility_code)],
                   [("机构类型", notice.facility_kind), ("所在地", place)],
                   [("检查日期", chinese_date(notice.visited_on)), ("检查人员", notice.inspectors)]], width),
        Spacer(0, 4 * mm),
        paragraph(f"{notice.facility_name}：", addressee),
        paragraph(f"{chinese_date(notice.visited_on)}，检查组（{notice.inspectors}）对你单位开展了基层医疗卫生服务能力"
                  f"督导检查。经现场检查，发现以下{len(notice.items)}项问题，请按要求于整改期限前整改到位，并将整改情况"
                  "书面报告检查组，经核实后销号。"),
        heading("需整改的问题"),
        fast_table(header, rows, [width * s for s in _SHARES], align=["centre", "left", "left", "left", "left", "centre"]),
        KeepTogether([
            note("本通知一式两份，检查组和被检查机构各执一份。"),
            Spacer(0, 10 * mm),
            signature_lines(SIGNATURES, width=width),
        ]),
    ]


def rectification_notice_pdf(notice: RectificationNotice, meta: ReportMeta) -> bytes:
    """The PDF of one facility's rectification notice."""
    return build_pdf(lambda width: notice_story(notice, width), title=TITLE,
                     subtitle=f"检查编号：{notice.visit_id}", meta=meta)
