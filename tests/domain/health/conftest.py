"""Fixtures of the health-engine tests; makes this folder's ``health_builders`` importable under
any pytest import mode."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from health_builders import CATALOGUE_PATH  # noqa: E402

from desktop_app.domain.rules.catalogue import Catalogue  # noqa: E402


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The rule catalogue shipped with the app."""
    return Catalogue.load(CATALOGUE_PATH)
