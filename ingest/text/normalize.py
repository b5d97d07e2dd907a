"""Normalised views of a report text whose every character maps back to the original.

Matching runs on normalised text (half-width digits and punctuation, no spaces or line breaks inside
words); evidence and offsets are always taken from the original text through :class:`TextView`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

__all__ = ["TextView", "flat_view", "line_view", "squeeze"]

_FULLWIDTH_OFFSET = 0xFEE0
_EXTRA_MAP = {
    "\u3000": " ",  # ideographic space
    "\u00a0": " ",
    "\ufeff": "",
    "\u200b": "",
    "\ufffd": "",  # replacement characters from bad scrapes carry no information
    "\u2014": "-",  # em dash used as "—" null marker and as minus
    "\u2013": "-",
    "\u2212": "-",
    "\uff0e": ".",
    "\u3001": "、",
}
# Document-conversion and web-page artefacts that carry no report content.
_CHROME_PATTERNS = (
    r"\[bookmark:[^\]]*\]",
    r"打印本页",
    r"关闭窗口",
    r"【\s*打印\s*】",
    r"【\s*关闭\s*】",
    r"\|{3,}",  # runs of empty pipe cells from flattened layout tables
    # Page footers "- 3 -" and "第 1 页 共 5 页", within one line ([ \t], never \s: "-5\n—" are two cells).
    r"^[ \t]*[-—–][ \t]*\d{1,3}[ \t]*[-—–][ \t]*$",
    r"^[ \t]*第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?[ \t]*$",
)
_CHROME_RE = re.compile("|".join(_CHROME_PATTERNS), re.MULTILINE)


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> dict[str, str]:
    """Character-level traditional→simplified table from OpenCC's TSCharacters dictionary.

    Character-to-character (never phrase) conversion keeps every offset one-to-one, so evidence
    quotes still come from the traditional original.
    """
    table: dict[str, str] = {}
    source = resources.files("opencc").joinpath("dictionary/TSCharacters.txt")
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1:
            table[parts[0]] = parts[1]
    # OpenCC keeps these as-is in some contexts; reports use them in the simplified sense.
    table.update({"於": "于", "爲": "为", "著": "着"})
    return table


def _map_char(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - _FULLWIDTH_OFFSET)
    mapped = _EXTRA_MAP.get(ch)
    if mapped is not None:
        return mapped
    if code >= 0x3400:
        return _traditional_to_simplified().get(ch, ch)
    return ch


def squeeze(text: str) -> str:
    """``text`` without any whitespace (str.split and regex ``\\s`` agree on what whitespace is)."""
    return "".join(text.split())


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True)
class TextView:
    """A derived text plus, for each of its characters, the index of the source character."""

    text: str
    offsets: Sequence[int]  # a range when nothing was dropped
    original: str

    def index_at(self, original_offset: int) -> int:
        """First index of this view whose source offset is at or after ``original_offset``."""
        return bisect.bisect_left(self.offsets, original_offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of this view to a span of the original text."""
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        end = max(end, start + 1)
        return self.offsets[start], self.offsets[min(end, len(self.offsets)) - 1] + 1

    def quote(self, start: int, end: int) -> str:
        """The original text behind a span of this view."""
        o_start, o_end = self.span(start, end)
        return self.original[o_start:o_end]


_DROP = "\x00"  # stands for a character the view leaves out (never occurs in report text)


class _CharTable(dict[int, str]):
    """str.translate table computed on demand: every character maps to one character or _DROP."""

    def __missing__(self, code: int) -> str:
        mapped = _map_char(chr(code))
        value = mapped if len(mapped) == 1 else _DROP
        self[code] = value
        return value


_CHAR_TABLE = _CharTable()
_CR_RE = re.compile("\r")
_DROP_RUN_RE = re.compile(_DROP + "+")
# Same class as str.isspace: both use Python's Unicode whitespace test.
# Code-point tables for flat_view; every whitespace character (str.isspace) is below U+3001.
_TABLE_SIZE = 0x3002
_IS_SPACE = np.array([chr(code).isspace() for code in range(_TABLE_SIZE)])
_IS_SPACE[-1] = False  # stands for every code point above the table
_IS_WORD = np.array([_is_word_char(chr(code)) for code in range(_TABLE_SIZE)])
_IS_WORD[-1] = False


def line_view(original: str) -> TextView:
    """Character-level normalisation that keeps line structure (for sections and tables).

    One-to-one character mapping through ``str.translate`` (fast), then the dropped characters —
    page chrome, zero-width marks, the CR of a CRLF — are removed together with their offsets.
    """
    text = original.translate(_CHAR_TABLE)
    chrome = [match.span() for match in _CHROME_RE.finditer(original)]
    if chrome or "\r" in original:
        mapped = list(text)
        for start, end in chrome:
            mapped[start:end] = _DROP * (end - start)
        for match in _CR_RE.finditer(original):
            i = match.start()
            # CRLF keeps one line break; a lone CR is a line break.
            mapped[i] = _DROP if original[i + 1 : i + 2] == "\n" else "\n"
        text = "".join(mapped)
    if _DROP not in text:
        return TextView(text, range(len(text)), original)
    offsets: list[int] = []
    kept = 0
    for match in _DROP_RUN_RE.finditer(text):
        offsets.extend(range(kept, match.start()))
        kept = match.end()
    offsets.extend(range(kept, len(text)))
    return TextView(text.replace(_DROP, ""), offsets, original)


def flat_view(original: str, base: TextView | None = None) -> TextView:
    """Normalisation for sentence matching: whitespace and line breaks dropped between words.

    A whitespace run survives (as one space) only between two ASCII letters or digits, so
    ``近 3000 条`` becomes ``近3000条`` and ``主\\n\\n动公开`` becomes ``主动公开``. Pass the
    report's :func:`line_view` as ``base`` to avoid computing it twice.
    """
    base = base if base is not None else line_view(original)
    text = base.text
    if not text:
        return TextView(text, (), original)
    # Array arithmetic over code points: a report has thousands of whitespace runs (every table
    # cell ends in one), too many for a Python loop per run.
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    lookup = np.minimum(codes, _TABLE_SIZE - 1)
    space = _IS_SPACE[lookup]
    word = _IS_WORD[lookup]
    run_starts = np.flatnonzero(space & ~np.concatenate(([False], space[:-1])))
    non_space = np.flatnonzero(~space)
    if len(non_space) == 0:
        return TextView("", (), original)
    following = np.searchsorted(non_space, run_starts)
    after = non_space[np.minimum(following, len(non_space) - 1)]
    between_words = (run_starts > 0) & (following < len(non_space)) & word[np.maximum(run_starts - 1, 0)] & word[after]
    kept_spaces = run_starts[between_words]
    keep = ~space
    keep[kept_spaces] = True
    chars = codes.copy()
    chars[kept_spaces] = ord(" ")
    source = (
        np.arange(base.offsets.start, base.offsets.stop)
        if isinstance(base.offsets, range)
        else np.asarray(base.offsets)
    )
    flat_text = chars[keep].tobytes().decode("utf-32-le")
    return TextView(flat_text, source[keep].tolist(), original)
