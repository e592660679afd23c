"""Plain data of the business desk's printed papers: the application form, the 受理回执, the
一次性告知书, the 审批结果通知书 and the 发放台账 — what the service gathers from the desk and the
layouts in :mod:`counter_papers` and :mod:`payment_ledger` print.

Money is integer fen (None = not given). ``id_number`` fields hold full ID numbers; every layout
prints them masked (first 4 and last 4) unless the report's meta allows full ID numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

RECEIVED, WAIVED, MISSING = "已收取", "不适用", "未收取"
"""The state of a material at the counter."""


@dataclass(frozen=True)
class Applicant:
    """Who applies: the business (name, credit code, operator) and/or the person (name, ID number)."""

    business_name: str = ""
    uscc: str = ""
    operator_name: str = ""
    person_name: str = ""
    id_number: str = ""
    township_name: str = ""
    registered_on: date | None = None
    industry: str = ""

    @property
    def display_name(self) -> str:
        """The business name, else the person's name, else the word ``申请人`` (name not on record)."""
        return self.business_name or self.person_name or self.operator_name or "申请人"


@dataclass(frozen=True)
class Measure:
    """The policy a paper is about: rule id, title and citation, and the county that receives it."""

    policy_id: str
    title: str
    citation: str
    county_name: str


@dataclass(frozen=True)
class FactLine:
    """One fact of an application as printed; ``id_numbers`` (招用人员) are printed per the meta's masking."""

    label: str
    value: str
    id_numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class MaterialLine:
    """A material the measure asks for, what it proves, and its state (已收取 / 不适用 / 未收取)."""

    name: str
    proves: str
    state: str


@dataclass(frozen=True)
class CaseFacts:
    """What every paper of one case shows: receipt number, measure, applicant, dates, status."""

    receipt_no: str
    measure: Measure
    applicant: Applicant
    received_on: date
    received_by: str
    status: str
    promised_on: date | None = None
    amount_requested: int | None = None


@dataclass(frozen=True)
class ApplicationForm:
    """申请表 of one case, filled from the counter's record, for the applicant to check and sign."""

    case: CaseFacts
    facts: tuple[FactLine, ...]
    materials: tuple[MaterialLine, ...]


@dataclass(frozen=True)
class AcceptanceReceipt:
    """受理回执: the accepted case, the materials taken in, the promised date and the QR code text
    (receipt number and its check value, :mod:`desktop_app.domain.receipt_check`)."""

    case: CaseFacts
    materials: tuple[MaterialLine, ...]
    check_value: str
    qr_text: str
    promised_working_days: int | None = None


@dataclass(frozen=True)
class MissingMaterialsNotice:
    """一次性告知书: every material missing for a measure, issued instead of accepting the case."""

    notice_no: str
    measure: Measure
    applicant: Applicant
    issued_on: date
    issued_by: str
    materials: tuple[MaterialLine, ...]
    amount_requested: int | None = None

    @property
    def missing(self) -> tuple[MaterialLine, ...]:
        """The materials still to be handed in."""
        return tuple(m for m in self.materials if m.state == MISSING)


@dataclass(frozen=True)
class DecisionNotice:
    """审批结果通知书: approved (with the amount) or refused (with the reasons), and when."""

    case: CaseFacts
    approved: bool
    decided_on: date
    amount_approved: int | None = None
    reasons: tuple[str, ...] = ()
    paid_on: date | None = None
    amount_paid: int | None = None


@dataclass(frozen=True)
class PaymentLine:
    """One payment (已发放 case) of the 发放台账."""

    paid_on: date
    county_name: str
    base_id: str
    measure_title: str
    receipt_no: str
    voucher_no: str
    applicant_name: str
    uscc: str
    id_number: str
    approved: int | None
    paid: int


@dataclass(frozen=True)
class PaymentLedgerData:
    """发放台账 of a county-level unit (or the city) for one year: every payment, by month and measure.

    ``measures`` are (base id, title) in the desk's order; ``lines`` are sorted by county (city
    only), month, measure, date and receipt number.
    """

    scope_name: str
    year: int
    measures: tuple[tuple[str, str], ...]
    lines: tuple[PaymentLine, ...]
    city: bool = False

    def total(self, *, month: int | None = None, base_id: str | None = None) -> tuple[int, int]:
        """(number of payments, fen paid) of a month and/or measure (everything when both are None)."""
        chosen = [line.paid for line in self.lines
                  if (month is None or line.paid_on.month == month) and (base_id is None or line.base_id == base_id)]
        return len(chosen), sum(chosen)
