"""Probes: each one measures one thing through the injected adapters and returns a frozen result."""
