"""``aspdiag exporter``: a Prometheus multi-target exporter in blackbox_exporter's style. ``modules`` reads
the modules file, ``scheduler`` decides when a target is really checked (per-target minimum interval, one
check per target at a time, a bounded number of checks at once, answers within the scrape timeout),
``exposition`` turns results into the text format with prometheus-client. The HTTP server is an adapter
(``aspdiag.adapters.http_server``); the CLI wires them."""
