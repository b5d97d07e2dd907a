"""`python -m ingest.devtools.sample N --seed S --out DIR`: write N synthetic reports and print the rate."""

from ingest.devtools.sample.generate import main

main()
