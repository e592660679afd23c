"""Measures of 焦政办〔2023〕29号 for individual businesses (rule ids ``ib.*``).

Each function adds the conditions of one rule as its catalogue ``decision`` states them and
returns the amount in fen it would grant; the caller decides eligibility from the conditions.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.business.entities import BUSINESS_CONVERTED, GRADUATE, Application, Business, PersonStatus
from desktop_app.domain.business.evaluation import Evaluation, add_years, describe_grants, masked, param_fen, yuan
from desktop_app.domain.rules.catalogue import RuleEntry

CONVERSION_AWARD = "ib.conversion_award"

# 贷款类型 (fact option) → the catalogue parameter holding its limit.
_LOAN_LIMIT_PARAMS = {"贴息": "subsidised_max", "混合": "mixed_max", "非贴息": "non_subsidised_max"}


def _codes_of(business: Business) -> list[str]:
    return [c for c in (business.uscc, business.enterprise_uscc) if c]


def _grants_of_businesses(ev: Evaluation, base_id: str, businesses: list[Business]) -> list[Application]:
    grants: list[Application] = []
    for business in businesses:
        for code in _codes_of(business):
            grants.extend(ev.history.granted_for_business(base_id, code, exclude_receipt_no=ev.application.receipt_no))
    return grants


def _group_holds(status: PersonStatus, day: date, graduate_years: int) -> bool | None:
    if status.since is None:
        return None
    if status.since > day or (status.until is not None and status.until < day):
        return False
    if status.status == GRADUATE:
        return day <= add_years(status.since, graduate_years)
    return True


def _describe_status(status: PersonStatus) -> str:
    since = status.since.isoformat() if status.since else "起始日期未填"
    until = f"至{status.until.isoformat()}" if status.until else ""
    return f"{status.status}（{since}起{until}）"


def startup_subsidy(ev: Evaluation) -> int:
    """ib.startup_subsidy (29号 三（四）21): one-time start-up subsidy; returns ``amount`` in fen.

    Group held on registered_on (graduates: graduation within ``graduate_within_years`` before it),
    first business of the operator, 存续, registered_on + ``min_operating_years`` <= received_on,
    and no other granted start-up subsidy of the person.
    """
    amount = param_fen(ev.entry, "amount")
    business = ev.business()
    if business is None:
        return amount
    operator = (business.operator_id_number or "").upper() or None
    applicant = (ev.application.id_number or "").strip().upper()
    if applicant:
        ev.add("applicant_is_operator", "申请人为该个体工商户经营者本人", applicant == operator if operator else None,
               f"申请人{masked(applicant)}，登记经营者{masked(operator)}")
    if operator is None:
        ev.add("operator", "个体工商户登记了经营者身份证号", None, "经营者身份证号未登记", "个体工商户未登记经营者身份证号，无法核对身份、首次创业和是否已享受")
        _operating_years(ev, business)
        ev.require_active(business)
        return amount
    _startup_group(ev, business, operator)
    others = [b for b in ev.history.businesses_of_operator(operator) if b.uscc != business.uscc]
    _first_business(ev, business, others)
    ev.require_active(business)
    _operating_years(ev, business)
    grants = ev.blocking(
        list(ev.history.granted_for_person(ev.entry.base_id, operator, exclude_receipt_no=ev.application.receipt_no))
        + _grants_of_businesses(ev, ev.entry.base_id, [business, *others])
    )
    ev.add("once_per_person", "经营者此前未享受过一次性创业补贴", not grants, f"已批准/已发放的一次性创业补贴：{describe_grants(grants)}",
           f"经营者{masked(operator)}已享受一次性创业补贴（{describe_grants(grants)}）")
    return amount


def _startup_group(ev: Evaluation, business: Business, operator: str) -> None:
    groups = tuple(ev.param("groups"))
    years = int(ev.param("graduate_within_years"))
    label = f"登记注册时经营者属于扶持群体（{'、'.join(groups)}；{GRADUATE}须毕业{years}年内）"
    day = business.registered_on
    if day is None:
        ev.add("group", label, None, "登记日期未填", "个体工商户登记日期为空，无法判断登记时的人员身份")
        return
    statuses = [s for s in ev.history.person_statuses(operator) if s.status in groups]
    verdicts = [_group_holds(s, day, years) for s in statuses]
    shown = "、".join(_describe_status(s) for s in statuses) or "无符合条件的人员身份记录"
    facts = f"登记日期{day.isoformat()}；经营者{masked(operator)}的人员身份：{shown}"
    if True in verdicts:
        ev.add("group", label, True, facts)
    elif None in verdicts:
        ev.add("group", label, None, facts, "经营者人员身份的起始日期未填，无法判断登记时是否属于扶持群体")
    else:
        ev.add("group", label, False, facts, f"登记注册日{day.isoformat()}经营者不属于扶持群体（{shown}）")


def _first_business(ev: Evaluation, business: Business, others: list[Business]) -> None:
    label = "首次从事个体经营（经营者名下没有更早登记的个体工商户）"
    day = business.registered_on
    shown = "、".join(f"{b.name}（{b.uscc}，{b.registered_on.isoformat() if b.registered_on else '登记日期未填'}登记）" for b in others) or "无"
    facts = f"本户登记日期{day.isoformat() if day else '未填'}；经营者名下其他个体工商户：{shown}"
    if day is None:
        ev.add("first_business", label, None, facts, "个体工商户登记日期为空，无法判断是否首次从事个体经营")
        return
    earlier = [b for b in others if b.registered_on is not None and b.registered_on < day]
    blank = [b for b in others if b.registered_on is None]
    if earlier:
        ev.add("first_business", label, False, facts, f"经营者此前已登记个体工商户{earlier[0].name}（{earlier[0].registered_on.isoformat()}），不是首次从事个体经营")
    elif blank:
        ev.add("first_business", label, None, facts, f"经营者名下个体工商户{blank[0].name}登记日期为空，无法判断是否首次从事个体经营")
    else:
        ev.add("first_business", label, True, facts)


def _operating_years(ev: Evaluation, business: Business) -> None:
    years = int(ev.param("min_operating_years"))
    label = f"自登记注册之日起正常经营{years}年以上（至受理日）"
    if business.registered_on is None:
        ev.add("operating_years", label, None, "登记日期未填", "个体工商户登记日期为空，无法计算经营年限")
        return
    due = add_years(business.registered_on, years)
    ev.add("operating_years", label, due <= ev.received_on,
           f"登记日期{business.registered_on.isoformat()}，满{years}年之日{due.isoformat()}，受理日期{ev.received_on.isoformat()}",
           f"登记注册至受理日不满{years}年：{due.isoformat()}起方可申请，受理日期为{ev.received_on.isoformat()}")


def directory_award(ev: Evaluation) -> int:
    """ib.directory_award (29号 三（五）23): award for first entry into the 名特优新 directory.

    directory_joined_on set and <= received_on, 存续, no other granted award of the business.
    Returns the county's configured amount in fen, never below ``min_amount``.
    """
    business = ev.business()
    if business is None:
        return param_fen(ev.entry, "min_amount")
    joined = business.directory_joined_on
    label = "已进入“名特优新”名录库（入库日期不晚于受理日期）"
    if joined is None:
        ev.add("directory", label, False, "名特优新入库日期未登记", "个体工商户未登记进入“名特优新”名录库")
    else:
        ev.add("directory", label, joined <= ev.received_on, f"入库日期{joined.isoformat()}，受理日期{ev.received_on.isoformat()}",
               f"入库日期{joined.isoformat()}晚于受理日期{ev.received_on.isoformat()}")
    ev.require_active(business)
    grants = ev.blocking(_grants_of_businesses(ev, ev.entry.base_id, [business]))
    ev.add("once_per_business", "首次入库奖励，此前未享受", not grants, f"已批准/已发放的入库奖励：{describe_grants(grants)}",
           f"该个体工商户已享受“名特优新”入库奖励（{describe_grants(grants)}）")
    return ev.county_amount(business)


def conversion_award(ev: Evaluation) -> int:
    """ib.conversion_award (29号 三（五）24（2））: one-time award for 个转企.

    Every condition of :func:`conversion_conditions`, including that no business of the same
    operator has a granted award. Returns the county's amount in fen, never below ``min_amount``.
    """
    business = ev.business()
    if business is not None:
        conversion_conditions(ev, business, ev.entry, include_own_grants=True)
    return ev.county_amount(business)


def conversion_conditions(ev: Evaluation, business: Business, award: RuleEntry, *, include_own_grants: bool) -> None:
    """Add the conditions of ib.conversion_award (parameters of entry ``award``) as of received_on.

    ``include_own_grants`` False leaves this business's own awards out of the first-conversion
    test (the bookkeeping subsidy needs the conditions met, "award received or not").
    """
    params = award.params
    rule = award.id
    converted = business.converted_on
    ev.add("converted", f"个体工商户已转型为企业（状态“{BUSINESS_CONVERTED}”）", business.status == BUSINESS_CONVERTED,
           f"状态：{business.status}", rule_id=rule)
    after = date.fromisoformat(str(params["converted_on_or_after"]))
    label = f"{after.isoformat()}（含）以后转型为企业"
    if converted is None:
        ev.add("converted_after", label, None, "转企日期未填", "转企日期为空", rule_id=rule)
    else:
        ev.add("converted_after", label, converted >= after, f"转企日期{converted.isoformat()}", rule_id=rule)
    age = int(params["min_age_years"])
    label = f"个体工商户成立{age}年以上（至转企日）"
    if converted is None or business.registered_on is None:
        ev.add("age_at_conversion", label, None, "登记日期或转企日期未填", "登记日期或转企日期为空，无法计算成立年限", rule_id=rule)
    else:
        due = add_years(business.registered_on, age)
        ev.add("age_at_conversion", label, due <= converted,
               f"登记日期{business.registered_on.isoformat()}，满{age}年之日{due.isoformat()}，转企日期{converted.isoformat()}", rule_id=rule)
    years = int(params["min_enterprise_years"])
    label = f"转企后正常经营满{years}年（至受理日）"
    if converted is None:
        ev.add("enterprise_years", label, None, "转企日期未填", "转企日期为空，无法计算转企后经营年限", rule_id=rule)
    else:
        due = add_years(converted, years)
        ev.add("enterprise_years", label, due <= ev.received_on,
               f"转企日期{converted.isoformat()}，满{years}年之日{due.isoformat()}，受理日期{ev.received_on.isoformat()}", rule_id=rule)
    _tax_conditions(ev, int(params["min_tax_months"]), rule)
    flag = business.credit_flag
    ev.add("credit", "无不良信用记录和经营异常情况", None if flag is None else not flag,
           "信用异常：未填" if flag is None else f"信用异常：{'是' if flag else '否'}",
           "信用异常一栏为空，无法判断" if flag is None else "个体工商户有不良信用记录或被列入经营异常名录", rule_id=rule)
    _first_conversion(ev, business, award, include_own_grants=include_own_grants)


def _tax_conditions(ev: Evaluation, min_months: int, rule: str) -> None:
    filed = ev.fact("filed_on_time")
    ev.add("filed_on_time", "按期申报纳税", filed if filed is None else bool(filed),
           ev.fact_gap("filed_on_time") if filed is None else f"按期申报：{'是' if filed else '否'}",
           ev.fact_gap("filed_on_time") if filed is None else "未按期申报纳税", rule_id=rule)
    months = ev.fact("tax_months")
    label = f"连续{min_months}个月以上有税款入库"
    if months is None:
        ev.add("tax_months", label, None, ev.fact_gap("tax_months"), ev.fact_gap("tax_months"), rule_id=rule)
    else:
        ev.add("tax_months", label, months >= min_months, f"连续纳税月数：{months}", f"连续纳税{months}个月，不足{min_months}个月", rule_id=rule)


def _first_conversion(ev: Evaluation, business: Business, award: RuleEntry, *, include_own_grants: bool) -> None:
    label = "同一自然人首次“转企”（经营者名下其他个体工商户未享受转企奖励）"
    operator = (business.operator_id_number or "").upper() or None
    if operator is None:
        ev.add("first_conversion", label, None, "经营者身份证号未登记", "个体工商户未登记经营者身份证号，无法核对是否首次转企", rule_id=award.id)
        return
    businesses = {b.uscc: b for b in ev.history.businesses_of_operator(operator)}
    businesses[business.uscc] = business
    own_codes = set(_codes_of(business))
    counted = [b for b in businesses.values() if include_own_grants or b.uscc != business.uscc]
    grants = _grants_of_businesses(ev, award.base_id, counted)
    grants += [g for g in ev.history.granted_for_person(award.base_id, operator, exclude_receipt_no=ev.application.receipt_no)
               if include_own_grants or (g.uscc or "").upper() not in own_codes]
    grants = ev.blocking(grants)
    ev.add("first_conversion", label, not grants,
           f"经营者{masked(operator)}名下个体工商户{len(businesses)}户；已批准/已发放的转企奖励：{describe_grants(grants)}",
           f"经营者{masked(operator)}已享受过“个转企”奖励（{describe_grants(grants)}），仅首次转企可享受", rule_id=award.id)


def conversion_bookkeeping(ev: Evaluation) -> int:
    """ib.conversion_bookkeeping (29号 三（五）24（2））: bookkeeping-service subsidy per year.

    Fact 补贴年度 within the ``years`` years after the conversion year, every condition of
    ib.conversion_award as of received_on (award received or not), fact 财务制度健全=是, and one
    subsidy per enterprise and subsidy year. Returns ``amount_per_year`` in fen.
    """
    amount = param_fen(ev.entry, "amount_per_year")
    business = ev.business()
    if business is None:
        return amount
    award = ev.catalogue.in_force(CONVERSION_AWARD, ev.received_on) or ev.catalogue.latest(CONVERSION_AWARD, ev.received_on)
    conversion_conditions(ev, business, award, include_own_grants=False)
    years = int(ev.param("years"))
    year = ev.fact("subsidy_year")
    label = f"补贴年度在转型次年起的{years}年过渡期内"
    if year is None or business.converted_on is None:
        gap = ev.fact_gap("subsidy_year") if year is None else "转企日期为空"
        ev.add("subsidy_year", label, None, gap, gap)
    else:
        first, last = business.converted_on.year + 1, business.converted_on.year + years
        ev.add("subsidy_year", label, first <= year <= last, f"转企年度{business.converted_on.year}，过渡期{first}—{last}年，补贴年度{year}",
               f"补贴年度{year}不在过渡期{first}—{last}年内")
    books = ev.fact("books_in_order")
    ev.add("books_in_order", "建立健全财务及纳税申报", books if books is None else bool(books),
           ev.fact_gap("books_in_order") if books is None else f"财务制度健全：{'是' if books else '否'}",
           ev.fact_gap("books_in_order") if books is None else "财务及纳税申报制度不健全")
    if year is not None:
        spec = ev.measure.fact("subsidy_year")
        same_year = [g for g in _grants_of_businesses(ev, ev.entry.base_id, [business]) if _fact_text(g, spec.key, spec.name) == str(year)]
        grants = ev.blocking(same_year)
        ev.add("once_per_year", "同一企业同一补贴年度仅补贴一次", not grants, f"{year}年度已批准/已发放：{describe_grants(grants)}",
               f"该企业{year}年度的财务代理服务费补贴已批准或发放（{describe_grants(grants)}）")
    return amount


def _fact_text(application: Application, key: str, name: str) -> str:
    value = application.facts.get(key, application.facts.get(name, ""))
    return str(value).strip()


def guarantee_loan(ev: Evaluation) -> int | None:
    """ib.guarantee_loan (29号 三（三）16): start-up guaranteed loan within the limit of its type.

    Facts 贷款类型 and 贷款金额; 贴息 <= ``subsidised_max``; 混合 <= ``mixed_max`` of which at most
    ``mixed_subsidised_max`` subsidised; 非贴息 <= ``non_subsidised_max``; business 存续. Returns
    the loan amount in fen (None when the facts are missing).
    """
    business = ev.business()
    if business is not None:
        ev.require_active(business)
    loan_type = ev.fact("loan_type")
    amount = ev.fact("loan_amount")
    label = "贷款金额不超过该类型创业担保贷款的最高额度"
    if loan_type is None or amount is None:
        gap = "；".join(ev.fact_gap(n) for n, v in (("loan_type", loan_type), ("loan_amount", amount)) if v is None)
        ev.add("loan_limit", label, None, gap, gap)
        return None
    limit = param_fen(ev.entry, _LOAN_LIMIT_PARAMS[str(loan_type)])
    facts = f"贷款类型：{loan_type}，贷款金额{yuan(amount)}，最高额度{yuan(limit)}"
    if loan_type == "混合":
        subsidised_max = param_fen(ev.entry, "mixed_subsidised_max")
        subsidised = min(amount, subsidised_max)
        facts += f"；其中财政贴息部分{yuan(subsidised)}（最多{yuan(subsidised_max)}），自付息部分{yuan(amount - subsidised)}"
    ev.add("loan_limit", label, amount <= limit, facts, f"{loan_type}创业担保贷款最高{yuan(limit)}，申请{yuan(amount)}超过额度")
    return amount
