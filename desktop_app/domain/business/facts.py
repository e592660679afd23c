"""Application facts (申请事实): what each ib./emp. measure needs to know, with types, and its materials.

The specification lives in ``resources/policy/application_facts.json``, keyed by base rule id, so
the intake form can show exactly the fields a measure needs and the counter can ask for the right
documents. In the workbook the facts are one cell, ``key=value;key=value`` (interchange §2,
政策申请); keys are the Chinese keys of the specification (the English names are accepted too).

Parsed values are typed: ``yes_no`` → bool, ``integer`` and ``year`` → int, ``money`` → int fen,
``date`` → date, ``choice`` → str, ``id_list`` → tuple of upper-case ID numbers. Coercion is
idempotent: a typed value passes through unchanged (so an ``int`` money value is fen, while
text and Decimal are yuan).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from desktop_app.domain.business.entities import FactValue
from desktop_app.domain.errors import NotFound, Problem, ValidationError
from desktop_app.domain.identity import InvalidIdNumber, mask_id_number, parse_id_number
from desktop_app.domain.money import format_yuan, parse_yuan
from desktop_app.domain.rules.catalogue import Catalogue, RuleEntry

FACT_TYPES = ("yes_no", "integer", "money", "date", "year", "choice", "id_list")
APPLICANT_KINDS = ("person", "business", "person_and_business")
MEASURE_PREFIXES = ("ib.", "emp.")

SHIPPED_FACTS_PATH = Path(__file__).resolve().parents[3] / "resources" / "policy" / "application_facts.json"

_YES = ("是", "y", "yes", "1", "true")
_NO = ("否", "n", "no", "0", "false")
_INTEGER = re.compile(r"^[+-]?\d+$")
_YEAR = re.compile(r"^\d{4}$")
_PAIR_SEPARATORS = re.compile(r"[;；]")
_ID_SEPARATORS = re.compile(r"[,，、\s]+")
_MIN_YEAR, _MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class FactSpec:
    """One fact a measure needs: English ``name`` (code), Chinese ``key`` (workbook), type and bounds.

    ``minimum``/``maximum`` are in the fact's own unit (fen for money). A ``choice`` takes its
    options from ``options`` or, with ``options_from_param``, from the keys of that parameter of
    the catalogue entry in force (so a successor entry with new levels needs no code change).
    """

    name: str
    key: str
    label: str
    type: str
    required: bool = True
    minimum: int | None = None
    maximum: int | None = None
    options: tuple[str, ...] = ()
    options_from_param: str | None = None

    def options_for(self, entry: RuleEntry | None) -> tuple[str, ...]:
        """The allowed values of a ``choice`` fact under ``entry`` (its parameter keys if so declared)."""
        if self.options_from_param and entry is not None:
            return tuple(entry.param(self.options_from_param).keys())
        return self.options

    def coerce(self, value: FactValue, entry: RuleEntry | None = None) -> FactValue:
        """Convert raw text (or an already typed value) to this fact's type.

        Raises ValueError with a Chinese reason naming the fact's key when the value is blank,
        of the wrong type, out of bounds, not an option, or (id_list) holds an invalid or repeated
        ID number.
        """
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValueError(f"申请事实“{self.key}”为空")
        converter = getattr(self, f"_coerce_{self.type}")
        result = converter(value, entry)
        self._check_bounds(result)
        return result

    def format(self, value: FactValue) -> str:
        """The workbook text of a typed value (inverse of :meth:`coerce`)."""
        if self.type == "yes_no":
            return "是" if value else "否"
        if self.type == "money":
            return format_yuan(int(value)).replace(",", "")
        if self.type == "date":
            return value.isoformat() if isinstance(value, date) else str(value)
        if self.type == "id_list":
            return ",".join(value)
        return str(value)

    def describe(self, value: FactValue) -> str:
        """The value for people: money with separators and 元, ID numbers masked."""
        if self.type == "money":
            return f"{format_yuan(int(value))}元"
        if self.type == "id_list":
            return "、".join(mask_id_number(v) for v in value)
        return self.format(value)

    def _check_bounds(self, value: FactValue) -> None:
        if self.type not in ("integer", "year", "money"):
            return
        shown = (lambda v: f"{format_yuan(v)}元") if self.type == "money" else str
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"申请事实“{self.key}”不能小于{shown(self.minimum)}，实际为{shown(value)}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"申请事实“{self.key}”不能大于{shown(self.maximum)}，实际为{shown(value)}")

    def _coerce_yes_no(self, value: FactValue, entry: RuleEntry | None) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise ValueError(f"申请事实“{self.key}”应为“是”或“否”，实际为“{value}”")

    def _coerce_integer(self, value: FactValue, entry: RuleEntry | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value).strip()
        if isinstance(value, bool) or not _INTEGER.match(text):
            raise ValueError(f"申请事实“{self.key}”应为整数，实际为“{value}”")
        return int(text)

    def _coerce_year(self, value: FactValue, entry: RuleEntry | None) -> int:
        text = str(value).strip()
        if isinstance(value, bool) or not _YEAR.match(text) or not _MIN_YEAR <= int(text) <= _MAX_YEAR:
            raise ValueError(f"申请事实“{self.key}”应为四位年份（如2024），实际为“{value}”")
        return int(text)

    def _coerce_money(self, value: FactValue, entry: RuleEntry | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value  # already typed: integer fen
        try:
            return parse_yuan(value)
        except ValueError as exc:
            raise ValueError(f"申请事实“{self.key}”：{exc}") from None

    def _coerce_date(self, value: FactValue, entry: RuleEntry | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(f"申请事实“{self.key}”应为日期（YYYY-MM-DD），实际为“{value}”") from None

    def _coerce_choice(self, value: FactValue, entry: RuleEntry | None) -> str:
        options = self.options_for(entry)
        text = str(value).strip()
        if text not in options:
            raise ValueError(f"申请事实“{self.key}”应为{'/'.join(options)}之一，实际为“{value}”")
        return text

    def _coerce_id_list(self, value: FactValue, entry: RuleEntry | None) -> tuple[str, ...]:
        items = list(value) if isinstance(value, (tuple, list)) else _ID_SEPARATORS.split(str(value))
        ids: list[str] = []
        for item in (str(i).strip().upper() for i in items):
            if not item:
                continue
            try:
                parsed = parse_id_number(item).value
            except InvalidIdNumber as exc:
                raise ValueError(f"申请事实“{self.key}”中的“{mask_id_number(item)}”：{exc}") from None
            if parsed in ids:
                raise ValueError(f"申请事实“{self.key}”中身份证号{mask_id_number(parsed)}重复")
            ids.append(parsed)
        if not ids:
            raise ValueError(f"申请事实“{self.key}”为空")
        return tuple(ids)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FactSpec:
        """Build a spec from one object of a measure's ``facts`` list (money bounds given in yuan)."""
        kind = data["type"]
        if kind not in FACT_TYPES:
            raise ValueError(f"unknown fact type {kind!r} for fact {data.get('name')!r}")

        def bound(raw: Any) -> int | None:
            if raw is None:
                return None
            return parse_yuan(str(raw)) if kind == "money" else int(raw)

        return cls(
            name=data["name"],
            key=data["key"],
            label=data.get("label", data["key"]),
            type=kind,
            required=bool(data.get("required", True)),
            minimum=bound(data.get("min")),
            maximum=bound(data.get("max")),
            options=tuple(data.get("options", ())),
            options_from_param=data.get("options_from_param"),
        )


@dataclass(frozen=True)
class Material:
    """A document the counter asks for, and the condition of the source text it proves."""

    name: str
    proves: str


@dataclass(frozen=True)
class MeasureSpec:
    """What one measure (base rule id) needs at intake: applicant kind, facts and materials."""

    base_id: str
    applicant: str
    facts: tuple[FactSpec, ...]
    materials: tuple[Material, ...]

    def fact(self, name: str) -> FactSpec:
        """The fact with this English name; KeyError naming the measure otherwise."""
        for spec in self.facts:
            if spec.name == name:
                return spec
        raise KeyError(f"measure {self.base_id} has no fact {name!r}")

    def lookup(self, key: str) -> FactSpec | None:
        """The fact whose Chinese key or English name is ``key`` (surrounding blanks ignored)."""
        wanted = key.strip()
        for spec in self.facts:
            if wanted in (spec.key, spec.name):
                return spec
        return None

    @property
    def needs_business(self) -> bool:
        """True when the applicant is (also) a business: the application needs a credit code."""
        return self.applicant in ("business", "person_and_business")

    @property
    def needs_person(self) -> bool:
        """True when the applicant is (also) a person: the application needs an ID number."""
        return self.applicant in ("person", "person_and_business")


@dataclass(frozen=True)
class FactReading:
    """Facts read leniently for evaluation: typed values by English name, and what was wrong."""

    values: Mapping[str, FactValue]
    problems: tuple[Problem, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class FactCatalogue:
    """The application-fact specification for every ib./emp. measure, keyed by base rule id."""

    version: str
    measures: Mapping[str, MeasureSpec]

    def get(self, base_id: str) -> MeasureSpec:
        """The measure for a base id (a successor id such as ``x@2026`` is reduced to its base)."""
        try:
            return self.measures[base_id.split("@", 1)[0]]
        except KeyError:
            raise NotFound(f"政策{base_id}没有申请事实定义") from None

    def check_against(self, catalogue: Catalogue) -> list[str]:
        """Consistency problems with a rule catalogue (missing measures, unknown parameters)."""
        problems: list[str] = []
        bases = {e.base_id for e in catalogue if e.base_id.startswith(MEASURE_PREFIXES)}
        for base in sorted(bases - set(self.measures)):
            problems.append(f"{base}: no application facts defined")
        for base in sorted(set(self.measures) - bases):
            problems.append(f"{base}: not an ib./emp. rule of the catalogue")
        for base in sorted(set(self.measures) & bases):
            for entry in catalogue.family(base):
                for spec in self.measures[base].facts:
                    if spec.options_from_param and spec.options_from_param not in entry.params:
                        problems.append(f"{entry.id}: fact {spec.name} needs parameter {spec.options_from_param}")
        return problems

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FactCatalogue:
        """Build the specification from the parsed ``application_facts.json`` object."""
        measures: dict[str, MeasureSpec] = {}
        for base_id, item in data["measures"].items():
            applicant = item["applicant"]
            if applicant not in APPLICANT_KINDS:
                raise ValueError(f"unknown applicant kind {applicant!r} for {base_id}")
            facts = tuple(FactSpec.from_json(f) for f in item.get("facts", ()))
            names = [f.name for f in facts] + [f.key for f in facts]
            if len(names) != len(set(names)):
                raise ValueError(f"duplicate fact name or key in {base_id}")
            materials = tuple(Material(m["name"], m.get("proves", "")) for m in item.get("materials", ()))
            measures[base_id] = MeasureSpec(base_id, applicant, facts, materials)
        return cls(version=str(data.get("version", "")), measures=MappingProxyType(measures))

    @classmethod
    def load(cls, path: Path) -> FactCatalogue:
        """Read and parse a specification file (UTF-8 JSON)."""
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def shipped_fact_catalogue() -> FactCatalogue:
    """The specification shipped with the app (``resources/policy/application_facts.json``)."""
    return FactCatalogue.load(SHIPPED_FACTS_PATH)


def split_facts_text(text: str, *, field_name: str = "facts", row: int | None = None, sheet: str | None = None) -> list[tuple[str, str]]:
    """Split ``key=value;key=value`` into pairs (``；`` and ``＝`` accepted), blank pieces ignored.

    Raises ValidationError for a piece without ``=``, an empty key or a repeated key.
    """
    pairs: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for piece in _PAIR_SEPARATORS.split(text or ""):
        piece = piece.strip()
        if not piece:
            continue
        key, sep, value = piece.replace("＝", "=").partition("=")
        key = key.strip()
        if not sep or not key:
            problems.append(Problem(field_name, f"申请事实“{piece}”应写作“键=值”", row=row, sheet=sheet))
        elif key in (k for k, _ in pairs):
            problems.append(Problem(field_name, f"申请事实“{key}”重复", row=row, sheet=sheet))
        else:
            pairs.append((key, value.strip()))
    if problems:
        raise ValidationError(problems)
    return pairs


def read_facts(raw: Mapping[str, FactValue], measure: MeasureSpec, entry: RuleEntry | None = None, *, field_name: str = "facts", row: int | None = None, sheet: str | None = None) -> FactReading:
    """Read facts given by Chinese key or English name; never raises.

    Returns the typed values that could be read, a Problem for each unknown key, repeated fact or
    malformed value, and the English names of required facts that are absent or blank.
    """
    values: dict[str, FactValue] = {}
    problems: list[Problem] = []
    malformed: set[str] = set()
    allowed = "、".join(f.key for f in measure.facts) or "无"
    for key, value in raw.items():
        spec = measure.lookup(str(key))
        if spec is None:
            problems.append(Problem(field_name, f"未知的申请事实“{key}”（该政策的申请事实：{allowed}）", row=row, sheet=sheet))
            continue
        if spec.name in values:
            problems.append(Problem(field_name, f"申请事实“{spec.key}”重复", row=row, sheet=sheet))
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        try:
            values[spec.name] = spec.coerce(value, entry)
        except ValueError as exc:
            malformed.add(spec.name)
            problems.append(Problem(field_name, str(exc), row=row, sheet=sheet))
    missing = tuple(f.name for f in measure.facts if f.required and f.name not in values and f.name not in malformed)
    return FactReading(MappingProxyType(values), tuple(problems), missing)


def parse_facts(text_or_mapping: str | Mapping[str, FactValue], measure: MeasureSpec, entry: RuleEntry | None = None, *, field_name: str = "facts", row: int | None = None, sheet: str | None = None) -> dict[str, FactValue]:
    """Parse the facts of one application strictly (import and intake form).

    ``text_or_mapping`` is the workbook text ``key=value;…`` or a mapping from the form. Returns the
    typed values keyed by English name. Raises ValidationError listing every unknown key, wrong
    type and missing required fact, each with ``field_name`` (and row/sheet when given).
    """
    if isinstance(text_or_mapping, str):
        raw: Mapping[str, FactValue] = dict(split_facts_text(text_or_mapping, field_name=field_name, row=row, sheet=sheet))
    else:
        raw = text_or_mapping
    reading = read_facts(raw, measure, entry, field_name=field_name, row=row, sheet=sheet)
    problems = list(reading.problems)
    for name in reading.missing:
        problems.append(Problem(field_name, f"缺少申请事实“{measure.fact(name).key}”", row=row, sheet=sheet))
    if problems:
        raise ValidationError(problems)
    return dict(reading.values)


def format_facts(values: Mapping[str, FactValue], measure: MeasureSpec) -> str:
    """The workbook text ``key=value;…`` of typed values, in the specification's order."""
    parts = [f"{spec.key}={spec.format(values[spec.name])}" for spec in measure.facts if spec.name in values]
    return ";".join(parts)
