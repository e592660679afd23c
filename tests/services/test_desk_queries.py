"""Read-only look-ups of the desk pages: intake forms, the business picker (masked) and the intake
applicant (full ID), the decision screen's case view, work-list counts, fraud signals and the
catalogue page's rows."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.business import signals
from desktop_app.domain.business.entities import Business, PersonStatus
from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import NotFound, PermissionDenied
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.security import CITY_CODE, COUNTER_CLERK, READ_ONLY, REVIEWER
from desktop_app.services import applications, desk_admin, desk_queries
from desktop_app.services import business_registry as registry

STARTUP, LOAN, HIRING, SKILL = "ib.startup_subsidy", "ib.guarantee_loan", "emp.expansion_subsidy", "emp.skill_subsidy"


def person(serial: int) -> str:
    body = f"41082119870707{serial:03d}"
    return body + id_check_character(body)


def uscc(serial: int, area: str = "410821") -> str:
    return complete_uscc(f"92{area}{990000000 + serial:09d}")


def materials(ctx, policy: str) -> list[str]:
    return [m.name for m in applications.measure_spec(ctx, policy).materials]


@pytest.fixture
def desk(ctx):
    registry.create_business(ctx, business=Business(uscc(1), "测试王记面馆", "王五", person(1), date(2022, 3, 1), "410821100000"))
    registry.create_business(ctx, business=Business(uscc(2, "410882"), "测试王五烟酒店", "王五", person(1), date(2023, 5, 1),
                                                    "410882001000"))
    registry.save_person_status(ctx, status=PersonStatus(person(1), "返乡农民工", "王五", date(2020, 1, 1)))
    return ctx


def take(ctx, policy: str, *, business: str, received_on: date, **more):
    return applications.intake(ctx, policy_id=policy, uscc=business, received_on=received_on,
                               materials_received=materials(ctx, policy), **more)


def test_intake_forms_list_every_measure_with_its_facts_options_and_window(ctx) -> None:
    forms = {f.base_id: f for f in desk_queries.intake_forms(ctx, day=date(2025, 3, 3))}
    assert len(forms) == 9 and all(f.in_force == f.base_id.startswith("ib.") for f in forms.values())
    loan = forms[LOAN]
    assert [(f.spec.key, f.options) for f in loan.facts] == [("贷款类型", ("贴息", "混合", "非贴息")), ("贷款金额", ())]
    assert loan.needs_business and not loan.needs_person and loan.promised_days == 10
    assert forms[STARTUP].needs_business and forms[STARTUP].needs_person and forms[STARTUP].facts == ()
    assert forms[SKILL].facts[0].options == ("初级", "中级", "高级", "不分级") and not forms[SKILL].needs_business
    later = {f.base_id: f for f in desk_queries.intake_forms(ctx, day=date(2026, 3, 3))}
    assert not later[LOAN].in_force and later[LOAN].window == "2023-07-13 至 2025-12-31"


def test_a_successor_entry_supplies_the_choice_options_in_force(ctx) -> None:
    desk_admin.add_successor_entry(ctx, predecessor_id=SKILL, suffix="2024", valid_from=date(2024, 1, 1),
                                   params={"amount_by_level": {"初级": 1200, "中级": 1600, "高级": 2200, "不分级": 1600}},
                                   source_doc="测试文件")
    skill = next(f for f in desk_queries.intake_forms(ctx, day=date(2024, 6, 1)) if f.base_id == SKILL)
    assert skill.entry_id == f"{SKILL}@2024" and skill.in_force


def test_the_picker_masks_operator_ids_and_the_intake_applicant_carries_the_full_one(desk) -> None:
    found, total = desk_queries.find_businesses(desk, "cswjmg")
    assert total == 1 and found[0].name == "测试王记面馆" and found[0].township == "城关镇"
    assert found[0].operator_id_masked == person(1)[:4] + "*" * 10 + person(1)[-4:]
    found, total = desk_queries.find_businesses(desk, "测试", limit=1)
    assert len(found) == 1 and total == 2
    applicant = desk_queries.intake_applicant(desk, uscc(1))
    assert applicant.operator_id_number == person(1) and applicant.registered_on == date(2022, 3, 1)
    with pytest.raises(NotFound):
        desk_queries.intake_applicant(desk, uscc(9))


@pytest.mark.parametrize(("role", "scope"), [(READ_ONLY, CITY_CODE), (REVIEWER, CITY_CODE), (COUNTER_CLERK, "410882000000")])
def test_the_intake_applicant_needs_the_intake_right_inside_the_businesss_division(desk, role, scope) -> None:
    desk.actor = Actor("test:other", role=role, scope_code=scope)
    with pytest.raises(PermissionDenied):
        desk_queries.intake_applicant(desk, uscc(1))
    desk.actor = Actor("test:xiuwu-clerk", role=COUNTER_CLERK, scope_code="410821000000")
    assert desk_queries.intake_applicant(desk, uscc(1)).operator_id_number == person(1)


def test_the_case_view_has_the_conditions_facts_materials_and_allowed_actions(desk) -> None:
    hires = f"{person(11)},{person(12)}"
    result = applications.intake(desk, policy_id=HIRING, uscc=uscc(1), facts={"招用人员": hires},
                                 materials_received=materials(desk, HIRING)[:4], materials_waived=materials(desk, HIRING)[4:],
                                 received_on=date(2023, 9, 1))
    view = desk_queries.case_view(desk, result.receipt_no, today=date(2026, 1, 1))
    assert view.facts == (("招用人员身份证号", f"{person(11)[:4]}{'*' * 10}{person(11)[-4:]}、{person(12)[:4]}{'*' * 10}{person(12)[-4:]}"),)
    assert [state for _name, state in view.materials] == ["已收取"] * 4 + ["不适用"]
    assert view.allowed == ("start_review", "withdraw") and view.overdue
    assert view.applicant_name == "测试王记面馆" and view.id_masked == ""
    assert view.eligibility.conditions and view.events[0].action == "intake"
    assert person(11) not in str(view.facts) and person(12) not in str(view.facts)
    applications.start_review(desk, receipt_no=result.receipt_no)
    assert desk_queries.case_view(desk, result.receipt_no).allowed == ("approve", "refuse", "withdraw")


def test_allowed_actions_follow_the_transitions() -> None:
    assert desk_queries.allowed_actions("已批准") == ("pay", "withdraw", "reopen")
    assert desk_queries.allowed_actions("已发放") == ()


def test_work_list_counts(desk) -> None:
    old = take(desk, STARTUP, business=uscc(1), id_number=person(1), received_on=date(2025, 3, 3))
    counts = desk_queries.work_list_counts(desk, today=date(2025, 3, 5))
    assert counts == {"mine": 1, "due_soon": 0, "overdue": 0, "all": 1}
    assert desk_queries.work_list_counts(desk, today=date(2025, 3, 14))["due_soon"] == 1  # due 2025-03-17
    assert desk_queries.work_list_counts(desk, today=date(2025, 4, 1))["overdue"] == 1
    query = desk_queries.work_list_query(desk, kind="all", search=old.receipt_no)
    assert applications.application_list(desk).count(query) == 1


def test_fraud_signals_name_the_cases_and_mask_ids(desk) -> None:
    first = take(desk, STARTUP, business=uscc(1), id_number=person(1), received_on=date(2025, 3, 3))
    second = take(desk, STARTUP, business=uscc(2, "410882"), id_number=person(1), received_on=date(2023, 3, 3))
    found = {s.kind: s for s in desk_queries.fraud_signals(desk)}
    assert set(found) == {signals.PERSON_CLAIMED_TWICE, signals.ID_IN_SEVERAL_COUNTIES, signals.RECEIVED_BEFORE_REGISTRATION}
    assert set(found[signals.PERSON_CLAIMED_TWICE].receipt_nos) == {first.receipt_no, second.receipt_no}
    assert found[signals.RECEIVED_BEFORE_REGISTRATION].receipt_nos == (second.receipt_no,)
    assert not any(person(1) in s.message for s in found.values())


def test_catalogue_rows_show_states_successors_retirements_and_promised_days(ctx) -> None:
    desk_admin.add_successor_entry(ctx, predecessor_id=LOAN, suffix="2026", valid_from=date(2026, 1, 1),
                                   params={"subsidised_max": 300000}, source_doc="测试文件")
    desk_admin.retire_entry(ctx, rule_id=STARTUP, last_day=date(2025, 6, 30), reason="测试调整")
    desk_admin.set_promised_working_days(ctx, base_id=LOAN, days=5)
    rows = {r.entry_id: r for r in desk_queries.catalogue_rows(ctx, today=date(2026, 3, 1))}
    assert len(rows) == 10
    assert rows[f"{LOAN}@2026"].state == desk_queries.IN_FORCE and rows[LOAN].state == desk_queries.EXPIRED
    assert ("subsidised_max", "300000", 300000) in rows[f"{LOAN}@2026"].params
    assert rows[STARTUP].state == desk_queries.RETIRED and rows[STARTUP].retired == (date(2025, 6, 30), "测试调整")
    assert rows[f"{LOAN}@2026"].promised_days == 5 and rows[LOAN].materials
    assert desk_queries.policy_titles(ctx)[f"{LOAN}@2026"] == rows[LOAN].title


def test_county_amount_rows_show_the_setting_and_the_minimum(ctx) -> None:
    desk_admin.set_county_amount(ctx, county_code="410821000000", base_id="ib.directory_award", amount_fen=400000,
                                 day=date(2025, 1, 1))
    rows = {(r.county_code, r.base_id): r for r in desk_queries.county_amount_rows(ctx, today=date(2025, 1, 1))}
    assert rows[("410821000000", "ib.directory_award")].amount_fen == 400000
    assert rows[("410882000000", "ib.directory_award")].amount_fen is None
    assert rows[("410882000000", "ib.conversion_award")].minimum_fen == 500000
