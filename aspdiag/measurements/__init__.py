"""One package per measurement. Each exports ``MEASUREMENT`` (see ``aspdiag.core.measurement``): its result
types, the I/O port it needs, its pure logic, its probe, its findings, its report section and its progress
line live together. Measurement packages never import each other; what one needs from another comes
through ``aspdiag.core.facts``."""
