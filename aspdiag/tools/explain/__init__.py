"""``aspdiag explain``: diagnose failed, stalled or slow transfers from ascp output and logs."""
