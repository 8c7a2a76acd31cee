"""What aspdiag knows about ascp and FASP, shared by the measurements and the tools: the documented output
formats and their parsers, the FASP error table, the credential variables, and ascp's install locations."""
