"""govinfo ingest: read government information-disclosure annual reports and land them in DuckDB.

The package is cut along the data flow; each stage imports only earlier ones (a test checks it):

- :mod:`ingest.read`     file bytes → decoded text
- :mod:`ingest.text`     decoded text → views, sections, clauses, numbers, digit-run splits
- :mod:`ingest.extract`  text → :class:`ingest.records.Report` (metadata, agency, figures, tables, checks)
- :mod:`ingest.land`     files → rows of the raw layer in DuckDB (admission, schema, frames, writer)
- :mod:`ingest.quality`  Great Expectations on the marts
- :mod:`ingest.serve`    exports, the dashboard and docs for analysts
- :mod:`ingest.ops`      refresh orchestration, publishing, locking, dbt
- :mod:`ingest.devtools` evaluation, coverage, the sample generator, the benchmark

Shared by all stages: :mod:`ingest.records` (the typed records) and :mod:`ingest.vocabulary` (every
closed value list). :mod:`ingest.cli` is the thin command line over them.
"""

import shutil
import sys
from pathlib import Path

__all__ = ["PARSER_VERSION", "PROJECT_DIR", "SEEDS_DIR", "dbt_executable"]

PARSER_VERSION = "0.2.2"
# The repository: dbt project, seeds (reference data the parser reads too) and the GX context.
PROJECT_DIR = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_DIR / "seeds"


def dbt_executable() -> str:
    """The dbt next to this interpreter (the project venv), else the one on PATH."""
    local = Path(sys.executable).parent / "dbt"
    if local.exists():
        return str(local)
    found = shutil.which("dbt")
    if found is None:
        raise FileNotFoundError("dbt is not installed in this environment (run `make setup` to set up .venv)")
    return found
