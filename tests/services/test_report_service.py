"""The report service on a small real database built with the services: every kind renders with
the registry's data, bad input is refused before any file exists, demo databases are marked."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.domain.health.entities import CountyFigure, Facility, FamilyDoctorFigure, StaffMember
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.text import pinyin_initials
from desktop_app.domain.villages import Village
from desktop_app.domain.actor import Actor
from desktop_app.domain.security import ADMIN, COUNTER_CLERK, HEALTH_ADMIN, READ_ONLY, REVIEWER
from desktop_app.services import health_evaluation, health_registry
from desktop_app.services.database import initialize, open_context
from desktop_app.services.health_report_data import facility_results
from desktop_app.services import reports as report_service
from desktop_app.services.context import ServiceContext
from desktop_app.services.reports import (
    REPORT_KINDS,
    ReportKind,
    parse_year,
    register,
    render_inspection_pack,
    render_report,
    report_choices,
    write_report,
)
from desktop_app.store import facilities_repo, health_figures_repo, meta, staff_repo, villages_repo
from desktop_app.store.connection import write_transaction

XIUWU, TOWNSHIP, OTHER_TOWNSHIP = "410821000000", "410821100000", "410821101000"
CITY = "410800000000"
AS_OF, YEAR = date(2025, 12, 31), 2025
FULL_ID = re.compile(r"\d{17}[\dX]")
LONG_NAME = "修武县城关镇东岭后村民委员会第三村民小组联合村卫生室"


def person(serial: int) -> str:
    first17 = f"41082119800101{serial:03d}"
    return first17 + id_check_character(first17)


def build_registry(ctx: ServiceContext) -> None:
    """城关镇: a 乡镇卫生院, two 村卫生室 (one failing the floor area) and four staff with training
    in 2025; 七贤镇: one clinic; 修武县 figures and contracts for 2025."""
    villages = [Village(TOWNSHIP[:9] + f"{n:03d}", f"测试{n}村", "行政村", 1200) for n in (201, 202)]
    villages.append(Village(OTHER_TOWNSHIP[:9] + "201", "七贤测试村", "行政村", 900))
    with write_transaction(ctx.db):
        villages_repo.insert_many(ctx.db, [(v, pinyin_initials(v.name)) for v in villages])
        health_figures_repo.upsert_county_figures(ctx.db, [CountyFigure(XIUWU, YEAR, 250_000, 91.5, 70.0, 60_000)])
    create = health_registry.create_facility
    create(ctx, facility=Facility("XW-T1", "城关镇卫生院", "乡镇卫生院", TOWNSHIP, service_population=30000, beds=40,
                                  licence_no="PDY001", licence_valid_until=date(2027, 6, 30), tcm_hall="有",
                                  fever_clinic=True, common_diseases=80))
    create(ctx, facility=Facility("XW-C1", LONG_NAME, "村卫生室", villages[0].code, ownership="公有", floor_area_m2=150,
                                  built_year=2023, licence_no="PDY002", licence_valid_until=date(2026, 8, 1),
                                  common_diseases=22, tcm_techniques=5))
    create(ctx, facility=Facility("XW-C2", "测试202村卫生室", "村卫生室", villages[1].code, ownership="私人",
                                  floor_area_m2=80.5, built_year=2024, common_diseases=12))
    create(ctx, facility=Facility("QX-C1", "七贤测试村卫生室", "村卫生室", villages[2].code, ownership="公有"))
    staff = [
        StaffMember(person(1), "王秀英", "XW-C1", category="乡村医生", township_hired=True, status="在岗"),
        StaffMember(person(2), "李建国", "XW-C1", category="执业助理医师", practice_scope="临床", status="在岗"),
        StaffMember(person(3), "张伟", "XW-T1", category="执业医师", practice_scope="中医", status="在岗"),
        StaffMember(person(4), "赵敏", "XW-C2", category="乡村医生", status="在岗"),
    ]
    for member in staff:
        health_registry.create_staff(ctx, member=member)
    with write_transaction(ctx.db):
        health_figures_repo.upsert_family_doctor(ctx.db, [FamilyDoctorFigure("XW-C1", YEAR, 800, 300)])
    health_registry.save_training(ctx, year=YEAR, days={
        (person(1), "集中学习"): 16.5, (person(1), "远程教育"): 15,
        (person(2), "业务进修"): 12,
        (person(3), "集中学习"): 31,
        (person(4), "集中学习"): 5,
    })


@pytest.fixture
def registry(ctx: ServiceContext) -> ServiceContext:
    build_registry(ctx)
    return ctx


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def joined(pdf: bytes) -> str:
    return re.sub(r"\s", "", "".join(texts(pdf)))


def render(ctx: ServiceContext, kind: str, **options: object) -> bytes:
    return render_report(ctx, kind=kind, as_of=AS_OF, **options)


def as_role(ctx: ServiceContext, role: str = READ_ONLY, scope: str = CITY) -> ServiceContext:
    """Act as a user of ``role`` (default the city's 只读/督导, who may not see full ID numbers)."""
    ctx.actor = Actor(f"test:{role}", role=role, scope_code=scope)
    return ctx


def test_registry_lists_the_four_health_kinds_with_their_options() -> None:
    assert {"facility-inspection", "county-summary", "township-roster", "training-ledger"} <= set(REPORT_KINDS)
    inspection = REPORT_KINDS["facility-inspection"]
    assert inspection.title == "督导检查表" and inspection.required == {"facility"} and "blank" in inspection.options
    assert REPORT_KINDS["county-summary"].division_levels == ("city", "county")
    assert REPORT_KINDS["township-roster"].division_levels == ("township",)


def test_facility_inspection_from_the_evaluation(registry: ServiceContext) -> None:
    pdf = render(as_role(registry), "facility-inspection", facility="XW-C2")
    text = joined(pdf)
    assert "村卫生室督导检查表" in text and "测试202村卫生室" in text and "修武县城关镇" in text
    assert "新建村卫生室建筑面积不少于120m²" in text and "80.5m²" in text and "≥120m²" in text
    assert "未达标" in text and "焦政办〔2023〕32号" in text
    assert "1,200人（按服务村庄合计）" in text and "未填写" in text  # licence not registered
    assert "赵敏" in text and "4108**********" in text
    assert not FULL_ID.search(text)
    assert "示例数据" not in text and "desk.sqlite3" in text


def test_blank_inspection_form_has_no_results(registry: ServiceContext) -> None:
    text = joined(render(registry, "facility-inspection", facility="XW-C2", blank=True))
    assert "新建村卫生室建筑面积不少于120m²" in text and "□符合□不符合" in text
    assert "80.5m²" not in text and "未达标" not in text and "赵敏" not in text


def test_county_summary_for_a_county_and_for_the_city(registry: ServiceContext) -> None:
    text = joined(render(registry, "county-summary", division=XIUWU, year=YEAR))
    assert "修武县基层医疗卫生服务能力汇总表" in text and "91.5%" in text and "县域内就诊率" in text
    assert "测试202村卫生室" in text  # failing the floor area, listed under its rule
    assert "新建村卫生室建筑面积不少于120m²——未达标" in text
    assert "共4所机构" in text
    city = joined(render(registry, "county-summary", division=CITY, year=YEAR))
    assert "焦作市基层医疗卫生服务能力汇总表" in city


def test_township_roster_lists_only_that_township(registry: ServiceContext) -> None:
    pdf = render(as_role(registry), "township-roster", division=TOWNSHIP)
    text = joined(pdf)
    assert "城关镇医疗机构及人员花名册" in text and "医疗机构（3所）" in text and "人员（4人）" in text
    assert text.index("城关镇卫生院") < text.index("测试202村卫生室")  # centres first
    assert LONG_NAME in text and "七贤测试村卫生室" not in text
    assert not FULL_ID.search(text)


def test_training_ledger_days_and_rules(registry: ServiceContext) -> None:
    text = joined(render(registry, "training-ledger", division=TOWNSHIP, year=YEAR))
    assert "2025年度城关镇卫生技术人员培训台账" in text
    assert "16.5" in text and "31.5" in text and "31" in text
    assert "共4人，应达到年度培训30天的4人，其中达标2人、未达标2人" in text
    assert "村卫生室在岗医生3人，集中学习达标1人、未达标2人" in text
    one = joined(render(registry, "training-ledger", facility="XW-C1", year=YEAR))
    assert f"2025年度{LONG_NAME}卫生技术人员培训台账" in one and "赵敏" not in one and "王秀英" in one


def test_demo_database_is_marked_on_every_page(registry: ServiceContext) -> None:
    with write_transaction(registry.db):
        meta.put(registry.db, meta.DEMO_DATASET, "small")
    assert registry.demo_dataset == "small"
    for kind, options in (("facility-inspection", {"facility": "XW-C1"}), ("township-roster", {"division": TOWNSHIP})):
        assert all("示例数据" in page for page in texts(render(registry, kind, **options)))


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"kind": "annual-report"}, ValidationError, "未知的报表种类"),
        ({"kind": "facility-inspection", "facility": "NOPE"}, NotFound, "NOPE"),
        ({"kind": "facility-inspection"}, ValidationError, "需要指定机构编码"),
        ({"kind": "county-summary", "division": "410899000000"}, NotFound, "410899000000"),
        ({"kind": "county-summary", "division": TOWNSHIP}, ValidationError, "是乡镇（街道）"),
        ({"kind": "county-summary", "division": XIUWU, "year": 2019}, ValidationError, "没有2019年的指标数据"),
        ({"kind": "county-summary", "division": XIUWU, "facility": "XW-C1"}, ValidationError, "不使用机构编码"),
        ({"kind": "township-roster", "division": XIUWU}, ValidationError, "需要乡镇（街道）区划代码"),
        ({"kind": "training-ledger", "division": TOWNSHIP, "year": 2019}, ValidationError, "没有2019年的培训记录"),
        ({"kind": "training-ledger", "year": YEAR}, ValidationError, "需要指定乡镇（街道）或医疗机构"),
        ({"kind": "training-ledger", "division": OTHER_TOWNSHIP, "facility": "XW-C1"}, ValidationError, "不在"),
        ({"kind": "township-roster", "division": TOWNSHIP, "blank": True}, ValidationError, "不使用空白表"),
        ({"kind": "township-roster", "division": TOWNSHIP, "receipt": "SL2025001"}, ValidationError, "不使用受理编号"),
        ({"kind": "training-ledger", "division": TOWNSHIP, "year": 1850}, ValidationError, "年度应在"),
    ],
)
def test_bad_input_is_refused_and_no_file_is_left(registry: ServiceContext, tmp_path: Path, options: dict,
                                                  error: type, words: str) -> None:
    out = tmp_path / "reports" / "out.pdf"
    with pytest.raises(error) as raised:
        write_report(registry, out=out, as_of=AS_OF, **options)
    assert words in str(raised.value)
    assert not out.exists()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_write_report_is_atomic(registry: ServiceContext, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    out = folder / "roster.pdf"
    assert write_report(registry, out=out, kind="township-roster", division=TOWNSHIP, as_of=AS_OF) == out
    assert out.read_bytes().startswith(b"%PDF") and [p.name for p in folder.iterdir()] == ["roster.pdf"]
    occupied = folder / "taken.pdf"
    occupied.mkdir()  # a folder where the file should go: the rename fails
    with pytest.raises(OSError):
        write_report(registry, out=occupied, kind="township-roster", division=TOWNSHIP, as_of=AS_OF)
    assert sorted(p.name for p in folder.iterdir()) == ["roster.pdf", "taken.pdf"]
    assert list(occupied.iterdir()) == []


def test_inspection_pack_has_every_village_clinic_of_the_county(registry: ServiceContext) -> None:
    pdf = render_inspection_pack(as_role(registry), county=XIUWU, as_of=AS_OF)
    pages = texts(pdf)
    assert "检查机构清单（共 3 所）" in pages[0]
    text = joined(pdf)
    for name in (LONG_NAME, "测试202村卫生室", "七贤测试村卫生室"):
        assert name in text
    assert "城关镇卫生院督导检查表" not in text  # village clinics only
    assert len(pages) >= 4 and not FULL_ID.search(text)
    with pytest.raises(NotFound):
        render_inspection_pack(registry, county="410899000000")
    with pytest.raises(ValidationError):
        render_inspection_pack(registry, county=TOWNSHIP)
    with pytest.raises(ValidationError, match="没有登记村卫生室"):
        render_inspection_pack(registry, county="410822000000")


def test_progress_is_reported_between_the_steps(registry: ServiceContext) -> None:
    steps: list[tuple[int, int]] = []
    render(registry, "township-roster", division=TOWNSHIP, progress=lambda done, total, _text: steps.append((done, total)))
    assert steps == [(0, 2), (1, 2), (2, 2)]


def test_choices_for_the_page(registry: ServiceContext) -> None:
    choices = report_choices(registry)
    assert choices.city == (CITY, "焦作市")
    assert any(c.code == XIUWU for c in choices.counties)
    assert [code for code, _name, _kind in choices.facilities[TOWNSHIP]] == ["XW-C1", "XW-C2", "XW-T1"]
    assert choices.years == [YEAR]


def test_parse_year_and_register() -> None:
    assert parse_year(None) is None and parse_year(" 2025 ") == 2025
    with pytest.raises(ValidationError):
        parse_year("25年")
    with pytest.raises(ValueError):
        register(REPORT_KINDS["county-summary"])
    extra = ReportKind("test-kind", "测试", lambda ctx, request: request, lambda data, meta: b"%PDF",
                       options=frozenset({report_service.YEAR}))
    try:
        register(extra)
        assert report_service.REPORT_KINDS["test-kind"] is extra
    finally:
        report_service.REPORT_KINDS.pop("test-kind")


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> ServiceContext:
    path = tmp_path_factory.mktemp("demo") / "small.sqlite3"
    initialize(path, actor=Actor("test:setup"), demo="small")
    context = open_context(path, actor=Actor("test:reports"))
    yield context
    context.close()


@pytest.mark.parametrize("as_of", [date(2025, 12, 31), date(2024, 3, 1)])
def test_form_results_equal_the_full_evaluation(small_demo: ServiceContext, as_of: date) -> None:
    """Each form evaluates its facility on a snapshot of that facility's own staff and villages: the
    results must be those of the whole-registry evaluation (a rule reading more would show here)."""
    full = {s.code: s.results for s in health_evaluation.evaluate(small_demo, as_of=as_of).facilities}
    staff = staff_repo.all_staff(small_demo.db)
    villages = {v.code: v for v in villages_repo.all_villages(small_demo.db)}
    facilities = facilities_repo.all_facilities(small_demo.db)
    assert len(facilities) > 300
    for facility in facilities:
        own_staff = [m for m in staff if m.facility_code == facility.code]
        own_villages = {c: villages[c] for c in (facility.division_code, *facility.served_codes) if c in villages}
        assert facility_results(small_demo, [facility], own_staff, own_villages, as_of=as_of) == {facility.code: full[facility.code]}


def test_every_kind_on_the_demo_database_is_marked(small_demo: ServiceContext) -> None:
    clinic = next(f for f in facilities_repo.all_facilities(small_demo.db) if f.kind == "村卫生室")
    township = clinic.township_code
    paid = small_demo.db.execute("SELECT receipt_no FROM applications WHERE status = '已发放' LIMIT 1").fetchone()[0]
    kinds = (("facility-inspection", {"facility": clinic.code}, READ_ONLY),
             ("county-summary", {"division": XIUWU, "year": YEAR}, READ_ONLY),
             ("township-roster", {"division": township}, READ_ONLY),
             ("training-ledger", {"division": township, "year": YEAR}, READ_ONLY),
             ("subsidy-statement", {"division": XIUWU, "year": YEAR}, READ_ONLY),
             ("application-form", {"receipt": paid}, COUNTER_CLERK),
             ("acceptance-receipt", {"receipt": paid}, COUNTER_CLERK),
             ("decision-notice", {"receipt": paid}, REVIEWER))
    try:
        for kind, options, role in kinds:
            pdf = render(as_role(small_demo, role), kind, **options)
            pages = texts(pdf)
            assert all("示例数据" in page and "small.sqlite3" in page for page in pages), kind
            if role == READ_ONLY:
                assert not FULL_ID.search(joined(pdf)), kind
    finally:
        small_demo.actor = Actor("test:reports")


# --- the subsidy ledger and the business desk --------------------------------------------------------

STATEMENT_AS_OF = date(2026, 3, 1)  # the year 2025 has ended: arrears are overdue
DESK_TODAY = date(2025, 6, 30)
RETIRED = "410821195503010011"  # born 1955, left in 2023: entitled to the allowance, standard not set
BOAI = "410822000000"


@pytest.fixture
def ledger_data(registry: ServiceContext) -> ServiceContext:
    """修武县 2025: budgets of the clinic subsidy, a part payment (XW-C1: overdue once 2025 has ended), none for the clinic whose
    licence expiry is blank (XW-C2: unknown), an over-payment of the family-doctor incentive, a
    retired doctor whose county set no allowance standard."""
    from desktop_app.domain.subsidies import CLINIC_OPERATING, FAMILY_DOCTOR, Budget, Payment
    from desktop_app.services import subsidies

    health_registry.create_staff(registry, member=StaffMember(RETIRED, "王老医生", "XW-C1", category="乡村医生",
                                                              township_hired=False, status="退出", left_on=date(2023, 3, 1)))
    subsidies.save_budget(registry, budget=Budget(CLINIC_OPERATING, YEAR, XIUWU, "县级", 2_000_000))
    subsidies.save_budget(registry, budget=Budget(FAMILY_DOCTOR, YEAR, XIUWU, "县级", 300_000))
    subsidies.post_payment(registry, payment=Payment("XW2025-001", CLINIC_OPERATING, YEAR, "XW-C1", 400_000, "县级",
                                                     date(2025, 5, 10)))
    subsidies.post_payment(registry, payment=Payment("XW2025-002", FAMILY_DOCTOR, YEAR, "XW-C1", 500_000, "县级",
                                                     date(2025, 6, 10)), confirm_overpayment=True)
    return registry


def _money(fen: int) -> str:
    from desktop_app.domain.money import format_yuan

    return format_yuan(fen)


def test_subsidy_statement_matches_the_ledger(ledger_data: ServiceContext) -> None:
    from desktop_app.services import subsidies

    ctx = as_role(ledger_data)
    ledger = subsidies.ledger(ctx, year=YEAR, county=XIUWU, as_of=STATEMENT_AS_OF)
    pdf = render_report(ctx, kind="subsidy-statement", division=XIUWU, year=YEAR, as_of=STATEMENT_AS_OF)
    text = joined(pdf)
    assert "2025年度修武县基层医疗卫生补助资金台账" in text and "统计截至：2026年3月1日" in text
    titles = {p: ctx.catalogue.get(p).title for p in ("hc.subsidy.village_clinic_operating", "hc.subsidy.family_doctor_incentive")}
    for programme, title in titles.items():
        summary = ledger.total(programme)
        row = f"{title}县级{_money(summary.entitled)}{_money(summary.budgeted)}{_money(summary.paid)}{_money(summary.outstanding)}"
        assert row in text, row
    clinic = next(l for l in ledger.lines if l.entitlement.payee == "XW-C1" and l.entitlement.programme.endswith("operating"))
    assert clinic.status == "逾期未拨" and clinic.overdue
    assert f"XW-C1城关镇{_money(clinic.entitled)}{_money(clinic.paid)}{_money(clinic.outstanding)}逾期未拨" in text
    incentive = next(l for l in ledger.lines if l.entitlement.payee == "XW-C1" and l.entitlement.programme.endswith("incentive"))
    assert incentive.status == "超发"
    assert f"XW-C1城关镇{_money(incentive.entitled)}{_money(incentive.paid)}{_money(incentive.outstanding)}超发" in text
    assert "王老医生4108**********0011七贤镇标准未设定" in text or "王老医生4108**********0011城关镇标准未设定" in text
    assert "许可证有效期未填写" in text  # XW-C2: unknown, never 0
    assert RETIRED not in text and "制表人：" in text


def test_subsidy_statement_of_the_city_and_bad_years(ledger_data: ServiceContext) -> None:
    text = joined(render_report(ledger_data, kind="subsidy-statement", division=CITY, year=YEAR, as_of=STATEMENT_AS_OF))
    assert "2025年度焦作市基层医疗卫生补助资金台账" in text and "县区补助项目" in text
    with pytest.raises(ValidationError, match="没有2019年的补助数据"):
        render_report(ledger_data, kind="subsidy-statement", division=XIUWU, year=2019)
    with pytest.raises(ValidationError, match="是乡镇（街道）"):
        render_report(ledger_data, kind="subsidy-statement", division=TOWNSHIP, year=YEAR)


@pytest.fixture
def desk(registry: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A business of 城关镇 with a paid startup subsidy, a refused loan, an accepted loan and a notice."""
    from desktop_app.domain.business.entities import Business, PersonStatus
    from desktop_app.domain.business.uscc import complete_uscc
    from desktop_app.services import applications
    from desktop_app.services import business_registry

    monkeypatch.setattr(applications, "_today", lambda: DESK_TODAY)
    code, operator = complete_uscc("92410821000000001"), person(11)
    business_registry.create_business(registry, business=Business(code, LONG_NAME.replace("村卫生室", "农家乐"), "欧阳娜娜",
                                                                  operator, date(2022, 3, 1), TOWNSHIP))
    business_registry.save_person_status(registry, status=PersonStatus(operator, "返乡农民工", "欧阳娜娜", date(2020, 1, 1)))

    def take(policy: str, facts: str = "", received: list[str] | None = None) -> applications.IntakeResult:
        names = [m.name for m in applications.measure_spec(registry, policy).materials]
        return applications.intake(registry, policy_id=policy, uscc=code, id_number=operator if policy.endswith("startup_subsidy") else None,
                                   facts=facts, materials_received=names if received is None else received,
                                   received_on=date(2025, 3, 3))

    paid = take("ib.startup_subsidy").receipt_no
    applications.start_review(registry, receipt_no=paid)
    applications.approve(registry, receipt_no=paid)
    applications.pay(registry, receipt_no=paid, voucher_no="ZF410821202500001", paid_on=date(2025, 3, 20))
    refused = take("ib.guarantee_loan", "贷款类型=贴息;贷款金额=100000").receipt_no
    applications.start_review(registry, receipt_no=refused)
    applications.refuse(registry, receipt_no=refused, reasons=["经营者已有未结清的创业担保贷款", "贷款用途不符合规定"])
    accepted = take("ib.guarantee_loan", "贷款类型=贴息;贷款金额=200000").receipt_no
    notice = take("ib.startup_subsidy", received=[]).notice.notice_no
    return {"paid": paid, "refused": refused, "accepted": accepted, "notice": notice, "uscc": code, "operator": operator}


def test_the_counter_papers_of_one_case(registry: ServiceContext, desk: dict[str, str]) -> None:
    from desktop_app.domain.receipt_check import check_value
    from desktop_app.services import applications

    case = applications.get_case(registry, desk["paid"])
    form = joined(render(registry, "application-form", receipt=desk["paid"]))
    assert "一次性创业补贴5000元申请表" in form and desk["paid"] in form and desk["uscc"] in form
    assert desk["operator"] in form  # a system administrator may see full ID numbers
    assert "经营者居民身份证" in form and "已收取" in form and "申请人签字（盖章）：" in form
    receipt = joined(render(as_role(registry, COUNTER_CLERK, XIUWU), "acceptance-receipt", receipt=desk["accepted"]))
    assert "受理回执" in receipt and f"校验码{check_value(desk['accepted'])}" in receipt
    assert "承诺办结日期" in receipt and "（10个工作日）" in receipt
    approved = joined(render(as_role(registry, REVIEWER, XIUWU), "decision-notice", receipt=desk["paid"]))
    amount = _money(case.approved_amount_fen)
    assert f"核定补贴金额{amount}元（大写：人民币伍仟元整）" in approved and "已于2025年3月20日发放" in approved
    refused = joined(render(as_role(registry, ADMIN), "decision-notice", receipt=desk["refused"]))
    assert "不予批准" in refused and "1.经营者已有未结清的创业担保贷款" in refused and "2.贷款用途不符合规定" in refused
    assert "六十日内依法申请行政复议" in refused and "六个月内依法向人民法院提起行政诉讼" in refused
    notice = joined(render(registry, "missing-materials-notice", receipt=desk["notice"]))
    assert "一次性告知书" in notice and desk["notice"] in notice and "需补正的材料（3件）" in notice


def test_payment_ledger_matches_the_paid_cases(registry: ServiceContext, desk: dict[str, str]) -> None:
    from desktop_app.services import applications

    case = applications.get_case(registry, desk["paid"])
    text = joined(render(as_role(registry), "payment-ledger", division=XIUWU, year=YEAR))
    assert "2025年度修武县个体工商户扶持政策资金发放台账" in text
    assert f"共发放1笔，合计{_money(case.paid_amount_fen)}元" in text
    assert f"{desk['paid']}ZF410821202500001" in text and "03-20" in text and desk["refused"] not in text
    assert "4108**********" in text and desk["operator"] not in text  # 只读/督导: masked
    full = joined(render(as_role(registry, REVIEWER, XIUWU), "payment-ledger", division=XIUWU, year=YEAR))
    assert desk["operator"] in full
    city = joined(render(as_role(registry, ADMIN), "payment-ledger", division=CITY, year=YEAR))
    assert "二、按县区、政策汇总" in city and "修武县·3月·一次性创业补贴" in city


@pytest.mark.parametrize(
    ("role", "scope", "kind", "which", "words"),
    [
        ("未登录", CITY, "township-roster", None, "无权"),
        (HEALTH_ADMIN, CITY, "acceptance-receipt", "accepted", "不能打印受理回执"),
        (READ_ONLY, CITY, "decision-notice", "paid", "不能打印审批结果通知书"),
        (COUNTER_CLERK, BOAI, "acceptance-receipt", "accepted", "管辖范围"),
        (REVIEWER, BOAI, "decision-notice", "paid", "管辖范围"),
        (COUNTER_CLERK, BOAI, "missing-materials-notice", "notice", "管辖范围"),
        (HEALTH_ADMIN, BOAI, "subsidy-statement", None, "管辖范围"),
        (READ_ONLY, XIUWU, "county-summary", None, "管辖范围"),  # a county user may not print the city's summary
        (HEALTH_ADMIN, BOAI, "facility-inspection", None, "管辖范围"),
    ],
)
def test_a_role_that_may_not_print_gets_no_file(registry: ServiceContext, desk: dict[str, str], tmp_path: Path,
                                                 role: str, scope: str, kind: str, which: str | None, words: str) -> None:
    options = {"township-roster": {"division": TOWNSHIP}, "subsidy-statement": {"division": XIUWU, "year": YEAR},
               "county-summary": {"division": CITY, "year": YEAR}, "facility-inspection": {"facility": "XW-C1"}}
    chosen = {"receipt": desk[which]} if which else options[kind]
    out = tmp_path / "reports" / "refused.pdf"
    with pytest.raises(PermissionDenied, match=words):
        write_report(as_role(registry, role, scope), out=out, kind=kind, as_of=AS_OF, **chosen)
    assert not out.parent.exists()


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"kind": "acceptance-receipt", "receipt": "410821209901010001"}, NotFound, "410821209901010001"),
        ({"kind": "missing-materials-notice", "receipt": "GZ410821209901010001"}, NotFound, "GZ410821209901010001"),
        ({"kind": "application-form"}, ValidationError, "需要指定受理编号"),
        ({"kind": "decision-notice", "receipt": "accepted"}, ValidationError, "尚未作出审批决定"),
        ({"kind": "payment-ledger", "division": XIUWU, "year": 2019}, ValidationError, "2019年没有发放记录"),
        ({"kind": "payment-ledger", "division": TOWNSHIP, "year": YEAR}, ValidationError, "是乡镇（街道）"),
        ({"kind": "payment-ledger", "division": XIUWU, "receipt": "accepted"}, ValidationError, "不使用受理编号"),
        ({"kind": "acceptance-receipt", "receipt": "paid", "year": YEAR}, ValidationError, "不使用年度"),
    ],
)
def test_bad_desk_input_is_refused_and_no_file_is_left(registry: ServiceContext, desk: dict[str, str], tmp_path: Path,
                                                       options: dict, error: type, words: str) -> None:
    if options.get("receipt") in desk:
        options = {**options, "receipt": desk[options["receipt"]]}
    out = tmp_path / "reports" / "out.pdf"
    with pytest.raises(error, match=words):
        write_report(registry, out=out, as_of=AS_OF, **options)
    assert not out.parent.exists()


def test_choices_offer_the_kinds_a_role_may_print_and_recent_cases(registry: ServiceContext, desk: dict[str, str]) -> None:
    every = report_choices(registry)
    assert every.kinds == list(REPORT_KINDS) and {c.receipt_no for c in every.cases} == {desk["paid"], desk["refused"], desk["accepted"]}
    health = report_choices(as_role(registry, HEALTH_ADMIN))
    assert "acceptance-receipt" not in health.kinds and "subsidy-statement" in health.kinds and health.cases == []
    found = report_service.find_paper(as_role(registry, COUNTER_CLERK, XIUWU), kind="decision-notice", number=desk["paid"])
    assert found.receipt_no == desk["paid"] and found.status == "已发放" and "一次性创业补贴" in found.label
    notice = report_service.find_paper(as_role(registry, ADMIN), kind="missing-materials-notice", number=desk["notice"])
    assert notice.status == "缺 3 件材料"
    with pytest.raises(NotFound):
        report_service.find_paper(registry, kind="acceptance-receipt", number="NOPE")
    with pytest.raises(PermissionDenied):
        report_service.find_paper(as_role(registry, COUNTER_CLERK, BOAI), kind="acceptance-receipt", number=desk["paid"])
