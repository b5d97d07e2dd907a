"""Typed records that parsing produces and landing consumes.

Parsing functions return these; only :mod:`ingest.land.writer` turns them into tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "QUALIFIERS",
    "TEMPLATES",
    "Category",
    "Check",
    "CheckStatus",
    "Fact",
    "FileResult",
    "FileStatus",
    "Metric",
    "Qualifier",
    "Report",
    "Section",
    "TableCell",
    "Template",
]

Qualifier = Literal["exact", "approx", "at_least", "at_most"]
Template = Literal["narrative", "standard_2019", "standard_2021", "standard"]
CheckStatus = Literal["pass", "fail", "not_assessable"]
FileStatus = Literal["loaded", "quarantined", "duplicate"]

QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most")
TEMPLATES: tuple[str, ...] = ("narrative", "standard_2019", "standard_2021", "standard")


@dataclass(slots=True)
class Metric:
    """One extracted figure with its provenance (offsets point into the original text).

    Treat as immutable (``dataclasses.replace`` to change one). Not declared frozen: a table report
    creates two hundred of these and as many :class:`TableCell`, and a frozen dataclass's
    ``__init__`` costs five times a plain slotted one's (3 µs a cell, 10% of parsing a table report).
    """

    key: str
    value: float
    qualifier: Qualifier
    evidence: str
    start: int
    end: int
    rule: str
    section: str | None = None
    unit: str | None = None
    source: Literal["text", "table"] = "text"
    table_ref: str | None = None  # "t3/new_received/total" for table cells
    page: int | None = None  # 1-based page of the evidence (paged formats: PDF); None otherwise

    def as_json(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            "value": value,
            "qualifier": self.qualifier,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Category:
    """One row of a proactive-disclosure breakdown (其中…概况信息3条，占0.6%)."""

    label: str
    count: int
    percent: float | None
    evidence: str
    start: int
    end: int

    def as_json(self) -> dict[str, Any]:
        return {"label": self.label, "count": self.count, "percent": self.percent}


@dataclass(frozen=True)
class Check:
    """Result of one consistency rule on one report."""

    rule: str
    status: CheckStatus
    detail: str
    expected: float | None = None
    actual: float | None = None

    def as_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "status": self.status, "detail": self.detail}


@dataclass(frozen=True)
class Section:
    """A top-level section of a report: its heading and character span in the original text."""

    ordinal: int
    heading: str
    kind: str
    start: int
    end: int


@dataclass(slots=True)
class TableCell:
    """One cell of standard tables 2–4 as printed, NULL cells ("/", "—", blank) included.

    Treat as immutable; slotted and not frozen for the cost of creating one (see :class:`Metric`).
    """

    table: str  # t2 | t3 | t4
    row_key: str
    column_key: str
    metric_key: str
    raw_text: str
    value: float | None
    note: str | None  # 22（其中修订16件） keeps （其中修订16件）
    unit: str | None
    start: int
    end: int
    # How the value was read (table.t3.labelled, table.t3.aligned, …); last and defaulted so
    # positional constructors written before it keep working.
    rule: str = ""


@dataclass(frozen=True)
class Fact:
    """A counted figure that is not a headline metric (WeChat posts, hotline cases, training…).

    Kept, never thrown away: ``label`` is the clause text before the number as printed; ``channel``
    and ``kind`` are normalised where a keyword tells them (None otherwise).
    """

    label: str
    channel: str | None
    kind: str | None
    value: float
    qualifier: Qualifier
    unit: str
    evidence: str
    start: int
    end: int
    rule: str
    section: str | None = None


@dataclass
class Report:
    """Everything extracted from one report text."""

    report_year: int | None = None
    agency_name: str | None = None
    agency_type: str | None = None
    admin_level: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    region_code: str | None = None
    template: Template | None = None
    title: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    agency_name_canonical: str | None = None  # simplified, OCR-corrected form of agency_name
    contact_address: str | None = None
    contact_postcode: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    contact_website: str | None = None
    sections: list[Section] = field(default_factory=list)
    metrics: dict[str, Metric] = field(default_factory=dict)
    categories: list[Category] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    table_cells: list[TableCell] = field(default_factory=list)


@dataclass
class FileResult:
    """The outcome of reading and parsing one input file: a report, or a quarantine reason."""

    source_path: str
    sha256: str
    bytes: int
    format: str
    encoding: str | None
    status: FileStatus
    error: str | None
    report: Report | None = None
    char_count: int = 0
    # The decoded text, kept only when asked (process_file(keep_text=True)) for checks that need it;
    # never landed, never in the JSON contract.
    text: str | None = field(default=None, repr=False)

    def as_json(self) -> dict[str, Any]:
        """The stable `govinfo extract --json` contract (one object per input file)."""
        rep = self.report or Report()
        return {
            "source_path": self.source_path,
            "sha256": self.sha256,
            "status": "ok" if self.status != "quarantined" else "quarantined",
            "error": self.error,
            "report_year": rep.report_year,
            "agency_name": rep.agency_name,
            "agency_type": rep.agency_type,
            "admin_level": rep.admin_level,
            "province": rep.province,
            "city": rep.city,
            "county": rep.county,
            "region_code": rep.region_code,
            "template": rep.template,
            "metrics": {key: m.as_json() for key, m in sorted(rep.metrics.items())},
            "categories": [c.as_json() for c in rep.categories],
            "checks": [c.as_json() for c in rep.checks],
        }
