"""Everything the health evaluation needs, in memory, with the indexes it looks things up by.

The store fills a :class:`HealthSnapshot` in bulk; the rules never query anything else. Indexes
are built once, on first use, so evaluating the whole city stays a few linear passes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from functools import cached_property

from desktop_app.domain.divisions import Division
from desktop_app.domain.health.entities import (
    VILLAGE_CLINIC,
    CountyFigure,
    FamilyDoctorFigure,
    Facility,
    StaffMember,
    TrainingRecord,
    admin_village_code,
)
from desktop_app.domain.villages import Village


@dataclass(frozen=True)
class HealthSnapshot:
    """The registry at one moment: villages, facilities, staff, training, figures and divisions.

    ``counties`` are the county-level :class:`Division` rows (with ``funding_group``);
    ``townships`` the township rows (``parent_code`` = county code). Sequences are stored as tuples.
    """

    villages: Sequence[Village] = ()
    facilities: Sequence[Facility] = ()
    staff: Sequence[StaffMember] = ()
    training: Sequence[TrainingRecord] = ()
    family_doctor: Sequence[FamilyDoctorFigure] = ()
    county_figures: Sequence[CountyFigure] = ()
    counties: Sequence[Division] = ()
    townships: Sequence[Division] = ()

    def __post_init__(self) -> None:
        for f in fields(self):
            object.__setattr__(self, f.name, tuple(getattr(self, f.name)))

    @cached_property
    def villages_by_code(self) -> dict[str, Village]:
        """Village by code."""
        return {v.code: v for v in self.villages}

    @cached_property
    def facilities_by_code(self) -> dict[str, Facility]:
        """Facility by code."""
        return {f.code: f for f in self.facilities}

    @cached_property
    def staff_by_facility(self) -> dict[str, list[StaffMember]]:
        """Staff members (active or not) by facility code."""
        index: dict[str, list[StaffMember]] = defaultdict(list)
        for member in self.staff:
            index[member.facility_code].append(member)
        return dict(index)

    @cached_property
    def clinics_serving(self) -> dict[str, list[Facility]]:
        """村卫生室 by the village codes they serve (their listed codes, or their own village)."""
        index: dict[str, list[Facility]] = defaultdict(list)
        for facility in self.facilities:
            for code in facility.served_codes:
                index[code].append(facility)
        return dict(index)

    @cached_property
    def clinics_hosted(self) -> dict[str, list[Facility]]:
        """村卫生室 by their host village code exactly (a natural village's own clinics)."""
        index: dict[str, list[Facility]] = defaultdict(list)
        for facility in self.facilities:
            if facility.kind == VILLAGE_CLINIC:
                index[facility.division_code].append(facility)
        return dict(index)

    @cached_property
    def clinics_in_admin_village(self) -> dict[str, list[Facility]]:
        """村卫生室 by the administrative village they stand in (host itself or its natural village)."""
        index: dict[str, list[Facility]] = defaultdict(list)
        for facility in self.facilities:
            if facility.kind == VILLAGE_CLINIC:
                index[admin_village_code(facility.division_code)].append(facility)
        return dict(index)

    @cached_property
    def training_days(self) -> dict[tuple[str, int], dict[str, Decimal]]:
        """Training days summed exactly per (id_number, year) and mode."""
        index: dict[tuple[str, int], dict[str, Decimal]] = defaultdict(dict)
        for record in self.training:
            by_mode = index[(record.id_number, record.year)]
            by_mode[record.mode] = by_mode.get(record.mode, Decimal(0)) + Decimal(str(record.days))
        return dict(index)

    @cached_property
    def family_doctor_by_county_year(self) -> dict[tuple[str, int], list[FamilyDoctorFigure]]:
        """签约服务 rows by (county code of their facility, year); rows naming no known facility
        cannot be placed in a county and are left out (the importer refuses them)."""
        index: dict[tuple[str, int], list[FamilyDoctorFigure]] = defaultdict(list)
        facilities = self.facilities_by_code
        for figure in self.family_doctor:
            facility = facilities.get(figure.facility_code)
            if facility is not None:
                index[(facility.county_code, figure.year)].append(figure)
        return dict(index)

    @cached_property
    def county_figures_by_key(self) -> dict[tuple[str, int], CountyFigure]:
        """县区指标 row by (county code, year)."""
        return {(f.county_code, f.year): f for f in self.county_figures}
