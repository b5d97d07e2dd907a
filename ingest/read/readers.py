"""Readers: one interface from a file on disk to decoded text, whatever the format.

Each reader returns a :class:`Document`; a file no reader can handle raises :class:`ReadError`
with a reason the user can act on. The format comes from the extension, but the bytes are sniffed
first: a ``.doc`` that is really an HTML page or a ``.docx`` (common on government sites) is read
as what it is, and the format recorded is the one actually read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ingest.read.decode import DecodeError, decode_bytes
from ingest.read.formats.base import Document, ReadError
from ingest.read.formats.docx import read_docx
from ingest.read.formats.html import read_html
from ingest.read.formats.legacy import read_legacy_word
from ingest.read.formats.pdf import read_pdf

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "TEXT_READER_FORMATS",
    "Document",
    "ReadError",
    "file_format",
    "read_document",
    "sniff_format",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


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
    "html": read_html,
    "htm": read_html,
    "shtml": read_html,
    "xhtml": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
    "doc": read_legacy_word,
    "wps": read_legacy_word,
}
# Formats read character by character from text (plain text, markdown, HTML): their size is
# bounded more tightly than binary containers (see ingest.land.admission).
TEXT_READER_FORMATS = frozenset(fmt for fmt, reader in READERS.items() if reader in (read_text_file, read_html))
# Formats users have that no reader handles: quarantined with what to do instead.
UNSUPPORTED_HINTS = {
    "rtf": "save it as .docx or .txt",
    "odt": "save it as .docx (`soffice --headless --convert-to docx FILE`)",
    "xls": "tables in spreadsheets are not reports; export the report as .pdf or .docx",
    "xlsx": "tables in spreadsheets are not reports; export the report as .pdf or .docx",
    "ofd": "export it as PDF from an OFD reader",
    "zip": "unpack the archive and ingest its folder",
    "rar": "unpack the archive and ingest its folder",
    "jpg": "an image needs OCR first (e.g. `ocrmypdf`)",
    "png": "an image needs OCR first (e.g. `ocrmypdf`)",
}
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<meta|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


def file_format(path: Path) -> str:
    """The format name of a file, from its extension (``txt``, ``md``, ``pdf``…)."""
    return path.suffix.lower().lstrip(".") or "(none)"


def sniff_format(data: bytes, fmt: str) -> str:
    """The format the bytes really are, when their signature contradicts the extension."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or fmt == "docx" else fmt
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return fmt if fmt in ("doc", "wps") else "doc"
    if fmt not in ("html", "htm", "shtml", "xhtml") and _HTML_START.match(head):
        return "html"
    return fmt


def read_document(path: Path, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Turn file bytes into a :class:`Document`, or raise :class:`ReadError` saying why not."""
    fmt = file_format(path)
    if len(data) == 0:
        raise ReadError(f"{path}: empty file (0 bytes)")
    if len(data) > max_bytes:
        raise ReadError(f"{path}: file is {len(data):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
    actual = sniff_format(data, fmt)
    reader = READERS.get(actual)
    if reader is None:
        hint = UNSUPPORTED_HINTS.get(actual, "convert it to .txt, .html, .docx or .pdf")
        raise ReadError(f"{path}: unsupported file type '.{actual}': {hint}")
    try:
        document = reader(data, actual)
    except ReadError as exc:
        raise ReadError(f"{path}: {exc}") from exc
    except RecursionError as exc:
        raise ReadError(f"{path}: .{actual} structure is nested too deeply to read") from exc
    except Exception as exc:
        raise ReadError(f"{path}: cannot read as .{actual} ({type(exc).__name__}: {exc})") from exc
    if not document.text.strip():
        raise ReadError(f"{path}: no text after reading it as .{actual} ({document.encoding or 'binary'})")
    return document
