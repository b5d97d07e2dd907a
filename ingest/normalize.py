"""Normalised views of a report text whose every character maps back to the original.

Matching runs on normalised text (half-width digits and punctuation, no spaces or line breaks inside
words); evidence and offsets are always taken from the original text through :class:`TextView`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True)
class TextView:
    """A derived text plus, for each of its characters, the index of the source character."""

    text: str
    offsets: tuple[int, ...]
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
_SPACE_RUN_RE = re.compile(r"\s+")


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
        return TextView(text, tuple(range(len(text))), original)
    offsets: list[int] = []
    kept = 0
    for match in _DROP_RUN_RE.finditer(text):
        offsets.extend(range(kept, match.start()))
        kept = match.end()
    offsets.extend(range(kept, len(text)))
    return TextView(text.replace(_DROP, ""), tuple(offsets), original)


def flat_view(original: str, base: TextView | None = None) -> TextView:
    """Normalisation for sentence matching: whitespace and line breaks dropped between words.

    A whitespace run survives (as one space) only between two ASCII letters or digits, so
    ``近 3000 条`` becomes ``近3000条`` and ``主\\n\\n动公开`` becomes ``主动公开``. Pass the
    report's :func:`line_view` as ``base`` to avoid computing it twice.
    """
    base = base if base is not None else line_view(original)
    text = base.text
    source = base.offsets
    parts: list[str] = []
    offsets: list[int] = []
    kept = 0
    for match in _SPACE_RUN_RE.finditer(text):
        start, end = match.span()
        parts.append(text[kept:start])
        offsets.extend(source[kept:start])
        if start > 0 and end < len(text) and _is_word_char(text[start - 1]) and _is_word_char(text[end]):
            parts.append(" ")
            offsets.append(source[start])
        kept = end
    parts.append(text[kept:])
    offsets.extend(source[kept:])
    return TextView("".join(parts), tuple(offsets), original)
