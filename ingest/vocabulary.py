"""Every closed value list of the warehouse, written once.

The parser, the synthetic-report generator, the Great Expectations suites and the dbt
``accepted_values`` tests all speak these vocabularies. Python code imports them from here;
the dbt YAML cannot import, so ``tests/ingest/test_vocabulary.py`` parses every YAML under
``models/`` and fails when an ``accepted_values`` list differs from the tuple that
:data:`ACCEPTED_VALUES` maps its column to. The same test pins the copies that still live in
other modules (``ingest.records`` Literals, ``ingest.extract.tables.reader``, ``ingest.devtools.sample``,
``ingest.extract.facts``, ``ingest.extract.agency.types``) to these tuples until those modules import them.

Order matters where a list is printed (table columns, template rows), so tuples are compared
in order.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

__all__ = [
    "ACCEPTED_VALUES",
    "ACCEPTED_VALUES_BY_MODEL",
    "ADMIN_LEVELS",
    "APPLICANTS",
    "APPLICANT_TYPES",
    "CHECK_RULES",
    "CHECK_STATUSES",
    "CROSS_YEAR_CHECK_RULES",
    "FACT_CHANNELS",
    "FACT_KINDS",
    "FILE_STATUSES",
    "METRIC_SOURCES",
    "OUTCOME_GROUPS",
    "PARSE_FILE_STATUSES",
    "QUALIFIERS",
    "REGION_LEVELS",
    "REPORT_CHECK_RULES",
    "SECTION_KINDS",
    "T3_ROW_KEYS",
    "T4_BLOCKS",
    "T4_RESULTS",
    "TABLE_NUMBERS",
    "TEMPLATES",
    "accepted_values_for",
]

# How exactly a figure is stated: 约/近 → approx, 余/多/以上 → at_least, 不到/不足 → at_most.
QUALIFIERS: Final = ("exact", "approx", "at_least", "at_most")
# Template of a report; "standard" is a standard-table report whose version could not be told.
TEMPLATES: Final = ("narrative", "standard_2019", "standard_2021", "standard")
CHECK_STATUSES: Final = ("pass", "fail", "not_assessable")
# Where a metric was read: prose or a standard-table cell.
METRIC_SOURCES: Final = ("text", "table")
# raw.report_files.status. A parse decides the first three; a later refresh may retire a file.
PARSE_FILE_STATUSES: Final = ("loaded", "quarantined", "duplicate")
FILE_STATUSES: Final = (*PARSE_FILE_STATUSES, "retired")

# Standard tables 2-4 of the 2019/2021 templates.
TABLE_NUMBERS: Final = ("t2", "t3", "t4")
# Table 3 columns: the six applicant types as printed left to right, then 总计.
APPLICANTS: Final = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
)
APPLICANT_TYPES: Final = (*APPLICANTS, "total")
# Table 3 rows in printed order (the key before the first dot is the outcome group).
T3_ROW_KEYS: Final = (
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "denied.state_secret",
    "denied.law_prohibited",
    "denied.three_safeties_one_stability",
    "denied.third_party_rights",
    "denied.internal_affairs",
    "denied.process_info",
    "denied.enforcement_case_file",
    "denied.admin_query",
    "unable.not_held",
    "unable.needs_creation",
    "unable.unclear_after_correction",
    "not_processed.petition_complaint",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.mass_repetitive",
    "not_processed.confirm_or_reissue",
    "other.overdue_correction",
    "other.overdue_fee",
    "other.other",
    "total_processed",
    "carried_forward",
)
# fct_application_outcomes.outcome_group: the groups of the outcome rows 三(一)-(七).
OUTCOME_GROUPS: Final = (
    "granted",
    "partially_granted",
    "denied",
    "unable",
    "not_processed",
    "other",
    "total_processed",
)
# Table 4: blocks (行政复议, 未经复议直接起诉, 复议后起诉) and their result columns.
T4_BLOCKS: Final = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
T4_RESULTS: Final = ("maintained", "corrected", "other", "pending", "total")

# Consistency rules evaluated per report (ingest.extract.tables.reader, ingest.extract.checks,
# ingest.extract.report) and the cross-year rules of fct_cross_year_checks. dbt's no_failed_checks tests
# select them by prefix.
REPORT_CHECK_RULES: Final = (
    "R1",
    "R2",
    "R3",
    *(f"R4_{block}" for block in T4_BLOCKS),
    "R6_narrative_vs_table",
    "C1_category_sum",
    "C2_category_percent",
    "T1_cell_mapped_once",
    "T2_layout_decided",
    "G1_region_ambiguous",
)
CROSS_YEAR_CHECK_RULES: Final = ("X1", "X2")
CHECK_RULES: Final = (*REPORT_CHECK_RULES, *CROSS_YEAR_CHECK_RULES)

ADMIN_LEVELS: Final = ("national", "province", "city", "county", "township")
REGION_LEVELS: Final = ("province", "city", "county")
SECTION_KINDS: Final = (
    "preamble",
    "overview",
    "proactive",
    "applications",
    "fees",
    "review_litigation",
    "problems",
    "other",
)
# fct_report_facts: normalised channel and kind of a labelled fact (ingest.extract.facts).
FACT_CHANNELS: Final = ("wechat", "weibo", "website", "hotline", "new_media", "archives", "press", "in_person", "mail")
FACT_KINDS: Final = (
    "posts",
    "cumulative",
    "application_outcome",
    "applications",
    "training",
    "meetings",
    "interpretations",
    "consultations",
    "complaints",
    "proposals",
    "hotline_cases",
    "submissions",
    "visits",
    "rate",
    "amount",
)

# dbt column name → the vocabulary its accepted_values list must equal (models/**/*.yml).
# A column named here must use exactly this list wherever it has an accepted_values test.
ACCEPTED_VALUES: Final = MappingProxyType(
    {
        "qualifier": QUALIFIERS,
        "template": TEMPLATES,
        "status": CHECK_STATUSES,
        "source": METRIC_SOURCES,
        "file_status": FILE_STATUSES,
        "table_no": TABLE_NUMBERS,
        "applicant_type": APPLICANT_TYPES,
        "outcome_group": OUTCOME_GROUPS,
        "block": T4_BLOCKS,
        "result": T4_RESULTS,
        "admin_level": ADMIN_LEVELS,
        "region_level": REGION_LEVELS,
        "section_kind": SECTION_KINDS,
        "channel": FACT_CHANNELS,
        "fact_kind": FACT_KINDS,
    }
)
# Per model where one column name means different lists (a rule id of a report vs a cross-year one).
ACCEPTED_VALUES_BY_MODEL: Final = MappingProxyType(
    {
        ("fct_report_checks", "rule"): REPORT_CHECK_RULES,
        ("stg_ingest__report_checks", "rule"): REPORT_CHECK_RULES,
        ("fct_cross_year_checks", "rule"): CROSS_YEAR_CHECK_RULES,
    }
)


def accepted_values_for(model: str, column: str) -> tuple[str, ...] | None:
    """The vocabulary a dbt ``accepted_values`` test on ``model.column`` must list (None: none declared).

    ``*_qualifier`` columns (items_new_qualifier, …) take :data:`QUALIFIERS`.
    """
    by_model = ACCEPTED_VALUES_BY_MODEL.get((model, column))
    if by_model is not None:
        return by_model
    if column.endswith("_qualifier"):
        return QUALIFIERS
    return ACCEPTED_VALUES.get(column)
