"""Who reported and where: the agency concept in one place.

In: the report's lines and flat text. Out: the agency's name as printed (:mod:`.names`), its type and
administrative level (:mod:`.types`), and its region resolved against the GB/T 2260 gazetteer
(:mod:`.regions`).
"""
