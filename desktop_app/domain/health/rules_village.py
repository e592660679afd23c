"""The village standard: every administrative village, and every large natural village, has a
village clinic (hc.village.clinic_coverage), including the conditions for sharing a neighbour's.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.domain.health.entities import ADMIN_VILLAGE, COMMUNITY, NATURAL_VILLAGE, Facility
from desktop_app.domain.health.rules_common import Context, fmt, result
from desktop_app.domain.rules.catalogue import RuleEntry
from desktop_app.domain.rules.results import RuleResult, Status
from desktop_app.domain.villages import Village


def _names(clinics: Sequence[Facility]) -> str:
    return "、".join(c.name for c in clinics)


def clinic_coverage(entry: RuleEntry, village: Village, ctx: Context) -> RuleResult:
    """hc.village.clinic_coverage for one village (populations in persons, travel in minutes).

    行政村: a clinic standing in the village passes; otherwise a clinic elsewhere that lists it may
    serve it only if its population ≤ shared_max_population and minutes_to_clinic ≤
    shared_max_minutes. 自然村 with population ≥ natural_village_min_population: must host its own
    clinic. Villages hosting the township centre and 社区 are not_applicable.
    """
    if village.kind == COMMUNITY:
        return result(entry, Status.NOT_APPLICABLE, None, None, "社区不检查村卫生室设置")
    if village.hosts_township_centre:
        return result(entry, Status.NOT_APPLICABLE, None, None, "乡镇卫生院所在地，可不设村卫生室")
    if village.kind == NATURAL_VILLAGE:
        return _natural_village(entry, village, ctx)
    if village.kind == ADMIN_VILLAGE:
        return _admin_village(entry, village, ctx)
    return result(entry, Status.UNKNOWN, None, 1, "村庄类型未填写或不正确")


def _natural_village(entry: RuleEntry, village: Village, ctx: Context) -> RuleResult:
    minimum = entry.param("natural_village_min_population")
    if village.population is None:
        return result(entry, Status.UNKNOWN, None, None, "自然村常住人口未填写")
    if village.population < minimum:
        message = f"自然村常住人口{fmt(village.population)}人，不足{fmt(minimum)}人，无须单设村卫生室"
        return result(entry, Status.NOT_APPLICABLE, None, None, message)
    head = f"自然村常住人口{fmt(village.population)}人，达到{fmt(minimum)}人"
    own = ctx.snapshot.clinics_hosted.get(village.code, [])
    if own:
        return result(entry, Status.PASS, len(own), 1, f"{head}，本村设有{_names(own)}")
    serving = ctx.snapshot.clinics_serving.get(village.code, [])
    served_by = f"（现由{_names(serving)}服务）" if serving else ""
    return result(entry, Status.FAIL, 0, 1, f"{head}，应在本村设置村卫生室，现无{served_by}")


def _admin_village(entry: RuleEntry, village: Village, ctx: Context) -> RuleResult:
    own = ctx.snapshot.clinics_in_admin_village.get(village.code, [])
    if own:
        return result(entry, Status.PASS, len(own), 1, f"本村设有{_names(own)}")
    shared = ctx.snapshot.clinics_serving.get(village.code, [])
    if not shared:
        return result(entry, Status.FAIL, 0, 1, "本村没有村卫生室，也没有邻村村卫生室为本村服务")
    max_population = entry.param("shared_max_population")
    max_minutes = entry.param("shared_max_minutes")
    population, minutes = village.population, village.minutes_to_clinic
    actual = {"population": population, "minutes_to_clinic": minutes}
    required = {"population": max_population, "minutes_to_clinic": max_minutes}
    broken, blank = [], []
    if population is None:
        blank.append("常住人口")
    elif population > max_population:
        broken.append(f"人口{fmt(population)}人，超过{fmt(max_population)}人")
    if minutes is None:
        blank.append("到最近村卫生室路程分钟")
    elif minutes > max_minutes:
        broken.append(f"到村卫生室路程{minutes}分钟，超过{max_minutes}分钟")
    head = f"本村与邻村共用{_names(shared)}"
    if broken:
        message = f"{head}，但{'；'.join(broken)}，不符合共建条件，应单独设置村卫生室"
        return result(entry, Status.FAIL, actual, required, message)
    if blank:
        return result(entry, Status.UNKNOWN, actual, required, f"{head}，{'、'.join(blank)}未填写，无法判断能否共建")
    message = (
        f"{head}（人口{fmt(population)}人，不超过{fmt(max_population)}人；"
        f"路程{minutes}分钟，不超过{max_minutes}分钟），符合共建条件"
    )
    return result(entry, Status.PASS, actual, required, message)


# Rule base ids and functions evaluated for every village.
VILLAGE_RULES = (("hc.village.clinic_coverage", clinic_coverage),)
