"""Legacy Word (.doc) and WPS (.wps) files: converted by antiword, else catdoc (Debian packages).

Both are installed by ``make system-deps``. Without them, or when both fail, the file is
quarantined with the one-line conversion command that turns it into something we read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ingest.read.decode import DecodeError, decode_bytes
from ingest.read.formats.base import Document, ReadError

__all__ = ["read_legacy_word"]

_CONVERT_HINT = "convert it with `soffice --headless --convert-to docx FILE` (or `antiword FILE > FILE.txt`)"
_TIMEOUT_S = 60


def read_legacy_word(data: bytes, fmt: str) -> Document:
    """Text of a binary Word/WPS document via antiword (tables as ``|`` rows) or catdoc."""
    if not data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(f"not an OLE2 Word/WPS document (bad signature); {_CONVERT_HINT}")
    converters = (("antiword", ["antiword", "-w", "0", "-m", "UTF-8.txt"]), ("catdoc", ["catdoc", "-d", "utf-8", "-w"]))
    tools = [(name, cmd) for name, cmd in converters if shutil.which(name)]
    if not tools:
        raise ReadError(f".{fmt} needs antiword or catdoc (run `make system-deps`), or {_CONVERT_HINT}")
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"input.{fmt}")
        with open(path, "wb") as handle:
            handle.write(data)
        for name, cmd in tools:
            try:
                done = subprocess.run([*cmd, path], capture_output=True, timeout=_TIMEOUT_S, check=False)
            except subprocess.TimeoutExpired:
                failures.append(f"{name} timed out after {_TIMEOUT_S}s")
                continue
            if done.returncode != 0 or not done.stdout.strip():
                message = done.stderr.decode("utf-8", "replace").strip().splitlines()
                failures.append(f"{name} failed ({message[-1] if message else f'exit {done.returncode}'})")
                continue
            try:
                text, _encoding = decode_bytes(done.stdout)
            except DecodeError as exc:
                failures.append(f"{name} output is not text ({exc})")
                continue
            return Document(text=text.replace("\f", "\n"), format=fmt, encoding=f"{name}:{_encoding}")
    raise ReadError(f"cannot convert .{fmt}: {'; '.join(failures)}; {_CONVERT_HINT}")
