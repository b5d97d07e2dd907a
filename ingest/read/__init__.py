"""Stage 1, read: a file's bytes become decoded text.

In: a path and its bytes (txt, md, html, docx, doc/wps, pdf). Out: :class:`Document` (text, format,
encoding, page starts, the page's metadata box) or :class:`ReadError` with a reason a person can act on.
"""

__all__: list[str] = []  # a stage package: its modules are the API
