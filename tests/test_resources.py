"""Shipped files are found through ``desktop_app.resources`` only, from source and when frozen."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from desktop_app import resources
from desktop_app.resources import migrations_dir, resource_path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_app"


def _module_tuples(tree: ast.Module) -> dict[str, tuple[str, ...]]:
    """Module-level ``NAME = ("folder", "file")`` constants (used as ``resource_path(*NAME)``)."""
    found: dict[str, tuple[str, ...]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            if isinstance(value, tuple) and value and all(isinstance(part, str) for part in value):
                found[node.targets[0].id] = value
    return found


def named_resources() -> dict[str, tuple[str, ...]]:
    """Every ``resource_path(...)`` call in the package whose arguments are constants, by location."""
    calls: dict[str, tuple[str, ...]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tuples = _module_tuples(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "resource_path"):
                continue
            parts: list[str] = []
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    parts.append(arg.value)
                elif isinstance(arg, ast.Starred) and isinstance(arg.value, ast.Name) and arg.value.id in tuples:
                    parts.extend(tuples[arg.value.id])
                else:
                    break  # built at run time (e.g. the translation of a language): checked below
            else:
                calls[f"{path.relative_to(PACKAGE)}:{node.lineno}"] = tuple(parts)
    return calls


def test_every_resource_the_code_names_exists_from_source() -> None:
    calls = named_resources()
    assert {("policy", "rules.json"), ("data", "jiaozuo_divisions_2023.csv")} <= set(calls.values())
    missing = {where: parts for where, parts in calls.items() if not resource_path(*parts).is_file()}
    assert missing == {}


def test_translations_fonts_and_icon_exist_from_source() -> None:
    """The lookups built at run time: the translation of a language, the Qt fonts by file name."""
    from desktop_app.ui.fonts import FALLBACK_FONT_FILE, MAIN_FONT_FILE
    from desktop_app.ui.i18n import translation_file

    assert Path(translation_file("en")).is_file()
    assert resource_path("fonts", MAIN_FONT_FILE).is_file()
    assert resource_path("fonts", FALLBACK_FONT_FILE).is_file()
    assert resource_path("icons", "township-desk.png").is_file()
    assert resource_path("icons", "township-desk.ico").is_file()


def test_migrations_dir_holds_the_numbered_migrations() -> None:
    names = sorted(path.name for path in migrations_dir().glob("*.sql"))
    assert names[0].startswith("0001_")
    assert all(name[:4].isdigit() for name in names)


def test_frozen_app_finds_resources_and_migrations_under_meipass(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.app_root() == tmp_path
    assert resource_path("policy", "rules.json") == tmp_path / "resources" / "policy" / "rules.json"
    assert migrations_dir() == tmp_path / "db"


# domain/business may import only the standard library and the domain (tests/domain/business/
# test_eligibility_output.py), so it cannot call resource_path: its own lookup must give the same
# path. In the one-folder bundle PyInstaller sets a module's __file__ under sys._MEIPASS, so it does.
OWN_LOOKUPS = ["domain/business/facts.py"]


def test_no_other_module_locates_files_from_its_own_path() -> None:
    """``__file__`` is used only by desktop_app/resources.py (and the listed domain module)."""
    users = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.Name) and node.id == "__file__" for node in ast.walk(tree)):
            users.append(path.relative_to(PACKAGE).as_posix())
    assert sorted(users) == sorted(["resources.py", *OWN_LOOKUPS])


def test_the_domain_lookup_agrees_with_resource_path() -> None:
    from desktop_app.domain.business.facts import SHIPPED_FACTS_PATH

    assert SHIPPED_FACTS_PATH == resource_path("policy", "application_facts.json")
    assert SHIPPED_FACTS_PATH.is_file()
