"""Load the whole health registry into a domain :class:`HealthSnapshot` in a few bulk queries."""

from __future__ import annotations

from sqlite_utils import Database

from desktop_app.domain.health.snapshot import HealthSnapshot
from desktop_app.store import divisions_repo, facilities_repo, health_figures_repo, staff_repo, villages_repo


def load_snapshot(db: Database) -> HealthSnapshot:
    """Everything the standards engine reads, in one read transaction (a consistent snapshot)."""
    with db.atomic():
        divisions = divisions_repo.all_divisions(db)
        return HealthSnapshot(
            villages=villages_repo.all_villages(db),
            facilities=facilities_repo.all_facilities(db),
            staff=staff_repo.all_staff(db),
            training=staff_repo.all_training(db),
            family_doctor=health_figures_repo.all_family_doctor(db),
            county_figures=health_figures_repo.all_county_figures(db),
            counties=[d for d in divisions if d.level == "county"],
            townships=[d for d in divisions if d.level == "township"],
        )
