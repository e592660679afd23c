"""The layers stay visible: domain imports no Qt/SQL, ui never imports store, reports no Qt/DB."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_app"


def imported_modules(folder: Path) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        result[str(path.relative_to(PACKAGE))] = names
    return result


def offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path, names in imported_modules(PACKAGE / folder).items():
        for name in names:
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path} imports {name}")
    return found


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("domain", ("PySide6", "sqlite3", "sqlite_utils", "desktop_app.store", "desktop_app.services", "desktop_app.ui")),
        ("ui", ("desktop_app.store", "sqlite3", "sqlite_utils")),
        ("reports", ("PySide6", "sqlite3", "sqlite_utils", "desktop_app.store", "desktop_app.ui")),
        ("store", ("PySide6", "desktop_app.services", "desktop_app.ui")),
        ("services", ("PySide6", "desktop_app.ui")),
    ],
)
def test_layer_does_not_import(folder: str, forbidden: tuple[str, ...]) -> None:
    assert offenders(folder, forbidden) == []


def test_checker_detects_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "m.py"
    bad.write_text("import PySide6.QtCore\nfrom sqlite_utils import Database\n", encoding="utf-8")
    names = set()
    for node in ast.walk(ast.parse(bad.read_text())):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module)
    assert {"PySide6.QtCore", "sqlite_utils"} <= names


def test_sql_only_in_store() -> None:
    """No SQL statement text outside store/ (and the migrations)."""
    keywords = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE")
    hits = []
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if any(node.value.lstrip().upper().startswith(k) for k in keywords):
                    hits.append(f"{path.relative_to(PACKAGE)}: {node.value[:40]!r}")
    assert hits == []
