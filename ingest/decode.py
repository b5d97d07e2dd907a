"""Bytes to text: BOM-aware UTF-8/UTF-16, then GB18030, then detection — the encoding is always recorded."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode report bytes; return ``(text, encoding)``.

    UTF-8 first (strict), then GB18030 (a superset of GBK/GB2312, the usual legacy encoding), then
    charset-normalizer's best guess (Big5 and others). Raises :class:`DecodeError` when nothing fits.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name.replace("-sig", "")
    if b"\x00" in data[:4096]:
        # NUL bytes without a BOM: UTF-16 without BOM or binary; let detection decide.
        return _detect(data)
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("bytes are not text in any supported encoding")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise DecodeError(f"bytes look binary (detected {best.encoding}, too many control characters)")
    return text, best.encoding


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)
