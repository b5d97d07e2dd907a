"""The benchmark corpus in a stated format mix: generated reports rendered as PDF, HTML, .docx, text.

``parse_mix("pdf:50,html:35,docx:10,txt:5")`` reads a mix (weights, normalised); report ``i`` gets
its format by smooth weighted round robin (:func:`assign_formats`), so any prefix of the corpus holds
the mix as closely as whole files allow and report ``i``'s format depends only on ``i`` and the mix.
:func:`build_mix` renders each generated text (``ingest.devtools.sample``) with
:mod:`ingest.devtools.render_formats` and links it into one folder. Every report is rendered from its
own text (no replicated files): rendering is the slow part (a PDF ~0.1 s, a .docx ~0.03 s), so each
rendered file is cached under ``cache/`` by the SHA-256 of its format, the renderer's version, the
font and the text, and a second run (or a larger N over the same seed) renders only what is new.
PDFs use a subset of the CJK font holding the generator's characters (loading the full 40,000-glyph
font is most of a render); a text with a character outside it is rendered with the full font.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from ingest.devtools.render_formats import RENDERERS, cjk_font, to_pdf

__all__ = ["DEFAULT_MIX", "RenderStats", "assign_formats", "build_mix", "mix_label", "parse_mix"]

DEFAULT_MIX = "pdf:50,html:35,docx:10,txt:5"
# Bumped whenever a renderer's output changes, so cached files are not reused across versions.
_RENDER_VERSION = "2"
# Characters of the font subset: the generator's own (first reports of a fixed seed) plus ASCII.
_FONT_SEED, _FONT_REPORTS = 20260101, 1000


def parse_mix(spec: str) -> dict[str, float]:
    """``"pdf:50,html:35"`` -> ``{"pdf": 50/85, "html": 35/85}``; ValueError names a bad part."""
    weights: dict[str, float] = {}
    for part in spec.replace(" ", "").split(","):
        if not part:
            continue
        name, _, weight = part.partition(":")
        name = name.lower().lstrip(".")
        if name not in RENDERERS:
            raise ValueError(f"unknown format {name!r} in mix {spec!r}; one of {', '.join(RENDERERS)}")
        try:
            value = float(weight) if weight else 1.0
        except ValueError as exc:
            raise ValueError(f"bad weight {weight!r} for {name} in mix {spec!r}") from exc
        if value < 0:
            raise ValueError(f"negative weight for {name} in mix {spec!r}")
        weights[name] = weights.get(name, 0.0) + value
    total = sum(weights.values())
    if total <= 0:
        raise ValueError(f"mix {spec!r} has no positive weight")
    return {name: value / total for name, value in weights.items() if value > 0}


def mix_label(mix: dict[str, float]) -> str:
    """A folder-safe name for a mix: ``pdf50-html35-docx10-txt5``."""
    return "-".join(f"{name}{round(share * 100, 2):g}" for name, share in mix.items())


def assign_formats(n: int, mix: dict[str, float]) -> list[str]:
    """Format of reports 0..n-1: smooth weighted round robin (prefixes keep the mix; deterministic)."""
    credit = dict.fromkeys(mix, 0.0)
    out: list[str] = []
    for _ in range(n):
        for name, share in mix.items():
            credit[name] += share
        chosen = max(credit, key=lambda name: credit[name])  # ties: the first in the mix
        credit[chosen] -= 1.0
        out.append(chosen)
    return out


@dataclass(frozen=True)
class RenderStats:
    """What :func:`build_mix` did: files per format, how many were rendered now, seconds spent."""

    counts: dict[str, int]
    rendered: int
    cached: int
    seconds: float


def _font_subset(cache: Path) -> tuple[Path, frozenset[str]]:
    """A TrueType subset of the CJK font holding the generator's characters, built once into ``cache``.

    Fixed characters (not this corpus's), so a cached PDF's key does not change with the corpus size.
    """
    from ingest.devtools.sample import make_report

    chars = {chr(c) for c in range(0x20, 0x7F)}
    for i in range(_FONT_REPORTS):
        chars.update(make_report(i, _FONT_SEED).text)
    chars -= {"\n", "\r", "\t"}
    source = cjk_font()
    key = hashlib.sha256(("".join(sorted(chars)) + str(source)).encode("utf-8")).hexdigest()[:16]
    path = cache / f"font-{key}.ttf"
    if not path.is_file():
        from fontTools import subset
        from fontTools.ttLib import TTFont

        logging.getLogger("fontTools").setLevel(logging.ERROR)
        font = TTFont(str(source), fontNumber=0)
        options = subset.Options()
        options.layout_features = []
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(ord(c) for c in chars))
        subsetter.subset(font)
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        font.save(str(partial))
        os.replace(partial, path)
    return path, frozenset(chars)


def _render_one(job: tuple[str, str, str, str | None]) -> int:
    """Render one text into its cache file (written atomically); returns the file's size."""
    fmt, text, target, font = job
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "BDF NOT subset" on every PDF
    data = to_pdf(text, Path(font)) if fmt == "pdf" and font else RENDERERS[fmt](text)
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)
    return len(data)


def _place(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def build_mix(
    texts: Sequence[Path],
    out: Path,
    mix: dict[str, float],
    cache: Path,
    workers: int = 1,
    prefix: str = "",
) -> RenderStats:
    """Render ``texts`` (in order) into ``out`` in the mix; cached renders are linked, not redone.

    A text keeps its own file (and extension) when its format is ``txt``; otherwise
    ``out/<prefix><stem>.<fmt>`` is the rendered file. Files in ``out`` not produced now are removed.
    """
    started = time.perf_counter()
    formats = assign_formats(len(texts), mix)
    out.mkdir(parents=True, exist_ok=True)
    font: tuple[Path, frozenset[str]] | None = None
    jobs: list[tuple[str, str, str, str | None]] = []
    placements: list[tuple[Path, Path]] = []
    counts: dict[str, int] = dict.fromkeys(mix, 0)
    cached = 0
    for path, fmt in zip(texts, formats, strict=True):
        counts[fmt] += 1
        if fmt == "txt":
            placements.append((path, out / f"{prefix}{path.name}"))
            continue
        text = path.read_text(encoding="utf-8")
        font_path: str | None = None
        if fmt == "pdf":
            if font is None:
                font = _font_subset(cache)
            font_path = str(font[0]) if set(text) - {"\n", "\r", "\t"} <= font[1] else None
        key = hashlib.sha256(f"{fmt}\0{_RENDER_VERSION}\0{font_path or 'full'}\0{text}".encode()).hexdigest()
        cached_file = cache / fmt / key[:2] / f"{key}.{fmt}"
        if cached_file.is_file():
            cached += 1
        else:
            jobs.append((fmt, text, str(cached_file), font_path))
        placements.append((cached_file, out / f"{prefix}{path.stem}.{fmt}"))
    if jobs:
        jobs.sort(key=lambda job: job[0] != "pdf")  # the slowest first, so the pool ends together
        if workers > 1 and len(jobs) > 8:
            with get_context("spawn").Pool(workers) as pool:
                for _ in pool.imap_unordered(_render_one, jobs, chunksize=4):
                    pass
        else:
            for job in jobs:
                _render_one(job)
    wanted = {target.name for _, target in placements}
    for stale in out.iterdir():
        if stale.name.startswith(prefix) and stale.name not in wanted:
            stale.unlink()
    for source, target in placements:
        _place(source, target)
    return RenderStats(counts, len(jobs), cached, time.perf_counter() - started)
