"""Demo data: deterministic, on real codes, at the scale of interchange §5, clearly marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.errors import RuleViolation
from desktop_app.domain.villages import validate_village
from desktop_app.services.database import initialize, open_context
from desktop_app.store import divisions_repo, villages_repo


def _villages(path: Path, actor) -> list:
    ctx = open_context(path, actor=actor)
    try:
        return villages_repo.all_villages(ctx.db), ctx.demo_dataset, divisions_repo.township_codes(ctx.db)
    finally:
        ctx.close()


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path, actor) -> None:
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        initialize(tmp_path / f"{name}.sqlite3", actor=actor, demo="small", seed=seed)
    a, b, c = (_villages(tmp_path / f"{n}.sqlite3", actor)[0] for n in "abc")
    assert a == b
    assert a != c


def test_city_demo_scale_and_validity(tmp_path: Path, actor) -> None:
    path = tmp_path / "city.sqlite3"
    result = initialize(path, actor=actor, demo="city")
    villages, demo, townships = _villages(path, actor)
    assert demo == "city" and result.demo_counts["villages"] == len(villages)
    admin = [v for v in villages if v.kind == "行政村"]
    assert 1800 <= len(admin) <= 2000
    assert {v.township_code for v in villages} == townships  # every township has villages
    admin_codes = {v.code for v in admin}
    for village in villages:
        assert validate_village(village, township_exists=townships.__contains__,
                                admin_village_exists=admin_codes.__contains__) == []


def test_demo_goes_only_into_an_empty_database(tmp_path: Path, actor) -> None:
    path = tmp_path / "d.sqlite3"
    initialize(path, actor=actor, demo="small")
    count = len(_villages(path, actor)[0])
    with pytest.raises(RuleViolation):
        initialize(path, actor=actor, demo="small")
    assert len(_villages(path, actor)[0]) == count
