"""Contact details a report gives for its disclosure office: address, postcode, phone, email, website."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.text.normalize import TextView, squeeze

__all__ = ["Contact", "extract_contact"]

# Also 联系地址 / 通讯地址 / 办公地址: a word before 地址 does not change the value, and starting at the
# literal lets the search skip ahead instead of trying every position.
_ADDRESS_RE = re.compile(r"地址\s*[:：]\s*(?P<v>[^，,；;。)）\n|]{4,60})")
_POSTCODE_RE = re.compile(r"(?:邮\s*编|邮政编码)\s*[:：]?\s*(?P<v>\d{6})(?!\d)")
_PHONE_RE = re.compile(
    r"(?:电话|热线|联系方式)(?:号码)?\s*[:：]?\s*(?P<v>(?:\(?0\d{2,3}\)?\s*[-—－]?\s*)?\d{7,8}(?:[-—－转]\d{1,5})?)(?!\d)"
)
_EMAIL_RE = re.compile(r"(?P<v>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")
_URL_RE = re.compile(r"(?P<v>(?:https?://|www\.)[A-Za-z0-9][A-Za-z0-9.\-]*\.[A-Za-z]{2,}(?:/[A-Za-z0-9._~/?=&%#-]*)?)")


@dataclass(frozen=True)
class Contact:
    """Contact attributes as printed (None where the report does not give one)."""

    address: str | None = None
    postcode: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None


def _first(pattern: re.Pattern[str], flat: TextView) -> str | None:
    match = pattern.search(flat.text)
    if match is None:
        return None
    return squeeze(flat.quote(match.start("v"), match.end("v"))).rstrip(".") or None


def extract_contact(flat: TextView) -> Contact:
    """The first address / postcode / phone / email / website the report prints (quoted from the original)."""
    website = _first(_URL_RE, flat)
    return Contact(
        address=_first(_ADDRESS_RE, flat),
        postcode=_first(_POSTCODE_RE, flat),
        phone=_first(_PHONE_RE, flat),
        email=_first(_EMAIL_RE, flat) if "@" in flat.text else None,  # the pattern is slow to fail on each word
        website=website,
    )
