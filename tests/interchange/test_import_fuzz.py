"""Fuzzing the workbook importer with hypothesis: random cells of every type, shuffled, duplicate
and unknown headers, empty and unknown sheets, and files that are no workbook at all.

The importer either succeeds, accounting for every non-blank row, or raises ValidationError whose
every problem says where (the file, or the sheet with its row and column); a refused import
leaves every table, the audit trail included, exactly as it was.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.health.entities import Facility
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.villages import Village
from desktop_app.interchange.columns import Column
from desktop_app.interchange.sheets import SheetSpec, registered_sheets
from desktop_app.interchange.workbook import GUIDE_SHEET
from desktop_app.services import health_registry, villages
from desktop_app.services.database import open_context
from desktop_app.services.workbook import import_workbook

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
SPECS = registered_sheets()


def person(serial: int) -> str:
    first17 = f"41082119800101{serial:03d}"
    return first17 + id_check_character(first17)


CODES = ["410821100201", "410821100202", "410821100203", "410821100201-01", "410821100000", "410821000000",
         "410899100201", "F1", "F2", "C1", person(1), person(2), person(3), "4108211002010101", ""]


@pytest.fixture(scope="module")
def fuzz_ctx(tmp_path_factory: pytest.TempPathFactory):
    """One database for every example: two villages and a clinic, so rows can refer to them."""
    ctx = open_context(tmp_path_factory.mktemp("fuzz") / "desk.sqlite3", actor=Actor("test:fuzz"))
    villages.create_village(ctx, village=Village("410821100201", "东王庄村", "行政村", 1850))
    villages.create_village(ctx, village=Village("410821100202", "西李村", "行政村", 800))
    health_registry.create_facility(ctx, facility=Facility(
        code="C1", name="东王庄村卫生室", kind="村卫生室", division_code="410821100201",
        served_village_codes=("410821100201",), ownership="公有", licence_no="PDY001",
        licence_valid_until=date(2030, 6, 30)))
    yield ctx
    ctx.close()


def fingerprint(ctx) -> dict[str, str]:
    """A digest of every table's rows: equal fingerprints mean nothing was written."""
    tables = [row[0] for row in ctx.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: hashlib.sha256(repr(sorted(map(repr, ctx.db.execute(f'SELECT * FROM "{t}"')))).encode()).hexdigest()
            for t in tables}


# --- cells ----------------------------------------------------------------------------------------

text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
wild_cells = st.one_of(
    st.none(),
    text,
    st.integers(min_value=2001, max_value=40_000).map(lambda n: "长" * n),  # over the cell limit
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1e6, max_value=1e6).map(lambda f: f + 1e-9),  # many digits
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.booleans(),
    st.sampled_from(["=A1", "=SUM(A1:A3)", "=1/0", " ", "是", "否", "1e+15", "-0", "1,000", "2025-13-01"]),
)


def plausible(column: Column) -> st.SearchStrategy:
    """Values that fit the column most of the time, so rows reach the domain checks and succeed."""
    if column.choices:
        return st.sampled_from(column.choices)
    return {
        "code": st.sampled_from(CODES),
        "list": st.lists(st.sampled_from(CODES[:4]), max_size=3).map(";".join),
        "text": st.sampled_from(["东王庄村", "卫生室", "张医生", "PDY9", "甲"]),
        "int": st.integers(min_value=-2, max_value=5000),
        "number": st.floats(min_value=-1, max_value=5000, allow_nan=False),
        "year": st.integers(min_value=1999, max_value=2030),
        "money": st.sampled_from([0, 12.5, "3.456", 100]),
        "bool": st.sampled_from(["是", "否", "Y", "N", True, False, 1, 0]),
        "date": st.one_of(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.just("2027-06-30")),
    }.get(column.kind, wild_cells)


def cell_for(column: Column | None) -> st.SearchStrategy:
    if column is None:
        return wild_cells
    return st.one_of(plausible(column), plausible(column), plausible(column), wild_cells)


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- sheets and workbooks -------------------------------------------------------------------------


def header_texts(column: Column) -> list[str]:
    return [column.header, column.key, f"{column.header} ({column.key})", column.key.upper()]


@st.composite
def sheet_rows(draw: st.DrawFn, spec: SheetSpec | None) -> list[list]:
    """Header and data rows for ``spec`` (or for an unknown sheet): shuffled, missing, duplicate and
    unknown columns, blank rows; sometimes no cells at all."""
    if draw(st.integers(0, 9)) == 0:
        return []
    columns: list[Column | None] = []
    if spec is not None:
        required = [c for c in spec.columns if c.required]
        optional = [c for c in spec.columns if not c.required]
        if not draw(st.integers(0, 5)):  # now and then drop required columns
            required = draw(st.lists(st.sampled_from(required), unique=True)) if required else []
        columns = required + (draw(st.lists(st.sampled_from(optional), unique=True)) if optional else [])
    header = [draw(st.sampled_from(header_texts(c))) for c in columns]
    for _ in range(draw(st.integers(0, 2) if draw(st.booleans()) else st.just(0))):
        junk = draw(st.one_of(text, st.none(), st.integers(), st.sampled_from(header or ["区划代码"])))
        where = draw(st.integers(0, len(header)))
        header.insert(where, junk)
        columns.insert(where, None)
    order = draw(st.permutations(range(len(header))))
    header, columns = [header[i] for i in order], [columns[i] for i in order]
    rows = draw(st.lists(row_of(columns), max_size=5))
    return [header, *rows]


@st.composite
def row_of(draw: st.DrawFn, columns: list[Column | None]) -> list:
    """A row that fits its columns, or fits but for one wild cell, or is a free mix."""
    kind = draw(st.integers(0, 2))
    row = [draw(plausible(c) if c is not None and kind < 2 else cell_for(c)) for c in columns]
    if kind == 1 and row:
        row[draw(st.integers(0, len(row) - 1))] = draw(wild_cells)
    return row


SHEET_TITLES = [s.name for s in SPECS] + [s.key for s in SPECS] + [GUIDE_SHEET, "Sheet1", "村子", "人员表"]


@st.composite
def village_sheets(draw: st.DrawFn) -> list[list]:
    """A 村庄 sheet of valid rows in random shapes: column order, header spelling, cell types, blank rows."""
    spec = next(s for s in SPECS if s.key == "villages")
    columns = [c for c in spec.columns if c.required or draw(st.booleans())]
    columns = [columns[i] for i in draw(st.permutations(range(len(columns))))]
    header = [draw(st.sampled_from(header_texts(c))) for c in columns]
    numbers = draw(st.lists(st.integers(201, 999), max_size=6, unique=True))
    as_cell = {
        "code": lambda n: draw(st.sampled_from([f"410821100{n}", f" 410821101{n} ", int(f"410821100{n}")])),
        "name": lambda n: draw(text.filter(str.strip).map(lambda t: t[:20])),
        "kind": lambda n: draw(st.sampled_from(["行政村", "社区"])),
        "population": lambda n: draw(st.integers(0, 2**63 - 1).flatmap(
            lambda v: st.sampled_from([v, str(v), f"{v:,}"] + ([float(v)] if v < 2**53 else [])))),
        "hosts_township_centre": lambda n: draw(st.sampled_from([None, "是", "否", "Y", "n", True, False, 1, 0, "TRUE"])),
        "minutes_to_clinic": lambda n: draw(st.one_of(st.none(), st.integers(0, 10**6), st.just("15"), st.just(30.0))),
    }
    rows: list[list] = []
    for n in numbers:
        rows.append([as_cell[c.key](n) for c in columns])
        if draw(st.integers(0, 4)) == 0:
            rows.append([None] * len(columns))
    return [header, *rows]


@st.composite
def workbooks(draw: st.DrawFn) -> dict[str, list[list]]:
    """Sheet title → rows, for one to four sheets (known Chinese or English names, the guide, unknown);
    a third of them a 村庄 sheet of valid rows in random shapes, which should import."""
    if draw(st.integers(0, 2)) == 0:
        return {draw(st.sampled_from(["村庄", "villages"])): draw(village_sheets())}
    titles = draw(st.lists(st.sampled_from(SHEET_TITLES), min_size=1, max_size=4, unique=True))
    specs = {s.name: s for s in SPECS} | {s.key: s for s in SPECS}
    return {title: draw(sheet_rows(specs.get(title))) for title in titles}


def save(book_rows: dict[str, list[list]], path: Path) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in book_rows.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def assert_every_problem_says_where(error: ValidationError, file_name: str) -> None:
    assert error.problems
    for problem in error.problems:
        text = str(problem)
        if problem.sheet is None:  # about the file as a whole
            assert file_name in text, text
        elif problem.row is None:  # about a whole sheet (unknown sheet name)
            assert text.startswith(problem.sheet), text
        else:
            assert problem.field, f"no column named: {text}"
            assert text.startswith(f"{problem.sheet}, row {problem.row}, {problem.field}: "), text


def expected_rows(book_rows: dict[str, list[list]]) -> dict[str, int]:
    """Non-blank data rows per sheet key, for sheets the importer knows."""
    specs = {s.name: s for s in SPECS} | {s.key: s for s in SPECS}
    counts: dict[str, int] = {}
    for title, rows in book_rows.items():
        if title in specs:
            counts[specs[title].key] = counts.get(specs[title].key, 0) + sum(not all(map(blank, r)) for r in rows[1:])
    return counts


VILLAGE_HEADER = ["区划代码", "名称", "类型", "常住人口"]


@FUZZ
@given(book_rows=workbooks())
@example({"村庄": [VILLAGE_HEADER, ["410821100301", "甲村", "行政村", "INFINITY"]]})  # int(Decimal) crashed
@example({"村庄": [VILLAGE_HEADER, ["410821100301", "甲村", "行政村", "1e999999999"]]})  # a billion-digit int
@example({"村庄": [VILLAGE_HEADER, ["410821100301", "甲村", "行政村", 10**20]]})  # too big for SQLite
@example({"签约服务": [], "family_doctor": [["年度", "机构编码"], [2024, "C1"]]})  # one sheet silently dropped
def test_random_workbooks_are_imported_whole_or_refused_saying_where(fuzz_ctx, tmp_path: Path, book_rows) -> None:
    path = save(book_rows, tmp_path / "fuzz.xlsx")
    before = fingerprint(fuzz_ctx)
    try:
        report = import_workbook(fuzz_ctx, path)
    except ValidationError as error:
        assert fingerprint(fuzz_ctx) == before, "a refused import wrote something"
        assert_every_problem_says_where(error, path.name)
        return
    counted = {key: o.inserted + o.updated + o.unchanged for key, o in report.sheets.items()}
    assert counted == {k: n for k, n in expected_rows(book_rows).items()}, "rows went missing"
    assert fingerprint(fuzz_ctx)["audit_log"] != before["audit_log"], "an import leaves an audit row"


# --- files that are not workbooks -----------------------------------------------------------------


@st.composite
def zips_without_workbook(draw: st.DrawFn) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        names = draw(st.lists(st.sampled_from(["[Content_Types].xml", "xl/workbook.xml", "readme.txt", "a/b.bin",
                                               "xl/worksheets/sheet1.xml", "_rels/.rels"]), max_size=3, unique=True))
        for name in names:
            archive.writestr(name, draw(st.binary(max_size=200)))
    return buffer.getvalue()


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["区划代码", "名称", "类型", "常住人口"])
    for row in draw(st.lists(st.lists(text, min_size=4, max_size=4), max_size=5)):
        writer.writerow(row)
    return buffer.getvalue().encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])))


def _small_workbook() -> bytes:
    buffer = io.BytesIO()
    book = Workbook()
    book.active.title = "村庄"
    book.active.append(["区划代码", "名称", "类型", "常住人口"])
    book.active.append(["410821100203", "南张村", "行政村", 10])
    book.save(buffer)
    return buffer.getvalue()


SMALL_WORKBOOK = _small_workbook()  # built once: its bytes carry a timestamp


not_workbooks = st.one_of(
    st.binary(max_size=2000),
    st.binary(max_size=500).map(lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b),  # an old .xls header
    st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b),
    zips_without_workbook(),
    csv_files(),
    st.integers(0, len(SMALL_WORKBOOK) - 1).map(lambda n: SMALL_WORKBOOK[:n]),  # a workbook cut short
)


@FUZZ
@given(content=not_workbooks)
def test_files_that_are_not_workbooks_are_refused_naming_the_file(fuzz_ctx, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_bytes(content)
    before = fingerprint(fuzz_ctx)
    with pytest.raises(ValidationError) as error:
        import_workbook(fuzz_ctx, path)
    assert fingerprint(fuzz_ctx) == before
    assert_every_problem_says_where(error.value, path.name)
