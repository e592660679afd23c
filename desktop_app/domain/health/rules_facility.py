"""Which standards apply to which kind of facility, the licence rule every facility shares, and
the evaluation of one facility against all standards of its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta

from desktop_app.domain.health import rules_centre as centre
from desktop_app.domain.health import rules_clinic as clinic
from desktop_app.domain.health.entities import (
    CENTRAL_TOWNSHIP_CENTRE,
    COMMUNITY_CENTRE,
    COMMUNITY_STATION,
    TOWNSHIP_CENTRE,
    VILLAGE_CLINIC,
    Facility,
)
from desktop_app.domain.health.rules_common import Context, apply_rule, result
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.rules.results import RuleResult, Status

FacilityRule = Callable[[RuleEntry, Facility, Context], RuleResult]


def licence(entry: RuleEntry, facility: Facility, ctx: Context) -> RuleResult:
    """hc.facility.licence: a licence number and a validity date on or after as_of; warn when it
    expires within warn_days_before_expiry days (inclusive) after as_of."""
    until = facility.licence_valid_until
    required = ctx.as_of.isoformat()
    actual = until.isoformat() if until else None
    if not facility.licence_no:
        return result(entry, Status.FAIL, actual, required, "未取得《医疗机构执业许可证》（许可证号未填写）")
    if until is None:
        return result(entry, Status.UNKNOWN, None, required, "执业许可证有效期未填写")
    if until < ctx.as_of:
        return result(entry, Status.FAIL, actual, required, f"执业许可证已于{actual}过期")
    days_left = (until - ctx.as_of).days
    if until <= ctx.as_of + timedelta(days=entry.param("warn_days_before_expiry")):
        return result(entry, Status.WARN, actual, required, f"执业许可证将于{actual}到期（还有{days_left}天），请及时办理校验换证")
    return result(entry, Status.PASS, actual, required, f"执业许可证有效期至{actual}")


_CENTRE_COMMON: tuple[tuple[str, FacilityRule], ...] = (
    ("hc.township_centre.tcm_hall", centre.tcm_hall),
    ("hc.centre.fever_clinic", centre.fever_clinic),
)
_TOWNSHIP_COMMON: tuple[tuple[str, FacilityRule], ...] = (
    ("hc.township_centre.beds_per_1000", centre.beds_per_1000),
    ("hc.township_centre.key_staff", centre.key_staff),
    ("hc.central_centre.common_diseases", centre.central_common_diseases),
)

# Rule base ids and functions per facility kind, in the order results are listed.
FACILITY_RULES: Mapping[str, tuple[tuple[str, FacilityRule], ...]] = {
    VILLAGE_CLINIC: (
        ("hc.facility.licence", licence),
        ("hc.village_clinic.staff_per_1000", clinic.staff_per_1000),
        ("hc.village_clinic.floor_area", clinic.floor_area),
        ("hc.village_clinic.seven_rooms", clinic.seven_rooms),
        ("hc.village_clinic.public_ownership", clinic.public_ownership),
        ("hc.village_clinic.common_diseases", clinic.common_diseases),
        ("hc.village_clinic.tcm_techniques", clinic.tcm_techniques),
        ("hc.village_clinic.township_hired", clinic.township_hired),
    ),
    TOWNSHIP_CENTRE: (
        ("hc.facility.licence", licence),
        *_TOWNSHIP_COMMON,
        ("hc.township_centre.common_diseases", centre.township_common_diseases),
        *_CENTRE_COMMON,
    ),
    CENTRAL_TOWNSHIP_CENTRE: (
        ("hc.facility.licence", licence),
        *_TOWNSHIP_COMMON,
        *_CENTRE_COMMON,
        ("hc.central_centre.buildings_and_ct", centre.buildings_and_ct),
    ),
    COMMUNITY_CENTRE: (
        ("hc.facility.licence", licence),
        ("hc.community_centre.floor_area", centre.community_floor_area),
        ("hc.township_centre.common_diseases", centre.township_common_diseases),
        *_CENTRE_COMMON,
    ),
    COMMUNITY_STATION: (
        ("hc.facility.licence", licence),
        ("hc.community_station.floor_area", clinic.floor_area),
    ),
}

FACILITY_RULE_IDS = tuple(dict.fromkeys(rule_id for rules in FACILITY_RULES.values() for rule_id, _ in rules))


def evaluate_facility(facility: Facility, entries: Mapping[str, RuleEntry], ctx: Context) -> list[RuleResult]:
    """Every standard of the facility's kind, evaluated as of ``ctx.as_of``.

    ``entries`` maps each base id of FACILITY_RULE_IDS to its governing entry. An unknown kind has
    no standards (the importer refuses it).
    """
    return [
        apply_rule(entries[rule_id], rule, facility, ctx)
        for rule_id, rule in FACILITY_RULES.get(facility.kind, ())
    ]
