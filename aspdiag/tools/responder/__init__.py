"""``aspdiag responder``: the optional cooperating far end beside an Aspera server (protocol, limits,
statistics, session logic; all pure)."""
