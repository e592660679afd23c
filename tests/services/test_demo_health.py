"""Demo health registry: deterministic, at the scale of interchange §5, valid, and exercising every rule."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor
from desktop_app.domain.health.engine import HealthEvaluation
from desktop_app.domain.health.entities import (
    CENTRAL_TOWNSHIP_CENTRE,
    COMMUNITY_CENTRE,
    COMMUNITY_STATION,
    TOWNSHIP_CENTRE_KINDS,
    VILLAGE_CLINIC,
    VILLAGE_DOCTOR,
    admin_village_code,
    validate_facility,
    validate_staff,
    validate_training,
)
from desktop_app.domain.health.rules_facility import FACILITY_RULE_IDS
from desktop_app.domain.health.snapshot import HealthSnapshot
from desktop_app.domain.identity import parse_id_number
from desktop_app.domain.rules.results import Status
from desktop_app.domain.text import pinyin_initials
from desktop_app.services.database import initialize, open_context
from desktop_app.services.demo import SMALL_COUNTY
from desktop_app.services.health_evaluation import evaluate
from desktop_app.store.health_snapshot import load_snapshot

AS_OF = date(2025, 12, 31)
ACTOR = Actor(name="test:clerk")
YEARS = {2023, 2024, 2025}
JIAOZUO_ID_PREFIXES = {"410802", "410803", "410804", "410811", "410821", "410822", "410823", "410825", "410882", "410883"}


@dataclass(frozen=True)
class Demo:
    """A generated demo database: its path, the counts reported, the registry and its evaluation."""

    path: Path
    counts: dict[str, int]
    snapshot: HealthSnapshot
    evaluation: HealthEvaluation
    demo_rows: dict[str, tuple[int, int]]  # table → (demo rows, all rows)
    staff_initials: list[tuple[str, str]]  # (name, stored pinyin initials)


def _build(path: Path, scale: str, seed: int = 2023) -> Demo:
    counts = initialize(path, actor=ACTOR, demo=scale, seed=seed).demo_counts
    ctx = open_context(path, actor=ACTOR)
    try:
        marks = {
            table: tuple(ctx.db.execute(f"SELECT sum(is_demo), count(*) FROM {table}").fetchone())
            for table in ("facilities", "staff")
        }
        initials = [tuple(r) for r in ctx.db.execute("SELECT name, pinyin_initials FROM staff").fetchall()]
        return Demo(path, counts, load_snapshot(ctx.db), evaluate(ctx, as_of=AS_OF), marks, initials)
    finally:
        ctx.close()


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """The city demo, generated and evaluated once for the expensive checks of this module."""
    return _build(tmp_path_factory.mktemp("city") / "city.sqlite3", "city")


def _registry(snapshot: HealthSnapshot) -> tuple:
    return snapshot.facilities, snapshot.staff, snapshot.training, snapshot.family_doctor, snapshot.county_figures


def _statuses(subjects, rule_id: str) -> Counter:
    return Counter(r.status for s in subjects for r in s.results if r.rule_id == rule_id)


def test_same_seed_same_registry_other_seed_other_registry(tmp_path: Path) -> None:
    a, b, c = (_build(tmp_path / f"{name}.sqlite3", "small", seed) for name, seed in (("a", 7), ("b", 7), ("c", 8)))
    assert _registry(a.snapshot) == _registry(b.snapshot)
    assert a.counts == b.counts
    for mine, other in zip(_registry(a.snapshot), _registry(c.snapshot)):
        assert mine != other


def test_small_demo_covers_one_county_and_is_evaluated(tmp_path: Path) -> None:
    demo = _build(tmp_path / "small.sqlite3", "small")
    assert {f.county_code for f in demo.snapshot.facilities} == {SMALL_COUNTY}
    assert {f.county_code for f in demo.snapshot.county_figures} == {SMALL_COUNTY}
    assert len(demo.evaluation.facilities) == len(demo.snapshot.facilities) > 200
    assert all(subject.results for subject in demo.evaluation.facilities)
    assert len(demo.evaluation.staff) == demo.counts["staff"]


def test_city_scale_matches_interchange_section_5(city: Demo) -> None:
    snap = city.snapshot
    kinds = Counter(f.kind for f in snap.facilities)
    assert city.counts["facilities"] == len(snap.facilities) and city.counts["staff"] == len(snap.staff)
    assert 6000 * 0.85 <= len(snap.staff) <= 6000 * 1.15
    admin = [v for v in snap.villages if v.kind == "行政村"]
    with_clinic = {admin_village_code(f.division_code) for f in snap.facilities if f.kind == VILLAGE_CLINIC}
    assert len(with_clinic & {v.code for v in admin}) >= 0.85 * len(admin)
    rural = [t for t in snap.townships if not t.name.endswith("街道")]
    streets = [t for t in snap.townships if t.name.endswith("街道")]
    centres = Counter(f.division_code for f in snap.facilities if f.kind in TOWNSHIP_CENTRE_KINDS)
    assert centres == Counter(t.code for t in rural)  # one township centre per rural township
    assert Counter(f.division_code for f in snap.facilities if f.kind == COMMUNITY_CENTRE) == Counter(t.code for t in streets)
    assert 3 <= kinds[CENTRAL_TOWNSHIP_CENTRE] < len(rural) / 2
    assert 0 < kinds[COMMUNITY_STATION] < sum(v.kind == "社区" for v in snap.villages)
    sub_centres = sum(f.sub_centre is True for f in snap.facilities)
    assert 12 <= sub_centres <= 24  # around the 18 of hc.county.sub_centre_allocation
    shared = [f for f in snap.facilities if len(f.served_village_codes) > 1]
    assert shared and all(len(f.served_village_codes) == 2 for f in shared)


def test_yearly_records_cover_2023_to_2025(city: Demo) -> None:
    snap = city.snapshot
    assert {t.year for t in snap.training} == YEARS
    assert {(f.facility_code, f.year) for f in snap.family_doctor} == {
        (f.code, y) for f in snap.facilities for y in YEARS
    }
    assert {(f.county_code, f.year) for f in snap.county_figures} == {(c.code, y) for c in snap.counties for y in YEARS}
    assert len({t.mode for t in snap.training}) == 4


def test_every_record_passes_the_domain_validators(city: Demo) -> None:
    snap = city.snapshot
    assert [p for f in snap.facilities for p in validate_facility(f, snap.villages_by_code)] == []
    assert [p for m in snap.staff for p in validate_staff(m, snap.facilities_by_code, today=AS_OF)] == []
    staff_by_id = {m.id_number: m for m in snap.staff}
    assert [p for t in snap.training for p in validate_training(t, staff_by_id)] == []
    assert city.demo_rows == {table: (total, total) for table, (_, total) in city.demo_rows.items()}


def test_synthetic_people_are_plausible(city: Demo) -> None:
    snap = city.snapshot
    ids = [parse_id_number(m.id_number, today=AS_OF) for m in snap.staff]
    assert {i.area_code for i in ids} <= JIAOZUO_ID_PREFIXES
    assert all(18 <= i.age_on(AS_OF) <= 85 for i in ids)
    assert {i.sex for i in ids} == {"男", "女"}
    assert len({m.name for m in snap.staff}) > 0.8 * len(snap.staff)
    assert all(initials == pinyin_initials(name) for name, initials in city.staff_initials)
    clinic_codes = {f.code for f in snap.facilities if f.kind == VILLAGE_CLINIC}
    elderly = [
        m for m, i in zip(snap.staff, ids)
        if m.facility_code in clinic_codes and m.category == VILLAGE_DOCTOR and m.active and i.age_on(AS_OF) >= 60
    ]
    assert len(elderly) > 50


def test_training_days_sit_around_the_thresholds(city: Demo) -> None:
    totals: dict[tuple[str, int], float] = defaultdict(float)
    for record in city.snapshot.training:
        totals[(record.id_number, record.year)] += record.days
    assert sum(days == 30 for days in totals.values()) > 100
    assert sum(days < 30 for days in totals.values()) > 0.1 * len(totals)
    assert sum(math.isclose(t.days, 15) and t.mode == "集中学习" for t in city.snapshot.training) > 100


def test_every_facility_rule_has_passes_and_shortfalls(city: Demo) -> None:
    for rule_id in FACILITY_RULE_IDS:
        statuses = _statuses(city.evaluation.facilities, rule_id)
        assert statuses[Status.PASS] > 0, rule_id
        assert statuses[Status.FAIL] + statuses[Status.WARN] > 0, rule_id
        assert statuses[Status.UNKNOWN] > 0, rule_id


def test_village_and_staff_rules_have_passes_and_shortfalls(city: Demo) -> None:
    coverage = [r for s in city.evaluation.villages for r in s.results if r.rule_id == "hc.village.clinic_coverage"]
    shared = Counter(r.status for r in coverage if isinstance(r.actual, dict))  # judged on the sharing conditions
    assert shared[Status.PASS] > 0 and shared[Status.FAIL] > 0
    natural = Counter(r.status for s, r in zip(city.evaluation.villages, coverage) if s.kind == "自然村")
    assert natural[Status.PASS] > 0 and natural[Status.FAIL] > 0
    for rule_id in ("hc.staff.training_days", "hc.staff.village_doctor_central_training"):
        statuses = _statuses(city.evaluation.staff, rule_id)
        assert statuses[Status.PASS] and statuses[Status.FAIL] and statuses[Status.UNKNOWN], rule_id
    allowance = _statuses(city.evaluation.staff, "hc.staff.elderly_allowance")
    assert allowance[Status.PASS] and allowance[Status.UNKNOWN] and allowance[Status.NOT_APPLICABLE]


def test_county_indicators_vary_across_counties(city: Demo) -> None:
    statuses: dict[str, set[Status]] = defaultdict(set)
    for county in city.evaluation.counties:
        for indicator in county.indicators:
            statuses[indicator.rule_id].add(indicator.status)
    for rule_id in ("hc.county.contract_coverage_increase", "hc.county.visit_rates.primary"):
        assert {Status.PASS, Status.FAIL, Status.UNKNOWN} <= statuses[rule_id], rule_id
    for rule_id in ("hc.county.public_ownership_share", "hc.county.township_hired_share", "hc.county.visit_rates.in_county"):
        assert {Status.PASS, Status.FAIL} <= statuses[rule_id], rule_id
