"""The standard template's tables 2–4, however a page flattened them.

In: a text view and its sections. Out: table cells (each with the rule that read it), the headline
metrics derived from them, and the tables' own checks (R1–R4, T1, T2 layout findings). Also which
template version a report follows (:mod:`.template`).
"""

__all__: list[str] = []  # a stage package: its modules are the API
