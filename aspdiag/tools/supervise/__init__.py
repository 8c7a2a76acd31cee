"""``aspdiag run``: the user's own ascp command under supervision (progress, stalls, retries, state file)."""
