"""Sentences and clauses of the flat view, each tagged with the section it sits in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.records import Section
from ingest.text.normalize import TextView
from ingest.text.numbers import Quantity, iter_quantities

__all__ = ["Clause", "Sentence", "quantified_clauses", "split_sentences"]

_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_END = re.compile(r"[，,；;。！？!?]")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the flat view: its span, and the kinds of the section it belongs to."""

    start: int
    end: int
    kinds: frozenset[str]
    section: str


def split_sentences(view: TextView, sections: list[Section]) -> list[Sentence]:
    """Sentences never cross a section boundary (a heading without a full stop ends a sentence)."""
    text = view.text
    out: list[Sentence] = []
    for section in sections:
        start = view.index_at(section.start)
        end = view.index_at(section.end)
        kinds = frozenset(section.kind.split(","))
        cursor = start
        if section.heading:
            # The heading is a sentence of its own: its topic words (主动公开…) must not leak
            # into the first sentence of the body.
            found = text.find(section.heading, start, min(end, start + 80))
            if found >= 0:
                heading_end = found + len(section.heading)
                out.append(Sentence(start, heading_end, kinds, section.kind))
                cursor = heading_end
        for match in _SENTENCE_END.finditer(text, start, end):
            if match.end() > cursor:
                out.append(Sentence(cursor, match.end(), kinds, section.kind))
            cursor = match.end()
        if cursor < end:
            out.append(Sentence(cursor, end, kinds, section.kind))
    return out


def _iter_clauses(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """All clauses of a sentence as (start, end) spans without the delimiter."""
    spans: list[tuple[int, int]] = []
    cursor = sentence.start
    for match in _CLAUSE_END.finditer(text, sentence.start, sentence.end):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < sentence.end:
        spans.append((cursor, sentence.end))
    return spans


@dataclass(frozen=True)
class Clause:
    """A clause of a sentence with the quantities printed in it (parsed once, read by every rule)."""

    sentence: Sentence
    start: int
    end: int
    quantities: tuple[Quantity, ...]


def quantified_clauses(text: str, sentences: list[Sentence]) -> list[Clause]:
    """Every clause of every sentence, in reading order, with its quantities."""
    return [
        Clause(sentence, start, end, tuple(iter_quantities(text, start, end)))
        for sentence in sentences
        for start, end in _iter_clauses(text, sentence)
    ]
