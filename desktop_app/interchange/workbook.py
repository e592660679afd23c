"""Read and write the interchange workbook with openpyxl (imported lazily: it costs ~90 ms).

Reading checks headers (Chinese or English key), refuses unknown sheets and columns, converts
every cell by its column type and collects every problem as ``sheet, row N, column: reason``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.interchange.columns import CellError, Column
from desktop_app.interchange.sheets import ParsedRow, SheetSpec, registered_sheets

GUIDE_SHEET = "说明"
TEMPLATE_ROWS = 2000
MAX_CELL_LENGTH = 2000


def read_workbook(path: Path) -> dict[str, list[ParsedRow]]:
    """Parse every sheet of the workbook at ``path``; raise ValidationError listing every problem.

    Returns parsed rows keyed by the sheet's English key, for sheets present in the file.
    """
    from openpyxl import load_workbook

    path = Path(path)
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ValidationError(Problem("", f"{path.name} 不是有效的 Excel 工作簿（.xlsx）：{type(exc).__name__}")) from exc
    except Exception as exc:  # openpyxl raises several private types for malformed packages
        raise ValidationError(Problem("", f"{path.name} 无法作为 Excel 工作簿读取：{exc}")) from exc
    problems: list[Problem] = []
    result: dict[str, list[ParsedRow]] = {}
    titles: dict[str, str] = {}  # sheet key → title of the worksheet read for it
    specs = {s.name: s for s in registered_sheets()} | {s.key: s for s in registered_sheets()}
    try:
        for sheet in book.worksheets:
            if sheet.title == GUIDE_SHEET:
                continue
            spec = specs.get(sheet.title)
            if spec is None:
                problems.append(Problem("", f"未知的工作表“{sheet.title}”", sheet=sheet.title))
                continue
            if spec.key in titles:  # e.g. both 村庄 and villages: never drop one silently
                problems.append(Problem("", f"与工作表“{titles[spec.key]}”是同一张表（{spec.name}），请合并为一张后再导入",
                                        sheet=sheet.title))
                continue
            titles[spec.key] = sheet.title
            rows, sheet_problems = _read_sheet(sheet, spec)
            problems.extend(sheet_problems)
            result[spec.key] = rows
    finally:
        book.close()
    if problems:
        raise ValidationError(problems)
    return result


def _read_sheet(sheet: Any, spec: SheetSpec) -> tuple[list[ParsedRow], list[Problem]]:
    problems: list[Problem] = []
    lookup = spec.header_lookup()
    iterator = sheet.iter_rows(values_only=True)
    header = next(iterator, None)
    if header is None:
        return [], []
    columns: list[tuple[int, Column]] = []
    seen: set[str] = set()
    for index, text in enumerate(header):
        if text is None or str(text).strip() == "":
            continue
        column = lookup.get(str(text).strip().lower())
        if column is None:
            problems.append(Problem(str(text), "未知的列（请检查列名是否与模板一致）", row=1, sheet=spec.name))
        elif column.key in seen:
            problems.append(Problem(str(text), "列重复", row=1, sheet=spec.name))
        else:
            seen.add(column.key)
            columns.append((index, column))
    for column in spec.columns:
        if column.required and column.key not in seen:
            problems.append(Problem(column.header, "缺少必填列", row=1, sheet=spec.name))
    if problems:
        return [], problems
    rows: list[ParsedRow] = []
    keys: dict[tuple, int] = {}
    for row_no, cells in enumerate(iterator, start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        values: dict[str, Any] = {}
        for index, column in columns:
            raw = cells[index] if index < len(cells) else None
            if isinstance(raw, str) and len(raw) > MAX_CELL_LENGTH:
                problems.append(Problem(column.header, f"内容过长（超过{MAX_CELL_LENGTH}字）", row=row_no, sheet=spec.name))
                continue
            try:
                values[column.key] = column.parse(raw)
            except CellError as exc:
                problems.append(Problem(column.header, str(exc), row=row_no, sheet=spec.name))
        key = tuple(values.get(k) for k in spec.key_columns)
        if all(k is not None for k in key):
            if key in keys:
                problems.append(
                    Problem(spec.column(spec.key_columns[0]).header, f"与第{keys[key]}行重复", row=row_no, sheet=spec.name)
                )
            else:
                keys[key] = row_no
        rows.append(ParsedRow(row_no, values))
    return rows, problems


def write_workbook(path: Path, data: Mapping[str, Iterable[Mapping[str, Any]]], *, template: bool = False) -> None:
    """Write every registered sheet (header row, then rows) and the 说明 guide sheet to ``path``.

    ``data`` maps a sheet's English key to its rows (dicts by column key). With ``template``
    the sheets are empty but carry drop-down lists for the fixed vocabularies.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for spec in registered_sheets():
        sheet = book.create_sheet(spec.name)
        for index, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(row=1, column=index, value=column.header)
            cell.font = bold
            cell.fill = fill
            if column.note:
                cell.comment = Comment(f"{column.key}：{column.note}", "乡镇服务台")
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(12, len(column.header) * 2 + 4)
            if column.kind in ("code", "text", "list"):
                for row in range(2, TEMPLATE_ROWS + 2 if template else 2):
                    sheet.cell(row=row, column=index).number_format = "@"
            vocabulary = column.choices or (("是", "否") if column.kind == "bool" else ())
            if vocabulary and template:
                validation = DataValidation(type="list", formula1='"' + ",".join(vocabulary) + '"', allow_blank=True)
                validation.error = f"请从下拉列表选择：{'/'.join(vocabulary)}"
                validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
                sheet.add_data_validation(validation)
        sheet.freeze_panes = "A2"
        for row_no, values in enumerate(data.get(spec.key, ()), start=2):
            for index, column in enumerate(spec.columns, start=1):
                cell = sheet.cell(row=row_no, column=index, value=column.format(values.get(column.key)))
                if column.kind in ("code", "text", "list"):
                    cell.number_format = "@"
                elif column.kind == "date" and values.get(column.key) is not None:
                    cell.number_format = "yyyy-mm-dd"
                elif column.kind == "money":
                    cell.number_format = "0.00"
    guide = book.create_sheet(GUIDE_SHEET)
    guide.append(["工作表", "列名", "英文键", "必填", "规则说明"])
    for cell in guide[1]:
        cell.font = bold
    for spec in registered_sheets():
        for column in spec.columns:
            key_mark = "（主键）" if column.key in spec.key_columns else ""
            guide.append([spec.name, column.header, column.key, "是" if column.required else "否", column.note + key_mark])
    for letter, width in zip("ABCDE", (12, 24, 26, 6, 90)):
        guide.column_dimensions[letter].width = width
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    book.save(temporary)
    temporary.replace(path)
