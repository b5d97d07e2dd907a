"""Validate the ``marts`` schema of the warehouse with Great Expectations (``govinfo validate``).

The expectations run *inside DuckDB*: GX's SQL datasource (SQLAlchemy + ``duckdb-engine``) holds one
query asset per mart, built from :attr:`MartSpec.query <ingest.quality.expectation_suites.MartSpec.query>`
(the mart's columns plus the derived flag columns), so every expectation becomes an aggregate query
and no mart is ever pulled into Python. The warehouse is opened read-only (``connect_args``), with a
DuckDB memory limit and a private spill directory, so the process stays small whatever the size of
the marts and other readers can use the file at the same time.

GX checks what dbt's schema tests cannot say (ranges, regexes, conditional presence, row counts,
cross-table pairs, the category tolerance); keys, not-null, accepted values and relationships are
dbt's. The division is spelled out in :mod:`ingest.quality.expectation_suites`.

The File Data Context (default ``expectations/``) holds one suite, query asset and validation
definition per mart (see :mod:`ingest.quality.expectation_suites`) and one checkpoint, ``govinfo_marts``,
with an ``UpdateDataDocsAction``. The datasource's connection string is the config variable
``${GOVINFO_GX_WAREHOUSE_URL}``, which :func:`validate` sets for the run only, so the committed
files carry no path. Setting up the context is idempotent (add-or-update; unchanged expectations,
assets and the datasource keep their ids), so re-running leaves the committed files unchanged.

Each mart is validated in two passes (:func:`_run_checkpoint`):

1. ``BOOLEAN_ONLY``: GX computes only what success depends on; the map expectations of one domain
   are bundled into a single ``sum(case ...)`` query, so a mart costs a handful of scans.
2. For the expectations that failed only: ``SUMMARY`` with ``unexpected_index_column_names``, so a
   failure lists up to :data:`PARTIAL_UNEXPECTED_COUNT` example rows with their keys (``LIMIT``
   queries; GX never fetches all unexpected rows).

The stored validation results (and Data Docs) therefore carry counts and examples for failures and a
plain pass for the rest. Then the checkpoint's actions run on the combined result, as
``Checkpoint.run`` does (the Data Docs action as a single incremental site build).

GX 1.24 does not know DuckDB as a SQL dialect; :func:`ingest.quality.gx_duckdb.patch_gx_for_duckdb` adds three
small shims (see ``shared/reference/stack.md`` §3): a persisted connection (otherwise GX fetches after the
connection went back to the pool and gets ``[]``), DuckDB regular expressions for the regex expectations
(otherwise ``NotImplementedError``), and a ``LIMIT 0`` column reflection for query assets (otherwise
GX runs the whole mart query just to learn its column names). The connection is closed before
:func:`validate` returns, so dbt or other writers can open the file afterwards.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import logging
import math
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite
    from great_expectations.checkpoint import Checkpoint
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResult,
        ExpectationValidationResult,
    )
    from great_expectations.data_context.data_context.file_data_context import (
        FileDataContext,
    )
    from great_expectations.datasource.fluent import SQLDatasource

    from ingest.quality.expectation_suites import MartSpec

from ingest.land.progress import start_progress
from ingest.quality.gx_duckdb import close_engines, patch_gx_for_duckdb

__all__ = [
    "DATASOURCE_KWARGS",
    "DATASOURCE_NAME",
    "PARTIAL_UNEXPECTED_COUNT",
    "FailedExpectation",
    "ValidationOutcome",
    "ValidationSetupError",
    "configure_context",
    "format_outcome",
    "log",
    "validate",
    "warehouse_url",
]

log = logging.getLogger(__name__)

_CHECKPOINT_NAME = "govinfo_marts"
DATASOURCE_NAME = "govinfo_marts"
_BATCH_DEFINITION_NAME = "whole_mart"
_MARTS_SCHEMA = "marts"
_WAREHOUSE_URL_VARIABLE = "GOVINFO_GX_WAREHOUSE_URL"
_CONNECTION_STRING = "${" + _WAREHOUSE_URL_VARIABLE + "}"  # stored unexpanded in great_expectations.yml
DATASOURCE_KWARGS: dict[str, Any] = {"connect_args": {"read_only": True}}  # create_engine() kwargs
_DUCKDB_MEMORY_LIMIT = "500MB"  # DuckDB's share of the process; larger sorts/aggregates spill to disk
_DATA_DOCS_INDEX = Path("uncommitted/data_docs/local_site/index.html")
_FINGERPRINT_FILE = Path("uncommitted/govinfo_suites.sha256")
_DOCS_RESULTS_LIMIT = 200  # validation results listed in the Data Docs index (20 runs)
PARTIAL_UNEXPECTED_COUNT = 20  # example rows GX fetches per failed expectation (a LIMIT query)
_EXAMPLES = 3  # unexpected values quoted per failed expectation


class ValidationSetupError(RuntimeError):
    """The warehouse cannot be validated (missing file, schema, table or column; file locked)."""


@dataclass(frozen=True)
class FailedExpectation:
    """One expectation that did not pass (or could not be evaluated)."""

    suite: str
    table: str
    expectation_type: str
    columns: tuple[str, ...]
    detail: str
    unexpected_count: int | None = None


@dataclass
class ValidationOutcome:
    """Summary of one validation run over all marts."""

    success: bool
    evaluated: int
    failed: list[FailedExpectation] = field(default_factory=list)
    data_docs_index: Path = Path()


# ---------------------------------------------------------------------------------------------
# The warehouse


def _check_warehouse(warehouse: Path, specs: Sequence[MartSpec]) -> None:
    """Fail fast with ValidationSetupError unless every mart query binds on ``warehouse``.

    Only binds the queries (no rows are read); the connection is read-only and closed on return.
    """
    if not warehouse.is_file():
        raise ValidationSetupError(f"warehouse not found: {warehouse} (run the ingest and `dbt build` first)")
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        raise ValidationSetupError(f"cannot open warehouse {warehouse}: {exc}") from exc
    try:
        schema_exists = con.execute(
            "select count(*) from information_schema.schemata where schema_name = ?",
            [_MARTS_SCHEMA],
        ).fetchall()[0][0]
        if not schema_exists:
            raise ValidationSetupError(f"schema '{_MARTS_SCHEMA}' not found in {warehouse} (run `dbt build` first)")
        present = {
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables where table_schema = ?",
                [_MARTS_SCHEMA],
            ).fetchall()
        }
        missing = [s.table for s in specs if s.table not in present]
        if missing:
            raise ValidationSetupError(
                f"missing marts in {warehouse}: "
                + ", ".join(f"{_MARTS_SCHEMA}.{t}" for t in missing)
                + " (run `dbt build` first)"
            )
        for spec in specs:
            try:
                con.sql(spec.query).columns  # noqa: B018 - binds the query, reads nothing
            except duckdb.Error as exc:
                first = str(exc).splitlines()[0]
                raise ValidationSetupError(f"cannot read {_MARTS_SCHEMA}.{spec.table}: {first}") from exc
    finally:
        con.close()


def warehouse_url(warehouse: Path, spill_dir: Path | None = None) -> str:
    """SQLAlchemy URL of ``warehouse`` for duckdb-engine, with the DuckDB settings of a run.

    Read-only mode comes from the datasource's ``connect_args``; the URL query sets DuckDB's
    memory limit and (when given) the directory where it spills larger intermediates.
    """
    from sqlalchemy.engine import URL

    query = {"memory_limit": _DUCKDB_MEMORY_LIMIT}
    if spill_dir is not None:
        query["temp_directory"] = str(spill_dir)
    url = URL.create("duckdb", database=str(Path(warehouse).resolve()), query=query)
    return url.render_as_string(hide_password=False)


# ---------------------------------------------------------------------------------------------
# The File Data Context


def configure_context(
    context_dir: Path = Path("expectations"), specs: Sequence[MartSpec] | None = None
) -> tuple[FileDataContext, Checkpoint]:
    """Create or update the File Data Context: suites, assets, validation definitions, checkpoint.

    The datasource reads ``${GOVINFO_GX_WAREHOUSE_URL}``; when that is unset, an in-memory DuckDB
    stands in so the context can be set up without a warehouse (:func:`validate` sets it).
    """
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault(_WAREHOUSE_URL_VARIABLE, "duckdb:///:memory:")
    patch_gx_for_duckdb()
    import great_expectations as gx

    from ingest.quality.expectation_suites import build_mart_specs

    specs = build_mart_specs() if specs is None else specs
    context_dir.mkdir(parents=True, exist_ok=True)
    ctx = gx.get_context(mode="file", context_root_dir=str(context_dir))
    _tune_context(ctx)

    fingerprint_file = context_dir / _FINGERPRINT_FILE
    fingerprint = _fingerprint(specs, gx.__version__)
    if fingerprint_file.is_file() and fingerprint_file.read_text() == fingerprint:
        try:  # unchanged since the last run: skip the ~0.5 s of add-or-update writes
            return ctx, ctx.checkpoints.get(_CHECKPOINT_NAME)
        except Exception as exc:  # noqa: BLE001 - anything missing or unreadable: rebuild
            log.info("rebuilding GX context in %s: %s", context_dir, exc)

    from great_expectations.exceptions.resource_freshness import ResourceFreshnessAggregateError

    try:
        try:
            _configure_marts(ctx, specs)
        except ResourceFreshnessAggregateError:
            # A mart's query changed: its asset was replaced, and the checkpoint saved with the old
            # batch definition no longer matches. A second pass over the reloaded files settles it.
            close_engines(ctx)
            ctx = gx.get_context(mode="file", context_root_dir=str(context_dir))
            _configure_marts(ctx, specs)
    finally:
        close_engines(ctx)  # adding the datasource tested a connection
    fingerprint_file.parent.mkdir(parents=True, exist_ok=True)
    fingerprint_file.write_text(fingerprint)
    # Run from a context loaded from the files just written, as an up-to-date run does: after
    # validation_definitions.add_or_update() the datasource GX hands out for a batch has lost its
    # link to the context (MissingDataContextError in get_batch, seen with an existing SQL datasource).
    ctx = gx.get_context(mode="file", context_root_dir=str(context_dir))
    return ctx, ctx.checkpoints.get(_CHECKPOINT_NAME)


def _configure_marts(ctx: FileDataContext, specs: Sequence[MartSpec]) -> None:
    """Add or update the datasource, and per mart the suite, query asset and validation definition."""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    ds = _sql_datasource(ctx)
    existing_assets = {a.name: a for a in ds.assets}

    validation_definitions = []
    for spec in specs:
        suite = gx.ExpectationSuite(
            name=spec.suite_name,
            expectations=[copy.copy(e) for e in spec.expectations],  # GX ties each one to its suite
            meta={"mart": f"{_MARTS_SCHEMA}.{spec.table}", "query": spec.query},
        )
        _keep_expectation_ids(ctx, suite)
        suite = ctx.suites.add_or_update(suite)
        asset_name = f"{_MARTS_SCHEMA}.{spec.table}"
        asset = existing_assets.get(asset_name)
        if asset is not None and getattr(asset, "query", None) != spec.query:
            ds.delete_asset(asset_name)
            asset = None
        if asset is None:
            asset = ds.add_query_asset(name=asset_name, query=spec.query)
        try:
            batch_definition = asset.get_batch_definition(_BATCH_DEFINITION_NAME)
        except (KeyError, ValueError, LookupError):
            batch_definition = asset.add_batch_definition_whole_table(_BATCH_DEFINITION_NAME)
        vd = gx.ValidationDefinition(name=f"validate_{spec.suite_name}", data=batch_definition, suite=suite)
        validation_definitions.append(ctx.validation_definitions.add_or_update(vd))

    ctx.checkpoints.add_or_update(
        gx.Checkpoint(
            name=_CHECKPOINT_NAME,
            validation_definitions=validation_definitions,
            actions=[UpdateDataDocsAction(name="update_data_docs")],
            result_format={"result_format": "SUMMARY", "partial_unexpected_count": PARTIAL_UNEXPECTED_COUNT},
        )
    )


def _sql_datasource(ctx: FileDataContext) -> SQLDatasource:
    """The SQL datasource, reused when its stored config is current (so its ids stay stable)."""
    from great_expectations.datasource.fluent import SQLDatasource

    try:
        found: Any = ctx.data_sources.get(DATASOURCE_NAME)
    except (KeyError, ValueError, LookupError):
        found = None
    if type(found) is SQLDatasource:
        stored = found.dict(exclude_unset=False).get("kwargs") or {}
        template = getattr(found.connection_string, "template_str", str(found.connection_string))
        if template == _CONNECTION_STRING and stored == DATASOURCE_KWARGS:
            return found
    if found is not None:  # e.g. the pandas datasource of earlier versions
        ctx.data_sources.delete(DATASOURCE_NAME)
    return ctx.data_sources.add_sql(
        name=DATASOURCE_NAME, connection_string=_CONNECTION_STRING, kwargs=DATASOURCE_KWARGS
    )


def _tune_context(ctx: FileDataContext) -> None:
    """No progress bars (CLI output); Data Docs index lists only the most recent results."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    changed = False
    bars: Any = ctx.variables.progress_bars  # a ProgressBarsConfig, or a dict once reloaded
    if bars is None or (bars.get("globally") if isinstance(bars, dict) else bars.globally):
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        changed = True
    sites: Any = ctx.variables.data_docs_sites or {}
    index = sites.get("local_site", {}).get("site_index_builder")
    if isinstance(index, dict) and index.get("validation_results_limit") != _DOCS_RESULTS_LIMIT:
        index["validation_results_limit"] = _DOCS_RESULTS_LIMIT
        ctx.variables.data_docs_sites = sites
        changed = True
    if changed:
        ctx.variables.save()


def _keep_expectation_ids(ctx: FileDataContext, suite: ExpectationSuite) -> None:
    """Reuse the stored ids of unchanged expectations, so re-runs leave the JSON unchanged.

    (``suites.add_or_update`` tries this too, but compares ids as well and never matches.)
    """
    try:
        stored = ctx.suites.get(suite.name)
    except Exception:  # noqa: BLE001 - no stored suite (or unreadable): fresh ids
        return

    def key(e: Any) -> str:
        return json.dumps(e.configuration.to_json_dict() | {"id": None}, sort_keys=True)

    ids = {key(e): e.id for e in stored.expectations}
    for expectation in suite.expectations:
        expectation.id = ids.get(key(expectation), expectation.id)


def _fingerprint(specs: Sequence[MartSpec], gx_version: str) -> str:
    """Hash of everything configure_context writes, to skip rewriting an up-to-date context."""
    payload = [
        gx_version,
        _CHECKPOINT_NAME,
        DATASOURCE_NAME,
        "sql",
        _CONNECTION_STRING,
        DATASOURCE_KWARGS,
        _BATCH_DEFINITION_NAME,
        PARTIAL_UNEXPECTED_COUNT,
        [
            [
                s.suite_name,
                s.query,
                [e.configuration.to_json_dict() for e in s.expectations],
            ]
            for s in specs
        ],
    ]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _detail_format(spec: MartSpec) -> dict[str, Any]:
    return {
        "result_format": "SUMMARY",
        "partial_unexpected_count": PARTIAL_UNEXPECTED_COUNT,
        "unexpected_index_column_names": list(spec.index_columns),
    }


def _validate_mart(
    spec: MartSpec, vd: Any, parameters: dict[str, Any], validators: list[Any]
) -> ExpectationSuiteValidationResult:
    """Both passes over one mart: BOOLEAN_ONLY for all, SUMMARY with example rows for failures."""
    from great_expectations.validator.v1_validator import Validator
    from great_expectations.validator.validation_statistics import calc_validation_statistics

    quick = Validator(batch_definition=vd.batch_definition, result_format={"result_format": "BOOLEAN_ONLY"})
    validators.append(quick)
    result = quick.validate_expectation_suite(vd.suite, parameters)
    failed = [i for i, r in enumerate(result.results) if not r.success]
    if not failed:
        return result
    detail = Validator(batch_definition=vd.batch_definition, result_format=_detail_format(spec))
    validators.append(detail)
    by_id = {e.id: e for e in vd.suite.expectations}
    for i in failed:
        config = result.results[i].expectation_config
        if config is None:
            continue
        expectation = by_id.get(config.id) or config.to_domain_obj()
        result.results[i] = detail.validate_expectation(expectation, parameters)
    statistics = calc_validation_statistics(result.results)
    result.success = statistics.success
    result.statistics = {
        "evaluated_expectations": statistics.evaluated_expectations,
        "successful_expectations": statistics.successful_expectations,
        "unsuccessful_expectations": statistics.unsuccessful_expectations,
        "success_percent": statistics.success_percent,
    }
    return result


def _run_checkpoint(
    context: FileDataContext,
    checkpoint: Checkpoint,
    specs: Sequence[MartSpec],
    parameters: dict[str, Any],
) -> list[tuple[MartSpec, ExpectationSuiteValidationResult]]:
    """``Checkpoint.run`` with the two passes of :func:`_validate_mart` per mart, then the actions."""
    from great_expectations.checkpoint import (
        ActionContext,
        CheckpointResult,
        UpdateDataDocsAction,
    )
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    by_suite = {s.suite_name: s for s in specs}
    run_id = RunIdentifier(run_name=_CHECKPOINT_NAME, run_time=dt.datetime.now(dt.UTC))
    run_results = {}
    pairs = []
    validators: list[Any] = []
    # Suites done of total on stderr (a live line on a terminal, else a few plain lines).
    progress = start_progress("validate", len(checkpoint.validation_definitions), "suites")
    try:
        for vd in checkpoint.validation_definitions:
            spec = by_suite[vd.suite.name]
            result = _validate_mart(spec, vd, parameters, validators)
            progress.advance()
            result.meta.update(
                validation_id=vd.id,
                checkpoint_id=checkpoint.id,
                run_id=run_id,
                validation_time=run_id.run_time,
                batch_parameters=None,
            )
            suite_key = ExpectationSuiteIdentifier(name=vd.suite.name)
            key = ValidationResultIdentifier(
                expectation_suite_identifier=suite_key,
                run_id=run_id,
                batch_identifier=result.batch_id,
            )
            context.validation_results_store.store_validation_results(
                suite_validation_result=result,
                suite_validation_result_identifier=key,
                expectation_suite_identifier=suite_key,
            )
            run_results[key] = result
            pairs.append((spec, result))
    finally:
        progress.finish()
        close_engines(context, validators)

    checkpoint_result = CheckpointResult(run_id=run_id, run_results=run_results, checkpoint_config=checkpoint)
    action_context = ActionContext()
    for action in checkpoint.actions:
        if isinstance(action, UpdateDataDocsAction):
            # Same effect as action.run(), which rebuilds the site once per validation result
            # (about 2 s for ten marts); one incremental build with all identifiers takes 0.3 s.
            identifiers: list[Any] = list(run_results)
            identifiers += [ExpectationSuiteIdentifier(name=s.suite_name) for s in specs]
            context.build_data_docs(site_names=action.site_names or None, resource_identifiers=identifiers)
            continue
        action_result = action.run(checkpoint_result=checkpoint_result, action_context=action_context)
        action_context.update(action=action, action_result=action_result)
    return pairs


# ---------------------------------------------------------------------------------------------
# Turning GX results into a readable outcome


def _short(value: Any, width: int = 40) -> str:
    """Compact rendering of one value: NULL for None/NaN, dates without midnight times."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "NULL"
    if isinstance(value, tuple | list):
        return "(" + ", ".join(_short(v, width) for v in value) + ")"
    text = repr(value) if isinstance(value, str) else str(value)
    text = text.removesuffix(" 00:00:00")
    return text if len(text) <= width else text[: width - 1] + "…"


def _exception_message(exception_info: Any) -> str | None:
    """First error message in a result's exception_info (flat, or keyed by metric)."""
    if not isinstance(exception_info, dict):
        return None
    if exception_info.get("raised_exception"):
        return str(exception_info.get("exception_message") or "error")
    for value in exception_info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message") or "error")
    return None


def _columns(kwargs: dict[str, Any]) -> tuple[str, ...]:
    if "column" in kwargs:
        return (str(kwargs["column"]),)
    if "column_A" in kwargs:
        return (str(kwargs["column_A"]), str(kwargs["column_B"]))
    return tuple(str(c) for c in kwargs.get("column_list") or ())


def _detail(res: ExpectationValidationResult, columns: tuple[str, ...]) -> str:
    """E.g. ``2 of 5 rows unexpected; e.g. -3 (report_id='ab12…')``."""
    message = _exception_message(res.exception_info)
    if message is not None:
        return f"could not evaluate: {_short(message.splitlines()[0], 160)}"
    result = res.result or {}
    count = result.get("unexpected_count")
    if count is None:
        return f"observed {_short(result.get('observed_value'))}"
    total = result.get("element_count")
    text = f"{count} of {total} rows unexpected"
    examples: list[str] = []
    index_list = result.get("partial_unexpected_index_list") or []
    if index_list and isinstance(index_list[0], dict):
        for row in index_list[:_EXAMPLES]:
            vals = [_short(row[c]) for c in columns if c in row]
            keys = [f"{k}={_short(v)}" for k, v in row.items() if k not in columns]
            value = vals[0] if len(vals) == 1 else "(" + ", ".join(vals) + ")"
            if not keys and len(columns) == 1:  # failing column is the index: show the rest
                keys = [f"{k}={_short(v)}" for k, v in row.items() if k != columns[0]]
            examples.append(f"{value} ({', '.join(keys)})" if keys else value)
    else:
        # e.g. compound keys on SQL: no index list, the unexpected values are {column: value} dicts
        examples = [
            _short(tuple(v[c] for c in columns if c in v) or tuple(v.values())) if isinstance(v, dict) else _short(v)
            for v in (result.get("partial_unexpected_list") or [])[:_EXAMPLES]
        ]
    if examples:
        text += "; e.g. " + "; ".join(dict.fromkeys(examples))  # a duplicated key once
    return text


def _failures(spec: MartSpec, result: ExpectationSuiteValidationResult) -> list[FailedExpectation]:
    out = []
    for res in result.results:
        if res.success:
            continue
        cfg = res.expectation_config
        kwargs = dict(cfg.kwargs) if cfg is not None else {}
        columns = _columns(kwargs)
        unexpected = (res.result or {}).get("unexpected_count")
        out.append(
            FailedExpectation(
                suite=spec.suite_name,
                table=f"{_MARTS_SCHEMA}.{spec.table}",
                expectation_type=cfg.type if cfg is not None else "?",
                columns=columns,
                detail=_detail(res, columns),
                unexpected_count=int(unexpected) if unexpected is not None else None,
            )
        )
    return out


def validate(
    warehouse: Path, context_dir: Path = Path("expectations"), changed_since: dt.datetime | None = None
) -> ValidationOutcome:
    """Validate every mart of ``warehouse`` and update the Data Docs under ``context_dir``.

    With ``changed_since`` (an incremental refresh passes the time its ingest started), the large
    per-report marts (:data:`~ingest.quality.expectation_suites.SCOPED_MARTS`) are validated only on the
    rows of reports loaded since then; every other mart is validated whole.
    Raises ValidationSetupError when the warehouse file, the marts schema or a mart is missing.
    The warehouse is only read (read-only connections, all closed before this returns).
    """
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from ingest.quality.expectation_suites import SCOPE_VARIABLE, build_mart_specs, expectation_parameters

    specs = build_mart_specs()
    _check_warehouse(Path(warehouse), specs)  # before touching GX: fail fast and clearly
    spill_dir = Path(tempfile.mkdtemp(prefix="govinfo-gx-"))
    previous_url = os.environ.get(_WAREHOUSE_URL_VARIABLE)
    os.environ[_WAREHOUSE_URL_VARIABLE] = warehouse_url(Path(warehouse), spill_dir)

    def set_scope(dbapi_connection: Any, _record: Any) -> None:
        # Every connection GX opens reads the variable in the scoped marts' queries.
        assert changed_since is not None
        since = changed_since.isoformat(sep=" ")  # a datetime's own rendering: safe as a literal
        dbapi_connection.execute(f"set variable {SCOPE_VARIABLE} = timestamp '{since}'")

    if changed_since is not None:
        event.listen(Engine, "connect", set_scope)
    try:
        context, checkpoint = configure_context(Path(context_dir), specs)
        pairs = _run_checkpoint(context, checkpoint, specs, expectation_parameters())
    finally:
        if changed_since is not None:
            event.remove(Engine, "connect", set_scope)
        if previous_url is None:
            os.environ.pop(_WAREHOUSE_URL_VARIABLE, None)
        else:
            os.environ[_WAREHOUSE_URL_VARIABLE] = previous_url
        shutil.rmtree(spill_dir, ignore_errors=True)

    failed = [f for spec, result in pairs for f in _failures(spec, result)]
    evaluated = sum(int(r.statistics.get("evaluated_expectations", 0)) for _, r in pairs)
    return ValidationOutcome(
        success=all(r.success for _, r in pairs),
        evaluated=evaluated,
        failed=failed,
        data_docs_index=(Path(context_dir) / _DATA_DOCS_INDEX).resolve(),
    )


def format_outcome(outcome: ValidationOutcome) -> str:
    """Readable summary: one line per failed expectation, then the Data Docs path."""
    lines: list[str] = []
    if outcome.success:
        lines.append(f"validation passed: {outcome.evaluated} expectations on the marts")
    else:
        lines.append(f"validation FAILED: {len(outcome.failed)} of {outcome.evaluated} expectations failed")
        for f in outcome.failed:
            cols = ", ".join(f.columns) if f.columns else "(table)"
            lines.append(f"  {f.suite} / {f.expectation_type} / {cols}: {f.detail}")
    lines.append(f"Data Docs: {outcome.data_docs_index}")
    return "\n".join(lines)
