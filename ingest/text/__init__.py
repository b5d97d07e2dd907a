"""Stage 2, text: the units every extractor works on, with offsets into the decoded text.

In: decoded text. Out: offset-preserving views (full-width → half-width, traditional → simplified,
no breaks inside words), top-level sections, sentences and clauses, numbers with their qualifiers,
and the splits of glued digit runs.
"""

__all__: list[str] = []  # a stage package: its modules are the API
