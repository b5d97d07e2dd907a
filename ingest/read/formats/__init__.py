"""Format readers: HTML, Word (.docx, legacy .doc/.wps) and PDF to report text (see ``ingest.read.readers``)."""
