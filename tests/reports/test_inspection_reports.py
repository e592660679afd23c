"""The inspection report kinds read back with pypdf: 整改通知书 and 督导检查情况汇总 from known data,
then through the report service on a real database — the visit pack of 20 facilities with the
right page count, the notice and the summary, and bad requests refused."""

from __future__ import annotations

import io
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from inspection_setup import CENTRE, build_registry  # noqa: E402

from desktop_app.domain.errors import NotFound, ValidationError  # noqa: E402
from desktop_app.domain.inspections import CONFIRMED, DIFFERS, KEPT, FindingEntry, VisitPlan  # noqa: E402
from desktop_app.reports.document import ReportMeta  # noqa: E402
from desktop_app.reports.inspection_models import (  # noqa: E402
    NoticeItem,
    RectificationNotice,
    SummaryDifference,
    SummaryFacility,
    SummaryOrder,
    VisitSummary,
)
from desktop_app.reports.rectification_notice import rectification_notice_pdf  # noqa: E402
from desktop_app.reports.visit_summary import visit_summary_pdf  # noqa: E402
from desktop_app.services import inspection_queries, inspection_reports, inspections  # noqa: E402
from desktop_app.services.reports import REPORT_KINDS, render_report  # noqa: E402

META = ReportMeta(database_name="督导.sqlite3", generated_on=date(2026, 1, 5))
VISITED = date(2025, 11, 20)
NOTICE = RectificationNotice(
    "JC20251120-01", VISITED, "张三、李四", "XW-01", "东岭后村卫生室", "村卫生室", "修武县", "西村乡",
    (NoticeItem("“七室分开”", "焦政办〔2023〕32号 三（一）3", DIFFERS, "6室", "诊断室、治疗室", "缺观察室", "增设观察室",
                "王院长", date(2025, 12, 31), "待整改"),
     NoticeItem("新建村卫生室建筑面积不少于120m²", "焦政办〔2023〕32号 三（一）3", CONFIRMED, "60.4m²", "",
                "建筑面积60.4m²，低于120m²", "", "", date(2026, 3, 31), "待整改")),
)
SUMMARY = VisitSummary(
    "JC20251120-01", VISITED, "张三、李四", "年度督导", date(2026, 1, 5),
    (SummaryFacility("XW-01", "东岭后村卫生室", "村卫生室", "西村乡", 6, 1, 1, 0, 2),
     SummaryFacility("XW-02", "西岭村卫生室", "村卫生室", "西村乡", 8, 0, 0, 0, 0)),
    (SummaryDifference("东岭后村卫生室", "“七室分开”", "6室", "诊断室、治疗室", KEPT, "照片：a.jpg"),),
    (SummaryOrder("东岭后村卫生室", "“七室分开”", "王院长", date(2025, 12, 31), "待整改", True),
     SummaryOrder("东岭后村卫生室", "新建村卫生室建筑面积不少于120m²", "", date(2026, 3, 31), "已报告", False)),
)


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def joined(pdf: bytes) -> str:
    return re.sub(r"\s", "", "".join(texts(pdf)))


def test_rectification_notice_lists_what_to_put_right() -> None:
    pdf = rectification_notice_pdf(NOTICE, META)
    text = joined(pdf)
    assert len(texts(pdf)) == 1
    for word in ("整改通知书", "检查编号：JC20251120-01", "东岭后村卫生室：", "2025年11月20日", "张三、李四", "发现以下2项问题",
                 "登记：6室；现场：诊断室、治疗室", "建筑面积60.4m²，低于120m²", "增设观察室", "按标准整改到位", "王院长",
                 "（未指定）", "2025年12月31日", "2026年3月31日", "接收人签字", "依据：焦政办〔2023〕32号三（一）3"):
        assert word in text, word


def test_visit_summary_lists_findings_differences_and_orders() -> None:
    pdf = visit_summary_pdf(SUMMARY, META)
    text = joined(pdf)
    for word in ("督导检查情况汇总", "检查机构2所", "16项：属实14，不符1，未检查1，未录入0", "西岭村卫生室",
                 "与登记不符的项目", "诊断室、治疗室", "保留待核实", "照片：a.jpg", "待整改（已逾期）", "已报告",
                 "2项（待整改1，已报告1，已销号0；已逾期1）", "年度督导"):
        assert word in text, word
    quiet = visit_summary_pdf(VisitSummary("JC1", VISITED, "甲", "", VISITED, SUMMARY.facilities[1:], (), ()), META)
    assert "没有与登记不符的项目" in joined(quiet) and "本次检查未下达整改通知" in joined(quiet)


@pytest.fixture
def visited(ctx):
    """A visit to 20 village clinics of 修武县 城关镇."""
    clinics = build_registry(ctx, clinics=20)
    visit_id = inspections.plan_visit(ctx, plan=VisitPlan(VISITED, ("张三", "李四"), tuple(clinics))).keys[0]
    return ctx, visit_id, clinics


def test_the_pack_of_20_facilities_has_a_cover_and_one_page_per_checklist(visited) -> None:
    ctx, visit_id, clinics = visited
    assert "visit-pack" in REPORT_KINDS
    pdf = render_report(ctx, kind="visit-pack", visit=visit_id)
    pages = texts(pdf)
    assert len(pages) == 21
    cover = re.sub(r"\s", "", pages[0])
    assert "检查机构清单（共20所）" in cover and f"检查编号：{visit_id}" in cover and "张三、李四" in cover
    for number, page in enumerate(pages[1:], start=1):
        text = re.sub(r"\s", "", page)
        assert f"第{number}村卫生室" in text and "村卫生室督导检查表" in text and "2025年11月20日" in text
        assert f"第 {number + 1} 页 共 21 页" in page
    assert inspection_reports.render_visit_pack(ctx, visit_id=visit_id) is not None


def test_notice_and_summary_through_the_report_service(visited) -> None:
    ctx, visit_id, _clinics = visited
    form = inspection_queries.findings_form(ctx, visit_id=visit_id, facility_code="XW-01")
    entries = [FindingEntry(r.rule_id, CONFIRMED) for r in form.rows]
    rooms = next(i for i, r in enumerate(form.rows) if r.rule_id.endswith("seven_rooms"))
    entries[rooms] = FindingEntry(form.rows[rooms].rule_id, DIFFERS, "诊断室、治疗室", decision=KEPT)
    inspections.record_findings(ctx, visit_id=visit_id, facility_code="XW-01", entries=entries, today=date(2025, 11, 21))
    inspections.create_order(ctx, visit_id=visit_id, facility_code="XW-01", rule_id=form.rows[rooms].rule_id,
                             responsible="王院长", deadline=date(2025, 12, 31), requirement="增设观察室", today=date(2025, 11, 21))
    notice = joined(render_report(ctx, kind="rectification-notice", visit=visit_id, facility="XW-01"))
    assert "第1村卫生室：" in notice and "登记：6室；现场：诊断室、治疗室" in notice and "增设观察室" in notice
    summary = joined(render_report(ctx, kind="visit-summary", visit=visit_id, as_of=date(2026, 1, 2)))
    assert "检查机构20所" in summary and "待整改（已逾期）" in summary and "未录入" in summary
    with pytest.raises(ValidationError, match="没有下达整改通知"):
        render_report(ctx, kind="rectification-notice", visit=visit_id, facility="XW-02")
    with pytest.raises(ValidationError, match="不在检查"):
        render_report(ctx, kind="rectification-notice", visit=visit_id, facility=CENTRE)
    with pytest.raises(ValidationError, match="需要指定机构编码"):
        render_report(ctx, kind="rectification-notice", visit=visit_id)
    with pytest.raises(NotFound):
        render_report(ctx, kind="visit-summary", visit="JC-NONE")
