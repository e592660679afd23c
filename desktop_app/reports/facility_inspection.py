"""督导检查表: the inspection form of one facility (filled from the evaluation, or blank for hand
filling) and the inspection pack (many forms in one PDF, each starting on a new page).

A filled form lists every standard of the facility's kind with actual vs required, the evaluated
conclusion and its source, a blank column for on-site remarks, the staff to check (ID numbers
masked unless the meta allows them), a box for the inspectors' opinion and signature lines. A blank form keeps the header and
the rule list and leaves everything else to be written by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from desktop_app.reports.document import ReportMeta, build_pdf, printed_id, signature_lines, title_block
from desktop_app.reports.health_parts import (
    BLANK_DATE,
    WritingBox,
    chinese_date,
    fast_table,
    heading,
    info_grid,
    status_cell,
    two_lines,
)
from desktop_app.reports.models import InspectionForm

SIGNATURES = ("检查人员签字", "机构负责人签字", "日期")
BOX_MIN, BOX_MAX = 18 * mm, 45 * mm  # the opinion box grows into the space left on the page
SIGNATURE_ROOM = 13 * mm  # the gap and the signature line below the box
_RULE_SHARES = (0.05, 0.31, 0.12, 0.12, 0.24, 0.16)  # 序号, 项目及依据, 实际, 要求, 结论, 现场核查
_BLANK_SHARES = (0.05, 0.37, 0.24, 0.16, 0.18)  # 序号, 项目及依据, 现场情况, 结论, 备注
_STAFF_SHARES = (0.05, 0.13, 0.2, 0.13, 0.1, 0.09, 0.12, 0.18)


def form_title(form: InspectionForm) -> str:
    """``村卫生室督导检查表`` (the kind of the facility, then the form's name)."""
    return f"{form.facility_kind}督导检查表"


def form_subtitle(form: InspectionForm, *, with_place: bool) -> str | None:
    """The line under the title: county, township and facility name when ``with_place`` (a pack,
    where it tells the forms apart), and the blank-form note; None when there is nothing to say."""
    place = " ".join(p for p in (form.county_name, form.township_name, form.facility_name) if p) if with_place else ""
    note_text = "空白表，现场填写" if form.blank else ""
    if place and note_text:
        return f"{place}（{note_text}）"
    return place or note_text or None


def _header(form: InspectionForm, width: float) -> Flowable:
    location = " ".join(p for p in (form.county_name, form.township_name, form.village_name) if p)
    rows = [
        [("机构名称", form.facility_name), ("机构编码", form.facility_code)],
        [("机构类型", form.facility_kind), ("服务人口", "" if form.blank else form.service_population)],
        [("所在地", location)],
    ]
    if form.blank:
        rows.append([("许可证号", ""), ("负责人", "")])
    else:
        rows.append([("许可证号", form.licence), ("评估日期", chinese_date(form.as_of))])
    rows.append([("检查人员", ""), ("检查日期", BLANK_DATE)])
    return info_grid(rows, width)


def _rules_table(form: InspectionForm, width: float) -> Flowable:
    if form.blank:
        widths = [width * s for s in _BLANK_SHARES]
        rows = [
            [n, two_lines(r.title, f"依据：{r.citation}"), Spacer(0, 10 * mm), "□符合  □不符合", ""]
            for n, r in enumerate(form.rules, start=1)
        ]
        header = ["序号", "检查项目及依据", "现场情况", "结论", "备注"]
        return fast_table(header, rows, widths, align=["centre", "left", "left", "centre", "left"])
    widths = [width * s for s in _RULE_SHARES]
    rows = [
        [n, two_lines(r.title, f"依据：{r.citation}"), r.actual, r.required, status_cell(r.status, r.message), ""]
        for n, r in enumerate(form.rules, start=1)
    ]
    header = ["序号", "检查项目及依据", "实际", "要求", "评估结论（按登记数据）", "现场核查记录"]
    return fast_table(header, rows, widths, align=["centre", "left", "centre", "centre", "left", "left"])


def _staff_table(form: InspectionForm, width: float, meta: ReportMeta) -> Flowable:
    widths = [width * s for s in _STAFF_SHARES]
    year = form.training_year or form.as_of.year
    rows = [
        [n, s.name, printed_id(s.id_number, meta), s.category, s.practice_scope, s.township_hired, s.training_days, ""]
        for n, s in enumerate(form.staff, start=1)
    ]
    header = ["序号", "姓名", "身份证号", "人员类别", "执业类别", "乡聘村用", f"{year}年培训（天）", "在岗核实"]
    return fast_table(header, rows, widths, align=["centre", "left", "centre", "left", "centre", "centre", "right", "left"])


def inspection_story(form: InspectionForm, width: float, meta: ReportMeta, *, with_title: bool = False) -> list[Flowable]:
    """The flowables of one form (its title block first when ``with_title``, as in a pack); ``meta``
    decides whether ID numbers print in full."""
    story: list[Flowable] = []
    if with_title:
        story += title_block(form_title(form), form_subtitle(form, with_place=True))
    story += [_header(form, width), heading("一、检查项目"), _rules_table(form, width)]
    section = "二"
    if not form.blank:
        if form.staff:
            story += [heading(f"二、人员核对（登记在岗 {len(form.staff)} 人）"), _staff_table(form, width, meta)]
            section = "三"
    story += [
        CondPageBreak(BOX_MIN + SIGNATURE_ROOM + 12 * mm),
        heading(f"{section}、检查意见及整改要求"),
        WritingBox(width, BOX_MIN, BOX_MAX, reserve=SIGNATURE_ROOM),
        Spacer(0, 4 * mm),
        signature_lines(SIGNATURES, width=width),
    ]
    return story


def facility_inspection_pdf(form: InspectionForm, meta: ReportMeta) -> bytes:
    """The PDF of one facility's inspection form."""
    return build_pdf(lambda width: inspection_story(form, width, meta), title=form_title(form),
                     subtitle=form_subtitle(form, with_place=False), meta=meta)


def inspection_pack_pdf(forms: Sequence[InspectionForm], meta: ReportMeta, *, title: str, subtitle: str) -> bytes:
    """Many forms in one PDF: a list of the facilities first, then each form on its own pages.

    Raises ``ValueError`` when ``forms`` is empty.
    """
    if not forms:
        raise ValueError("an inspection pack needs at least one form")

    def story(width: float) -> list[Flowable]:
        shares = (0.08, 0.24, 0.46, 0.22)
        rows = [[n, f.township_name, f.facility_name, f.facility_code] for n, f in enumerate(forms, start=1)]
        flowables: list[Flowable] = [
            heading(f"检查机构清单（共 {len(forms)} 所）"),
            fast_table(["序号", "乡镇（街道）", "机构名称", "机构编码"], rows, [width * s for s in shares],
                       align=["centre", "left", "left", "left"]),
        ]
        for form in forms:
            flowables += [PageBreak(), *inspection_story(form, width, meta, with_title=True)]
        return flowables

    return build_pdf(story, title=title, subtitle=subtitle, meta=meta)
