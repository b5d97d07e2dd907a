"""The benchmark's format mix: parsed, assigned deterministically in proportion, rendered once and cached."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ingest.devtools.bench_corpus import assign_formats, build_mix, mix_label, parse_mix
from ingest.devtools.sample import generate
from ingest.land.pipeline import process_file


def test_a_mix_is_normalised_and_bad_mixes_are_refused() -> None:
    assert parse_mix("pdf:50,html:35,docx:10,txt:5") == {"pdf": 0.5, "html": 0.35, "docx": 0.1, "txt": 0.05}
    assert parse_mix("txt:100") == {"txt": 1.0}
    assert mix_label(parse_mix("pdf:3,txt:1")) == "pdf75-txt25"
    for bad in ("xls:10", "pdf:-1", "pdf:0", "pdf:x", ""):
        with pytest.raises(ValueError):
            parse_mix(bad)


def test_every_prefix_holds_the_mix_within_one_file() -> None:
    mix = parse_mix("pdf:50,html:35,docx:10,txt:5")
    formats = assign_formats(1000, mix)
    assert formats[:200] == assign_formats(200, mix)  # report i's format does not depend on n
    for n in (20, 137, 1000):
        counts = Counter(formats[:n])
        assert all(abs(counts[fmt] - share * n) < 1 for fmt, share in mix.items()), (n, counts)


def test_rendered_files_give_their_texts_figures_and_are_cached(tmp_path: Path) -> None:
    # Presentations a page or file can hold (see test_formats): flattened-text shapes have no PDF form.
    texts = sorted(generate(8, 20261204, tmp_path / "sample", presentation="base"))
    mix = parse_mix("pdf:1,html:1,docx:1,txt:1")
    out, cache = tmp_path / "mix", tmp_path / "cache"
    first = build_mix(texts, out, mix, cache)
    assert first.counts == {"pdf": 2, "html": 2, "docx": 2, "txt": 2} and first.rendered == 6
    files = sorted(out.iterdir())
    suffixes = Counter(".txt" if path.suffix == ".md" else path.suffix for path in files)
    assert suffixes == {".pdf": 2, ".html": 2, ".docx": 2, ".txt": 2}
    by_stem = {path.stem: path for path in texts}
    for path in files:
        got, want = process_file(path), process_file(by_stem[path.stem])
        assert got.status == "loaded", got.error
        assert got.report is not None and want.report is not None
        got_metrics = {key: metric.value for key, metric in got.report.metrics.items()}
        want_metrics = {key: metric.value for key, metric in want.report.metrics.items()}
        assert got_metrics == want_metrics, path.name
    again = build_mix(texts, out, mix, cache)
    assert again.rendered == 0 and again.cached == 6
    assert sorted(out.iterdir()) == files


def test_a_table_row_taller_than_a_page_is_printed_as_lines(tmp_path: Path) -> None:
    # A whole table flattened into one cell (the one_line presentation puts every row of table 3
    # in a piped line) is taller than an A4 page in a narrow column: fpdf refuses such a row, and a
    # 10,000-report bench stopped on it. The row is printed as a line of its cells instead.
    from ingest.devtools.render_formats import to_pdf

    long_cell = "本年新收政府信息公开申请数量 " * 400
    text = f"表格\n| 情况 | 数量 |\n| {long_cell}| 12 |\n| 上年结转 | 3 |\n结尾段落。\n"
    path = tmp_path / "tall.pdf"
    path.write_bytes(to_pdf(text))
    result = process_file(path, keep_text=True)
    assert result.status == "loaded", result.error
    decoded = result.text or ""
    assert "上年结转" in decoded and "结尾段落" in decoded
    assert decoded.count("本年新收政府信息公开申请数量") >= 400
