"""`python -m ingest.sample N --seed S --out DIR`: write N synthetic reports and print the rate."""

from ingest.sample.generate import main

main()
