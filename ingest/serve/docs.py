"""``govinfo docs``: dbt's documentation site as one offline HTML file.

``dbt docs generate --static`` writes ``static_index.html``: the docs app with the manifest (models,
descriptions, tests, lineage, exposures) and the catalog (column types, row counts read from the
warehouse) inlined, so it opens from disk with no server and no network. It runs in a target folder
of its own (a temporary one; never the project's ``target/``) with a profile of its own that opens
the warehouse **read-only**, so it can run beside BI tools and during a refresh. The file is copied to
``OUT/index.html``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ingest import PROJECT_DIR, dbt_executable

__all__ = ["DEFAULT_DOCS_DIR", "DocsError", "DocsResult", "build_docs", "docs_profile"]

DEFAULT_DOCS_DIR = Path("docs/dbt")
_PROFILE = "govinfo"  # dbt_project.yml's profile


class DocsError(RuntimeError):
    """``dbt docs generate`` failed; the message carries dbt's output."""


@dataclass(frozen=True)
class DocsResult:
    """Where the site went and how big it is."""

    index: Path
    size: int

    def summary(self) -> str:
        return f"dbt docs: {self.index} ({self.size / 1e6:.1f} MB, one offline file; open it in a browser)"


def docs_profile(warehouse: Path) -> str:
    """A dbt profile (YAML) that opens ``warehouse`` read-only with one thread."""
    path = json.dumps(str(warehouse.resolve()))  # JSON strings are YAML strings: any path is quoted safely
    return (
        f"{_PROFILE}:\n  target: docs\n  outputs:\n    docs:\n      type: duckdb\n      path: {path}\n"
        "      threads: 1\n      config_options:\n        access_mode: READ_ONLY\n"
    )


def build_docs(warehouse: Path, out: Path = DEFAULT_DOCS_DIR) -> DocsResult:
    """Generate dbt's static docs against ``warehouse`` (read-only) and write ``out/index.html``."""
    if not warehouse.is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse}: the docs' catalog is read from it (`govinfo run`)")
    with tempfile.TemporaryDirectory(prefix="govinfo-docs-") as scratch:
        work = Path(scratch)
        (work / "profiles.yml").write_text(docs_profile(warehouse), encoding="utf-8")
        env = dict(os.environ)
        env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
        env["GOVINFO_WAREHOUSE"] = str(warehouse.resolve())
        common = ["--target-path", str(work / "target"), "--log-path", str(work / "logs")]
        common += ["--project-dir", str(PROJECT_DIR), "--profiles-dir", str(work)]
        # `dbt parse` writes the manifest without touching the warehouse; `docs generate --no-compile`
        # then only reads the catalog. (Compiling would run the on-run-start hooks, which write
        # dbt_state and so cannot run on a read-only warehouse.)
        for step in (["parse"], ["docs", "generate", "--static", "--no-compile"]):
            completed = subprocess.run(
                [dbt_executable(), *step, *common],
                env=env,
                cwd=PROJECT_DIR,
                check=False,
                capture_output=True,
                text=True,
                encoding="utf-8",
            )
            if completed.returncode != 0:
                raise DocsError(
                    f"dbt {' '.join(step)} failed (exit {completed.returncode}):\n{completed.stdout}{completed.stderr}"
                )
        site = work / "target" / "static_index.html"
        if not site.is_file():
            raise DocsError(f"dbt docs generate wrote no {site.name}:\n{completed.stdout}")
        out.mkdir(parents=True, exist_ok=True)
        index = out / "index.html"
        partial = out / "index.html.partial"
        shutil.copyfile(site, partial)
        os.replace(partial, index)
    return DocsResult(index, index.stat().st_size)
