"""What every format reader returns, the error it raises, and the shared table-to-text rendering."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Document", "ReadError", "cell_text", "render_rows"]


class ReadError(ValueError):
    """A file that cannot be turned into report text; the message names the problem and what to do."""


@dataclass(frozen=True)
class Document:
    """Decoded report text and how it was obtained.

    ``page_starts[i]`` is the offset in ``text`` where page ``i + 1`` begins (PDF only; empty when
    the format has no pages). ``metadata`` holds what the publisher printed about the document
    outside its body (索引号, 发布机构, 发文日期, 标题 of a web page), keyed by the printed label.
    """

    text: str
    format: str
    encoding: str | None
    page_starts: tuple[int, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)

    def page_of(self, offset: int) -> int | None:
        """1-based page number holding ``offset`` (None when the document has no pages)."""
        if not self.page_starts:
            return None
        lo, hi = 0, len(self.page_starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.page_starts[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return max(lo, 1)


_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_BREAK_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s*\n\s*|\s*\n\s*(?=[{_CJK}])")


def cell_text(text: str | None) -> str:
    """One table cell on one line: breaks inside CJK text vanish, other breaks become spaces."""
    if not text:
        return ""
    text = text.replace("\r", "\n").replace("\u00a0", " ").replace("|", "｜")
    text = _BREAK_BETWEEN_CJK.sub("", text.strip())
    return re.sub(r"\s*\n\s*|[ \t]{2,}", " ", text).strip()


def render_rows(rows: Sequence[Sequence[str]]) -> str:
    """A table as ``|``-separated rows, one row a line (the presentation ``ingest.extract.tables.reader`` parses)."""
    lines = []
    for row in rows:
        cells = [cell_text(c) for c in row]
        if not any(cells):
            continue
        lines.append(" | ".join(cells))
    return "\n".join(lines)
