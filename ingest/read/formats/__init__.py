"""Format readers: HTML, Word (.docx, legacy .doc/.wps) and PDF to report text (see ``ingest.read.readers``).

In: a file's bytes in one format. Out: a :class:`~ingest.read.formats.base.Document` (text, page starts,
the page's metadata box) or a :class:`~ingest.read.formats.base.ReadError` saying why not.
"""

__all__: list[str] = []
