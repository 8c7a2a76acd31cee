"""The report as a document: its JSON codec and schema, redaction, and the files reports are written to."""
