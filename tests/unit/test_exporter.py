"""The exporter without a network: the metrics of a report, the modules file, the scheduler's limits
(minimum interval, one check per target, bounded checks, scrape deadline), the endpoints and the bounded
HTTP server on loopback."""

import threading
import time
import urllib.error
import urllib.request
from dataclasses import replace

import pytest
from prometheus_client.parser import text_string_to_metric_families

from aspdiag.adapters.http_server import BoundedHTTPServer, parse_listen
from aspdiag.core.config import CheckConfig, validate_host
from aspdiag.core.errors import ConfigError
from aspdiag.engine.run import check
from aspdiag.monitor.exposition import Exporter, Response, budget_from
from aspdiag.monitor.modules import ExporterSettings, Module, parse_settings
from aspdiag.monitor.scheduler import Scheduler
from aspdiag.report.metrics import ProbeResult, probe_metrics
from tests.fakes import FAKE_ENVIRONMENT, FakeNetwork, FakeResolver, Rule, fake_context, resolved

NAME = "aspera.lab.test"
V4, V6 = "198.18.3.2", "2001:db8:3::2"
TARGET = validate_host(NAME)


def fake_report(rules=None):
    cfg = CheckConfig(target=TARGET, timeout_s=0.5)
    ctx = fake_context(FakeResolver(resolved(NAME, (V4,), (V6,))), None, FakeNetwork(rules=rules or {}))
    return check(cfg, ctx, FAKE_ENVIRONMENT)


@pytest.fixture(scope="module")
def ready():
    return fake_report()


@pytest.fixture(scope="module")
def udp_dropped():
    return fake_report({(None, "udp", 33001): Rule("drop", hop=2)})


def samples(text):
    """{(name, frozenset(labels)): value} of an exposition."""
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return out


def value(parsed, name, **labels):
    return parsed[(name, frozenset(labels.items()))]


# --------------------------------------------------------------------------- metrics


def test_metrics_of_a_ready_and_a_blocked_check(ready, udp_dropped):
    from aspdiag.monitor.exposition import probe_text

    good = samples(probe_text(probe_metrics(ProbeResult(ready), "default")).decode())
    assert value(good, "probe_success") == 1 and value(good, "aspera_udp_path_open") == 1
    assert value(good, "aspera_verdict", verdict="ready") == 1 and value(good, "aspera_verdict", verdict="blocked") == 0
    assert value(good, "aspera_port_open", address=V4, proto="udp", port="33001") == 1
    assert value(good, "aspera_rtt_seconds", address=V4) == pytest.approx(0.002)  # the fake's 2 ms, in seconds
    assert value(good, "aspera_probe_cached", reason="none") == 0
    bad = samples(probe_text(probe_metrics(ProbeResult(udp_dropped, 12.0, True, "min-interval"), "m")).decode())
    assert value(bad, "probe_success") == 0 and value(bad, "aspera_udp_path_open") == 0
    assert value(bad, "aspera_tcp_path_open") == 1
    assert value(bad, "aspera_port_blocked_after_hop", address=V4, proto="udp", port="33001") == 2
    assert (
        value(bad, "aspera_probe_cached", reason="min-interval") == 1 and value(bad, "aspera_result_age_seconds") == 12
    )
    none = samples(probe_text(probe_metrics(ProbeResult(None, reason="busy", cached=True), "m")).decode())
    assert value(none, "probe_success") == 0 and value(none, "aspera_probe_error", reason="busy") == 1


def test_metric_names_follow_the_conventions(ready):
    for metric in probe_metrics(ProbeResult(ready), "default"):
        assert metric.name.startswith(("probe_", "aspera_")), metric.name
        assert not any(unit in metric.name for unit in ("_ms", "_mbps", "bits", "_milliseconds")), metric.name
        assert metric.help.strip()


def test_slow_measurements_say_they_are_cached(ready):
    from aspdiag.measurements.capacity.result import CapacityResult

    capacity = CapacityResult(
        V4, "ipv4", "ok", "udp-icmp", 33001, 1200, 100.0, 10, 10, 12000, 80.0, 40.0, False, None, False, "high",
        False, "", 1.0,
    )  # fmt: skip
    slow = replace(ready, sections={**ready.sections, "capacities": (capacity,)})
    metrics = {m.name: m for m in probe_metrics(ProbeResult(ready, slow=slow, slow_age_s=30.0), "default")}
    bandwidth = metrics["aspera_bandwidth_bytes_per_second"]
    assert "Cached" in bandwidth.help and bandwidth.samples[0][1] == 40.0 * 1e6 / 8
    assert metrics["aspera_slow_measurement_age_seconds"].samples[0][1] == 30.0


# --------------------------------------------------------------------------- modules


def test_modules_file():
    settings = parse_settings(
        "[exporter]\nmax_checks = 2\n[modules.lab]\nssh_ports = [2222]\nudp_ports = [33001]\nmin_interval = 5\n"
        "bandwidth = true\ncache = 600\n",
        "x.toml",
    )
    lab = settings.modules["lab"]
    assert settings.max_checks == 2 and lab.ssh_ports == (2222,) and lab.bandwidth and lab.cache == 600
    assert not lab.path and lab.method == "socket"
    assert ExporterSettings().modules["default"].min_interval == 60


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[modules.a]\nssh_port = [22]\n", "unknown key 'ssh_port'"),
        ("[modules.a]\nssh_ports = [0]\n", "out of range"),
        ("[modules.a]\ntimeout = -1\n", "out of range"),
        ("[modules.a]\nbandwidth = 'yes'\n", "true or false"),
        ("[exporter]\nworkers = 0\n", "out of range"),
        ("[exporter\n", "not valid TOML"),
        ("[other]\n", "unknown table"),
        ("[modules.a]\nmethod = 'magic'\n", "magic"),
    ],
)
def test_bad_modules_file_is_one_clear_error(text, needle):
    with pytest.raises(ConfigError, match=needle):
        parse_settings(text, "x.toml")


def test_check_timeouts_fit_the_scrape_budget():
    module = Module()
    config = module.check_config(TARGET, 9.0, slow=False)
    assert (config.timeout_s, config.dns_timeout_s) == (3.0, 2.0)
    tight = module.check_config(TARGET, 2.5, slow=True)
    assert tight.timeout_s == 0.5 and tight.dns_timeout_s == 0.625 and not tight.bandwidth
    assert Module(bandwidth=True).check_config(TARGET, 9.0, slow=True).bandwidth


HEADER = "X-Prometheus-Scrape-Timeout-Seconds"


@pytest.mark.parametrize(
    ("headers", "budget"),
    [({}, 9.0), ({HEADER: "4"}, 3.6), ({HEADER.lower(): "1"}, 0.75), ({HEADER: "nan"}, 9.0), ({HEADER: "x"}, 9.0)],
)
def test_budget_from_the_scrape_timeout(headers, budget):
    assert budget_from(headers) == pytest.approx(budget)


# --------------------------------------------------------------------------- scheduler


class FakeRun:
    """A check that takes ``seconds`` and counts how often it ran, per target."""

    def __init__(self, report, seconds=0.0):
        self.report, self.seconds = report, seconds
        self.calls: list[CheckConfig] = []
        self.lock = threading.Lock()
        self.concurrent = 0
        self.peak = 0

    def __call__(self, config):
        with self.lock:
            self.calls.append(config)
            self.concurrent += 1
            self.peak = max(self.peak, self.concurrent)
        time.sleep(self.seconds)
        with self.lock:
            self.concurrent -= 1
        return self.report


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_minimum_interval_serves_the_cached_result(ready):
    run, clock = FakeRun(ready), Clock()
    scheduler = Scheduler(run, clock=clock)
    module = Module(min_interval=60)
    first, outcome = scheduler.probe(module, TARGET, 5)
    assert outcome == "checked" and not first.cached and first.report is ready
    clock.now += 30
    second, outcome = scheduler.probe(module, TARGET, 5)
    assert outcome == "cached" and second.cached and second.reason == "min-interval" and second.age_s == 30
    clock.now += 31
    assert scheduler.probe(module, TARGET, 5)[1] == "checked"
    assert len(run.calls) == 2


def test_a_hundred_concurrent_scrapes_run_one_check(ready):
    run = FakeRun(ready, seconds=0.3)
    scheduler = Scheduler(run, max_checks=4)
    module = Module(min_interval=60)
    outcomes: list[str] = []
    lock = threading.Lock()

    def scrape():
        result, outcome = scheduler.probe(module, TARGET, 5)
        assert result.report is ready
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=scrape) for _ in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(run.calls) == 1 and outcomes.count("checked") == 1
    assert set(outcomes) <= {"checked", "shared", "cached"}


def test_checks_at_once_are_bounded_and_excess_is_busy_at_once(ready):
    run = FakeRun(ready, seconds=0.5)
    scheduler = Scheduler(run, max_checks=2)
    module = Module(min_interval=60)
    results = {}

    def scrape(host):
        started = time.monotonic()
        results[host] = (*scheduler.probe(module, validate_host(host), 5), time.monotonic() - started)

    hosts = [f"h{i}.example" for i in range(6)]
    threads = [threading.Thread(target=scrape, args=(h,)) for h in hosts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert run.peak <= 2 and len(run.calls) == 2
    busy = [r for r in results.values() if r[1] == "busy"]
    assert len(busy) == 4 and all(r[0].report is None and r[0].reason == "busy" for r in busy)


def test_the_scrape_deadline_is_kept_and_the_check_goes_on(ready):
    run = FakeRun(ready, seconds=0.6)
    scheduler = Scheduler(run)
    module = Module(min_interval=0)
    started = time.monotonic()
    result, outcome = scheduler.probe(module, TARGET, 0.1)
    assert outcome == "timeout" and result.report is None and time.monotonic() - started < 0.5
    # The next scrape waits for the same check (no second one) and gets its result.
    result, outcome = scheduler.probe(module, TARGET, 2)
    assert outcome == "shared" and result.report is ready and len(run.calls) == 1


def test_a_failing_check_is_reported_and_not_retried(ready):
    calls = []

    def broken(config):
        calls.append(config)
        raise RuntimeError("no route")

    clock = Clock()
    scheduler = Scheduler(broken, clock=clock)
    module = Module(min_interval=60)
    result, outcome = scheduler.probe(module, TARGET, 2)
    assert outcome == "error" and result.report is None and "no route" in result.reason
    assert scheduler.probe(module, TARGET, 2)[1] == "error" and len(calls) == 1


def test_slow_measurements_run_once_per_cache_lifetime(ready):
    run, clock = FakeRun(ready), Clock()
    scheduler = Scheduler(run, clock=clock)
    module = Module(min_interval=10, bandwidth=True, cache=100)
    for _ in range(5):
        scheduler.probe(module, TARGET, 5)
        clock.now += 30
    assert [c.bandwidth for c in run.calls] == [True, False, False, False, True]
    assert not any(c.capacity for c in run.calls)  # the stream through the SSH port, not packet trains
    result, _ = scheduler.probe(module, TARGET, 5)
    assert result.slow is ready and result.slow_age_s is not None


def test_kept_targets_are_bounded(ready):
    scheduler = Scheduler(FakeRun(ready), max_targets=5)
    for i in range(20):
        scheduler.probe(Module(), validate_host(f"h{i}.example"), 2)
    assert scheduler.targets == 5


# --------------------------------------------------------------------------- endpoints and the server


def test_endpoints(ready):
    exporter = Exporter(ExporterSettings(), Scheduler(FakeRun(ready)))
    answer = exporter.handle("/probe", {"target": [NAME]}, {})
    assert answer.status == 200 and b"probe_success 1.0" in answer.body
    assert exporter.handle("/probe", {"target": ["a;b"]}, {}).status == 400
    assert exporter.handle("/probe", {"target": [NAME], "module": ["nope"]}, {}).status == 400
    assert exporter.handle("/probe", {}, {}).status == 400
    own = samples(exporter.handle("/metrics", {}, {}).body.decode())
    assert value(own, "aspdiag_exporter_scrapes_total", module="default", outcome="checked") == 1
    assert value(own, "aspdiag_exporter_scrapes_total", module="", outcome="bad-request") == 1
    assert ("process_resident_memory_bytes", frozenset()) in own
    assert exporter.handle("/nothing", {}, {}).status == 404


def test_one_open_ssh_port_is_an_open_tcp_path():
    """A server on 33001 only (22 closed), UDP dropped: aspera_tcp_path_open is 1 (ascp needs one control port),
    so the shipped 'UDP lost while TCP works' alert can fire (it read 0 and the alert stayed silent)."""
    from aspdiag.monitor.exposition import probe_text

    cfg = CheckConfig(target=TARGET, timeout_s=0.5)
    network = FakeNetwork(tcp_listening={33001}, rules={(None, "udp", 33001): Rule("drop", hop=2)})
    ctx = fake_context(FakeResolver(resolved(NAME, (V4,), (V6,))), None, network)
    got = samples(probe_text(probe_metrics(ProbeResult(check(cfg, ctx, FAKE_ENVIRONMENT)), "m")).decode())
    assert value(got, "aspera_tcp_path_open") == 1 and value(got, "aspera_udp_path_open") == 0
    assert value(got, "aspera_udp_path_blocked") == 1


def test_listen_addresses():
    assert parse_listen("127.0.0.1:9833") == ("127.0.0.1", 9833)
    assert parse_listen("[::1]:9833") == ("::1", 9833)
    for bad in ("localhost:9833", "127.0.0.1", "1.2.3.4:0", "1.2.3.4:x", "[::1:9833", "::1:9833", "[127.0.0.1]:80"):
        with pytest.raises(ConfigError):
            parse_listen(bad)


def test_the_http_server_keeps_its_threads_and_sheds_load():
    gate = threading.Event()

    def handle(path, query, headers):
        gate.wait(5)
        return Response(200, "text/plain", b"ok\n")

    before = threading.active_count()
    server = BoundedHTTPServer(("127.0.0.1", 0), handle, workers=4, max_pending=8)
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    serving.start()
    codes: list[int] = []
    peak = 0

    def get():
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/x", timeout=10) as answer:
                codes.append(answer.status)
        except urllib.error.HTTPError as exc:
            codes.append(exc.code)

    clients = [threading.Thread(target=get) for _ in range(40)]
    for c in clients:
        c.start()
    time.sleep(0.5)
    peak = threading.active_count() - len([c for c in clients if c.is_alive()])
    gate.set()
    for c in clients:
        c.join()
    server.shutdown()
    server.server_close()
    assert peak - before <= 4 + 1  # the workers and the serving thread, whatever the number of clients
    assert codes.count(200) >= 12 and codes.count(503) >= 1 and len(codes) == 40


def _exporter(*args: str):
    import subprocess
    import sys

    return subprocess.Popen(
        [sys.executable, "-m", "aspdiag", "exporter", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_exporter_cannot_listen_on_a_port_in_use():
    """A port already taken: one line and exit 2 (was: exit 3, 'object has no attribute _workers')."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        proc = _exporter("--listen", f"127.0.0.1:{taken.getsockname()[1]}")
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    assert out == "" and len(err.strip().splitlines()) <= 2 and "cannot listen" in err, err
    assert "Traceback" not in err and "_workers" not in err


@pytest.mark.parametrize(("signum", "code"), [("SIGTERM", 0), ("SIGINT", 130)])
def test_the_exporter_stops_as_a_service_should(signum, code):
    """systemctl stop sends SIGTERM: exit 0 and a stop line (was: 130, no line); Ctrl-C: 130."""
    import signal
    import socket

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    proc = _exporter("--listen", f"127.0.0.1:{port}")
    try:
        assert proc.stderr is not None
        assert "listening" in proc.stderr.readline()
        proc.send_signal(getattr(signal, signum))
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == code, err
    assert f"stopped ({signum})" in err and "Traceback" not in err, err
