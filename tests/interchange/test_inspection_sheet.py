"""The 检查记录 sheet: findings and rectification orders imported from another PC, the registry
never changed by it, status changes through import, the round trip, bad rows refused by sheet, row
and column with nothing written, and the template."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from inspection_setup import CENTRE, build_registry  # noqa: E402

from desktop_app.domain.errors import ValidationError  # noqa: E402
from desktop_app.domain.inspections import CLOSED, KEPT, OPEN, REPORTED  # noqa: E402
from desktop_app.interchange import sheets  # noqa: E402
from desktop_app.interchange.inspection_sheet import SHEET  # noqa: E402
from desktop_app.services import workbook as workbook_service  # noqa: E402
from desktop_app.services.database import open_context  # noqa: E402
from desktop_app.store import audit, facilities_repo, inspections_repo  # noqa: E402

HEADER = ["检查编号", "检查日期", "检查人员", "机构编码", "规则代码", "检查结论", "现场值", "备注", "整改期限", "整改状态"]
VISIT = "JC20251120-07"
DAY = datetime(2025, 11, 20)
LICENCE, AREA, ROOMS, FEVER = ("hc.facility.licence", "hc.village_clinic.floor_area", "hc.village_clinic.seven_rooms",
                               "hc.centre.fever_clinic")


def test_the_sheet_is_registered_after_the_facilities() -> None:
    keys = [spec.key for spec in sheets.registered_sheets()]
    assert SHEET.key in keys and keys.index("facilities") < keys.index(SHEET.key)


@pytest.fixture
def loaded(ctx):
    build_registry(ctx)
    return ctx


def rows() -> list[dict]:
    base = {"检查编号": VISIT, "检查日期": DAY, "检查人员": "张三、李四"}
    return [
        base | {"机构编码": "XW-01", "规则代码": LICENCE, "检查结论": "属实"},
        base | {"机构编码": "XW-01", "规则代码": AREA, "检查结论": "不符", "现场值": "130", "备注": "已改建",
                "整改期限": datetime(2025, 12, 31), "整改状态": "待整改"},
        base | {"机构编码": "XW-01", "规则代码": ROOMS, "检查结论": "属实", "整改期限": "2026-01-15", "整改状态": "已报告"},
        {"检查编号": VISIT, "检查日期": "2025-11-20", "机构编码": CENTRE, "规则代码": FEVER, "检查结论": "未检查"},
    ]


def workbook(tmp_path: Path, data: list[dict], name: str = "in.xlsx") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "检查记录"
    sheet.append(HEADER)
    for row in data:
        assert set(row) <= set(HEADER), set(row) - set(HEADER)
        sheet.append([row.get(h) for h in HEADER])
    path = tmp_path / name
    book.save(path)
    return path


def stored(ctx) -> tuple:
    return (inspections_repo.all_visits(ctx.db), inspections_repo.all_findings(ctx.db),
            inspections_repo.orders_where(ctx.db), audit.count(ctx.db), facilities_repo.all_facilities(ctx.db))


def refused(ctx, tmp_path: Path, data: list[dict]) -> list[str]:
    before = stored(ctx)
    with pytest.raises(ValidationError) as error:
        workbook_service.import_workbook(ctx, workbook(tmp_path, data, "bad.xlsx"))
    assert stored(ctx) == before
    return [str(p) for p in error.value.problems]


def test_findings_and_orders_import_without_touching_the_registry(loaded, tmp_path: Path) -> None:
    ctx = loaded
    registry = facilities_repo.all_facilities(ctx.db)
    report = workbook_service.import_workbook(ctx, workbook(tmp_path, rows()))
    assert report.sheets["inspection_findings"].inserted == 4
    visit = inspections_repo.get_visit(ctx.db, VISIT).visit
    assert (visit.visited_on, visit.inspectors, visit.facility_codes) == (date(2025, 11, 20), ("张三", "李四"), ("XW-01", CENTRE))
    found = {f.rule_id: f for f in inspections_repo.findings_of(ctx.db, visit_id=VISIT)}
    assert found[AREA].registry_decision == KEPT and found[AREA].registry_value == "60.4m²" and found[AREA].remark == "已改建"
    assert facilities_repo.all_facilities(ctx.db) == registry  # a sheet never writes the registry
    orders = {o.rule_id: o for o in inspections_repo.orders_where(ctx.db)}
    assert (orders[AREA].status, orders[AREA].deadline, orders[ROOMS].status) == (OPEN, date(2025, 12, 31), REPORTED)
    events = inspections_repo.events_of(ctx.db, [orders[ROOMS].id])
    assert [e.action for e in events] == ["open", "report"] and events[0].actor == "test:clerk"
    actions = {e["action"] for e in audit.entries_for(ctx.db, "inspection_findings", f"{VISIT}:XW-01:{AREA}")}
    assert actions == {"import_insert"}
    assert audit.entries_for(ctx.db, "inspection_visits", VISIT)[0]["action"] == "import_plan_visit"


def test_order_status_moves_by_import_but_never_skips_the_report(loaded, tmp_path: Path) -> None:
    ctx = loaded
    workbook_service.import_workbook(ctx, workbook(tmp_path, rows()))
    data = rows()
    assert any("row 2, 整改状态: 机构尚未报告整改完成，不能直接销号" in p
               for p in refused(ctx, tmp_path, [data[1] | {"整改状态": "已销号"}]))
    assert any("row 2, 整改状态: 该项已下达整改通知，整改状态不能改为无" in p
               for p in refused(ctx, tmp_path, [data[1] | {"整改期限": None, "整改状态": None}]))
    for status in (REPORTED, CLOSED, OPEN):
        workbook_service.import_workbook(ctx, workbook(tmp_path, [data[1] | {"整改状态": status}], f"{status}.xlsx"))
    order = inspections_repo.order_for(ctx.db, VISIT, "XW-01", AREA).order
    assert (order.status, order.reopened) == (OPEN, 1)
    assert [e.action for e in inspections_repo.events_of(ctx.db, [order.id])] == ["open", "report", "close", "reopen"]
    workbook_service.import_workbook(ctx, workbook(tmp_path, [data[1] | {"整改期限": datetime(2026, 2, 1)}], "late.xlsx"))
    assert inspections_repo.order_for(ctx.db, VISIT, "XW-01", AREA).order.deadline == date(2026, 2, 1)


def test_round_trip_changes_nothing_and_rebuilds_a_new_database(loaded, tmp_path: Path) -> None:
    ctx = loaded
    workbook_service.import_workbook(ctx, workbook(tmp_path, rows()))
    before = stored(ctx)
    exported = workbook_service.export_workbook(ctx, tmp_path / "export.xlsx")
    report = workbook_service.import_workbook(ctx, exported)
    outcome = report.sheets["inspection_findings"]
    assert (outcome.inserted, outcome.updated, outcome.unchanged) == (0, 0, 4)
    assert stored(ctx)[:3] == before[:3]
    book = load_workbook(exported)
    assert [c.value for c in book["检查记录"][1]] == HEADER
    assert [c.value for c in book["检查记录"][3]][4:] == [AREA, "不符", "130", "已改建", datetime(2025, 12, 31), "待整改"]
    fresh = open_context(tmp_path / "fresh.sqlite3", actor=ctx.actor)
    try:
        build_registry(fresh)
        workbook_service.import_workbook(fresh, exported)
        assert inspections_repo.all_findings(fresh.db) == inspections_repo.all_findings(ctx.db)
        assert ([(o.rule_id, o.status, o.deadline) for o in inspections_repo.orders_where(fresh.db)]
                == [(o.rule_id, o.status, o.deadline) for o in inspections_repo.orders_where(ctx.db)])
    finally:
        fresh.close()


def changed(index: int, **values) -> list[dict]:
    data = rows()
    data[index] = {**data[index], **values}
    return data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (changed(0, 检查日期=datetime(2099, 1, 1)), "检查记录, row 2, 检查日期: 检查日期2099-01-01晚于今天"),
        (changed(1, 整改期限=datetime(2025, 11, 19)), "检查记录, row 3, 整改期限: 整改期限2025-11-19早于检查日期2025-11-20"),
        (changed(0, 规则代码="hc.no_such_rule"), "检查记录, row 2, 规则代码: 规则代码“hc.no_such_rule”不在规则目录中"),
        (changed(0, 规则代码="hc.township_centre.beds_per_1000"),
         "检查记录, row 2, 规则代码: 规则hc.township_centre.beds_per_1000不适用于村卫生室"),
        (changed(0, 机构编码="NO-SUCH"), "检查记录, row 2, 机构编码: 机构编码NO-SUCH不在医疗机构表中"),
        (changed(1, 现场值=None), "检查记录, row 3, 现场值: 检查结论为不符时须填写现场值"),
        (changed(0, 现场值="有"), "检查记录, row 2, 现场值: 检查结论为属实时不填现场值"),
        (changed(2, 检查日期=datetime(2025, 11, 21)), "检查记录, row 4, 检查日期: 与第2行同一检查编号的检查日期（2025-11-20）不同"),
        (changed(0, 检查人员=None), "检查记录, row 2, 检查人员: 检查编号JC20251120-07是新的检查，须填写检查人员"),
        (changed(1, 整改期限=None), "检查记录, row 3, 整改期限: 整改状态为待整改时须填写整改期限"),
        (changed(0, 整改期限=datetime(2025, 12, 1)), "检查记录, row 2, 整改期限: 填写了整改期限时，整改状态应为待整改、已报告或已销号"),
        (changed(0, 整改期限=datetime(2025, 12, 1), 整改状态="待整改"), "检查记录, row 2, 整改状态: 该项现场属实且已达标，无需整改"),
        (changed(3, 整改期限=datetime(2025, 12, 1), 整改状态="待整改"), "检查记录, row 5, 整改状态: 该项未检查，不能下达整改"),
        (changed(0, 检查结论="合格"), "检查记录, row 2, 检查结论: 应为 属实 / 不符 / 未检查 之一"),
        (changed(1, 整改状态="已关闭"), "检查记录, row 3, 整改状态: 应为 无 / 待整改 / 已报告 / 已销号 之一"),
        (changed(0, 检查编号="JC 07"), "检查记录, row 2, 检查编号: 检查编号“JC 07”只能由字母、数字"),
        (changed(3, 规则代码=LICENCE, 机构编码="XW-01"), "检查记录, row 5, 检查编号: 与第2行重复"),
    ],
)
def test_bad_rows_are_refused_by_sheet_row_and_column(loaded, tmp_path: Path, data, expected: str) -> None:
    problems = refused(loaded, tmp_path, data)
    assert any(p.startswith(expected) for p in problems), problems


def test_template_has_the_sheet_with_drop_downs(tmp_path: Path) -> None:
    book = load_workbook(workbook_service.write_template(tmp_path / "template.xlsx"))
    assert [c.value for c in book["检查记录"][1]] == HEADER
    lists = [v.formula1 for v in book["检查记录"].data_validations.dataValidation]
    assert '"属实,不符,未检查"' in lists and '"无,待整改,已报告,已销号"' in lists
