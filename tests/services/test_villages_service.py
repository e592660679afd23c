"""Village use cases on a real database: validation, duplicates, row versions, audit, list."""

from __future__ import annotations

import json

import pytest

from desktop_app.domain.errors import NotFound, RuleViolation, ValidationError
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.villages import Village
from desktop_app.services import divisions as division_service
from desktop_app.services import villages as village_service
from desktop_app.store import audit

TOWNSHIP = "410821100000"
VILLAGE = Village("410821100201", "东王庄村", "行政村", 1850, minutes_to_clinic=5)


def test_division_registry_is_loaded_on_first_open(ctx) -> None:
    tree = division_service.division_tree(ctx)
    assert len(tree) == 124
    assert [d.name for d in division_service.find_divisions(ctx, "xwx")] == ["修武县"]
    assert "修武县" in [d.name for d in division_service.find_divisions(ctx, "xiuwu")]


def test_create_update_delete_are_audited(ctx) -> None:
    village_service.create_village(ctx, village=VILLAGE)
    stored = village_service.get_village(ctx, VILLAGE.code)
    assert stored.village == VILLAGE and stored.row_version == 1
    changed = Village(VILLAGE.code, "东王庄村", "行政村", 1901, minutes_to_clinic=5)
    village_service.update_village(ctx, village=changed, expected_version=1)
    assert village_service.get_village(ctx, VILLAGE.code).village.population == 1901
    village_service.delete_village(ctx, code=VILLAGE.code)
    with pytest.raises(NotFound):
        village_service.get_village(ctx, VILLAGE.code)
    actions = [(e["action"], e["actor"]) for e in audit.entries_for(ctx.db, "villages", VILLAGE.code)]
    assert actions == [("insert", "test:clerk"), ("update", "test:clerk"), ("delete", "test:clerk")]
    update = audit.entries_for(ctx.db, "villages", VILLAGE.code)[1]
    assert json.loads(update["before_json"])["population"] == 1850
    assert json.loads(update["after_json"])["population"] == 1901


def test_duplicate_and_invalid_villages_change_nothing(ctx) -> None:
    village_service.create_village(ctx, village=VILLAGE)
    before = audit.count(ctx.db)
    with pytest.raises(ValidationError) as duplicate:
        village_service.create_village(ctx, village=VILLAGE)
    assert duplicate.value.by_field() == {"code": "区划代码 410821100201 已存在"}
    with pytest.raises(ValidationError) as bad:
        village_service.create_village(ctx, village=Village("410899100201", "", "行政村", -3))
    assert set(bad.value.by_field()) == {"code", "name", "population"}
    assert audit.count(ctx.db) == before


def test_stale_edit_is_refused(ctx) -> None:
    village_service.create_village(ctx, village=VILLAGE)
    village_service.update_village(ctx, village=VILLAGE, expected_version=1)  # someone else saved
    with pytest.raises(RuleViolation, match="已被他人修改"):
        village_service.update_village(ctx, village=VILLAGE, expected_version=1)


def test_admin_village_with_natural_villages_cannot_be_deleted(ctx) -> None:
    village_service.create_village(ctx, village=VILLAGE)
    village_service.create_village(ctx, village=Village(VILLAGE.code + "-01", "小王庄", "自然村", 1600))
    with pytest.raises(RuleViolation, match="自然村"):
        village_service.delete_village(ctx, code=VILLAGE.code)
    assert village_service.get_village(ctx, VILLAGE.code)


def test_village_list_filters_searches_and_sorts_in_sql(ctx) -> None:
    for serial, (name, population) in enumerate([("东王庄村", 900), ("西李村", 3000), ("南张寨村", 1500)], start=201):
        village_service.create_village(ctx, village=Village(f"410821100{serial}", name, "行政村", population))
    village_service.create_village(ctx, village=Village("410821101201", "北刘村", "行政村", 10))
    listing = village_service.village_list(ctx)
    assert len(listing.fetch_ids(ListQuery(filters={"township": TOWNSHIP}))) == 3
    assert len(listing.fetch_ids(ListQuery(filters={"county": "410821000000"}))) == 4
    ids = listing.fetch_ids(ListQuery(search="xlc"))
    assert [row[1] for row in listing.fetch_rows(ids).values()] == ["西李村"]
    ordered = listing.fetch_ids(ListQuery(filters={"township": TOWNSHIP}, sort_key="population", descending=True))
    rows = listing.fetch_rows(ordered)
    assert [rows[i][3] for i in ordered] == [3000, 1500, 900]
    with pytest.raises(ValueError):
        listing.fetch_ids(ListQuery(sort_key="population; DROP TABLE villages"))
