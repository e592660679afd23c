"""The workbook contract for 个体工商户, 人员身份 and 政策申请: a full import (receipt numbers assigned,
facts typed), the round trip, updates, every kind of bad input (refused by sheet, row and column,
nothing written) and the template."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import id_check_character
from desktop_app.services.workbook import export_workbook, import_workbook, write_template
from desktop_app.store import applications_repo, audit, businesses_repo

BUSINESS_HEADER = ["统一社会信用代码", "名称", "经营者姓名", "经营者身份证号", "登记日期", "所在乡镇代码", "行业", "仅网络经营",
                   "从业人数", "分型", "名特优新入库日期", "状态", "转企日期", "转企类型", "转企后信用代码", "信用异常"]
STATUS_HEADER = ["身份证号", "姓名", "身份类别", "起始日期", "结束日期"]
APPLICATION_HEADER = ["受理编号", "政策代码", "统一社会信用代码", "身份证号", "受理日期", "申请金额", "申请事实", "状态"]
HEADERS = {"个体工商户": BUSINESS_HEADER, "人员身份": STATUS_HEADER, "政策申请": APPLICATION_HEADER}


def person(serial: int) -> str:
    first17 = f"41082119900101{serial:03d}"
    return first17 + id_check_character(first17)


def uscc(serial: int, kind: str = "92", area: str = "410821") -> str:
    return complete_uscc(f"{kind}{area}MA{serial:07d}")


WANG, LI, ZHAO, QIAN = person(1), person(2), person(3), person(4)
NOODLES, SHOP, FACTORY, QINYANG = uscc(1), uscc(2), uscc(9, "91"), uscc(3, area="410882")
TOWN, OTHER_TOWN, QINYANG_TOWN = "410821100000", "410821101000", "410882001000"

Rows = dict[str, list[dict]]


def good_rows() -> Rows:
    """A valid row set: three businesses (one converted), two memberships, four applications."""
    return {
        "个体工商户": [
            {"统一社会信用代码": NOODLES, "名称": "王记烩面馆", "经营者姓名": "王五", "经营者身份证号": WANG,
             "登记日期": datetime(2022, 3, 1), "所在乡镇代码": TOWN, "行业": "餐饮", "从业人数": 3, "分型": "生存型"},
            {"统一社会信用代码": SHOP.lower(), "名称": "李家超市", "经营者姓名": "李四", "经营者身份证号": LI,
             "登记日期": "2019-05-10", "所在乡镇代码": int(OTHER_TOWN), "行业": "零售", "仅网络经营": "否", "从业人数": 12,
             "分型": "成长型", "名特优新入库日期": "2021-06-01", "状态": "已转企", "转企日期": "2022-06-01",
             "转企类型": "有限公司", "转企后信用代码": FACTORY, "信用异常": "否"},
            {"统一社会信用代码": QINYANG, "名称": "沁阳赵家网店", "经营者姓名": "赵六", "经营者身份证号": ZHAO,
             "登记日期": "2024-01-02", "所在乡镇代码": QINYANG_TOWN, "仅网络经营": "Y", "从业人数": 0},
        ],
        "人员身份": [
            {"身份证号": WANG, "姓名": "王五", "身份类别": "返乡农民工", "起始日期": "2020-01-01"},
            {"身份证号": QIAN, "姓名": "钱七", "身份类别": "高校毕业生", "起始日期": datetime(2023, 7, 1)},
            {"身份证号": QIAN, "姓名": "钱七", "身份类别": "登记失业人员", "起始日期": "2023-07-15", "结束日期": "2024-03-01"},
        ],
        "政策申请": [
            {"政策代码": "ib.startup_subsidy", "统一社会信用代码": NOODLES, "身份证号": WANG, "受理日期": "2025-03-03",
             "申请金额": 5000},
            {"政策代码": "ib.guarantee_loan", "统一社会信用代码": NOODLES, "受理日期": datetime(2025, 3, 3),
             "申请事实": "贷款类型=贴息；贷款金额=100000", "状态": "审核中"},
            {"受理编号": "410821202503040001", "政策代码": "ib.conversion_award", "统一社会信用代码": FACTORY,
             "受理日期": "2025-03-04", "申请金额": 5000.5, "申请事实": "按期申报=Y;连续纳税月数=6", "状态": "已批准"},
            {"政策代码": "emp.skill_subsidy", "身份证号": QIAN, "受理日期": "2023-09-01", "申请事实": "证书等级=中级;参保月数=24"},
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
    tables = ("businesses", "person_statuses", "applications", "application_hires", "application_events")
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


def applications(ctx) -> dict[str, object]:
    return {a.receipt_no: a for batch in applications_repo.iter_applications(ctx.db) for a in batch}


def test_a_workbook_with_the_three_sheets_imports(ctx, tmp_path: Path) -> None:
    report = import_workbook(ctx, workbook(tmp_path, good_rows()))
    assert {k: o.inserted for k, o in report.sheets.items()} == {"businesses": 3, "person_statuses": 3, "applications": 4}
    shop = businesses_repo.get(ctx.db, SHOP).business  # a lowercase code is stored upper case
    assert (shop.township_code, shop.county_code, shop.status, shop.converted_on, shop.enterprise_uscc, shop.credit_flag) == (
        OTHER_TOWN, "410821000000", "已转企", date(2022, 6, 1), FACTORY, False)
    online = businesses_repo.get(ctx.db, QINYANG).business
    assert (online.online_only, online.employees, online.tier, online.credit_flag, online.status) == (True, 0, None, None, "存续")
    assert [s.status for s in businesses_repo.statuses_of(ctx.db, QIAN)] == ["高校毕业生", "登记失业人员"]
    stored = applications(ctx)
    # blank receipt numbers: county of the business (or of the ID's area) + receipt date + serial
    assert sorted(stored) == ["410821202309010001", "410821202503030001", "410821202503030002", "410821202503040001"]
    loan = stored["410821202503030002"]
    assert (loan.policy_id, loan.status, dict(loan.facts)) == ("ib.guarantee_loan", "审核中", {"贷款类型": "贴息", "贷款金额": "100000.00"})
    award = stored["410821202503040001"]
    assert (award.uscc, award.amount_requested_fen, dict(award.facts)) == (FACTORY, 500050, {"按期申报": "是", "连续纳税月数": "6"})
    assert stored["410821202503030001"].amount_requested_fen == 500000
    assert stored["410821202309010001"].id_number == QIAN and stored["410821202309010001"].status == "已受理"
    assert "政策申请：新增 4，更新 0，未变 0" in report.summary()
    assert [e["action"] for e in audit.entries_for(ctx.db, "businesses", NOODLES)] == ["import_insert"]


def test_round_trip_export_import_changes_nothing(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, good_rows()))
    first = export_workbook(ctx, tmp_path / "export1.xlsx")
    state = lambda: (  # noqa: E731
        businesses_repo.all_businesses(ctx.db), businesses_repo.all_statuses(ctx.db), applications(ctx),
        ctx.db.execute("SELECT uscc, row_version FROM businesses ORDER BY uscc").fetchall(),
        ctx.db.execute("SELECT receipt_no, row_version FROM applications ORDER BY receipt_no").fetchall(),
    )
    before, before_counts = state(), counts(ctx)
    report = import_workbook(ctx, first)
    mine = {k: (o.inserted, o.updated, o.unchanged) for k, o in report.sheets.items() if k in ("businesses", "person_statuses", "applications")}
    assert mine == {"businesses": (0, 0, 3), "person_statuses": (0, 0, 3), "applications": (0, 0, 4)}
    assert state() == before
    assert counts(ctx) == before_counts | {"audit": before_counts["audit"] + 1}  # only the import's summary row
    assert values(first) == values(export_workbook(ctx, tmp_path / "export2.xlsx"))
    exported = values(first)
    assert exported["政策申请"][1] == ["410821202309010001", "emp.skill_subsidy", None, QIAN, datetime(2023, 9, 1), None,
                                    "证书等级=中级;参保月数=24", "已受理"]
    assert exported["政策申请"][3][6] == "贷款类型=贴息;贷款金额=100000.00"
    assert load_workbook(first)["个体工商户"]["A2"].number_format == "@"


def test_changed_rows_update_their_records_only(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, good_rows()))
    rows = good_rows()
    rows["个体工商户"][0]["名称"] = "王记老字号烩面馆"
    rows["政策申请"] = [{**rows["政策申请"][2], "状态": "已发放"}]
    report = import_workbook(ctx, workbook(tmp_path, rows, "changed.xlsx"))
    assert (report.sheets["businesses"].updated, report.sheets["businesses"].unchanged) == (1, 2)
    assert (report.sheets["applications"].updated, report.sheets["applications"].unchanged) == (1, 0)
    noodles = businesses_repo.get(ctx.db, NOODLES)
    assert (noodles.business.name, noodles.row_version) == ("王记老字号烩面馆", 2)
    assert ctx.db.execute("SELECT pinyin_initials FROM businesses WHERE uscc = ?", [NOODLES]).fetchone()[0] == "wjlzhhmg"
    assert applications_repo.get(ctx.db, "410821202503040001").status == "已发放"
    assert businesses_repo.get(ctx.db, SHOP).row_version == 1


def test_english_keys_are_accepted_as_sheet_and_column_names(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, good_rows()))
    book = Workbook()
    ws = book.active
    ws.title = "applications"
    ws.append(["receipt_no", "policy", "uscc", "received_on", "facts"])
    ws.append([None, "ib.guarantee_loan", NOODLES, "2025-03-05", "loan_type=非贴息;loan_amount=300000"])
    book.save(tmp_path / "en.xlsx")
    assert import_workbook(ctx, tmp_path / "en.xlsx").sheets["applications"].inserted == 1
    assert dict(applications_repo.get(ctx.db, "410821202503050001").application.facts) == {"贷款类型": "非贴息", "贷款金额": "300000.00"}


def change(sheet: str, index: int, **cells) -> Callable[[Rows], None]:
    def mutate(rows: Rows) -> None:
        rows[sheet][index].update(cells)
    return mutate


def append(sheet: str, row: dict) -> Callable[[Rows], None]:
    return lambda rows: rows[sheet].append(row)


def duplicate(sheet: str, index: int) -> Callable[[Rows], None]:
    return lambda rows: rows[sheet].append(dict(rows[sheet][index]))


BAD_CHECK = "0" if NOODLES[17] != "0" else "1"
BEIJING = "11010119900101001" + id_check_character("11010119900101001")  # no county of the city to receive it
BAD_WANG = WANG[:17] + ("0" if WANG[17] != "0" else "1")


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (change("个体工商户", 0, 统一社会信用代码=NOODLES[:17] + BAD_CHECK),
         f"个体工商户, row 2, 统一社会信用代码: 统一社会信用代码校验码错误：第18位应为“{NOODLES[17]}”，实际为“{BAD_CHECK}”"),
        (change("个体工商户", 0, 统一社会信用代码=NOODLES[:17] + "I"),
         "个体工商户, row 2, 统一社会信用代码: 第18位字符“I”不允许：统一社会信用代码不使用字母I、O、Z、S、V"),
        (change("个体工商户", 0, 统一社会信用代码=FACTORY),
         "个体工商户, row 2, 统一社会信用代码: 个体工商户的统一社会信用代码应以“92”开头，实际为“91”"),
        (change("个体工商户", 0, 经营者身份证号=BAD_WANG), f"个体工商户, row 2, 经营者身份证号: 身份证号校验位错误（应为{WANG[17]}）"),
        (change("个体工商户", 0, 经营者身份证号=int(WANG[:17] + "5")),
         "个体工商户, row 2, 经营者身份证号: Excel 把这个超过15位的代码存成了数字，末几位已丢失；请把单元格设为文本后重新输入"),
        (change("个体工商户", 0, 所在乡镇代码="410821199000"), "个体工商户, row 2, 所在乡镇代码: 乡镇代码 410821199000 不在区划表中"),
        (change("个体工商户", 0, 所在乡镇代码="4108211"), "个体工商户, row 2, 所在乡镇代码: 乡镇代码“4108211”应为12位数字"),
        (change("个体工商户", 0, 登记日期=date(date.today().year + 1, 1, 1)),
         f"个体工商户, row 2, 登记日期: 登记日期{date.today().year + 1}-01-01晚于今天"),
        (change("个体工商户", 1, 转企日期=None), "个体工商户, row 3, 转企日期: 状态为已转企时须填写转企日期"),
        (change("个体工商户", 0, 转企类型="有限公司"), "个体工商户, row 2, 转企类型: 仅在状态为“已转企”时填写"),
        (change("个体工商户", 0, 分型="小微型"), "个体工商户, row 2, 分型: 应为 生存型 / 成长型 / 发展型 之一，而不是“小微型”"),
        (change("个体工商户", 2, 转企后信用代码=FACTORY, 状态="已转企", 转企日期="2025-01-02", 转企类型="合伙企业"),
         f"个体工商户, row 4, 转企后信用代码: 统一社会信用代码 {FACTORY} 已被个体工商户 {SHOP} 使用"),
        (duplicate("个体工商户", 0), "个体工商户, row 5, 统一社会信用代码: 与第2行重复"),
        (append("个体工商户", {**good_rows()["个体工商户"][1], "统一社会信用代码": SHOP}),
         "个体工商户, row 5, 统一社会信用代码: 与第3行是同一统一社会信用代码"),
        (change("人员身份", 0, 身份证号=int(WANG[:17] + "5")),
         "人员身份, row 2, 身份证号: Excel 把这个超过15位的代码存成了数字，末几位已丢失；请把单元格设为文本后重新输入"),
        (change("人员身份", 0, 身份证号=WANG[:17]), "人员身份, row 2, 身份证号: 身份证号应为18位，实际为17位"),
        (change("人员身份", 0, 身份类别="大学生"), "人员身份, row 2, 身份类别: 应为 高校毕业生 / 在校大中专学生 / 留学回国人员 / 就业困难人员 / "
         "脱贫家庭劳动力 / 返乡农民工 / 退役军人 / 军队转业干部 / 残疾人 / 登记失业人员 / 零就业家庭 / 低保家庭 之一，而不是“大学生”"),
        (change("人员身份", 2, 结束日期="2023-01-01"), "人员身份, row 4, 结束日期: 结束日期早于起始日期"),
        (duplicate("人员身份", 1), "人员身份, row 5, 身份证号: 与第3行重复"),
        (change("政策申请", 0, 政策代码="ib.nothing"), "政策申请, row 2, 政策代码: 政策代码“ib.nothing”不在规则目录中"),
        (change("政策申请", 0, 政策代码="hc.clinic.rooms"),
         "政策申请, row 2, 政策代码: 政策代码“hc.clinic.rooms”不在规则目录中"),
        (change("政策申请", 2, 申请事实="按期申报=是;连续纳税月数=三"),
         "政策申请, row 4, 申请事实: 申请事实“连续纳税月数”应为整数，实际为“三”"),
        (change("政策申请", 2, 申请事实="按期申报=是;连续纳税月数=6;纳税等级=A"),
         "政策申请, row 4, 申请事实: 未知的申请事实“纳税等级”（该政策的申请事实：按期申报、连续纳税月数）"),
        (change("政策申请", 1, 申请事实="贷款类型=贴息"), "政策申请, row 3, 申请事实: 缺少申请事实“贷款金额”"),
        (change("政策申请", 1, 申请事实="贷款类型=贴息;贷款金额=100000;贷款类型=混合"), "政策申请, row 3, 申请事实: 申请事实“贷款类型”重复"),
        (change("政策申请", 1, 申请事实="贷款类型 贴息"), "政策申请, row 3, 申请事实: 申请事实“贷款类型 贴息”应写作“键=值”"),
        (change("政策申请", 1, 统一社会信用代码=uscc(7)),
         f"政策申请, row 3, 统一社会信用代码: 登记库中没有统一社会信用代码为{uscc(7)}的个体工商户，请先登记"),
        (change("政策申请", 0, 身份证号=None), "政策申请, row 2, 身份证号: 该政策须填写申请人身份证号"),
        (change("政策申请", 3, 身份证号=int(QIAN[:17] + "5")),
         "政策申请, row 5, 身份证号: Excel 把这个超过15位的代码存成了数字，末几位已丢失；请把单元格设为文本后重新输入"),
        (change("政策申请", 3, 身份证号=None), "政策申请, row 5, 统一社会信用代码: 统一社会信用代码和身份证号至少填写一项"),
        (change("政策申请", 2, 受理编号="4108212025030401"),
         "政策申请, row 4, 受理编号: 受理编号“4108212025030401”应为18位数字（县区代码+受理日期+4位流水号）"),
        (change("政策申请", 2, 申请金额=-5), "政策申请, row 4, 申请金额: 金额不能为负数：-5"),
        (change("政策申请", 0, 受理日期=date(date.today().year + 1, 1, 1)),
         f"政策申请, row 2, 受理日期: 受理日期{date.today().year + 1}-01-01不合理（应在2000年以后且不晚于今天）"),
        (change("政策申请", 3, 身份证号=BEIJING), "政策申请, row 5, 身份证号: 无法确定受理县区，请选择受理县区"),
        (change("政策申请", 2, 状态="已结案"),
         "政策申请, row 4, 状态: 应为 已受理 / 审核中 / 已批准 / 不予批准 / 已发放 / 已撤回 之一，而不是“已结案”"),
        (append("政策申请", {**good_rows()["政策申请"][2]}), "政策申请, row 6, 受理编号: 与第4行重复"),
    ],
)
def test_bad_input_is_refused_by_sheet_row_and_column(ctx, tmp_path: Path, mutate, expected: str) -> None:
    rows = good_rows()
    mutate(rows)
    problems = refused(ctx, workbook(tmp_path, rows))
    assert problems[0] == expected, problems


def test_a_refused_business_refuses_the_applications_that_name_it(ctx, tmp_path: Path) -> None:
    rows = good_rows()
    rows["个体工商户"][0]["所在乡镇代码"] = "410821199000"
    assert refused(ctx, workbook(tmp_path, rows)) == [
        "个体工商户, row 2, 所在乡镇代码: 乡镇代码 410821199000 不在区划表中",
        f"政策申请, row 2, 统一社会信用代码: 登记库中没有统一社会信用代码为{NOODLES}的个体工商户，请先登记",
        f"政策申请, row 3, 统一社会信用代码: 登记库中没有统一社会信用代码为{NOODLES}的个体工商户，请先登记",
    ]


def test_every_problem_of_the_application_sheet_is_listed(ctx, tmp_path: Path) -> None:
    rows = good_rows()
    rows["政策申请"][0]["受理编号"] = "12345"
    rows["政策申请"][1]["申请事实"] = "贷款类型=按揭;贷款金额=10万"
    rows["政策申请"][3]["政策代码"] = "emp.nothing"
    assert refused(ctx, workbook(tmp_path, rows)) == [
        "政策申请, row 2, 受理编号: 受理编号“12345”应为18位数字（县区代码+受理日期+4位流水号）",
        "政策申请, row 3, 申请事实: 申请事实“贷款类型”应为贴息/混合/非贴息之一，实际为“按揭”",
        "政策申请, row 3, 申请事实: 申请事实“贷款金额”：金额“10万”不是有效数字（以元为单位，最多两位小数）",
        "政策申请, row 5, 政策代码: 政策代码“emp.nothing”不在规则目录中",
    ]


def test_a_refused_workbook_leaves_existing_records_untouched(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, good_rows()))
    rows = good_rows()
    rows["个体工商户"][0]["名称"] = "改名的面馆"  # a valid change …
    rows["政策申请"][1]["申请事实"] = "贷款类型=贴息"  # … in a workbook refused for another row
    before = (businesses_repo.all_businesses(ctx.db), applications(ctx))
    assert refused(ctx, workbook(tmp_path, rows)) == ["政策申请, row 3, 申请事实: 缺少申请事实“贷款金额”"]
    assert (businesses_repo.all_businesses(ctx.db), applications(ctx)) == before


def test_template_has_the_three_sheets_with_headers_dropdowns_and_guide(tmp_path: Path) -> None:
    book = load_workbook(write_template(tmp_path / "template.xlsx"))
    for name, header in HEADERS.items():
        assert [c.value for c in book[name][1]] == header, name
    lists = {name: {dv.formula1 for dv in book[name].data_validations.dataValidation} for name in HEADERS}
    assert {'"生存型,成长型,发展型"', '"存续,注销,已转企"', '"个人独资企业,合伙企业,有限公司"', '"是,否"'} <= lists["个体工商户"]
    assert lists["政策申请"] == {'"已受理,审核中,已批准,不予批准,已发放,已撤回"'}
    assert book["政策申请"]["A2"].number_format == "@" and book["人员身份"]["A2"].number_format == "@"
    guide = [[c.value for c in row] for row in book["说明"].iter_rows(min_row=2)]
    for name, header in HEADERS.items():
        assert [row[1] for row in guide if row[0] == name] == header
    assert all(row[4] for row in guide if row[0] in HEADERS), "every column explains itself"
