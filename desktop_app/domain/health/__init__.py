"""Primary-healthcare standards (焦政办〔2023〕32号): registry records, the in-memory snapshot, the
rule engine for facilities, villages, staff, county and city indicators, and the gap planner.

Pure Python: no Qt, no SQL. The store fills a HealthSnapshot; :func:`evaluate_health` does the rest.
"""

from desktop_app.domain.health.engine import HealthEvaluation, evaluate_health
from desktop_app.domain.health.snapshot import HealthSnapshot

__all__ = ["HealthEvaluation", "HealthSnapshot", "evaluate_health"]
