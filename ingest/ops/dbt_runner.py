"""Run dbt against the warehouse with the repository's project and profile."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ingest import PROJECT_DIR

__all__ = ["run_dbt"]


def _dbt_executable() -> str:
    """The dbt next to this interpreter (the project venv), else the one on PATH."""
    local = Path(sys.executable).parent / "dbt"
    if local.exists():
        return str(local)
    found = shutil.which("dbt")
    if found is None:
        raise FileNotFoundError("dbt is not installed in this environment (run `make run` to set up .venv)")
    return found


def run_dbt(args: list[str], warehouse: Path, quiet: bool = False) -> int:
    """Run ``dbt <args>`` on ``warehouse``; returns dbt's exit code."""
    env = dict(os.environ)
    env["GOVINFO_WAREHOUSE"] = str(warehouse.resolve())
    env["DBT_PROFILES_DIR"] = str(PROJECT_DIR)
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    command = [_dbt_executable(), *args, "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)]
    completed = subprocess.run(
        command,
        env=env,
        cwd=PROJECT_DIR,
        check=False,
        stdout=subprocess.PIPE if quiet else None,
        stderr=subprocess.STDOUT if quiet else None,
        text=True,
    )
    if quiet and completed.returncode != 0 and completed.stdout:
        sys.stderr.write(completed.stdout)
    return completed.returncode
