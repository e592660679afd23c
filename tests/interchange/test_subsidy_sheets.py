"""The 补助预算 and 补助发放 sheets: import next to the registry sheets, the ledger they produce, the
round trip (reversals included, in any row order), every kind of bad row refused by sheet, row and
column with nothing written, and the template."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.subsidies import CLINIC_OPERATING, ELDERLY_ALLOWANCE, FAMILY_DOCTOR
from desktop_app.interchange import subsidy_sheets
from desktop_app.services import subsidies
from desktop_app.services.database import open_context
from desktop_app.services.workbook import export_workbook, import_workbook, write_template
from desktop_app.store import audit, subsidies_repo

XIUWU, SHANYANG = "410821000000", "410811000000"
AS_OF = date(2025, 3, 1)


def person(serial: int, birth: str = "19550301") -> str:
    first17 = f"410821{birth}{serial:03d}"
    return first17 + id_check_character(first17)


RETIRED = person(7)
HEADERS = {
    "村庄": ["区划代码", "名称", "类型", "常住人口"],
    "医疗机构": ["机构编码", "机构名称", "机构类型", "所在区划代码", "服务村庄代码", "服务人口", "许可证有效期至"],
    "人员": ["身份证号", "姓名", "机构编码", "人员类别", "乡聘村用", "状态", "退出日期"],
    "签约服务": ["机构编码", "年度", "签约人数"],
    "补助预算": ["项目", "年度", "区划代码", "资金来源", "金额"],
    "补助发放": ["凭证号", "项目", "年度", "机构编码", "身份证号", "金额", "资金来源", "发放日期", "冲销凭证号"],
}


def registry_rows() -> dict[str, list[dict]]:
    return {
        "村庄": [
            {"区划代码": "410821100201", "名称": "甲村", "类型": "行政村", "常住人口": 900},
            {"区划代码": "410821100202", "名称": "乙村", "类型": "行政村", "常住人口": 700},
            {"区划代码": "410821100203", "名称": "丙村", "类型": "行政村", "常住人口": 500},
            {"区划代码": "410821100201-01", "名称": "甲村东组", "类型": "自然村", "常住人口": 120},
            {"区划代码": "410811001201", "名称": "山阳甲村", "类型": "行政村", "常住人口": 800},
        ],
        "医疗机构": [
            {"机构编码": "XW-A", "机构名称": "甲村卫生室", "机构类型": "村卫生室", "所在区划代码": "410821100201",
             "服务村庄代码": "410821100201;410821100202;410821100203", "许可证有效期至": datetime(2030, 6, 30)},
            {"机构编码": "XW-N", "机构名称": "东组卫生室", "机构类型": "村卫生室", "所在区划代码": "410821100201-01",
             "许可证有效期至": datetime(2030, 6, 30)},
            {"机构编码": "SY-C", "机构名称": "东方红社区卫生服务中心", "机构类型": "社区卫生服务中心",
             "所在区划代码": "410811001000", "服务人口": 40000},
        ],
        "人员": [
            {"身份证号": RETIRED, "姓名": "王老医生", "机构编码": "XW-A", "人员类别": "乡村医生", "乡聘村用": "否",
             "状态": "退出", "退出日期": datetime(2023, 3, 1)},
        ],
        "签约服务": [{"机构编码": "SY-C", "年度": 2024, "签约人数": 1001}],
    }


def subsidy_rows() -> dict[str, list[dict]]:
    return {
        "补助预算": [
            {"项目": CLINIC_OPERATING, "年度": 2024, "区划代码": XIUWU, "资金来源": "县级", "金额": 6000},
            {"项目": "家庭医生签约服务激励补助（每人每年5元）", "年度": 2024, "区划代码": SHANYANG, "资金来源": "市级", "金额": 2002},
            {"项目": FAMILY_DOCTOR, "年度": 2024, "区划代码": 410811000000, "资金来源": "区级", "金额": "3,003.00"},
        ],
        "补助发放": [
            {"凭证号": "R-1", "项目": CLINIC_OPERATING, "年度": 2024, "机构编码": "XW-A", "金额": -500, "资金来源": "县级",
             "发放日期": datetime(2024, 8, 1), "冲销凭证号": "P-2"},
            {"凭证号": "P-1", "项目": "行政村卫生室基本运行经费补助", "年度": 2024, "机构编码": "XW-A", "金额": 6000,
             "资金来源": "县级", "发放日期": datetime(2024, 6, 1)},
            {"凭证号": "P-2", "项目": CLINIC_OPERATING, "年度": 2024, "机构编码": "XW-A", "金额": 500, "资金来源": "县级",
             "发放日期": "2024-07-01"},
            {"凭证号": "P-3", "项目": FAMILY_DOCTOR, "年度": 2024, "机构编码": "SY-C", "金额": 2002.0, "资金来源": "市级",
             "发放日期": datetime(2024, 9, 1)},
            {"凭证号": "P-4", "项目": FAMILY_DOCTOR, "年度": 2024, "机构编码": "SY-C", "金额": 1000.01, "资金来源": "区级",
             "发放日期": datetime(2024, 9, 1)},
            {"凭证号": "P-5", "项目": ELDERLY_ALLOWANCE, "年度": 2024, "身份证号": RETIRED.lower(), "金额": 800,
             "资金来源": "县级", "发放日期": datetime(2024, 12, 1)},
        ],
    }


def workbook(tmp_path: Path, rows: dict[str, list[dict]], name: str = "in.xlsx") -> Path:
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


def stored(ctx) -> tuple:
    return (subsidies_repo.budgets(ctx.db), subsidies_repo.all_payments(ctx.db), audit.count(ctx.db))


def refused(ctx, tmp_path: Path, rows: dict[str, list[dict]]) -> list[str]:
    before = stored(ctx)
    with pytest.raises(ValidationError) as error:
        import_workbook(ctx, workbook(tmp_path, rows, "bad.xlsx"))
    assert stored(ctx) == before
    return [str(p) for p in error.value.problems]


@pytest.fixture
def loaded(ctx, tmp_path: Path):
    import_workbook(ctx, workbook(tmp_path, registry_rows(), "registry.xlsx"))
    return ctx


def test_budgets_and_payments_import_into_the_ledger(loaded, tmp_path: Path) -> None:
    ctx = loaded
    report = import_workbook(ctx, workbook(tmp_path, subsidy_rows()))
    assert (report.sheets["subsidy_budget"].inserted, report.sheets["subsidy_payments"].inserted) == (3, 6)
    reversal = subsidies_repo.get_payment(ctx.db, "R-1")
    assert (reversal.payment.amount_fen, reversal.payment.reverses) == (-50_000, "P-2")
    xiuwu = subsidies.ledger(ctx, year=2024, county=XIUWU, as_of=AS_OF)
    clinic = xiuwu.lines_of(CLINIC_OPERATING)
    assert [(l.entitlement.payee, l.entitled, l.paid, l.status) for l in clinic] == [("XW-A", 600_000, 600_000, "已拨足")]
    allowance = xiuwu.lines_of(ELDERLY_ALLOWANCE)[0]  # paid while the county has set no rate
    assert (allowance.entitled, allowance.paid, allowance.status) == (None, 80_000, "标准未设定")
    family = subsidies.ledger(ctx, year=2024, county=SHANYANG, as_of=AS_OF).summaries[1]
    assert dict(family.entitled_by_source) == {"市级": 200_200, "区级": 300_300}  # 1,001 × 2 and × 3 yuan
    assert dict(family.budget_by_source) == {"市级": 200_200, "区级": 300_300}
    assert dict(family.paid_by_source) == {"市级": 200_200, "区级": 100_001} and family.arrears == 200_299
    rows = audit.entries_for(ctx.db, "subsidy_payments", "P-5")
    assert rows[0]["action"] == "import_post_payment" and "overpayment" in rows[0]["after_json"]
    assert RETIRED not in rows[0]["after_json"]


def test_round_trip_changes_nothing_and_rebuilds_a_new_database(loaded, tmp_path: Path) -> None:
    ctx = loaded
    import_workbook(ctx, workbook(tmp_path, subsidy_rows()))
    before = stored(ctx)
    exported = export_workbook(ctx, tmp_path / "export.xlsx")
    report = import_workbook(ctx, exported)
    assert (report.sheets["subsidy_budget"].unchanged, report.sheets["subsidy_payments"].unchanged) == (3, 6)
    assert stored(ctx)[:2] == before[:2]
    book = load_workbook(exported)
    assert [c.value for c in book["补助发放"][1]] == HEADERS["补助发放"]
    fresh = open_context(tmp_path / "fresh.sqlite3", actor=ctx.actor)
    try:
        import_workbook(fresh, exported)
        assert subsidies_repo.all_payments(fresh.db) == subsidies_repo.all_payments(ctx.db)
        assert subsidies_repo.budgets(fresh.db) == subsidies_repo.budgets(ctx.db)
    finally:
        fresh.close()


def changed(**edits) -> dict[str, list[dict]]:
    rows = subsidy_rows()
    for sheet, (index, values) in edits.items():
        rows[sheet][index] = {**rows[sheet][index], **values}
    return rows


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (changed(补助发放=(1, {"机构编码": "NO-SUCH"})), "补助发放, row 3, 机构编码: 收款对象不存在：机构编码NO-SUCH不在医疗机构表中"),
        (changed(补助发放=(2, {"凭证号": "P-1"})), "补助发放, row 4, 凭证号: 与第3行重复"),
        (changed(补助发放=(0, {"冲销凭证号": None})), "补助发放, row 2, 金额: 金额为负数，但没有注明所冲销的凭证号"),
        (changed(补助发放=(0, {"冲销凭证号": "P-9"})), "补助发放, row 2, 冲销凭证号: 要冲销的凭证号P-9不存在"),
        (changed(补助发放=(0, {"金额": -600})), "补助发放, row 2, 金额: 凭证P-2尚可冲销500.00元"),
        (changed(补助发放=(1, {"年度": 2022})), "补助发放, row 3, 年度: 行政村卫生室基本运行经费补助只覆盖2023年至今后各年，不含2022年"),
        (changed(补助发放=(3, {"资金来源": "县级"})), "补助发放, row 5, 资金来源: 山阳区的家庭医生签约服务激励补助（每人每年5元）资金来源只能是市级、区级"),
        (changed(补助发放=(1, {"金额": 60.001})), "补助发放, row 3, 金额: 金额60.001超过两位小数"),
        (changed(补助发放=(1, {"项目": "办公经费"})), "补助发放, row 3, 项目: “办公经费”不是补助项目"),
        (changed(补助发放=(5, {"机构编码": "XW-A"})), "补助发放, row 7, 身份证号: 老年乡村医生生活补助的收款人是个人"),
        (changed(补助预算=(0, {"资金来源": "中央"})), "补助预算, row 2, 资金来源: 修武县的行政村卫生室基本运行经费补助资金来源只能是县级"),
        (changed(补助预算=(0, {"区划代码": "410821100000"})), "补助预算, row 2, 区划代码: 区划代码410821100000不是县（市、区）代码"),
        (changed(补助预算=(2, {"资金来源": "市级"})),  # row 3 names the programme by its title
         "补助预算, row 4, 项目: 与第3行是同一项目、年度、区划和资金来源"),
    ],
)
def test_bad_rows_are_refused_by_sheet_row_and_column(loaded, tmp_path: Path, rows, expected: str) -> None:
    problems = refused(loaded, tmp_path, rows)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_posted_voucher_cannot_be_changed_by_import(loaded, tmp_path: Path) -> None:
    ctx = loaded
    import_workbook(ctx, workbook(tmp_path, subsidy_rows()))
    problems = refused(ctx, tmp_path, changed(补助发放=(1, {"金额": 5000})))
    assert any("补助发放, row 3, 凭证号: 凭证号P-1已过账且内容不同" in p for p in problems), problems
    rows = {"补助发放": [{"凭证号": "P-1", "项目": CLINIC_OPERATING, "年度": 2024, "机构编码": "XW-A", "金额": 100,
                        "资金来源": "县级", "发放日期": datetime(2024, 6, 1)}]}
    assert any("已过账" in p for p in refused(ctx, tmp_path, rows))


def test_template_has_both_sheets_with_drop_downs(tmp_path: Path) -> None:
    book = load_workbook(write_template(tmp_path / "template.xlsx"))
    assert [c.value for c in book["补助预算"][1]] == HEADERS["补助预算"]
    lists = [v.formula1 for v in book["补助发放"].data_validations.dataValidation]
    assert '"中央,省级,市级,县级,区级"' in lists
