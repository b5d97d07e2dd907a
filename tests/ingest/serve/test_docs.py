"""``govinfo docs``: dbt's static docs site, built offline from the project and a real warehouse;
the exposures in models/exposures.yml name what really reads the marts."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb
import pytest
import yaml

from ingest import PROJECT_DIR
from ingest.cli import main
from ingest.serve.docs import docs_profile


def _exposures() -> dict[str, set[str]]:
    document = yaml.safe_load((PROJECT_DIR / "models" / "exposures.yml").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for exposure in document["exposures"]:
        assert exposure["owner"].get("name") or exposure["owner"].get("email"), exposure["name"]
        assert len(exposure["description"]) > 40, exposure["name"]
        found[exposure["name"]] = {re.fullmatch(r"ref\('(\w+)'\)", ref).group(1) for ref in exposure["depends_on"]}  # type: ignore[union-attr]
    return found


def _mart_models() -> set[str]:
    return {path.stem for path in (PROJECT_DIR / "models" / "marts").rglob("*.sql")}


def test_the_exports_exposure_names_every_mart() -> None:
    assert _exposures()["govinfo_exports"] == _mart_models()


def test_the_dashboard_exposure_names_every_mart_the_dashboard_reads() -> None:
    code = "".join(
        path.read_text(encoding="utf-8") for path in (PROJECT_DIR / "ingest" / "serve").glob("dashboard*.py")
    )
    read = set(re.findall(r"marts\.(\w+)", code))
    declared = _exposures()["govinfo_dashboard"]
    assert read, "the dashboard reads no mart?"
    assert read <= declared, f"models/exposures.yml lacks {sorted(read - declared)}"
    assert declared <= _mart_models()


def test_the_docs_profile_opens_the_warehouse_read_only(tmp_path: Path) -> None:
    profile = yaml.safe_load(docs_profile(tmp_path / "a b's" / "govinfo.duckdb"))
    output = profile["govinfo"]["outputs"][profile["govinfo"]["target"]]
    assert output["path"] == str((tmp_path / "a b's" / "govinfo.duckdb").resolve())
    assert output["config_options"] == {"access_mode": "READ_ONLY"}


def test_docs_builds_one_offline_page_with_the_marts(built_marts: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(built_marts.read_bytes()).hexdigest()
    # A reader holds the warehouse open, as a BI tool would: docs must only need a shared read lock.
    with duckdb.connect(str(built_marts), read_only=True):
        assert main(["docs", "--out", str(tmp_path / "site"), "--warehouse", str(built_marts)]) == 0
    assert hashlib.sha256(built_marts.read_bytes()).hexdigest() == before
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<html" in html.lower()
    for name in (
        "model.govinfo.rpt_agency_years",
        "model.govinfo.fct_applications",
        "exposure.govinfo.govinfo_dashboard",
    ):
        assert name in html
    # The catalog is inlined: column types read from the warehouse.
    assert '"catalog"' in html or "catalog" in html
    assert re.search(r'"applications_received":\s*\{[^}]*"type":\s*"[A-Z]+', html), "no catalog types in the site"
    # Offline: no script or stylesheet is fetched from anywhere.
    assert not re.search(r"<script[^>]+src=[\"']https?:", html)
    assert not re.search(r"<link[^>]+rel=[\"']stylesheet[\"'][^>]+href=[\"']https?:", html)


def test_docs_refuses_a_missing_warehouse(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        main(["docs", "--out", str(tmp_path), "--warehouse", str(tmp_path / "none.duckdb")])
    assert not (tmp_path / "none.duckdb").exists()
