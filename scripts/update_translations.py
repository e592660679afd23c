"""Refresh the English translation: extract tr() strings (lupdate) and compile the .qm (lrelease).

Run after changing user-visible strings, then fill the new ``<translation>`` entries of
``resources/translations/township_desk_en.ts`` (Qt Linguist or a text editor) and run again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "township_desk_en.ts"


def ui_sources() -> list[str]:
    """Every Python file whose strings are translated (the ui package)."""
    return sorted(str(p) for p in (ROOT / "desktop_app" / "ui").rglob("*.py"))


def main() -> int:
    subprocess.run(["pyside6-lupdate", *ui_sources(), "-ts", str(TS), "-no-obsolete", "-locations", "none"], check=True)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
