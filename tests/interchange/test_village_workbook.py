"""The workbook contract for the 村庄 sheet: template, round trip, and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.domain.errors import ValidationError
from desktop_app.services.workbook import export_workbook, import_workbook, write_template
from desktop_app.store import audit, villages_repo

HEADER = ["区划代码", "名称", "类型", "常住人口", "乡镇卫生院所在地", "到最近村卫生室路程分钟"]
GOOD_ROWS = [
    ["410821100201", "东王庄村", "行政村", 1850, "否", 5],
    [410821100202, "西李村", "行政村", 801, "Y", None],
    ["410821100201-01", "小王庄", "自然村", 1500, "0", 12],
    ["410821100001", "和平社区", "社区", 6000, None, None],
]


def workbook(tmp_path: Path, rows: list[list], header: list[str] = HEADER, sheet: str = "村庄") -> Path:
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    path = tmp_path / "in.xlsx"
    book.save(path)
    return path


def refused(ctx, path: Path) -> list[str]:
    before = (villages_repo.count(ctx.db), audit.count(ctx.db))
    with pytest.raises(ValidationError) as error:
        import_workbook(ctx, path)
    assert (villages_repo.count(ctx.db), audit.count(ctx.db)) == before
    return [str(p) for p in error.value.problems]


def test_import_inserts_then_updates_by_key(ctx, tmp_path: Path) -> None:
    report = import_workbook(ctx, workbook(tmp_path, GOOD_ROWS))
    assert (report.sheets["villages"].inserted, report.sheets["villages"].updated) == (4, 0)
    stored = villages_repo.get(ctx.db, "410821100202").village
    assert stored.hosts_township_centre is True and stored.minutes_to_clinic is None
    rows = [list(r) for r in GOOD_ROWS]
    rows[1][3] = 900
    report = import_workbook(ctx, workbook(tmp_path, rows))
    assert (report.sheets["villages"].inserted, report.sheets["villages"].updated, report.sheets["villages"].unchanged) == (0, 1, 3)
    assert villages_repo.get(ctx.db, "410821100202").village.population == 900


def test_english_keys_are_accepted_as_headers(ctx, tmp_path: Path) -> None:
    header = ["code", "name", "kind", "population", "hosts_township_centre", "minutes_to_clinic"]
    assert import_workbook(ctx, workbook(tmp_path, GOOD_ROWS[:1], header=header, sheet="villages")).sheets["villages"].inserted == 1


def test_round_trip_import_export_import_changes_nothing(ctx, tmp_path: Path) -> None:
    import_workbook(ctx, workbook(tmp_path, GOOD_ROWS))
    first = tmp_path / "export1.xlsx"
    export_workbook(ctx, first)
    snapshot = villages_repo.all_villages(ctx.db)
    versions = ctx.db.execute("SELECT code, row_version FROM villages ORDER BY code").fetchall()
    report = import_workbook(ctx, first)
    assert report.sheets["villages"].unchanged == len(GOOD_ROWS) and report.sheets["villages"].updated == 0
    assert villages_repo.all_villages(ctx.db) == snapshot
    assert ctx.db.execute("SELECT code, row_version FROM villages ORDER BY code").fetchall() == versions
    second = tmp_path / "export2.xlsx"
    export_workbook(ctx, second)
    values = lambda p: [[c.value for c in row] for row in load_workbook(p)["村庄"].iter_rows()]  # noqa: E731
    assert values(first) == values(second)
    assert load_workbook(first)["村庄"]["A2"].number_format == "@"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["41082110020", "甲村", "行政村", 10, "否", 1], "村庄, row 2, 区划代码: 区划代码应为12位数字"),
        (["410821999201", "甲村", "行政村", 10, "否", 1], "村庄, row 2, 区划代码: 代码前9位 410821999 不是已知乡镇"),
        (["410821100201", "甲村", "行政村", -5, "否", 1], "村庄, row 2, 常住人口: 不能小于0"),
        (["410821100201", "甲村", "行政村", "一千", "否", 1], "村庄, row 2, 常住人口: 应为整数"),
        (["410821100201", "甲村", "行政村", 10.5, "否", 1], "村庄, row 2, 常住人口: 应为整数"),
        (["410821100201", "甲村", "村委会", 10, "否", 1], "村庄, row 2, 类型: 应为 行政村 / 自然村 / 社区 之一"),
        (["410821100201", "甲村", "行政村", 10, "也许", 1], "村庄, row 2, 乡镇卫生院所在地: 应为 是/否"),
        (["410821100201", "", "行政村", 10, "否", 1], "村庄, row 2, 名称: 必填"),
        (["410821100202-01", "甲", "自然村", 10, "否", 1], "村庄, row 2, 区划代码: 自然村所属的行政村 410821100202 不存在"),
        (["=A1", "甲村", "行政村", 10, "否", 1], "村庄, row 2, 区划代码: 不能是公式"),
    ],
)
def test_bad_rows_are_refused_with_sheet_row_column(ctx, tmp_path: Path, row: list, expected: str) -> None:
    problems = refused(ctx, workbook(tmp_path, [row]))
    assert any(p.startswith(expected) for p in problems), problems


def test_one_bad_row_refuses_the_whole_workbook(ctx, tmp_path: Path) -> None:
    rows = GOOD_ROWS + [["410821100203", "坏村", "行政村", -1, "否", 1]]
    problems = refused(ctx, workbook(tmp_path, rows))
    assert problems == ["村庄, row 6, 常住人口: 不能小于0"]


def test_duplicate_key_unknown_column_missing_column_unknown_sheet(ctx, tmp_path: Path) -> None:
    assert "村庄, row 3, 区划代码: 与第2行重复" in refused(ctx, workbook(tmp_path, [GOOD_ROWS[0], GOOD_ROWS[0]]))
    problems = refused(ctx, workbook(tmp_path, [GOOD_ROWS[0] + ["x"]], header=HEADER + ["人口数"]))
    assert problems == ["村庄, row 1, 人口数: 未知的列（请检查列名是否与模板一致）"]
    problems = refused(ctx, workbook(tmp_path, [r[:3] for r in GOOD_ROWS], header=HEADER[:3]))
    assert problems == ["村庄, row 1, 常住人口: 缺少必填列"]
    assert refused(ctx, workbook(tmp_path, GOOD_ROWS, sheet="村子")) == ["村子: 未知的工作表“村子”"]


def test_long_code_stored_as_number_is_refused_not_rounded(ctx, tmp_path: Path) -> None:
    problems = refused(ctx, workbook(tmp_path, [[4108211002010101, "甲村", "行政村", 10, "否", 1]]))
    assert problems[0].startswith("村庄, row 2, 区划代码: Excel 把这个超过15位的代码存成了数字")


def test_a_file_that_is_not_a_workbook_is_refused(ctx, tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip", encoding="utf-8")
    assert "不是有效的 Excel 工作簿" in refused(ctx, fake)[0]


def test_template_has_headers_dropdowns_and_guide(tmp_path: Path, ctx) -> None:
    path = write_template(tmp_path / "template.xlsx")
    book = load_workbook(path)
    assert [c.value for c in book["村庄"][1]] == HEADER
    lists = [dv.formula1 for dv in book["村庄"].data_validations.dataValidation]
    assert '"行政村,自然村,社区"' in lists and '"是,否"' in lists
    guide = [[c.value for c in row] for row in book["说明"].iter_rows(min_row=2)]
    assert [row[1] for row in guide if row[0] == "村庄"] == HEADER
    assert import_workbook(ctx, path).changes.inserted == 0  # the empty template imports cleanly
