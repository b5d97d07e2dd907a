"""Great Expectations 1.24 on DuckDB: the shims GX's SQL execution engine needs.

GX does not know DuckDB as a SQL dialect (see ``shared/reference/stack.md`` §3).
:func:`patch_gx_for_duckdb` keeps one connection per engine, runs the regex expectations as DuckDB
regular expressions and reflects a query asset's columns with ``LIMIT 0``; :func:`close_engines`
closes every connection GX opened. (Uniqueness needs no shim: keys are dbt's tests, see
:mod:`ingest.quality.expectation_suites`.) They rely on GX internals and must be re-checked on a GX upgrade
(``tests/ingest/test_validate.py`` does).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

__all__ = ["SEARCH_AS_FULL_MATCH", "close_engines", "patch_gx_for_duckdb"]

if TYPE_CHECKING:
    from great_expectations.data_context.data_context.file_data_context import (
        FileDataContext,
    )


_patched = False
_REGEX_METRIC_MODULES = (
    "great_expectations.expectations.metrics.column_map_metrics.column_values_match_regex",
    "great_expectations.expectations.metrics.column_map_metrics.column_values_not_match_regex",
    "great_expectations.expectations.metrics.column_map_metrics.column_values_match_regex_list",
    "great_expectations.expectations.metrics.column_map_metrics.column_values_not_match_regex_list",
    "great_expectations.expectations.metrics.column_aggregate_metrics.column_values_match_regex_values",
    "great_expectations.expectations.metrics.column_aggregate_metrics.column_values_not_match_regex_values",
)


# regexp_matches(s, p) (a search) as a full match; RE2 without multi-line mode, so ^ and $ inside the
# group still only match at the ends of s.
SEARCH_AS_FULL_MATCH = "(?s:.*?)(?:{})(?s:.*)"


class _DuckDBDialectName(str):
    """Stands in for a ``GXSqlDialect`` member (GX has none for DuckDB): a str with ``.value``."""

    @property
    def value(self) -> str:
        return str(self)


def _is_duckdb(dialect: Any) -> bool:
    return getattr(dialect, "name", None) == "duckdb"


def patch_gx_for_duckdb() -> None:
    """Teach GX 1.24's SQL execution engine to work with DuckDB (idempotent).

    1. Persisted connection: GX fetches some results after handing the connection back to the
       pool, which duckdb-engine answers with ``[]`` (``MetricResolutionError: list index out of
       range``). Listing duckdb with sqlite & co. makes GX keep one connection per engine
       (``StaticPool``); :func:`close_engines` closes it.
    2. Regex: GX raises ``NotImplementedError: Regex is not supported for dialect duckdb``. DuckDB
       (RE2) takes over with search semantics, like ``re.search`` (the former pandas route) and
       PostgreSQL's ``~``: ``regexp_full_match(s, '(?s:.*?)(?:<pattern>)(?s:.*)')``, which matches
       exactly when ``regexp_matches(s, <pattern>)`` does but ran 3-15x faster on the marts
       (1.4 s -> 0.1 s on 12M metric keys). The pattern is rendered as a constant
       (``literal_execute``) so DuckDB compiles it once instead of once per row.
    3. Column names of a query asset: GX's fallback reflection executes the query text as is and
       reads only the column names, i.e. it runs (and materialises) the whole mart query. For
       DuckDB it is wrapped in ``select * from (...) limit 0``.
    """
    global _patched
    if _patched:
        return
    import importlib

    import great_expectations.execution_engine.sqlalchemy_execution_engine as engine_module
    import great_expectations.expectations.metrics.util as metrics_util
    import sqlalchemy as sa

    if "duckdb" not in [str(getattr(d, "value", d)) for d in engine_module._PERSISTED_CONNECTION_DIALECTS]:
        engine_module._PERSISTED_CONNECTION_DIALECTS = (
            *engine_module._PERSISTED_CONNECTION_DIALECTS,
            _DuckDBDialectName("duckdb"),
        )

    original_regex: Callable[..., Any] = metrics_util.get_dialect_regex_expression

    def regex_expression(column: Any, regex: str, dialect: Any, positive: bool = True) -> Any:
        if _is_duckdb(dialect):
            pattern = SEARCH_AS_FULL_MATCH.format(regex)
            matches = sa.func.regexp_full_match(column, sa.literal(pattern, literal_execute=True))
            return matches if positive else sa.not_(matches)
        return original_regex(column, regex, dialect, positive)

    metrics_util.get_dialect_regex_expression = regex_expression
    for name in _REGEX_METRIC_MODULES:  # each imported the function by name
        module = importlib.import_module(name)
        if hasattr(module, "get_dialect_regex_expression"):
            module.get_dialect_regex_expression = regex_expression  # type: ignore[attr-defined]

    original_reflection: Callable[..., Any] = metrics_util.column_reflection_fallback

    def column_reflection_fallback(
        selectable: Any, dialect: Any, sqlalchemy_engine: Any, schema_name: str | None = None
    ) -> Any:
        if _is_duckdb(dialect) and isinstance(selectable, sa.TextClause):
            selectable = sa.text(f"select * from (\n{selectable.text}\n) as gx_columns limit 0")
        return original_reflection(
            selectable=selectable, dialect=dialect, sqlalchemy_engine=sqlalchemy_engine, schema_name=schema_name
        )

    metrics_util.column_reflection_fallback = column_reflection_fallback

    _patched = True


def _close_engine(execution_engine: Any) -> None:
    """Close a GX SQL execution engine's persisted connection and dispose of its engine."""
    if execution_engine is None:
        return
    connection = getattr(execution_engine, "_connection", None)
    if connection is not None:
        connection.close()
        execution_engine._connection = None
    for engine in (getattr(execution_engine, "_engine_backup", None), getattr(execution_engine, "engine", None)):
        dispose = getattr(engine, "dispose", None)
        if dispose is not None:
            dispose()


def close_engines(context: FileDataContext, validators: Sequence[Any] = ()) -> None:
    """Close every DuckDB connection GX opened (validators' engines, datasources' engines)."""
    engines: dict[int, Any] = {}
    for validator in validators:
        wrapped = getattr(validator, "_wrapped_validator_cache", None)
        execution_engine = getattr(wrapped, "execution_engine", None)
        if execution_engine is not None:
            engines[id(execution_engine)] = execution_engine
    try:
        datasources = list(context.data_sources.all().values())
    except Exception:  # noqa: BLE001 - closing must not mask the run's own outcome
        datasources = []
    for ds in datasources:
        execution_engine = getattr(ds, "_execution_engine", None)
        if execution_engine is not None:
            engines[id(execution_engine)] = execution_engine
        engine = getattr(ds, "_engine", None)  # SQLDatasource.get_engine(), used by test_connection
        if engine is not None:
            engine.dispose()
    for execution_engine in engines.values():
        _close_engine(execution_engine)
