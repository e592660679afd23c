"""Business registry use cases: GB 32100 / GB 11643 validation, duplicates, edits, person statuses,
search and the business page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.business.entities import Business, PersonStatus
from desktop_app.domain.business.uscc import complete_uscc
from desktop_app.domain.errors import NotFound, RuleViolation, ValidationError
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.list_query import ListQuery
from desktop_app.services import business_registry as registry
from desktop_app.store import audit, businesses_repo

TOWNSHIP = "410821100000"


def person(serial: int) -> str:
    body = f"41082119900101{serial:03d}"
    return body + id_check_character(body)


def uscc(serial: int, prefix: str = "92") -> str:
    return complete_uscc(f"{prefix}410821{serial:09d}")


def business(serial: int = 1, **changes) -> Business:
    values = dict(uscc=uscc(serial), name=f"王记面馆{serial}", operator_name="王五", operator_id_number=person(1),
                  registered_on=date(2022, 3, 1), township_code=TOWNSHIP)
    values.update(changes)
    return Business(**values)


def test_a_business_is_registered_normalised_and_audited(ctx) -> None:
    registry.create_business(ctx, business=business(uscc=f" {uscc(1).lower()} ", name=" 王记面馆 "))
    stored = registry.get_business(ctx, uscc(1).lower())
    assert stored.business.uscc == uscc(1) and stored.business.name == "王记面馆"
    assert [e["action"] for e in audit.entries_for(ctx.db, "businesses", uscc(1))] == ["insert"]
    assert ctx.db.execute("SELECT pinyin_initials FROM businesses").fetchone() == ("wjmg",)


@pytest.mark.parametrize(("change", "field"), [
    ({"uscc": uscc(1)[:-1] + ("0" if uscc(1)[-1] != "0" else "1")}, "uscc"),  # wrong check character
    ({"uscc": uscc(1, "91")}, "uscc"),  # an enterprise, not an individual business
    ({"uscc": "92410821000000001"}, "uscc"),  # 17 characters
    ({"operator_id_number": person(1)[:-1] + ("0" if person(1)[-1] != "0" else "1")}, "operator_id_number"),
    ({"township_code": "410821999000"}, "township_code"),
    ({"township_code": None}, "township_code"),
    ({"registered_on": date(2999, 1, 1)}, "registered_on"),
    ({"status": "已转企"}, "converted_on"),
    ({"converted_on": date(2024, 1, 1)}, "converted_on"),  # only when 已转企
    ({"status": "已转企", "converted_on": date(2024, 1, 1), "enterprise_uscc": uscc(5)}, "enterprise_uscc"),  # a 92 code
    ({"directory_joined_on": date(2020, 1, 1)}, "directory_joined_on"),
])
def test_bad_businesses_are_refused_naming_the_field_and_nothing_is_written(ctx, change, field) -> None:
    before = audit.count(ctx.db)
    with pytest.raises(ValidationError) as error:
        registry.create_business(ctx, business=business(**change))
    assert field in error.value.by_field()
    assert businesses_repo.count(ctx.db) == 0 and audit.count(ctx.db) == before


def test_duplicate_codes_are_refused(ctx) -> None:
    registry.create_business(ctx, business=business(1))
    with pytest.raises(ValidationError, match="已登记"):
        registry.create_business(ctx, business=business(1, name="另一家"))
    converted = business(2, status="已转企", converted_on=date(2024, 1, 1), enterprise_uscc=uscc(9, "91"))
    registry.create_business(ctx, business=converted)
    with pytest.raises(ValidationError) as error:
        registry.create_business(ctx, business=business(3, status="已转企", converted_on=date(2024, 1, 1), enterprise_uscc=uscc(9, "91")))
    assert "enterprise_uscc" in error.value.by_field()


def test_update_checks_the_row_version_and_audits_before_and_after(ctx) -> None:
    registry.create_business(ctx, business=business(1))
    registry.update_business(ctx, business=business(1, tier="成长型"), expected_version=1)
    assert registry.get_business(ctx, uscc(1)).business.tier == "成长型"
    with pytest.raises(RuleViolation):
        registry.update_business(ctx, business=business(1, tier="发展型"), expected_version=1)
    update = audit.entries_for(ctx.db, "businesses", uscc(1))[-1]
    assert '"tier": null' in update["before_json"] and '"tier": "成长型"' in update["after_json"]
    with pytest.raises(NotFound):
        registry.update_business(ctx, business=business(8), expected_version=1)


def test_person_statuses_are_saved_checked_and_removed(ctx) -> None:
    status = PersonStatus(person(1).lower(), "高校毕业生", "王五", date(2021, 7, 1))
    registry.save_person_status(ctx, status=status)
    registry.save_person_status(ctx, status=replace(status, since=date(2021, 6, 30)))
    assert [(s.id_number, s.since) for s in registry.person_statuses(ctx, person(1))] == [(person(1), date(2021, 6, 30))]
    assert [e["action"] for e in audit.entries_for(ctx.db, "person_statuses", f"{person(1)}:高校毕业生")] == ["insert", "update"]
    with pytest.raises(ValidationError):
        registry.save_person_status(ctx, status=replace(status, id_number="410821199001010000"))
    registry.delete_person_status(ctx, id_number=person(1), status="高校毕业生")
    with pytest.raises(NotFound):
        registry.delete_person_status(ctx, id_number=person(1), status="高校毕业生")


def test_search_and_filters(ctx) -> None:
    registry.create_business(ctx, business=business(1))
    registry.create_business(ctx, business=business(2, name="李家超市", operator_name="李四", operator_id_number=person(2), tier="生存型"))
    listing = registry.business_list(ctx)
    assert listing.count(ListQuery(search="ljcs")) == 1
    assert listing.count(ListQuery(search="面馆")) == 1
    assert listing.count(ListQuery(search=uscc(2)[:17])) == 1
    assert listing.count(ListQuery(filters={"tier": "生存型"})) == 1
    assert listing.count(ListQuery(filters={"county": "410821000000"})) == 2


def test_business_detail_shows_the_operator_and_other_businesses(ctx) -> None:
    registry.create_business(ctx, business=business(1))
    registry.create_business(ctx, business=business(2, name="王记超市"))
    registry.save_person_status(ctx, status=PersonStatus(person(1), "返乡农民工", "王五", date(2020, 1, 1)))
    detail = registry.business_detail(ctx, uscc(1))
    assert [b.uscc for b in detail.other_businesses] == [uscc(2)]
    assert [s.status for s in detail.operator_statuses] == ["返乡农民工"]
    assert detail.applications == [] and detail.notice_nos == []
    with pytest.raises(NotFound):
        registry.business_detail(ctx, uscc(7))
