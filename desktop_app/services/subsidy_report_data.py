"""The data of the 补助资金台账 (report kind ``subsidy-statement``): the subsidy ledger of a county-level
unit or the city for one year (:func:`subsidies.statement_data`, limited to the actor's scope),
shaped as the plain records of :mod:`desktop_app.reports.subsidy_models`.

Raises ValidationError for a year without any entitlement, budget or payment in scope.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from desktop_app.domain.divisions import Division, township_code_of
from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.domain.subsidies import FACILITY_PAYEE, PROGRAMMES, Ledger, PayeeLine, ProgrammeSummary
from desktop_app.reports.subsidy_models import PayeeRow, ProgrammeSection, SourceFigures, SubsidyStatementData
from desktop_app.services import subsidies
from desktop_app.services.context import ServiceContext
from desktop_app.store import divisions_repo


def _row(line: PayeeLine, townships: dict[str, str]) -> PayeeRow:
    e = line.entitlement
    person = e.payee_kind != FACILITY_PAYEE
    return PayeeRow(
        name=e.payee_name, code="" if person else e.payee, id_number=e.payee if person else "",
        township_name=townships.get(township_code_of(e.division_code), ""), entitled=line.entitled,
        paid_by_source=dict(line.paid_by_source), paid=line.paid, status=line.status, gap=e.gap or "",
        overdue=line.overdue, overpaid=line.overpaid,
    )


def _section(summary: ProgrammeSummary, ledger: Ledger, county_name: str, titles: dict[str, str],
             citations: dict[str, str], townships: dict[str, str]) -> ProgrammeSection:
    lines = ledger.lines_of(summary.programme, summary.county_code)
    sources = tuple(
        SourceFigures(s, summary.entitled_by_source.get(s, 0), summary.budget_by_source.get(s, 0),
                      summary.paid_by_source.get(s, 0))
        for s in summary.sources
    )
    return ProgrammeSection(
        county_name, summary.programme, titles[summary.programme], citations[summary.programme], sources,
        tuple(_row(line, townships) for line in lines), summary.unknown, summary.arrears, summary.overpaid,
        summary.overdue_payees, summary.overpaid_payees,
    )


def statement(ctx: ServiceContext, *, division: Division, year: int, as_of: date) -> SubsidyStatementData:
    """The statement of ``division`` (a county-level unit or the city) for ``year``, payments up to
    ``as_of``: one section per county and programme that has payees or a budget.

    Raises ValidationError when nothing is entitled, budgeted or paid in scope that year.
    """
    data = subsidies.statement_data(ctx, division_code=division.code, year=year, as_of=as_of)
    ledger = data.ledger
    townships = {d.code: d.name for d in divisions_repo.all_divisions(ctx.db) if d.level == "township"}
    sections = tuple(
        _section(summary, ledger, data.county_names.get(summary.county_code or "", ""), dict(data.titles),
                 dict(data.citations), townships)
        for summary in sorted(ledger.summaries, key=lambda s: (s.county_code or "", PROGRAMMES.index(s.programme)))
        if summary.payees or summary.budgeted or summary.paid
    )
    if not sections:
        raise ValidationError(Problem("year", f"{division.name}没有{year}年的补助数据（无应补助对象、预算和发放记录）"))
    gaps = Counter(line.entitlement.gap or line.status for line in ledger.lines if line.entitled is None)
    notes = tuple(f"{gap} {count} 户/人" for gap, count in sorted(gaps.items()))
    return SubsidyStatementData(division.name, year, as_of, sections, city=division.level == "city", unknown_notes=notes)
