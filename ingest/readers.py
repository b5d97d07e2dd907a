"""Readers: one interface from a file on disk to decoded text, whatever the format.

Each reader returns a :class:`Document`; a file no reader can handle raises :class:`ReadError`
with a reason the user can act on. HTML, Word and PDF readers plug in here (see ``READERS``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.decode import DecodeError, decode_bytes

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class ReadError(ValueError):
    """A file that cannot be turned into report text; the message names the problem."""


@dataclass(frozen=True)
class Document:
    """Decoded report text and how it was obtained."""

    text: str
    format: str
    encoding: str | None


def read_text_file(data: bytes, fmt: str) -> Document:
    """Plain text and markdown: decode, nothing else (normalisation happens in parsing)."""
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        raise ReadError(str(exc)) from exc
    return Document(text=text, format=fmt, encoding=encoding)


Reader = Callable[[bytes, str], Document]
READERS: dict[str, Reader] = {
    "txt": read_text_file,
    "text": read_text_file,
    "md": read_text_file,
    "markdown": read_text_file,
}
# Formats users have that a later reader will handle; until then they are quarantined by name.
KNOWN_UNSUPPORTED = {"html", "htm", "shtml", "docx", "doc", "wps", "pdf", "rtf", "odt", "xls", "xlsx"}


def file_format(path: Path) -> str:
    """The format name of a file, from its extension (``txt``, ``md``, ``pdf``…)."""
    return path.suffix.lower().lstrip(".") or "(none)"


def read_document(path: Path, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Turn file bytes into a :class:`Document`, or raise :class:`ReadError` saying why not."""
    fmt = file_format(path)
    if len(data) == 0:
        raise ReadError(f"{path}: empty file (0 bytes)")
    if len(data) > max_bytes:
        raise ReadError(f"{path}: file is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    reader = READERS.get(fmt)
    if reader is None:
        if fmt in KNOWN_UNSUPPORTED:
            raise ReadError(f"{path}: .{fmt} files are not supported yet (convert to text first)")
        raise ReadError(f"{path}: unsupported file type '.{fmt}'")
    try:
        document = reader(data, fmt)
    except ReadError as exc:
        raise ReadError(f"{path}: {exc}") from exc
    if not document.text.strip():
        raise ReadError(f"{path}: no text after decoding ({document.encoding})")
    return document
