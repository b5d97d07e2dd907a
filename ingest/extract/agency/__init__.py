"""Who reported and where: the agency concept in one place.

In: the report's lines and flat text (and the title line the title finder chose). Out: the reporting
body's name in simplified characters (:mod:`.names`; :mod:`ingest.extract.metadata` quotes it back as
printed), its type and administrative level (:mod:`.types`), and its region resolved against the GB/T 2260
gazetteer (:mod:`.regions`). :mod:`ingest.extract.metadata` asks for the name, :mod:`ingest.extract.report`
for type, level and region.
"""

__all__ = []  # a package: its modules (names, types, regions) are the API
