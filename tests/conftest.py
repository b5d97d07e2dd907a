"""Shared fixtures: the real corpus beside the repo, and small real texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def corpus_case(folder: str, case_id: str) -> tuple[str, dict[str, Any]]:
    """Text and gold of one corpus report."""
    text = (CORPUS / folder / "texts" / f"{case_id}.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPUS / folder / "gold" / f"{case_id}.json").read_text(encoding="utf-8"))
    return text, gold


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is expected at {CORPUS}")
    return CORPUS
