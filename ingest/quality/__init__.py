"""Stage 5, quality: Great Expectations on the marts (what dbt's tests cannot say).

In: a built warehouse. Out: a validation outcome (pass/fail per expectation, readable failures) and
Data Docs.
"""

__all__: list[str] = []  # a stage package: its modules are the API
