"""A small registry for the inspection tests: village clinics and a township centre in 修武县
城关镇, one clinic in 博爱县, one village doctor per clinic. Import it after putting this folder on
``sys.path`` (the tests of several folders share it)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.health.entities import Facility, StaffMember
from desktop_app.domain.identity import id_check_character
from desktop_app.domain.villages import Village
from desktop_app.services import health_registry
from desktop_app.services import villages as village_service
from desktop_app.services.context import ServiceContext

XIUWU, BOAI = "410821000000", "410822000000"
TOWN, BOAI_TOWN = "410821100", "410822102"
CENTRE, OTHER = "XW-TC", "BA-01"
ROOMS = dict(room_diagnosis=True, room_treatment=True, room_observation=False, room_pharmacy=True, room_tcm=True,
             room_public_health=True, room_duty=True)


def clinic_code(number: int) -> str:
    return f"XW-{number:02d}"


def person(serial: int) -> str:
    first17 = f"41082119780315{serial:03d}"
    return first17 + id_check_character(first17)


def build_registry(ctx: ServiceContext, *, clinics: int = 2) -> list[str]:
    """Create the villages, facilities and staff; return the clinic codes of 修武县."""
    codes = []
    for number in range(1, clinics + 1):
        village = f"{TOWN}{200 + number:03d}"
        village_service.create_village(ctx, village=Village(village, f"第{number}村", "行政村", 900))
        code = clinic_code(number)
        health_registry.create_facility(ctx, facility=Facility(
            code, f"第{number}村卫生室", "村卫生室", village, ownership="公有", licence_no=f"PDY{number:05d}",
            licence_valid_until=date(2030, 6, 30), floor_area_m2=60.4, built_year=2015, common_diseases=22,
            tcm_techniques=5, **ROOMS))
        health_registry.create_staff(ctx, member=StaffMember(person(number), f"医生{number}", code, category="乡村医生",
                                                             status="在岗", township_hired=True))
        codes.append(code)
    health_registry.create_facility(ctx, facility=Facility(
        CENTRE, "城关镇卫生院", "乡镇卫生院", f"{TOWN}000", service_population=30000, beds=20, licence_no="PDY99999",
        licence_valid_until=date(2030, 6, 30), common_diseases=80, tcm_hall="有", fever_clinic=True, sub_centre=False))
    village_service.create_village(ctx, village=Village(f"{BOAI_TOWN}201", "博爱甲村", "行政村", 700))
    health_registry.create_facility(ctx, facility=Facility(
        OTHER, "博爱甲村卫生室", "村卫生室", f"{BOAI_TOWN}201", licence_no="PDY88888", licence_valid_until=date(2030, 6, 30)))
    return codes
