"""build.spec (PyInstaller) parses, ships every resource and migration, and reads the one version.

The bundle itself is built and run by scripts/check_bundle.sh (minutes): not part of this run.
Here the spec's helper definitions run without PyInstaller (everything above ``Analysis(...)``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import desktop_app

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
NOT_SHIPPED = {".ts", ".ico", ".md"}  # translation sources, the Windows icon (built into the .exe), notes


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The spec's globals (constants and functions), as PyInstaller would define them on this platform."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    helpers = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "Analysis":
            break
        helpers.append(node)
    namespace: dict[str, Any] = {"SPECPATH": str(ROOT), "workpath": str(tmp_path_factory.mktemp("work"))}
    exec(compile(ast.Module(helpers, type_ignores=[]), str(SPEC), "exec"), namespace)  # noqa: S102 - our own spec
    return namespace


def test_spec_has_analysis_and_one_folder_collect() -> None:
    source = SPEC.read_text(encoding="utf-8")
    assert "Analysis(" in source and "COLLECT(" in source
    assert "exclude_binaries=True" in source  # one folder, not one file


def test_spec_has_no_absolute_or_platform_paths() -> None:
    constants = [n.value for n in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8")))
                 if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert [c for c in constants if re.match(r"^(/\w|[A-Za-z]:[\\/])", c)] == []  # "/usr/…", "C:\…"


def test_every_data_pattern_matches_files(spec: dict[str, Any]) -> None:
    for pattern, folder in spec["DATA_PATTERNS"]:
        assert list(ROOT.glob(pattern)), pattern
        assert "\\" not in pattern and "\\" not in folder
    assert len(spec["data_files"]()) == len(spec["DATA_PATTERNS"])


def test_every_resource_and_migration_is_shipped(spec: dict[str, Any]) -> None:
    shipped = {(path, folder) for pattern, folder in spec["DATA_PATTERNS"] for path in ROOT.glob(pattern)}
    wanted = [path for path in (ROOT / "resources").rglob("*") if path.is_file() and path.suffix not in NOT_SHIPPED]
    wanted += sorted((ROOT / "db").glob("0*.sql"))
    missing = [str(path.relative_to(ROOT)) for path in wanted
               if (path, path.parent.relative_to(ROOT).as_posix()) not in shipped]
    assert missing == []


def test_windows_icon_exists(spec: dict[str, Any]) -> None:
    icon = spec["ROOT"] / "resources" / "icons" / "township-desk.ico"
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # ICO header


def test_version_comes_from_the_package(spec: dict[str, Any]) -> None:
    assert spec["VERSION"] == desktop_app.__version__


def test_windows_version_file_reads_back(spec: dict[str, Any]) -> None:
    """PyInstaller evals the text with its VSVersionInfo classes; stand-ins record the arguments."""
    def record(kind: str):  # noqa: ANN202
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct")
    text = Path(spec["windows_version_file"]("1.2.3")).read_text(encoding="utf-8")
    info = eval(text, {name: record(name) for name in names})  # noqa: S307 - our own generated text
    assert info[0] == "VSVersionInfo"
    assert info[2]["ffi"][2]["filevers"] == (1, 2, 3, 0)
    assert "StringStruct('ProductVersion', '1.2.3')" in text
    assert spec["version_info_text"]("2.0")[:200].count("(2, 0, 0, 0)") == 2


def test_dynamically_imported_report_layouts_are_hidden_imports(spec: dict[str, Any]) -> None:
    modules = spec["package_modules"]("desktop_app")
    assert "desktop_app.reports.county_summary" in modules
    assert "desktop_app.reports" in modules
    assert not any(name.endswith(("__init__", "__main__")) for name in modules)


@pytest.mark.parametrize(
    ("dest", "windows", "excluded"),
    [
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False, True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False, False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", False, False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False, False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False, False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False, True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False, True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False, False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False, True),
        ("PySide6/Qt/lib/libQt6Network.so.6", False, False),  # QtPdf links it
        ("PySide6/Qt/lib/libQt6PdfWidgets.so.6", False, False),
        ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", True, True),
        ("PySide6/plugins/platforms/qwindows.dll", True, False),
        ("PySide6/Qt6Qml.dll", True, True),
        ("PySide6/Qt6Charts.dll", True, False),
    ],
)
def test_excluded_qt_binaries(spec: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                              dest: str, windows: bool, excluded: bool) -> None:
    monkeypatch.setitem(spec, "IS_WINDOWS", windows)
    assert spec["is_excluded_qt_binary"](dest) is excluded


def test_only_the_loaded_qt_translations_are_kept(spec: dict[str, Any]) -> None:
    assert not spec["is_unwanted"]("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not spec["is_unwanted"]("PySide6/Qt/translations/qtbase_en.qm")
    assert spec["is_unwanted"]("PySide6/Qt/translations/qtbase_de.qm")
    assert not spec["is_unwanted"]("resources/translations/township_desk_en.qm")


def test_prune_keeps_symlinks_only_to_files_that_stay(spec: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    binaries = [
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
    ]
    datas = [("PySide6/Qt/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
             ("resources/policy/rules.json", "/src/rules.json", "DATA")]
    monkeypatch.setitem(spec, "sys", SimpleNamespace(platform="win32"))  # no ldd pass over fake files
    kept_binaries, kept_datas = spec["prune"](binaries, datas)
    assert kept_binaries == []
    assert kept_datas == [("resources/policy/rules.json", "/src/rules.json", "DATA")]
