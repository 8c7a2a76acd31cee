"""Everything about IBM Aspera's ascp: finding it, reading its version, running a capped test transfer, and
understanding what it prints (pure parsers and the FASP error table, kept as data)."""
