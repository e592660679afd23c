"""Workbook use cases: write the template, import a workbook (all-or-nothing), export everything.

An export is the interchange format that imports again, so it holds full ID numbers (人员,
经营者, 人员身份, 申请): it needs the IMPORT right and, in any case, VIEW_FULL_ID. Masked data
for reading goes out as printed reports instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.errors import PermissionDenied, Problem, ValidationError
from desktop_app.domain.security import IMPORT, VIEW_FULL_ID, allowed
from desktop_app.interchange.sheets import ParsedRow, SheetOutcome, SheetSpec, registered_sheets
from desktop_app.interchange.workbook import read_workbook, write_workbook
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.services.permissions import guarded, scope_filter, visible
from desktop_app.store import audit
from desktop_app.store.connection import write_transaction

ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ImportReport:
    """Per sheet (English key): rows inserted, updated and unchanged."""

    sheets: dict[str, SheetOutcome]
    changes: Changes

    def summary(self) -> str:
        """One line per sheet, e.g. ``村庄：新增 3，更新 1，未变 10``."""
        names = {s.key: s.name for s in registered_sheets()}
        return "\n".join(
            f"{names.get(k, k)}：新增 {o.inserted}，更新 {o.updated}，未变 {o.unchanged}" for k, o in self.sheets.items()
        )


def write_template(path: Path) -> Path:
    """Write an empty workbook with every sheet, its headers, drop-downs and the 说明 sheet."""
    write_workbook(Path(path), {}, template=True)
    return Path(path)


def _out_of_scope(ctx: ServiceContext, spec: SheetSpec, rows: list[ParsedRow]) -> list[Problem]:
    """Rows a county/township user may not write: outside the scope, or a non-divisional sheet."""
    if scope_filter(ctx) is None or not rows:
        return []
    if spec.division_of is None:
        return [Problem("", "此工作表只能由全市范围的用户导入", row=rows[0].row, sheet=spec.name)]
    problems = []
    for parsed in rows:
        code = spec.division_of(ctx, parsed.values)
        if code is not None and not visible(ctx, code):
            problems.append(Problem("", f"该行所属区划 {code} 不在您的管辖范围内", row=parsed.row, sheet=spec.name))
    return problems


@guarded(IMPORT)
def import_workbook(ctx: ServiceContext, path: Path, *, progress: ProgressCallback | None = None) -> ImportReport:
    """Import every sheet present in one transaction; a known key updates, a new key inserts.

    Raises ValidationError listing every problem (sheet, row, column, reason); then nothing
    has been written.
    """
    report = progress or (lambda done, total, text: None)
    report(0, 3, "读取工作簿")
    parsed = read_workbook(Path(path))
    outcomes: dict[str, SheetOutcome] = {}
    problems = []
    specs = [s for s in registered_sheets() if s.key in parsed]
    with write_transaction(ctx.db):
        for index, spec in enumerate(specs):
            report(1 + index, len(specs) + 2, f"导入 {spec.name}")
            refused = _out_of_scope(ctx, spec, parsed[spec.key])
            if refused:
                problems.extend(refused)
                continue
            outcome = spec.apply(ctx, parsed[spec.key])
            outcomes[spec.key] = outcome
            problems.extend(outcome.problems)
        if problems:
            raise ValidationError(problems)
        counts = {k: {"inserted": o.inserted, "updated": o.updated, "unchanged": o.unchanged} for k, o in outcomes.items()}
        audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "import", None, Path(path).name, None, counts)])
    report(len(specs) + 2, len(specs) + 2, "完成")
    return ImportReport(
        outcomes,
        Changes(
            frozenset(outcomes),
            inserted=sum(o.inserted for o in outcomes.values()),
            updated=sum(o.updated for o in outcomes.values()),
        ),
    )


@guarded(IMPORT)
def export_workbook(ctx: ServiceContext, path: Path, *, progress: ProgressCallback | None = None) -> Path:
    """Write the whole database in the workbook format (re-importing it changes nothing).

    A county or township user gets the rows of his scope only (non-divisional sheets are empty).
    Raises PermissionDenied for a role that may not see full ID numbers (the sheets hold them).
    """
    if not allowed(ctx.actor.role, VIEW_FULL_ID):
        raise PermissionDenied(f"导出的工作簿含完整身份证号，“{ctx.actor.role}”角色无权导出")
    report = progress or (lambda done, total, text: None)
    specs = registered_sheets()
    data = {}
    for index, spec in enumerate(specs):
        report(index, len(specs) + 1, f"导出 {spec.name}")
        rows = spec.export(ctx)
        if scope_filter(ctx) is not None:
            rows = [r for r in rows if spec.division_of is not None and visible(ctx, spec.division_of(ctx, r))]
        data[spec.key] = list(rows)
    write_workbook(Path(path), data)
    report(len(specs) + 1, len(specs) + 1, "完成")
    return Path(path)
