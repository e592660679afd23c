"""Workbook use cases: write the template, import a workbook (all-or-nothing), export everything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.errors import ValidationError
from desktop_app.interchange.sheets import SheetOutcome, registered_sheets
from desktop_app.interchange.workbook import read_workbook, write_workbook
from desktop_app.services.context import Changes, ServiceContext
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


def export_workbook(ctx: ServiceContext, path: Path, *, progress: ProgressCallback | None = None) -> Path:
    """Write the whole database in the workbook format (re-importing it changes nothing)."""
    report = progress or (lambda done, total, text: None)
    specs = registered_sheets()
    data = {}
    for index, spec in enumerate(specs):
        report(index, len(specs) + 1, f"导出 {spec.name}")
        data[spec.key] = list(spec.export(ctx))
    write_workbook(Path(path), data)
    report(len(specs) + 1, len(specs) + 1, "完成")
    return Path(path)
