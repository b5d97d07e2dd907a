"""Text in, report out: the pure parsing entry point (no I/O, no database)."""

from __future__ import annotations

from ingest.extract.agency.types import identify
from ingest.extract.categories import extract_categories
from ingest.extract.checks import category_checks, narrative_vs_table_checks, table_checks
from ingest.extract.contacts import extract_contact
from ingest.extract.facts import extract_facts
from ingest.extract.metadata import extract_metadata
from ingest.extract.narrative import extract_narrative
from ingest.extract.tables.reader import extract_tables
from ingest.extract.tables.template import detect_template
from ingest.records import Check, Report
from ingest.text.clauses import quantified_clauses, split_sentences
from ingest.text.normalize import flat_view, line_view
from ingest.text.sections import split_sections

__all__ = ["extract_report"]


def extract_report(text: str) -> Report:
    """Parse one decoded report text into a :class:`Report` with provenance for every figure."""
    lines = line_view(text)
    flat = flat_view(text, lines)
    sections = split_sections(lines)
    sentences = split_sentences(flat, sections)
    meta = extract_metadata(lines, flat)
    template = detect_template(lines.text, flat.text, meta.report_year)
    clauses = quantified_clauses(flat.text, sentences)
    prose = extract_narrative(flat, clauses)
    table = extract_tables(lines, sections, template)
    # Table cells are the report's own statistics: they win over prose for the same key.
    metrics = {**prose, **table.metrics}
    categories = extract_categories(flat, sentences, metrics.get("proactive.items_new"))
    agency = identify(meta.agency_canonical, flat.text)
    contact = extract_contact(flat)
    region_checks = [Check("G1_region_ambiguous", "not_assessable", agency.ambiguity)] if agency.ambiguity else []
    return Report(
        report_year=meta.report_year,
        agency_name=meta.agency_name,
        agency_type=agency.agency_type,
        admin_level=agency.admin_level,
        province=agency.province,
        city=agency.city,
        county=agency.county,
        region_code=agency.region_code,
        agency_name_canonical=agency.canonical_name,
        contact_address=contact.address,
        contact_postcode=contact.postcode,
        contact_phone=contact.phone,
        contact_email=contact.email,
        contact_website=contact.website,
        template=template,
        title=meta.title,
        period_start=meta.period_start,
        period_end=meta.period_end,
        sections=sections,
        metrics=metrics,
        categories=categories,
        checks=category_checks(categories, metrics.get("proactive.items_new"))
        + table_checks(table)
        + narrative_vs_table_checks(prose, table.metrics)
        + region_checks,
        facts=extract_facts(flat, clauses, metrics, categories),
        table_cells=table.cells,
    )
