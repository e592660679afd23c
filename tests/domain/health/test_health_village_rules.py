"""hc.village.clinic_coverage: every administrative village and every large natural village has a
village clinic; sharing a neighbour's clinic only for small, near villages."""

from __future__ import annotations

import pytest
from health_builders import clinic, modified_catalogue, snapshot, village, village_code, village_result

from desktop_app.domain.rules.results import Status
from desktop_app.domain.villages import Village

RULE = "hc.village.clinic_coverage"
HOST, NEIGHBOUR = village_code(201), village_code(202)


def shared_snapshot(population: int | None, minutes: int | None):
    """Village 202 has no clinic of its own; village 201's clinic lists both."""
    villages = [village(201, 2000), village(202, population, minutes=minutes)]
    return snapshot(villages=villages, facilities=[clinic(served_village_codes=(HOST, NEIGHBOUR))])


def test_admin_village_with_its_own_clinic_passes(catalogue):
    snap = snapshot(villages=[village(201, 3000)], facilities=[clinic()])
    found = village_result(snap, catalogue, HOST)
    assert (found.status, found.actual, found.required) == (Status.PASS, 1, 1)
    assert found.citation == catalogue.get(RULE).citation


def test_admin_village_without_any_clinic_fails(catalogue):
    snap = snapshot(villages=[village(201), village(202)], facilities=[clinic()])
    found = village_result(snap, catalogue, NEIGHBOUR)
    assert (found.status, found.actual) == (Status.FAIL, 0)


def test_shared_clinic_limits_at_and_around_the_thresholds(catalogue):
    params = catalogue.get(RULE).params
    most, far = params["shared_max_population"], params["shared_max_minutes"]
    assert village_result(shared_snapshot(most, far), catalogue, NEIGHBOUR).status is Status.PASS
    assert village_result(shared_snapshot(most - 1, far - 1), catalogue, NEIGHBOUR).status is Status.PASS
    too_big = village_result(shared_snapshot(most + 1, far), catalogue, NEIGHBOUR)
    assert too_big.status is Status.FAIL and "人口" in too_big.message and "路程" not in too_big.message
    too_far = village_result(shared_snapshot(most, far + 1), catalogue, NEIGHBOUR)
    assert too_far.status is Status.FAIL and "路程" in too_far.message and "人口" not in too_far.message.split("但")[1]
    both = village_result(shared_snapshot(most + 1, far + 1), catalogue, NEIGHBOUR)
    assert both.actual == {"population": most + 1, "minutes_to_clinic": far + 1}
    assert both.required == {"population": most, "minutes_to_clinic": far}


def test_shared_clinic_serving_an_801_person_village_fails(catalogue):
    assert catalogue.get(RULE).params["shared_max_population"] == 800
    assert village_result(shared_snapshot(800, 10), catalogue, NEIGHBOUR).status is Status.PASS
    assert village_result(shared_snapshot(801, 10), catalogue, NEIGHBOUR).status is Status.FAIL
    # the host village itself is not limited by the sharing conditions
    assert village_result(shared_snapshot(801, 10), catalogue, HOST).status is Status.PASS


def test_shared_village_with_blank_inputs(catalogue):
    assert village_result(shared_snapshot(500, None), catalogue, NEIGHBOUR).status is Status.UNKNOWN
    assert village_result(shared_snapshot(None, 10), catalogue, NEIGHBOUR).status is Status.UNKNOWN
    assert village_result(shared_snapshot(801, None), catalogue, NEIGHBOUR).status is Status.FAIL


def test_changed_sharing_limit_changes_the_result(catalogue):
    looser = modified_catalogue(RULE, shared_max_population=1000)
    assert village_result(shared_snapshot(900, 10), catalogue, NEIGHBOUR).status is Status.FAIL
    assert village_result(shared_snapshot(900, 10), looser, NEIGHBOUR).status is Status.PASS


NATURAL_CODE = HOST + "-01"


def natural_snapshot(population: int | None, own_clinic: bool):
    villages = [village(201, 3000), Village(NATURAL_CODE, "自然村甲", "自然村", population)]
    facilities = [clinic("C1", served_village_codes=(HOST, NATURAL_CODE))]
    if own_clinic:
        facilities.append(clinic("C2", host=NATURAL_CODE))
    return snapshot(villages=villages, facilities=facilities)


def test_large_natural_village_must_host_its_own_clinic(catalogue):
    minimum = catalogue.get(RULE).params["natural_village_min_population"]
    assert village_result(natural_snapshot(minimum, True), catalogue, NATURAL_CODE).status is Status.PASS
    served_only = village_result(natural_snapshot(minimum, False), catalogue, NATURAL_CODE)
    assert served_only.status is Status.FAIL and "卫生室C1" in served_only.message
    assert village_result(natural_snapshot(minimum + 1, False), catalogue, NATURAL_CODE).status is Status.FAIL
    assert village_result(natural_snapshot(minimum - 1, False), catalogue, NATURAL_CODE).status is Status.NOT_APPLICABLE
    assert village_result(natural_snapshot(None, False), catalogue, NATURAL_CODE).status is Status.UNKNOWN


def test_clinic_in_a_natural_village_counts_for_its_admin_village(catalogue):
    villages = [village(201, 3000), Village(NATURAL_CODE, "自然村甲", "自然村", 1600)]
    snap = snapshot(villages=villages, facilities=[clinic("C2", host=NATURAL_CODE)])
    assert village_result(snap, catalogue, HOST).status is Status.PASS


@pytest.mark.parametrize("exempt", [village(202, 5000, hosts=True), village(202, 5000, kind="社区")])
def test_township_seat_and_communities_are_not_applicable(catalogue, exempt):
    snap = snapshot(villages=[exempt], facilities=[])
    assert village_result(snap, catalogue, NEIGHBOUR).status is Status.NOT_APPLICABLE
