"""The whole interchange §3 evaluation document: the health sections, the subsidy ledger and the
business desk's applications, as of a date, written atomically for ``township-desk evaluate``.

Each module evaluates its own part (:mod:`health_evaluation`, :func:`subsidies.subsidies_document`,
:func:`applications.applications_document`);
this module only puts the parts together in the order of §3 and names the catalogue version the
decisions were made with (the shipped catalogue plus any successor entries added on the desk).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.services import desk_admin, health_evaluation
from desktop_app.services.applications import applications_document
from desktop_app.services.context import ServiceContext
from desktop_app.services.subsidies import subsidies_document

SECTIONS = ("as_of", "catalogue_version", "facilities", "villages", "staff", "counties", "city", "subsidies", "applications")
"""The keys of the document in the order of interchange §3."""

Progress = Callable[[int, int, str], None]


def evaluation_document(ctx: ServiceContext, *, as_of: date, year: int | None = None,
                        progress: Progress | None = None) -> dict[str, Any]:
    """Every rule evaluated as of ``as_of`` (county and city indicators for ``year``, default
    as_of's year): the interchange §3 object with its keys in §3 order. Personal ID numbers are
    masked and money is in yuan with 2 decimals (each part sees to it)."""
    parts = health_evaluation.evaluation_document(ctx, as_of=as_of, year=year)
    parts["catalogue_version"] = desk_admin.effective_catalogue(ctx).version
    parts["subsidies"] = subsidies_document(ctx, as_of)
    parts["applications"] = applications_document(ctx, as_of=as_of, progress=progress)
    ordered = {key: parts[key] for key in SECTIONS if key in parts}
    return ordered | {key: value for key, value in parts.items() if key not in ordered}


def write_evaluation(ctx: ServiceContext, *, as_of: date, path: Path, year: int | None = None,
                     progress: Progress | None = None) -> Path:
    """Write :func:`evaluation_document` as UTF-8 JSON at ``path`` atomically (a temporary file
    replaced in one step: a partial file is never left behind); return the path."""
    document = evaluation_document(ctx, as_of=as_of, year=year, progress=progress)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    try:
        temporary.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path
