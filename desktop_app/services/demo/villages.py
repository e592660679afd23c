"""Demo villages and communities on the real township codes (interchange §5: ~1,900 行政村 city-wide)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from desktop_app.domain.text import pinyin_initials
from desktop_app.domain.villages import Village
from desktop_app.store import divisions_repo, villages_repo

if TYPE_CHECKING:
    from desktop_app.services.context import ServiceContext
    from desktop_app.services.demo import DemoPlan, ProgressCallback

CITY_ADMIN_VILLAGES = 1900
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
PREFIXES = ("", "东", "西", "南", "北", "前", "后", "大", "小", "上", "下", "新")
SUFFIXES = ("庄", "村", "寨", "营", "屯", "河", "沟", "坡", "岭", "堡", "楼", "店", "桥", "湾")
COMMUNITY_WORDS = ("和平", "建设", "幸福", "光明", "团结", "文化", "丰收", "人民", "新华", "民主", "康乐", "朝阳")


def _village_name(rng: random.Random, used: set[str]) -> str:
    for _ in range(50):
        name = rng.choice(PREFIXES) + rng.choice(SURNAMES) + rng.choice(SUFFIXES)
        name = name if name.endswith("村") else name + "村"
        if name not in used:
            used.add(name)
            return name
    name = f"{rng.choice(SURNAMES)}家{len(used)}号村"
    used.add(name)
    return name


def generate(ctx: ServiceContext, plan: DemoPlan, rng: random.Random, progress: ProgressCallback) -> dict[str, int]:
    """Create villages for every township of the plan: 行政村 and a few 自然村 in towns, 社区 in 街道."""
    rural = [t for t in plan.townships if not t.name.endswith("街道")]
    city_rural = [t for t in divisions_repo.all_divisions(ctx.db) if t.level == "township" and not t.name.endswith("街道")]
    per_township = CITY_ADMIN_VILLAGES / max(1, len(city_rural))  # the city-wide average per town
    villages: list[Village] = []
    for index, township in enumerate(plan.townships):
        progress(index, len(plan.townships), "生成示例村庄")
        prefix = township.code[:9]
        used: set[str] = set()
        if township in rural:
            count = max(6, round(rng.gauss(per_township, per_township / 4)))
            centre = rng.randrange(count)
            for serial in range(count):
                code = f"{prefix}{200 + serial + 1:03d}"
                village = Village(
                    code=code,
                    name=_village_name(rng, used),
                    kind="行政村",
                    population=int(min(6000, max(280, rng.lognormvariate(7.2, 0.45)))),
                    hosts_township_centre=serial == centre,
                    minutes_to_clinic=None if rng.random() < 0.02 else rng.randint(0, 25),
                )
                villages.append(village)
                if rng.random() < 0.12:
                    for n in range(1, rng.randint(1, 2) + 1):
                        villages.append(
                            Village(
                                code=f"{code}-{n:02d}",
                                name=_village_name(rng, used),
                                kind="自然村",
                                population=rng.choice([rng.randint(200, 1499), rng.randint(1500, 2600)]),
                                minutes_to_clinic=rng.randint(3, 30),
                            )
                        )
            communities = 1 if rng.random() < 0.5 else 0
        else:
            communities = rng.randint(4, 9)
        for serial in range(communities):
            word = COMMUNITY_WORDS[serial % len(COMMUNITY_WORDS)]
            villages.append(
                Village(
                    code=f"{prefix}{serial + 1:03d}",
                    name=f"{word}社区" if serial < len(COMMUNITY_WORDS) else f"{word}{serial}社区",
                    kind="社区",
                    population=rng.randint(2500, 12000),
                    minutes_to_clinic=rng.randint(0, 15),
                )
            )
    progress(len(plan.townships), len(plan.townships), "写入示例村庄")
    villages_repo.insert_many(ctx.db, ((v, pinyin_initials(v.name)) for v in villages), is_demo=True)
    return {"villages": len(villages)}
