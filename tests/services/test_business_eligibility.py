"""Eligibility through the database: once-per-person rules across an operator's businesses, successor
entries and retirements, county amounts, re-evaluation, the §3 output and imports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.business.entities import Application, Business, PersonStatus
from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.errors import Cancelled, RuleViolation, ValidationError
from desktop_app.domain.identity import id_check_character
from desktop_app.services import applications, desk_admin
from desktop_app.services import business_registry as registry
from desktop_app.store import applications_repo, audit

STARTUP = "ib.startup_subsidy"
CONVERSION = "ib.conversion_award"
DIRECTORY = "ib.directory_award"


def person(serial: int) -> str:
    body = f"41082119900101{serial:03d}"
    return body + id_check_character(body)


def uscc(serial: int, prefix: str = "92") -> str:
    return complete_uscc(f"{prefix}410821{serial:09d}")


def materials(ctx, policy: str) -> list[str]:
    return [m.name for m in applications.measure_spec(ctx, policy).materials]


@pytest.fixture
def desk(ctx, monkeypatch):
    monkeypatch.setattr(applications, "_today", lambda: date(2026, 6, 30))
    monkeypatch.setattr(desk_admin, "_today", lambda: date(2026, 6, 30))
    for serial, name in ((1, "王记面馆"), (2, "王记烧烤")):  # one operator, two businesses registered the same day
        registry.create_business(ctx, business=Business(uscc(serial), name, "王五", person(1), date(2022, 3, 1), "410821100000"))
    registry.save_person_status(ctx, status=PersonStatus(person(1), "返乡农民工", "王五", date(2020, 1, 1)))
    return ctx


def accept(ctx, policy: str, *, business: str, id_number: str | None = None, received_on: date, facts="") -> str:
    result = applications.intake(ctx, policy_id=policy, uscc=business, id_number=id_number, facts=facts,
                                 materials_received=materials(ctx, policy), received_on=received_on)
    assert result.accepted
    return result.receipt_no


def grant(ctx, receipt_no: str) -> None:
    applications.start_review(ctx, receipt_no=receipt_no)
    applications.approve(ctx, receipt_no=receipt_no)


def failed(result) -> list[str]:
    return [c.key for c in result.conditions if c.passed is not True]


def test_start_up_subsidy_once_per_person_across_two_businesses_of_one_operator(desk) -> None:
    first = accept(desk, STARTUP, business=uscc(1), id_number=person(1), received_on=date(2024, 3, 1))
    second = accept(desk, STARTUP, business=uscc(2), id_number=person(1), received_on=date(2024, 4, 1))
    assert applications.check(desk, second).eligible  # nothing granted yet
    grant(desk, first)
    result = applications.check(desk, second)
    assert not result.eligible and failed(result) == ["once_per_person"]
    assert first in " ".join(result.reasons)
    applications.start_review(desk, receipt_no=second)
    with pytest.raises(RuleViolation, match="已享受一次性创业补贴"):
        applications.approve(desk, receipt_no=second)


def test_conversion_award_only_for_the_operators_first_conversion(desk) -> None:
    for serial in (1, 2):
        stored = registry.get_business(desk, uscc(serial))
        converted = replace(stored.business, status="已转企", converted_on=date(2024, 4, 1), enterprise_type="有限公司",
                            enterprise_uscc=uscc(serial, "91"), credit_flag=False)
        registry.update_business(desk, business=converted, expected_version=stored.row_version)
    facts = "按期申报=是;连续纳税月数=6"
    first = accept(desk, CONVERSION, business=uscc(1, "91"), received_on=date(2025, 5, 6), facts=facts)
    second = accept(desk, CONVERSION, business=uscc(2), received_on=date(2025, 5, 7), facts=facts)
    assert applications.check(desk, first).eligible and applications.check(desk, second).eligible
    grant(desk, first)
    assert failed(applications.check(desk, second)) == ["first_conversion"]


def test_county_amount_setting_applies_to_directory_awards(desk) -> None:
    stored = registry.get_business(desk, uscc(1))
    joined = replace(stored.business, directory_joined_on=date(2024, 1, 10))
    registry.update_business(desk, business=joined, expected_version=1)
    receipt = accept(desk, DIRECTORY, business=uscc(1), received_on=date(2024, 2, 1))
    assert applications.check(desk, receipt).amount_fen == 300000  # the policy minimum
    desk_admin.set_county_amount(desk, county_code="410821000000", base_id=DIRECTORY, amount_fen=500000, day=date(2024, 2, 1))
    assert applications.check(desk, receipt).amount_fen == 500000
    with pytest.raises(ValidationError, match="低于政策最低标准"):
        desk_admin.set_county_amount(desk, county_code="410821000000", base_id=DIRECTORY, amount_fen=299999, day=date(2024, 2, 1))
    with pytest.raises(ValidationError):
        desk_admin.set_county_amount(desk, county_code="410821100000", base_id=DIRECTORY, amount_fen=500000)  # a township
    with pytest.raises(ValidationError):
        desk_admin.set_county_amount(desk, county_code="410821000000", base_id=STARTUP, amount_fen=500000)  # fixed amount
    assert desk_admin.county_amounts(desk) == {("410821000000", DIRECTORY): 500000}


def test_a_successor_entry_changes_eligibility_from_its_valid_from(desk) -> None:
    before = accept(desk, STARTUP, business=uscc(1), id_number=person(1), received_on=date(2025, 11, 3))
    after = accept(desk, STARTUP, business=uscc(2), id_number=person(1), received_on=date(2026, 3, 2))
    assert not applications.check(desk, after).eligible  # the shipped entry ended on 2025-12-31
    desk_admin.add_successor_entry(desk, predecessor_id=STARTUP, suffix="2026", valid_from=date(2026, 1, 1),
                                   valid_to=date(2027, 12, 31), params={"amount": 6000}, source_doc="焦政办〔2026〕1号")
    result = applications.check(desk, after)
    assert result.eligible and result.amount_fen == 600000 and result.entry_id == "ib.startup_subsidy@2026"
    assert applications.check(desk, before).amount_fen == 500000  # earlier receipt: earlier entry
    catalogue = desk_admin.effective_catalogue(desk)
    assert catalogue.version.endswith("+1") and "ib.startup_subsidy@2026" in catalogue
    assert [e["action"] for e in audit.entries_for(desk.db, "catalogue_entries", "ib.startup_subsidy@2026")] == ["add_successor"]
    summary, _ = applications.reevaluate_all(desk)
    assert applications.get_case(desk, after).verdict.amount_fen == 600000 and summary.changed == 1
    desk_admin.retire_entry(desk, rule_id="ib.startup_subsidy@2026", last_day=date(2026, 2, 28), reason="被焦政办〔2026〕9号废止")
    assert not applications.check(desk, after).eligible
    assert desk_admin.effective_catalogue(desk).get("ib.startup_subsidy@2026").valid_to == date(2026, 2, 28)


def test_applications_can_name_the_successor_directly(desk) -> None:
    desk_admin.add_successor_entry(desk, predecessor_id=STARTUP, suffix="2026", valid_from=date(2026, 1, 1),
                                   params={"amount": 6000}, source_doc="焦政办〔2026〕1号")
    receipt = accept(desk, "ib.startup_subsidy@2026", business=uscc(1), id_number=person(1), received_on=date(2026, 3, 2))
    assert applications.get_case(desk, receipt).verdict.amount_fen == 600000


def test_reevaluate_all_reports_progress_and_can_be_cancelled(desk) -> None:
    first = accept(desk, STARTUP, business=uscc(1), id_number=person(1), received_on=date(2024, 3, 1))
    accept(desk, STARTUP, business=uscc(2), id_number=person(1), received_on=date(2024, 4, 1))
    grant(desk, first)  # the second one's stored verdict (eligible at intake) is now stale
    reports: list[tuple[int, int]] = []
    summary, changes = applications.reevaluate_all(desk, lambda done, total, text: reports.append((done, total)))
    assert (summary.total, summary.eligible, summary.changed) == (2, 1, 1)
    assert reports[-1] == (2, 2) and changes.touches("applications")

    def cancel(done: int, total: int, text: str) -> None:
        if done:
            raise Cancelled("取消")

    desk.db.execute("UPDATE applications SET eligible = NULL")
    with pytest.raises(Cancelled):
        applications.reevaluate_all(desk, cancel)
    assert applications_repo.stored_verdicts(desk.db) == {}  # rolled back


def test_applications_document_is_the_interchange_list_as_of_a_day(desk) -> None:
    first = accept(desk, STARTUP, business=uscc(1), id_number=person(1), received_on=date(2024, 3, 1))
    second = accept(desk, STARTUP, business=uscc(2), id_number=person(1), received_on=date(2024, 4, 1))
    grant(desk, first)
    document = applications.applications_document(desk, as_of=date(2025, 12, 31))
    assert [d["receipt_no"] for d in document] == [first, second]
    assert document[0] == {"receipt_no": first, "policy": STARTUP, "eligible": True, "amount": 5000.0,
                           "failed_rules": [], "reasons": ["符合全部条件，核定金额5,000.00元"]}
    assert document[1]["eligible"] is False and document[1]["failed_rules"] == [STARTUP]
    assert person(1) not in str(document)  # ID numbers are masked in reasons
    assert [d["receipt_no"] for d in applications.applications_document(desk, as_of=date(2024, 3, 15))] == [first]


def test_import_assigns_receipt_numbers_and_refuses_bad_rows_naming_them(desk) -> None:
    good = Application("", "ib.guarantee_loan", date(2024, 5, 6), uscc(1).lower(), None, None, {"贷款类型": "混合", "贷款金额": "350000"})
    changes = applications.import_applications(desk, applications=[good], rows=[2], sheet="政策申请")
    [receipt] = changes.keys
    assert receipt == "410821202405060001"
    case = applications.get_case(desk, receipt)
    assert case.application.uscc == uscc(1) and case.promised_on == date(2024, 5, 20)
    bad = [Application("", "ib.nothing", date(2024, 5, 6), uscc(1)),
           Application("", "ib.guarantee_loan", date(2024, 5, 6), uscc(1), facts={"贷款类型": "贴息"})]
    before = audit.count(desk.db)
    with pytest.raises(ValidationError) as error:
        applications.import_applications(desk, applications=bad, rows=[3, 4], sheet="政策申请")
    assert [(p.sheet, p.row, p.field) for p in error.value.problems] == [("政策申请", 3, "policy"), ("政策申请", 4, "facts")]
    assert audit.count(desk.db) == before and applications_repo.count(desk.db) == 1
    updated = Application(receipt, "ib.guarantee_loan", date(2024, 5, 6), uscc(1), None, None,
                          {"贷款类型": "混合", "贷款金额": "400000"}, "审核中")
    assert applications.import_applications(desk, applications=[updated]).updated == 1
    assert applications.get_case(desk, receipt).application.facts["贷款金额"] == "400000.00"
