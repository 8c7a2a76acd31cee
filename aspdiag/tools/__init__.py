"""The tools beside ``check``: ``explain`` (logs), ``catalog`` (downloaded trees), ``watch`` (a growing
directory), ``supervise`` (``aspdiag run``) and the ``responder`` far end. Pure logic; their I/O is in
``aspdiag.adapters`` and their commands in ``aspdiag.cli``."""
