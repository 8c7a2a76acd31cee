"""The shared vocabulary: the report model, the measurement protocol, facts passed between measurements,
the codec, configuration, errors and exit codes. Nothing here does I/O or names a measurement."""
