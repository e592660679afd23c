"""What eligibility needs from outside the application: database history and county settings.

:class:`EligibilityHistory` is the set of cross-database look-ups the ib./emp. rules make; the
store layer implements it with SQL and tests implement it in memory. :class:`EligibilitySettings`
gives the amounts a county configures where a policy says "不少于" (at least), and city-wide
overrides of parameters the catalogue marks as settings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any, Protocol

from desktop_app.domain.business.entities import Application, Business, PersonStatus
from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.domain.money import format_yuan, parse_yuan
from desktop_app.domain.rules.catalogue import Catalogue

# Measures whose amount a county sets, and the catalogue parameter holding the policy minimum.
COUNTY_AMOUNT_PARAMS: Mapping[str, str] = MappingProxyType({
    "ib.directory_award": "min_amount",
    "ib.conversion_award": "min_amount",
})


class EligibilityHistory(Protocol):
    """Cross-database look-ups of the eligibility rules (implemented by the store with SQL).

    "Granted" means status 已批准 or 已发放. A policy *family* is every application whose policy id
    has the given base id (the text before ``@``), so successor entries count together. Every
    ``granted_*`` look-up leaves out the application ``exclude_receipt_no`` itself. ID numbers are
    compared upper-case.
    """

    def business(self, uscc: str) -> Business | None:
        """The business whose credit code — or post-conversion enterprise code — is ``uscc``."""
        ...

    def businesses_of_operator(self, id_number: str) -> Sequence[Business]:
        """Every business (any status) whose operator has this ID number."""
        ...

    def person_statuses(self, id_number: str) -> Sequence[PersonStatus]:
        """Every group membership (人员身份) recorded for this ID number."""
        ...

    def granted_for_person(self, base_id: str, id_number: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        """Granted applications of the family whose applicant ID number is ``id_number``."""
        ...

    def granted_for_business(self, base_id: str, uscc: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        """Granted applications of the family whose applicant credit code is ``uscc``."""
        ...

    def granted_for_hire(self, base_id: str, hired_id_number: str, *, exclude_receipt_no: str) -> Sequence[Application]:
        """Granted applications of the family whose fact 招用人员 lists ``hired_id_number``."""
        ...


class EligibilitySettings(Protocol):
    """County-configured amounts and city-wide parameter overrides."""

    def county_amount_fen(self, county_code: str, base_id: str) -> int | None:
        """The amount (fen) a county pays for a measure of :data:`COUNTY_AMOUNT_PARAMS`, or None."""
        ...

    def parameter_override(self, base_id: str, name: str) -> Any | None:
        """A configured value replacing catalogue parameter ``name`` of ``base_id``, or None."""
        ...


@dataclass(frozen=True)
class CountySettings:
    """Settings held in memory: amounts by (county code, base id) in fen, overrides by (base id, name)."""

    amounts_fen: Mapping[tuple[str, str], int] = field(default_factory=dict)
    overrides: Mapping[tuple[str, str], Any] = field(default_factory=dict)

    def county_amount_fen(self, county_code: str, base_id: str) -> int | None:
        """The configured amount in fen, or None when the county has none for this measure."""
        return self.amounts_fen.get((county_code, base_id))

    def parameter_override(self, base_id: str, name: str) -> Any | None:
        """The configured override, or None."""
        return self.overrides.get((base_id, name))


NO_SETTINGS = CountySettings()


def check_county_amount(catalogue: Catalogue, base_id: str, amount_fen: int, *, day: date) -> None:
    """Refuse a county amount (fen) below the policy minimum of the entry in force on ``day``.

    For the settings page. Raises ValidationError (field ``amount``) when ``base_id`` takes no
    county amount or the amount is below the minimum (不少于 includes the minimum itself).
    """
    param = COUNTY_AMOUNT_PARAMS.get(base_id)
    if param is None:
        raise ValidationError(Problem("amount", f"政策{base_id}的金额不由县区设定"))
    entry = catalogue.in_force(base_id, day) or catalogue.latest(base_id, day)
    minimum = parse_yuan(str(entry.param(param)))
    if amount_fen < minimum:
        raise ValidationError(Problem("amount", f"金额{format_yuan(amount_fen)}元低于政策最低标准{format_yuan(minimum)}元（{entry.citation}）"))
