"""Copy the real reports of ../shared/corpus into examples/reports/, and examples/README.md naming their sources.

Usage: python scripts/build_examples.py [--corpus ../shared/corpus] [--out examples/reports]

The five founding reports (full texts), the beginnings of 62 real report pages and two complete
PDFs: what ``make run`` builds the warehouse from by default.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

SETS = (
    ("seeds", "texts", "the five founding reports: full texts, 2014–2019, narrative style"),
    ("real", "texts", "beginnings (about 1,500–2,000 characters) of 62 real report pages, 2008–2025, as published"),
    ("pdf", "files", "two complete reports as published PDFs with a text layer (2021 template)"),
)


def _row(name: str, path: Path, gold: dict[str, object]) -> str:
    source = gold.get("source_url") or "not recorded"
    cells = [f"`reports/{name}/{path.name}`", str(gold.get("agency_name") or ""), str(gold.get("report_year") or "")]
    cells += [str(gold.get("template") or ""), f"<{source}>" if source != "not recorded" else source]
    return "| " + " | ".join(cells) + " |"


def build(corpus: Path, out: Path) -> int:
    """Copy the files and write the README; returns the number of reports copied."""
    rows: list[str] = []
    lines = [
        "# Example reports",
        "",
        "Real government information-disclosure annual reports, copied from the project's "
        "shared corpus (`scripts/build_examples.py`). `make run` builds the warehouse from this folder by default;",
        "`make run REPORTS=/path/to/folder` uses another. They are public documents published by the bodies named",
        "below on their government websites; each row gives the page it was taken from where it was recorded.",
        "",
    ]
    for name, _files, what in SETS:
        lines.append(f"- `reports/{name}/`: {what}")
    lines += ["", "| file | body | report year | template | source |", "|---|---|---|---|---|"]
    count = 0
    for name, files, _ in SETS:
        target = out / name
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted((corpus / name / files).iterdir()):
            shutil.copyfile(path, target / path.name)
            gold_path = corpus / name / "gold" / f"{path.stem}.json"
            gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
            rows.append(_row(name, path, gold))
            count += 1
    (out.parent / "README.md").write_text("\n".join([*lines, *rows, ""]), encoding="utf-8")
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, default=Path("examples/reports"))
    args = parser.parse_args()
    print(f"{build(args.corpus, args.out)} reports written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
