"""Business, PersonStatus and Application records: vocabularies and invariants."""

from __future__ import annotations

from datetime import date

import pytest
from ib_testkit import application, business, make_id

from desktop_app.domain.business.entities import (
    APPLICATION_STATUSES,
    BUSINESS_STATUSES,
    GRANTED_STATUSES,
    PERSON_GROUPS,
    Application,
    PersonStatus,
)
from desktop_app.domain.errors import ValidationError


def test_vocabularies_match_the_interchange_sheets():
    assert BUSINESS_STATUSES == ("存续", "注销", "已转企")
    assert APPLICATION_STATUSES == ("已受理", "审核中", "已批准", "不予批准", "已发放", "已撤回")
    assert GRANTED_STATUSES == ("已批准", "已发放")
    assert len(PERSON_GROUPS) == 12 and "高校毕业生" in PERSON_GROUPS


def test_business_refuses_unknown_status_and_tier():
    with pytest.raises(ValidationError) as info:
        business(status="歇业", tier="巨型")
    assert set(info.value.by_field()) == {"status", "tier"}


def test_business_county_code():
    assert business().county_code == "410821000000"
    assert business(township_code=None).county_code is None
    with pytest.raises(ValidationError):
        business(township_code="4108")


def test_conversion_before_registration_is_refused():
    with pytest.raises(ValidationError, match="转企日期早于登记日期"):
        business(registered_on=date(2022, 1, 2), converted_on=date(2022, 1, 1), status="已转企")


def test_person_status_period():
    PersonStatus(make_id(), "退役军人", since=date(2020, 1, 1), until=date(2020, 1, 1))
    with pytest.raises(ValidationError, match="结束日期早于起始日期"):
        PersonStatus(make_id(), "退役军人", since=date(2020, 1, 2), until=date(2020, 1, 1))
    with pytest.raises(ValidationError):
        PersonStatus(make_id(), "企业家")


def test_application_needs_a_code_or_an_id_and_a_known_status():
    with pytest.raises(ValidationError, match="至少填写一项"):
        Application("A1", "ib.startup_subsidy", date(2024, 1, 1))
    with pytest.raises(ValidationError):
        application("ib.startup_subsidy", date(2024, 1, 1), uscc="x", status="已通过")


def test_application_facts_are_read_only_and_base_id():
    facts = {"按期申报": "是"}
    app = application("ib.conversion_award@2026", date(2024, 1, 1), uscc="x", facts=facts)
    facts["按期申报"] = "否"
    assert app.facts["按期申报"] == "是"
    with pytest.raises(TypeError):
        app.facts["按期申报"] = "否"  # type: ignore[index]
    assert app.base_policy_id == "ib.conversion_award"
    assert hash(app)
