"""Helpers for benchmarks: timing, medians and writing a section of docs/PERFORMANCE.md."""

from __future__ import annotations

import platform
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERFORMANCE = ROOT / "docs" / "PERFORMANCE.md"


def timed(fn: Callable[[], object]) -> float:
    """Seconds taken by one call of ``fn``."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_of(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    """Median seconds over ``runs`` calls, and all the samples."""
    samples = [timed(fn) for _ in range(runs)]
    return statistics.median(samples), samples


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    import os

    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def write_section(name: str, markdown: str) -> None:
    """Replace (or append) the section between ``<!-- bench:name -->`` markers in PERFORMANCE.md."""
    PERFORMANCE.parent.mkdir(parents=True, exist_ok=True)
    text = PERFORMANCE.read_text(encoding="utf-8") if PERFORMANCE.exists() else "# Performance\n\nFigures written by `bench/` scripts (run on demand, not in the test suite).\n"
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    text = pattern.sub(block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    PERFORMANCE.write_text(text, encoding="utf-8")
