"""Employment measures of 焦政办〔2023〕36号 handled at the service hall (rule ids ``emp.*``).

Each function adds the conditions of one rule as its catalogue ``decision`` states them and
returns the amount in fen it would grant.
"""

from __future__ import annotations

from fractions import Fraction

from desktop_app.domain.business.evaluation import Evaluation, describe_grants, masked, param_fen, param_ratio, percent, yuan
from desktop_app.domain.money import parse_yuan, round_fen

EXPANSION = "emp.expansion_subsidy"
ABSORPTION = "emp.absorption_subsidy"
_EXCLUSIVE_WITH = {EXPANSION: ABSORPTION, ABSORPTION: EXPANSION}
_TITLES = {EXPANSION: "一次性扩岗补助", ABSORPTION: "一次性吸纳就业补贴"}


def skill_subsidy(ev: Evaluation) -> int | None:
    """emp.skill_subsidy (36号 一（三））: unemployment-insurance skill subsidy by certificate level.

    Fact 参保月数 >= ``min_insured_months`` and fewer than ``max_per_year`` other granted claims
    of the person received in the same calendar year. Returns ``amount_by_level[证书等级]`` in fen
    (None when the level is missing).
    """
    person = ev.person_id()
    months = ev.fact("insured_months")
    minimum = int(ev.param("min_insured_months"))
    label = f"参加失业保险{minimum}个月（含）以上"
    if months is None:
        ev.add("insured_months", label, None, ev.fact_gap("insured_months"), ev.fact_gap("insured_months"))
    else:
        ev.add("insured_months", label, months >= minimum, f"参保月数：{months}", f"参加失业保险{months}个月，不足{minimum}个月")
    level = ev.fact("certificate_level")
    if level is None:
        ev.add("certificate_level", "证书等级", None, ev.fact_gap("certificate_level"), ev.fact_gap("certificate_level"))
    if person is not None:
        limit = int(ev.param("max_per_year"))
        year = ev.received_on.year
        grants = ev.blocking(g for g in ev.history.granted_for_person(ev.entry.base_id, person, exclude_receipt_no=ev.application.receipt_no)
                             if g.received_on.year == year)
        ev.add("per_year", f"每人每年享受补贴不超过{limit}次", len(grants) < limit,
               f"{masked(person)}在{year}年已批准/已发放{len(grants)}次：{describe_grants(grants)}",
               f"{masked(person)}在{year}年已享受技能提升补贴{len(grants)}次，每年最多{limit}次")
    if level is None:
        return None
    return parse_yuan(str(ev.param("amount_by_level")[level]))


def hiring_subsidy(ev: Evaluation) -> int:
    """emp.expansion_subsidy (36号 一（四）) and emp.absorption_subsidy (三（十一）（十三））.

    ``amount_per_hire`` for each person of fact 招用人员 not already granted under the other
    subsidy (any employer) nor, once only, under this one by the same employer; excluded hires are
    named in the reasons. At least one hire must count. Returns the amount in fen.
    """
    per_hire = param_fen(ev.entry, "amount_per_hire")
    base = ev.entry.base_id
    other = _EXCLUSIVE_WITH[base]
    business = ev.business()
    hires = ev.fact("hires")
    label = "至少1名招用人员可计入补助"
    if hires is None:
        ev.add("hires", label, None, ev.fact_gap("hires"), ev.fact_gap("hires"))
        return 0
    own_codes = {c for c in (business.uscc, business.enterprise_uscc) if c} if business else {(ev.application.uscc or "").upper()}
    counted: list[str] = []
    excluded: list[str] = []
    receipt = ev.application.receipt_no
    for hire in hires:
        by_other = ev.blocking(ev.history.granted_for_hire(other, hire, exclude_receipt_no=receipt))
        by_self = ev.blocking(g for g in ev.history.granted_for_hire(base, hire, exclude_receipt_no=receipt) if (g.uscc or "").upper() in own_codes)
        if by_other:
            excluded.append(f"招用人员{masked(hire)}已享受{_TITLES[other]}（{describe_grants(by_other)}），不重复享受，不计入")
        elif by_self:
            excluded.append(f"招用人员{masked(hire)}已由本单位享受{_TITLES[base]}（{describe_grants(by_self)}），不计入")
        else:
            counted.append(hire)
    ev.add("exclusive", f"{_TITLES[EXPANSION]}和{_TITLES[ABSORPTION]}按人不重复享受", True,
           f"申报{len(hires)}人，不计入{len(excluded)}人" + ("：" + "；".join(excluded) if excluded else ""))
    for text in excluded:
        ev.note(text)
    ev.add("hires", label, bool(counted), f"计入{len(counted)}人：{'、'.join(masked(h) for h in counted) or '无'}",
           "申报的招用人员均已享受过补助，无可计入人员：" + "；".join(excluded))
    return per_hire * len(counted)


def stable_job_return(ev: Evaluation) -> int | None:
    """emp.stable_job_return (36号 一（一））: unemployment-insurance return for unit-insured businesses.

    Layoff rate = 裁员人数 / 参保职工数; staff <= ``small_max_staff``: rate <= ``small_max_layoff_rate``;
    larger: rate <= ``national_target_rate`` (a setting). Returns ``sme_rate`` x 上年度失业保险缴费额
    in fen, rounded half up (None when the contribution is missing).
    """
    ev.business()  # the applicant must be registered; no condition depends on its other fields
    staff = ev.fact("insured_staff")
    layoffs = ev.fact("layoffs")
    contribution = ev.fact("contribution")
    small_staff = int(ev.param("small_max_staff"))
    label = f"裁员率不高于规定比例（{small_staff}人（含）以下不高于{percent(param_ratio(ev.param('small_max_layoff_rate')))}，"\
            f"以上不高于{percent(param_ratio(ev.param('national_target_rate')))}）"
    if staff is None or layoffs is None:
        gap = "；".join(ev.fact_gap(n) for n, v in (("insured_staff", staff), ("layoffs", layoffs)) if v is None)
        ev.add("layoff_rate", label, None, gap, gap)
    elif layoffs > staff:
        ev.add("layoff_rate", label, False, f"参保职工{staff}人，裁员{layoffs}人", "裁员人数大于参保职工数，请核对")
    else:
        rate = Fraction(layoffs, staff)
        limit = param_ratio(ev.param("small_max_layoff_rate" if staff <= small_staff else "national_target_rate"))
        ev.add("layoff_rate", label, rate <= limit, f"参保职工{staff}人，裁员{layoffs}人，裁员率{percent(rate)}，上限{percent(limit)}",
               f"裁员率{percent(rate)}高于上限{percent(limit)}")
    if contribution is None:
        ev.add("contribution", "上年度实际缴纳失业保险费", None, ev.fact_gap("contribution"), ev.fact_gap("contribution"))
        return None
    rate = param_ratio(ev.param("sme_rate"))
    amount = round_fen(contribution * rate)
    ev.note(f"按上年度实际缴纳失业保险费{yuan(contribution)}的{percent(rate)}返还")
    return amount
