"""The workbook contract for 医疗机构, 人员, 培训, 签约服务 and 县区指标: a full import, the round trip,
transfers, every kind of bad input (refused by sheet, row and column, nothing written) and the template."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import id_check_character
from desktop_app.services.demo import generate_demo
from desktop_app.services.workbook import export_workbook, import_workbook, write_template
from desktop_app.store import audit, facilities_repo, health_figures_repo, staff_repo

VILLAGE_HEADER = ["区划代码", "名称", "类型", "常住人口", "乡镇卫生院所在地", "到最近村卫生室路程分钟"]
FACILITY_HEADER = [
    "机构编码", "机构名称", "机构类型", "所在区划代码", "服务村庄代码", "服务人口", "产权性质", "政府举办", "执业许可证号",
    "许可证有效期至", "建筑面积", "新改扩建年份", "床位数", "诊断室", "治疗室", "观察室", "药房", "中医治疗室", "公共卫生室",
    "值班室", "常见病种数", "中医药适宜技术数", "中医馆", "服务能力", "社区医院", "次中心", "发热诊室", "门诊楼", "病房楼",
    "16排CT", "层流手术室", "负压救护车",
]
STAFF_HEADER = ["身份证号", "姓名", "机构编码", "人员类别", "执业类别", "全科", "学历", "全日制", "乡聘村用", "职工养老保险", "状态", "退出日期"]
TRAINING_HEADER = ["身份证号", "年度", "天数", "方式"]
FAMILY_HEADER = ["机构编码", "年度", "签约人数", "重点人群签约人数"]
COUNTY_HEADER = ["区划代码", "年度", "常住人口", "县域内就诊率", "基层就诊率", "重点人群人数"]
HEADERS = {"村庄": VILLAGE_HEADER, "医疗机构": FACILITY_HEADER, "人员": STAFF_HEADER, "培训": TRAINING_HEADER,
           "签约服务": FAMILY_HEADER, "县区指标": COUNTY_HEADER}


def person(serial: int) -> str:
    first17 = f"41082119850312{serial:03d}"
    return first17 + id_check_character(first17)


DOCTOR, NURSE = person(101), person(109)  # the nurse's ID number ends in X
assert NURSE.endswith("X")

Rows = dict[str, list[dict]]


def good_rows() -> Rows:
    """One valid row set for every sheet; facilities sit in villages added by the same workbook."""
    return {
        "村庄": [
            {"区划代码": "410821100201", "名称": "东王庄村", "类型": "行政村", "常住人口": 1850},
            {"区划代码": "410821100202", "名称": "西李村", "类型": "行政村", "常住人口": 800},
            {"区划代码": "410821101201", "名称": "七贤村", "类型": "行政村", "常住人口": 900},
        ],
        "医疗机构": [
            {"机构编码": "F001", "机构名称": "东王庄村卫生室", "机构类型": "村卫生室", "所在区划代码": "410821100201",
             "服务村庄代码": "410821100202;410821100201", "产权性质": "集体", "政府举办": "否", "执业许可证号": "PDY001",
             "许可证有效期至": datetime(2027, 6, 30), "建筑面积": 85.5, "新改扩建年份": 2019, "诊断室": "是",
             "治疗室": "是", "观察室": "否", "药房": "是", "中医治疗室": "Y", "公共卫生室": "是", "值班室": "否",
             "常见病种数": 30, "中医药适宜技术数": 6, "中医馆": "无", "服务能力": "基本标准"},
            {"机构编码": "F002", "机构名称": "城关镇卫生院", "机构类型": "乡镇卫生院", "所在区划代码": 410821100000,
             "服务人口": 32000, "产权性质": "公有", "政府举办": "是", "执业许可证号": "PDY002",
             "许可证有效期至": "2026-12-31", "建筑面积": 3200, "新改扩建年份": 1998, "床位数": 40, "中医馆": "示范",
             "服务能力": "推荐标准", "社区医院": "是", "次中心": "否", "发热诊室": "是", "门诊楼": "是", "病房楼": "是",
             "16排CT": "否", "层流手术室": "否", "负压救护车": "是"},
        ],
        "人员": [
            {"身份证号": DOCTOR, "姓名": "张医生", "机构编码": "F001", "人员类别": "乡村医生", "全科": "否",
             "学历": "中专", "全日制": "是", "乡聘村用": "否", "职工养老保险": "是", "状态": "在岗"},
            {"身份证号": NURSE.lower(), "姓名": "李护士", "机构编码": "F002", "人员类别": "注册护士", "学历": "大专",
             "全日制": "否", "状态": "退出", "退出日期": datetime(2024, 3, 1)},
        ],
        "培训": [
            {"身份证号": DOCTOR, "年度": 2024, "天数": 3, "方式": "集中学习"},
            {"身份证号": DOCTOR, "年度": 2024, "天数": 1.5, "方式": "远程教育"},
            {"身份证号": NURSE, "年度": 2023, "天数": 10, "方式": "业务进修"},
        ],
        "签约服务": [
            {"机构编码": "F001", "年度": 2024, "签约人数": 1500, "重点人群签约人数": 600},
            {"机构编码": "F002", "年度": 2024, "签约人数": 12000, "重点人群签约人数": 4000},
        ],
        "县区指标": [
            {"区划代码": "410821000000", "年度": 2024, "常住人口": 280000, "县域内就诊率": 91.5, "基层就诊率": 68.2,
             "重点人群人数": 52000},
        ],
    }


def workbook(tmp_path: Path, rows: Rows, name: str = "in.xlsx") -> Path:
    book = Workbook()
    book.remove(book.active)
    for sheet, data in rows.items():
        ws = book.create_sheet(sheet)
        header = HEADERS[sheet]
        ws.append(header)
        for row in data:
            assert set(row) <= set(header), set(row) - set(header)
            ws.append([row.get(h) for h in header])
    path = tmp_path / name
    book.save(path)
    return path


def counts(ctx) -> dict[str, int]:
    tables = ("villages", "facilities", "facility_served_villages", "staff", "staff_transfers", "training",
              "family_doctor", "county_figures")
    result = {t: ctx.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    result["audit"] = audit.count(ctx.db)
    return result


def refused(ctx, path: Path) -> list[str]:
    before = counts(ctx)
    with pytest.raises(ValidationError) as error:
        import_workbook(ctx, path)
    assert counts(ctx) == before
    return [str(p) for p in error.value.problems]


def values(path: Path) -> dict[str, list[list]]:
    book = load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}


def test_a_workbook_with_all_six_sheets_imports(ctx, tmp_path: Path) -> None:
    report = import_workbook(ctx, workbook(tmp_path, good_rows()))
    inserted = {key: outcome.inserted for key, outcome in report.sheets.items()}
    assert inserted == {"villages": 3, "facilities": 2, "staff": 2, "training": 3, "family_doctor": 2, "county_figures": 1}
    clinic = facilities_repo.get(ctx.db, "F001").facility
    assert clinic.served_village_codes == ("410821100201", "410821100202")
    assert clinic.service_population is None  # derived by the standards engine, not stored
    assert (clinic.licence_valid_until, clinic.floor_area_m2, clinic.room_tcm) == (date(2027, 6, 30), 85.5, True)
    centre = facilities_repo.get(ctx.db, "F002").facility
    assert (centre.division_code, centre.built_year, centre.ct16) == ("410821100000", 1998, False)
    nurse = staff_repo.get(ctx.db, NURSE).member  # a lowercase x is stored as X
    assert (nurse.status, nurse.left_on, nurse.facility_code) == ("退出", date(2024, 3, 1), "F002")
    training = [(r.id_number, r.year, r.mode, r.days) for r in staff_repo.all_training(ctx.db)]
    assert training[:2] == [(DOCTOR, 2024, "远程教育", 1.5), (DOCTOR, 2024, "集中学习", 3.0)]
    assert health_figures_repo.all_county_figures(ctx.db)[0].in_county_visit_rate == 91.5
    assert "医疗机构：新增 2，更新 0，未变 0" in report.summary()
    assert [e["action"] for e in audit.entries_for(ctx.db, "staff", DOCTOR)] == ["import_insert"]


def test_service_population_is_required_for_centres_and_derived_for_clinics(ctx, tmp_path: Path) -> None:
    rows = good_rows()
    rows["医疗机构"][1]["服务人口"] = None
    with pytest.raises(ValidationError) as error:
        import_workbook(ctx, workbook(tmp_path, rows))
    assert any(str(p).startswith("医疗机构, row 3, 服务人口: 乡镇卫生院须填写服务人口") for p in error.value.problems)
    assert facilities_repo.count(ctx.db) == 0
    rows = good_rows()
    import_workbook(ctx, workbook(tmp_path, rows))
    clinic = next(f for f in facilities_repo.all_facilities(ctx.db) if f.kind == "村卫生室")
    assert clinic.service_population is None  # the engine derives it from the served villages


def test_round_trip_export_import_changes_nothing(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, good_rows()))
    first = export_workbook(ctx, tmp_path / "export1.xlsx")
    versions = lambda: (  # noqa: E731
        ctx.db.execute("SELECT code, row_version FROM facilities ORDER BY code").fetchall(),
        ctx.db.execute("SELECT id_number, row_version FROM staff ORDER BY id_number").fetchall(),
    )
    records = lambda: (  # noqa: E731
        facilities_repo.all_facilities(ctx.db), staff_repo.all_staff(ctx.db), staff_repo.all_training(ctx.db),
        health_figures_repo.all_family_doctor(ctx.db), health_figures_repo.all_county_figures(ctx.db),
    )
    before, before_versions, before_counts = records(), versions(), counts(ctx)
    report = import_workbook(ctx, first)
    health_sheets = {"villages", "facilities", "staff", "training", "family_doctor", "county_figures"}
    assert {k: (o.inserted, o.updated, o.unchanged) for k, o in report.sheets.items() if k in health_sheets} == {
        "villages": (0, 0, 3), "facilities": (0, 0, 2), "staff": (0, 0, 2), "training": (0, 0, 3),
        "family_doctor": (0, 0, 2), "county_figures": (0, 0, 1),
    }
    assert all(o.inserted == o.updated == 0 for o in report.sheets.values())
    assert records() == before and versions() == before_versions
    assert counts(ctx) == before_counts | {"audit": before_counts["audit"] + 1}  # only the import's summary row
    second = export_workbook(ctx, tmp_path / "export2.xlsx")
    assert values(first) == values(second)
    exported = values(first)
    assert [r[0] for r in exported["人员"][1:]] == [DOCTOR, NURSE]
    assert exported["医疗机构"][1][4] == "410821100201;410821100202"
    assert load_workbook(first)["人员"]["A2"].number_format == "@"


def test_the_demo_database_round_trips_unchanged(ctx, tmp_path: Path) -> None:
    generate_demo(ctx, scale="small")
    before = counts(ctx)
    first = export_workbook(ctx, tmp_path / "export1.xlsx")
    report = import_workbook(ctx, first)
    assert all(o.inserted == o.updated == 0 and o.unchanged for o in report.sheets.values()), report.summary()
    assert counts(ctx) == before | {"audit": before["audit"] + 1}
    assert values(first) == values(export_workbook(ctx, tmp_path / "export2.xlsx"))


def test_a_changed_row_is_updated_and_bumps_only_its_version(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, good_rows()))
    rows = good_rows()
    rows["医疗机构"][1]["床位数"] = 45
    rows["培训"][0]["天数"] = 4
    report = import_workbook(ctx, workbook(tmp_path, rows))
    assert (report.sheets["facilities"].updated, report.sheets["facilities"].unchanged) == (1, 1)
    assert (report.sheets["training"].updated, report.sheets["training"].unchanged) == (1, 2)
    assert facilities_repo.get(ctx.db, "F002").row_version == 2 and facilities_repo.get(ctx.db, "F001").row_version == 1
    assert facilities_repo.get(ctx.db, "F002").facility.beds == 45


def test_a_new_facility_code_for_a_known_person_is_a_transfer(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, good_rows()))
    moved = good_rows()["人员"][:1]
    moved[0]["机构编码"] = "F002"
    report = import_workbook(ctx, workbook(tmp_path, {"人员": moved}, name="move.xlsx"))
    assert (report.sheets["staff"].inserted, report.sheets["staff"].updated) == (0, 1)
    assert staff_repo.count(ctx.db) == 2
    assert staff_repo.get(ctx.db, DOCTOR).member.facility_code == "F002"
    assert staff_repo.transfers_of(ctx.db, DOCTOR) == [("F001", "F002", date.today().isoformat())]
    assert [e["action"] for e in audit.entries_for(ctx.db, "staff", DOCTOR)] == ["import_insert", "import_update"]
    report = import_workbook(ctx, workbook(tmp_path, {"人员": moved}, name="move.xlsx"))
    assert report.sheets["staff"].unchanged == 1 and len(staff_repo.transfers_of(ctx.db, DOCTOR)) == 1


def test_english_keys_are_accepted_as_sheet_and_column_names(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, good_rows()))
    book = Workbook()
    ws = book.active
    ws.title = "training"
    ws.append(["id_number", "year", "days", "mode"])
    ws.append([DOCTOR, 2025, 2, "其他"])
    book.save(tmp_path / "en.xlsx")
    assert import_workbook(ctx, tmp_path / "en.xlsx").sheets["training"].inserted == 1


def change(sheet: str, index: int, **cells) -> Callable[[Rows], None]:
    def mutate(rows: Rows) -> None:
        rows[sheet][index].update(cells)
    return mutate


def append(sheet: str, row: dict) -> Callable[[Rows], None]:
    return lambda rows: rows[sheet].append(row)


def duplicate(sheet: str, index: int) -> Callable[[Rows], None]:
    return lambda rows: rows[sheet].append(dict(rows[sheet][index]))


BAD_DOCTOR = DOCTOR[:17] + ("0" if DOCTOR[17] != "0" else "1")


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (change("人员", 0, 身份证号=BAD_DOCTOR), f"人员, row 2, 身份证号: 身份证号校验位错误（应为{DOCTOR[17]}）"),
        (change("人员", 0, 身份证号=DOCTOR[:17]), "人员, row 2, 身份证号: 身份证号应为18位，实际为17位"),
        (change("人员", 0, 身份证号=int(DOCTOR)),
         "人员, row 2, 身份证号: Excel 把这个超过15位的代码存成了数字，末几位已丢失；请把单元格设为文本后重新输入"),
        (change("医疗机构", 0, 服务村庄代码="410821100201;410821101201"),
         "医疗机构, row 2, 服务村庄代码: 服务村庄410821101201属于其他乡镇，村卫生室只能服务本乡镇的村庄"),
        (change("医疗机构", 0, 服务村庄代码="410821100201;410821100299"),
         "医疗机构, row 2, 服务村庄代码: 服务村庄代码410821100299不在村庄表中"),
        (change("医疗机构", 0, 所在区划代码="410821100203"),
         "医疗机构, row 2, 所在区划代码: 村卫生室所在村庄代码410821100203不在村庄表中"),
        (change("医疗机构", 1, 所在区划代码="410821100201"),
         "医疗机构, row 3, 所在区划代码: 乡镇卫生院应登记在乡镇（街道）区划代码，410821100201不是乡镇代码"),
        (change("医疗机构", 1, 所在区划代码="410821199000"), "医疗机构, row 3, 所在区划代码: 乡镇代码 410821199000 不在区划表中"),
        (change("医疗机构", 0, 床位数=2), "医疗机构, row 2, 床位数: 村卫生室不设床位（现填2张）"),
        (change("医疗机构", 1, 建筑面积=-10), "医疗机构, row 3, 建筑面积: 不能小于0"),
        (change("医疗机构", 1, 服务村庄代码="410821100201"), "医疗机构, row 3, 服务村庄代码: 只有村卫生室填写服务村庄代码"),
        (change("医疗机构", 1, 新改扩建年份=date.today().year + 1),
         f"医疗机构, row 3, 新改扩建年份: 新改扩建年份{date.today().year + 1}晚于今年"),
        (change("医疗机构", 1, 机构类型="卫生院"),
         "医疗机构, row 3, 机构类型: 应为 村卫生室 / 乡镇卫生院 / 中心乡镇卫生院 / 社区卫生服务中心 / 社区卫生服务站 之一，而不是“卫生院”"),
        (duplicate("医疗机构", 0), "医疗机构, row 4, 机构编码: 与第2行重复"),
        (change("人员", 0, 机构编码="F999"), "人员, row 2, 机构编码: 机构编码F999不在医疗机构表中"),
        (change("人员", 1, 退出日期=None), "人员, row 3, 退出日期: 状态为退出时须填写退出日期"),
        (duplicate("人员", 0), "人员, row 4, 身份证号: 与第2行重复"),
        (append("人员", {"身份证号": NURSE, "姓名": "李护士", "机构编码": "F002"}), "人员, row 4, 身份证号: 与第3行是同一身份证号"),
        (append("培训", {"身份证号": person(120), "年度": 2024, "天数": 2, "方式": "其他"}), "培训, row 5, 身份证号: 身份证号不在人员表中"),
        (change("培训", 0, 天数=0), "培训, row 2, 天数: 天数应大于0"),
        (change("培训", 0, 天数=-1), "培训, row 2, 天数: 天数应大于0"),
        (change("培训", 0, 方式="自学"), "培训, row 2, 方式: 应为 集中学习 / 远程教育 / 业务进修 / 其他 之一，而不是“自学”"),
        (duplicate("培训", 0), "培训, row 5, 身份证号: 与第2行重复"),
        (append("签约服务", {"机构编码": "F999", "年度": 2024}), "签约服务, row 4, 机构编码: 机构编码F999不在医疗机构表中"),
        (change("签约服务", 0, 签约人数=-1), "签约服务, row 2, 签约人数: 不能小于0"),
        (duplicate("签约服务", 0), "签约服务, row 4, 机构编码: 与第2行重复"),
        (change("县区指标", 0, 区划代码="410821100000"), "县区指标, row 2, 区划代码: 410821100000 不是县（市、区）区划代码"),
        (change("县区指标", 0, 区划代码="410899000000"), "县区指标, row 2, 区划代码: 410899000000 不是县（市、区）区划代码"),
        (change("县区指标", 0, 县域内就诊率=150), "县区指标, row 2, 县域内就诊率: 应为0到100之间的百分数（现为150）"),
        (change("县区指标", 0, 基层就诊率=-0.5), "县区指标, row 2, 基层就诊率: 应为0到100之间的百分数（现为-0.5）"),
        (change("县区指标", 0, 年度=1999), "县区指标, row 2, 年度: 年度 1999 不合理"),
        (duplicate("县区指标", 0), "县区指标, row 3, 区划代码: 与第2行重复"),
    ],
)
def test_bad_input_is_refused_by_sheet_row_and_column(ctx, tmp_path: Path, mutate, expected: str) -> None:
    rows = good_rows()
    mutate(rows)
    problems = refused(ctx, workbook(tmp_path, rows))
    assert problems[0] == expected, problems


def test_a_refused_facility_refuses_only_the_rows_that_refer_to_it(ctx, tmp_path: Path) -> None:
    rows = good_rows()
    rows["医疗机构"][1]["建筑面积"] = -10  # refused while reading: no sheet is applied
    assert refused(ctx, workbook(tmp_path, rows)) == ["医疗机构, row 3, 建筑面积: 不能小于0"]
    rows = good_rows()
    rows["医疗机构"][1]["所在区划代码"] = "410821100201"
    assert refused(ctx, workbook(tmp_path, rows)) == [
        "医疗机构, row 3, 所在区划代码: 乡镇卫生院应登记在乡镇（街道）区划代码，410821100201不是乡镇代码",
        "人员, row 3, 机构编码: 机构编码F002不在医疗机构表中",
        "培训, row 4, 身份证号: 身份证号不在人员表中",
        "签约服务, row 3, 机构编码: 机构编码F002不在医疗机构表中",
    ]


def test_a_natural_village_of_a_refused_administrative_village_is_refused_too(ctx, tmp_path: Path) -> None:
    rows = {"村庄": [{"区划代码": "410821100201", "名称": "东" * 61, "类型": "行政村", "常住人口": 10},
                   {"区划代码": "410821100201-01", "名称": "小王庄", "类型": "自然村", "常住人口": 5}]}
    assert refused(ctx, workbook(tmp_path, rows)) == [
        "村庄, row 2, 名称: 名称过长（最多60字）",
        "村庄, row 3, 区划代码: 自然村所属的行政村 410821100201 不存在",
    ]


def test_a_refused_workbook_leaves_existing_records_untouched(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, good_rows()))
    rows = good_rows()
    rows["人员"][0]["机构编码"] = "F002"  # a valid transfer …
    rows["培训"][0]["天数"] = 0  # … in a workbook refused for another row
    before = (staff_repo.all_staff(ctx.db), staff_repo.all_training(ctx.db))
    assert refused(ctx, workbook(tmp_path, rows)) == ["培训, row 2, 天数: 天数应大于0"]
    assert (staff_repo.all_staff(ctx.db), staff_repo.all_training(ctx.db)) == before
    assert staff_repo.transfers_of(ctx.db, DOCTOR) == []


def test_template_has_every_sheet_with_headers_dropdowns_and_guide(tmp_path: Path, ctx) -> None:
    book = load_workbook(write_template(tmp_path / "template.xlsx"))
    assert book.sheetnames == [*HEADERS, "补助预算", "补助发放", "个体工商户", "人员身份", "政策申请", "检查记录", "说明"]  # §2 order
    for name, header in HEADERS.items():
        assert [c.value for c in book[name][1]] == header, name
    lists = {name: {dv.formula1 for dv in book[name].data_validations.dataValidation} for name in HEADERS}
    assert {'"村卫生室,乡镇卫生院,中心乡镇卫生院,社区卫生服务中心,社区卫生服务站"', '"公有,集体,私人,其他"', '"无,有,示范"',
            '"未达标,基本标准,推荐标准,二级水平"', '"是,否"'} <= lists["医疗机构"]
    assert {'"乡村医生,执业医师,执业助理医师,注册护士,药师,技师,其他"', '"临床,中医,公共卫生,口腔"',
            '"研究生,本科,大专,中专,高中及以下"', '"在岗,退出"', '"是,否"'} <= lists["人员"]
    assert lists["培训"] == {'"集中学习,远程教育,业务进修,其他"'}
    assert lists["签约服务"] == set() and lists["县区指标"] == set()
    assert book["人员"]["A2"].number_format == "@" and book["医疗机构"]["E2"].number_format == "@"
    guide = [[c.value for c in row] for row in book["说明"].iter_rows(min_row=2)]
    for name, header in HEADERS.items():
        assert [row[1] for row in guide if row[0] == name] == header
    assert all(row[4] for row in guide), "every column explains itself"
    assert import_workbook(ctx, tmp_path / "template.xlsx").changes.inserted == 0
