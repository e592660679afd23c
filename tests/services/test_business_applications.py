"""The counter's case flow: intake with receipt numbers, promised dates and one-time notices, the
allowed transitions and the refused ones, overrides, payment, reopening and the work lists."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop_app.domain.actor import Actor
from desktop_app.domain.business.entities import Application, Business, PersonStatus
from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.errors import PermissionDenied, RuleViolation, ValidationError
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.security import READ_ONLY
from desktop_app.domain.working_days import MAKE_UP_WORKDAY, REST_DAY
from desktop_app.services import applications, desk_admin
from desktop_app.services import business_registry as registry
from desktop_app.store import applications_repo, audit
from desktop_app.store.desk_settings_repo import CalendarDay

TODAY = date(2025, 6, 30)
STARTUP = "ib.startup_subsidy"
LOAN = "ib.guarantee_loan"


def person(serial: int) -> str:
    body = f"41082119900101{serial:03d}"
    return body + id_check_character(body)


def uscc(serial: int, area: str = "410821") -> str:
    return complete_uscc(f"92{area}{serial:09d}")


def materials(ctx, policy: str) -> list[str]:
    return [m.name for m in applications.measure_spec(ctx, policy).materials]


@pytest.fixture
def desk(ctx, monkeypatch):
    monkeypatch.setattr(applications, "_today", lambda: TODAY)
    registry.create_business(ctx, business=Business(uscc(1), "王记面馆", "王五", person(1), date(2022, 3, 1), "410821100000"))
    registry.create_business(ctx, business=Business(uscc(2, "410882"), "沁阳李家超市", "李四", person(2), date(2021, 3, 1), "410882001000"))
    registry.save_person_status(ctx, status=PersonStatus(person(1), "返乡农民工", "王五", date(2020, 1, 1)))
    return ctx


def take(ctx, policy: str = STARTUP, *, business: str | None = None, id_number: str | None = None,
         received_on: date = date(2025, 3, 3), facts="", **more):
    if policy == STARTUP:
        business, id_number = business or uscc(1), id_number or person(1)
    elif policy == LOAN:
        business = business or uscc(1)
        facts = facts or "贷款类型=贴息;贷款金额=100000"
    return applications.intake(ctx, policy_id=policy, uscc=business, id_number=id_number, facts=facts,
                               materials_received=more.pop("materials_received", materials(ctx, policy)),
                               received_on=received_on, **more)


def test_an_accepted_case_gets_a_receipt_number_promised_date_and_verdict(desk) -> None:
    result = take(desk)
    assert result.accepted and result.notice is None
    assert re.fullmatch(r"410821202503030001", result.receipt_no)
    assert result.promised_on == date(2025, 3, 17)  # 10 working days
    assert result.eligibility.eligible and result.eligibility.amount_fen == 500000
    case = applications.get_case(desk, result.receipt_no)
    assert case.status == "已受理" and case.handler == desk.actor.name and case.verdict.amount_fen == 500000
    assert [(e.actor, e.from_status, e.to_status) for e in applications.events(desk, result.receipt_no)] == [
        (desk.actor.name, None, "已受理")]
    assert [e["action"] for e in audit.entries_for(desk.db, "applications", result.receipt_no)] == ["intake"]


def test_receipt_serials_run_per_county_per_day_and_are_unique(desk) -> None:
    numbers = [take(desk, LOAN).receipt_no, take(desk, LOAN).receipt_no,
               take(desk, LOAN, business=uscc(2, "410882")).receipt_no,
               take(desk, LOAN, received_on=date(2025, 3, 4)).receipt_no, take(desk, LOAN).receipt_no]
    assert numbers == ["410821202503030001", "410821202503030002", "410882202503030001",
                       "410821202503040001", "410821202503030003"]
    assert all(re.fullmatch(r"\d{6}\d{8}\d{4}", n) for n in numbers)
    assert len(set(numbers)) == len(numbers)


def test_a_number_taken_by_an_imported_case_is_skipped(desk) -> None:
    imported = Application("410821202503030001", LOAN, date(2025, 3, 3), uscc(1), None, None,
                           {"贷款类型": "贴息", "贷款金额": "1000"})
    applications.import_applications(desk, applications=[imported])
    assert take(desk, LOAN).receipt_no == "410821202503030002"


def test_promised_date_counts_working_days_over_the_spring_festival(desk) -> None:
    days = [CalendarDay(date(2025, 1, d), REST_DAY) for d in (28, 29, 30, 31)] + [
        CalendarDay(date(2025, 2, d), REST_DAY) for d in (3, 4)] + [
        CalendarDay(date(2025, 1, 26), MAKE_UP_WORKDAY), CalendarDay(date(2025, 2, 8), MAKE_UP_WORKDAY)]
    desk_admin.set_calendar_year(desk, year=2025, days=days)
    assert take(desk, LOAN, received_on=date(2025, 1, 24)).promised_on == date(2025, 2, 13)
    desk_admin.set_promised_working_days(desk, base_id=LOAN, days=5)
    assert take(desk, LOAN, received_on=date(2025, 1, 24)).promised_on == date(2025, 2, 7)


def test_missing_materials_produce_one_notice_listing_all_of_them_and_no_case(desk) -> None:
    needed = materials(desk, STARTUP)
    result = take(desk, materials_received=needed[:1])
    assert not result.accepted and result.receipt_no is None
    notice = applications.get_notice(desk, result.notice.notice_no)
    assert notice.materials_missing == tuple(needed[1:]) and notice.materials_received == (needed[0],)
    assert notice.applicant_name == "王记面馆" and notice.policy_title.startswith("一次性创业补贴")
    assert notice.citation == "焦政办〔2023〕29号 三（四）21" and notice.notice_no == "GZ410821202503030001"
    assert applications_repo.count(desk.db) == 0
    assert registry.business_detail(desk, uscc(1)).notice_nos == [notice.notice_no]
    clerk = desk.actor
    desk.actor = Actor("boai", role=READ_ONLY, scope_code="410822000000")  # another county's reader
    with pytest.raises(PermissionDenied):
        applications.get_notice(desk, notice.notice_no)
    desk.actor = clerk
    waived = take(desk, materials_received=needed[:2], materials_waived=needed[2:])
    assert waived.accepted and waived.receipt_no == "410821202503030001"  # notices use their own serials
    assert applications.get_case(desk, waived.receipt_no).materials_waived == tuple(needed[2:])


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"policy_id": "ib.unknown"}, "policy"),
    ({"policy_id": "hc.village_clinic.seven_rooms"}, "policy"),
    ({"uscc": "924108210000000010"}, "uscc"),  # wrong check character
    ({"uscc": uscc(99)}, "uscc"),  # valid, not registered
    ({"id_number": "410821199001010010"}, "id_number"),
    ({"id_number": None}, "id_number"),  # the start-up subsidy needs the person
    ({"policy_id": "ib.conversion_award", "facts": "按期申报=是;连续纳税月数=三"}, "facts"),  # wrong type
    ({"policy_id": "ib.conversion_award", "facts": "按期申报=是"}, "facts"),  # missing fact
    ({"policy_id": "ib.conversion_award", "facts": "按期申报=是;连续纳税月数=3;年营业额=9"}, "facts"),  # unknown fact
    ({"policy_id": LOAN, "facts": "贷款类型=信用;贷款金额=1000"}, "facts"),  # not an option
    ({"materials_received": ["户口本"]}, "materials_received"),
    ({"received_on": date(2025, 7, 1)}, "received_on"),  # after today
    ({"amount_requested_fen": -1}, "amount_requested"),
])
def test_bad_input_is_refused_with_reasons_and_nothing_is_written(desk, kwargs, field) -> None:
    values = {"policy_id": STARTUP, "uscc": uscc(1), "id_number": person(1), "facts": "",
              "materials_received": materials(desk, STARTUP), "received_on": date(2025, 3, 3)}
    values.update(kwargs)
    if values["policy_id"] in ("ib.conversion_award", LOAN) and "materials_received" not in kwargs:
        values["materials_received"] = materials(desk, values["policy_id"])
    before = audit.count(desk.db)
    with pytest.raises(ValidationError) as error:
        applications.intake(desk, **values)
    assert field in error.value.by_field(), error.value.by_field()
    assert audit.count(desk.db) == before
    for table in ("applications", "missing_material_notices", "desk_serials", "application_events"):
        assert desk.db.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table


def test_every_problem_is_reported_at_once(desk) -> None:
    with pytest.raises(ValidationError) as error:
        applications.intake(desk, policy_id="ib.conversion_award", uscc="92X", facts="按期申报=也许",
                            materials_received=["户口本"], received_on=date(2025, 3, 3))
    assert {"uscc", "facts", "materials_received"} <= set(error.value.by_field())


def test_the_allowed_path_to_payment(desk) -> None:
    receipt = take(desk).receipt_no
    applications.start_review(desk, receipt_no=receipt, expected_version=1)
    applications.approve(desk, receipt_no=receipt, expected_version=2)
    applications.pay(desk, receipt_no=receipt, voucher_no="PZ-2025-001", paid_on=date(2025, 4, 1), amount_fen=450000)
    case = applications.get_case(desk, receipt)
    assert (case.status, case.approved_amount_fen, case.paid_amount_fen, case.voucher_no) == ("已发放", 500000, 450000, "PZ-2025-001")
    assert not case.overridden and case.decided_by == desk.actor.name
    assert [(e.action, e.from_status, e.to_status) for e in applications.events(desk, receipt)] == [
        ("intake", None, "已受理"), ("start_review", "已受理", "审核中"), ("approve", "审核中", "已批准"), ("pay", "已批准", "已发放")]
    assert all(e.at for e in applications.events(desk, receipt))


def test_disallowed_transitions_are_refused(desk) -> None:
    receipt = take(desk).receipt_no
    with pytest.raises(RuleViolation, match="不能批准"):
        applications.approve(desk, receipt_no=receipt)  # not reviewed yet
    with pytest.raises(RuleViolation, match="不能发放"):
        applications.pay(desk, receipt_no=receipt, voucher_no="V1", paid_on=TODAY)
    applications.start_review(desk, receipt_no=receipt)
    applications.refuse(desk, receipt_no=receipt, reasons=["材料与实际经营不符"])
    with pytest.raises(RuleViolation, match="不予批准.*不能发放"):
        applications.pay(desk, receipt_no=receipt, voucher_no="V1", paid_on=TODAY)
    with pytest.raises(RuleViolation, match="不能修改"):
        applications.amend_application(desk, receipt_no=receipt, expected_version=3, facts="")
    with pytest.raises(RuleViolation, match="不能开始审核"):
        applications.start_review(desk, receipt_no=receipt)
    assert applications.get_case(desk, receipt).decision_reasons == ("材料与实际经营不符",)


def test_refusal_and_reopening_need_written_reasons(desk) -> None:
    receipt = take(desk).receipt_no
    applications.start_review(desk, receipt_no=receipt)
    with pytest.raises(ValidationError):
        applications.refuse(desk, receipt_no=receipt, reasons=["  "])
    applications.refuse(desk, receipt_no=receipt, reasons=["经营场所核查不符"])
    with pytest.raises(ValidationError):
        applications.reopen(desk, receipt_no=receipt, reason="")
    applications.reopen(desk, receipt_no=receipt, reason="申请人补充了经营场所证明")
    case = applications.get_case(desk, receipt)
    assert case.status == "审核中" and case.decision_reasons == () and case.decided_by is None
    assert applications.events(desk, receipt)[-1].note == "申请人补充了经营场所证明"
    applications.approve(desk, receipt_no=receipt)
    assert applications.get_case(desk, receipt).status == "已批准"


def test_payment_checks_amount_voucher_and_date(desk) -> None:
    first, second = take(desk, LOAN).receipt_no, take(desk, LOAN).receipt_no
    for receipt in (first, second):
        applications.start_review(desk, receipt_no=receipt)
        applications.approve(desk, receipt_no=receipt)
    with pytest.raises(ValidationError) as error:
        applications.pay(desk, receipt_no=first, voucher_no="V1", paid_on=TODAY, amount_fen=10_000_001)
    assert "amount" in error.value.by_field()
    applications.pay(desk, receipt_no=first, voucher_no="V1", paid_on=TODAY)
    with pytest.raises(ValidationError) as error:
        applications.pay(desk, receipt_no=second, voucher_no="V1", paid_on=date(2025, 7, 2))
    assert set(error.value.by_field()) == {"voucher_no", "paid_on"}
    with pytest.raises(ValidationError):
        applications.pay(desk, receipt_no=second, voucher_no=" ", paid_on=TODAY)
    with pytest.raises(RuleViolation, match="不能重新办理"):
        applications.reopen(desk, receipt_no=first, reason="想改金额")


def test_withdrawal_is_recorded_and_ends_the_case(desk) -> None:
    receipt = take(desk).receipt_no
    applications.withdraw(desk, receipt_no=receipt, reason="申请人主动撤回")
    case = applications.get_case(desk, receipt)
    assert case.status == "已撤回" and case.withdrawal_reason == "申请人主动撤回" and case.withdrawn_by == desk.actor.name
    with pytest.raises(RuleViolation):
        applications.withdraw(desk, receipt_no=receipt, reason="再撤一次")


def test_approving_an_ineligible_case_needs_a_written_override_which_is_flagged(desk) -> None:
    receipt = take(desk, id_number=person(1), business=uscc(1), received_on=date(2023, 3, 1)).receipt_no  # before the policy
    assert not applications.check(desk, receipt).eligible
    applications.start_review(desk, receipt_no=receipt)
    with pytest.raises(RuleViolation, match="书面理由"):
        applications.approve(desk, receipt_no=receipt, amount_fen=500000)
    with pytest.raises(ValidationError) as error:
        applications.approve(desk, receipt_no=receipt, override_reason="县政府专题会议纪要〔2025〕3号同意")
    assert "amount" in error.value.by_field()
    applications.approve(desk, receipt_no=receipt, amount_fen=500000, override_reason="县政府专题会议纪要〔2025〕3号同意")
    case = applications.get_case(desk, receipt)
    assert case.status == "已批准" and case.overridden and case.override_reason.startswith("县政府")
    entry = audit.entries_for(desk.db, "applications", receipt)[-1]
    assert entry["action"] == "approve_override" and "县政府专题会议纪要" in entry["after_json"]
    listing = applications.application_list(desk)
    assert listing.count(ListQuery(filters={"overridden": 1})) == 1


def test_approving_above_the_engine_amount_is_an_override_too(desk) -> None:
    receipt = take(desk).receipt_no
    applications.start_review(desk, receipt_no=receipt)
    with pytest.raises(RuleViolation, match="高于核定金额"):
        applications.approve(desk, receipt_no=receipt, amount_fen=600000)
    applications.approve(desk, receipt_no=receipt, amount_fen=400000, reasons=["按实际经营月份核减"])
    case = applications.get_case(desk, receipt)
    assert not case.overridden and case.approved_amount_fen == 400000 and case.decision_reasons == ("按实际经营月份核减",)


def test_an_open_case_can_be_amended_and_is_reevaluated(desk) -> None:
    receipt = take(desk, LOAN, facts="贷款类型=贴息;贷款金额=300000").receipt_no
    assert not applications.get_case(desk, receipt).verdict.eligible
    applications.amend_application(desk, receipt_no=receipt, expected_version=1, facts={"贷款类型": "混合", "贷款金额": "300000"})
    case = applications.get_case(desk, receipt)
    assert case.verdict.eligible and case.application.facts == {"贷款类型": "混合", "贷款金额": "300000.00"}
    with pytest.raises(RuleViolation, match="他人"):
        applications.amend_application(desk, receipt_no=receipt, expected_version=1, facts="贷款类型=贴息;贷款金额=1")


def test_work_lists(desk) -> None:
    early = take(desk, LOAN, received_on=date(2025, 6, 2)).receipt_no  # due 2025-06-16: overdue on 30 June
    soon = take(desk, LOAN, received_on=date(2025, 6, 17)).receipt_no  # due 2025-07-01
    later = take(desk, LOAN, received_on=date(2025, 6, 27)).receipt_no  # due 2025-07-11
    done = take(desk, LOAN, received_on=date(2025, 6, 3)).receipt_no
    applications.withdraw(desk, receipt_no=done, reason="撤回")
    desk.actor = Actor("reviewer")
    applications.start_review(desk, receipt_no=later)
    listing = applications.application_list(desk)

    def receipts(kind: str, **filters) -> list[str]:
        query = applications.work_list_query(desk, kind=kind, today=TODAY, filters=filters)
        rows = listing.fetch_rows(listing.fetch_ids(query))
        return [rows[i][0] for i in listing.fetch_ids(query)]

    assert receipts("mine") == [later]
    assert receipts("due_soon") == [soon]
    assert receipts("overdue") == [early]
    assert receipts("overdue", policy=STARTUP) == []
    assert listing.count(ListQuery(filters={"status": "已撤回", "policy": LOAN})) == 1
    with pytest.raises(ValueError):
        applications.work_list_query(desk, kind="everything")


def test_stale_versions_are_refused(desk) -> None:
    receipt = take(desk).receipt_no
    applications.start_review(desk, receipt_no=receipt, expected_version=1)
    with pytest.raises(RuleViolation, match="他人"):
        applications.withdraw(desk, receipt_no=receipt, reason="撤回", expected_version=1)
