"""Bytes to text: BOM, UTF-16 by NUL pattern, strict UTF-8, then GB18030 vs Big5 by plausibility.

The encoding is always recorded and never guessed silently: when legacy bytes decode under both
GB18030 and Big5 (they overlap), the one whose text is made of common Chinese characters wins;
only when neither fits does charset-normalizer's detection decide, and its name is recorded.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

__all__ = ["DecodeError", "decode_bytes", "decode_legacy"]


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Frequent characters of Chinese official prose, simplified and traditional. Text decoded with the
# wrong legacy codec is mostly rare characters, so the share of these tells GB18030 from Big5.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向"
    "道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件"
    "长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研"
    "信息申请报告情况工作办依收费复议诉讼开展加强领导规范局委县市省镇街道网站平台栏目主动受理答复予以万元件项"
    "個這為們時來國發過說會對經現實點從業應開還與關數間樣體無係條問題黨結設總處長參資導據權術區報請況辦議訴訟規範"
    "網區縣鎮街內務單據產動醫療衛萬歲級歷屆務門頁"
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode report bytes; return ``(text, encoding)``.

    Order: BOM; UTF-16/32 without BOM (NUL-byte pattern); strict UTF-8; GB18030 and Big5 scored
    by how Chinese the result reads; charset-normalizer last. Raises :class:`DecodeError` when
    nothing fits or the bytes look binary.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name)
            if text is None:
                raise DecodeError(f"starts with a {name} byte-order mark but is not valid {name}")
            return text.lstrip("\ufeff"), name.replace("-sig", "")
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        return _detect(data)
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    return decode_legacy(data)


def decode_legacy(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Chinese legacy encodings: GB18030 (⊇ GBK ⊇ GB2312) or Big5, chosen by plausibility.

    ``declared`` (an HTML meta charset) is tried first and kept when it decodes strictly.
    """
    if declared:
        name = _normalize_encoding(declared)
        if name is not None:
            text = _strict(data, name)
            if text is not None:
                return text, name
    candidates = [(name, text) for name in ("gb18030", "big5") if (text := _strict(data, name)) is not None]
    if len(candidates) == 1:
        return candidates[0][1], candidates[0][0]
    if candidates:
        scored = sorted(candidates, key=lambda c: -_common_share(c[1]))
        return scored[0][1], scored[0][0]
    return _detect(data)


def _normalize_encoding(label: str) -> str | None:
    """A declared charset label as a Python codec name (gb2312/gbk → gb18030); None if unknown."""
    label = label.strip().strip("\"'").lower()
    if label in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn"):
        return "gb18030"
    if label in ("big5", "big5-hkscs", "x-big5", "cp950"):
        return "big5"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: the byte order whose text reads as ASCII and common Chinese wins.

    (NUL parity alone does not tell: 一 is U+4E00, so Chinese text has NULs at both parities.)
    """
    best: tuple[float, str, str] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        text = _strict(data[: len(data) - len(data) % 2], name)
        if text is None or _control_ratio(text) > 0.05:
            continue
        sample = text[:20000]
        readable = sum(1 for ch in sample if (ch.isascii() and (ch.isprintable() or ch.isspace())) or ch in _COMMON)
        score = readable / max(1, len(sample))
        if score > 0.5 and (best is None or score > best[0]):
            best = (score, text, name)
    return (best[1], best[2]) if best else None


def _common_share(text: str) -> float:
    cjk = [ch for ch in text[:20000] if ord(ch) > 0x2E80]
    if not cjk:
        return 0.0
    return sum(1 for ch in cjk if ch in _COMMON) / len(cjk)


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
