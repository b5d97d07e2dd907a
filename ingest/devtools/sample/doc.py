"""The report being written: text blocks plus the truth that goes with them."""

from __future__ import annotations

from dataclasses import dataclass, field
from random import Random

from ingest.devtools.sample.agencies import Agency
from ingest.devtools.sample.rand import pick

__all__ = ["Doc", "Value"]

Value = int | float


@dataclass(slots=True)
class Doc:
    """Blocks of report text and, alongside, every figure a reader should get out of them.

    Quotes are recorded in the digits the generator writes (ASCII); when a report is printed
    with full-width digits the text and every quote are translated together, so a quote stays a
    substring of its text.
    """

    rng: Random
    year: int
    agency: Agency
    blocks: list[str] = field(default_factory=list)
    metrics: dict[str, dict[str, Value | str]] = field(default_factory=dict)
    categories: list[list[str | int | float | None]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Deliberate source errors the report prints, as the consistency rule each must trip.
    findings: dict[str, str] = field(default_factory=dict)
    spaced_numbers: bool = False  # PDF-style "近 3000 条": a space either side of prose figures
    indent: str = ""  # paragraph indent as printed ("　　" in Word conversions, spaces on web pages)
    period_start: str | None = None
    period_end: str | None = None

    def me(self) -> str:
        """One of the ways the body names itself in prose (我局, 本局, 区教育局 …)."""
        return pick(self.rng, self.agency.self_refs)

    def num(self, value: Value) -> str:
        """A prose figure as printed (spaced in PDF-style reports)."""
        return f" {value} " if self.spaced_numbers else str(value)

    def metric(self, key: str, value: Value, quote: str | None, qualifier: str = "exact") -> None:
        """Record the truth for one metric key; quote must be a substring of some block."""
        entry: dict[str, Value | str] = {"value": value, "qualifier": qualifier}
        if quote is not None:
            entry["quote"] = quote
        self.metrics[key] = entry

    def add(self, block: str) -> None:
        """Append a block as is (headings, tables, title lines)."""
        self.blocks.append(block)

    def extend(self, paragraphs: list[str]) -> None:
        """Append prose paragraphs, indented the way this report indents them."""
        self.blocks.extend(self.indent + p for p in paragraphs)
