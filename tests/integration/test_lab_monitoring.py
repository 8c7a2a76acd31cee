"""History and monitoring in the lab: two checks across a firewall change produce the 'changes' section; a
real Prometheus (Debian's package) scrapes the exporter while the perimeter firewall changes; 100
concurrent scrapes keep the exporter's threads and memory bounded and leave no penalty on a current
OpenSSH with default settings.

Everything runs in the lab's client namespace (exporter and Prometheus on its loopback); the firewall is
restored by the ``fw`` fixture.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, SAFE_PATH, run_aspdiag
from tests.lab import Lab, which
from tests.lab import sshd as lab_sshd
from tests.lab.scenarios import drop
from tests.lab.sshd import Sshd, poke

EXPORTER_PORT = 19833
PROMETHEUS_PORT = 19090
PENALTY_PORT = 2223
WAIT_S = 90.0
"""How long Prometheus may take to show a firewall change (generous: the machine may be loaded)."""

FETCH = """
import json, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=20) as answer:
    sys.stdout.write(answer.read().decode())
"""

SCRAPERS = """
import json, sys, threading, urllib.request, urllib.error
url, count = sys.argv[1], int(sys.argv[2])
results = []
lock = threading.Lock()
def scrape():
    request = urllib.request.Request(url, headers={"X-Prometheus-Scrape-Timeout-Seconds": "10"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            status, body = answer.status, answer.read().decode()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, ""
    success = [l.split()[-1] for l in body.splitlines() if l.startswith("probe_success ")]
    with lock:
        results.append({"status": status, "probe_success": success[0] if success else None})
threads = [threading.Thread(target=scrape) for _ in range(count)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps(results))
"""


def fetch(lab: Lab, url: str) -> str:
    """GET ``url`` from inside the client namespace."""
    result = lab.exec("client", [sys.executable, "-c", FETCH, url], timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout


def wait_for(what: str, condition: Callable[[], bool], timeout_s: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.5)


def start_exporter(lab: Lab, workdir: Path, config: str) -> subprocess.Popen[bytes]:
    path = workdir / "exporter.toml"
    path.write_text(config)
    argv = [
        sys.executable,
        "-m",
        "aspdiag",
        "exporter",
        "--listen",
        f"127.0.0.1:{EXPORTER_PORT}",
        "--config",
        str(path),
    ]
    env = {"PATH": SAFE_PATH, "PYTHONPATH": str(REPO), "LANG": "C.UTF-8", "HOME": str(workdir)}
    log = open(workdir / "exporter.log", "wb")  # noqa: SIM115 - closed with the process below
    proc = subprocess.Popen(lab.exec_argv("client", argv), env=env, stdout=log, stderr=log, cwd=workdir)
    log.close()
    lab.wait_listening("client", "tcp", EXPORTER_PORT, timeout_s=30)
    return proc


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def proc_status(pid: int) -> tuple[int, int]:
    """(threads, resident kB) of a process, from /proc."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["Threads"]), int(fields["VmRSS"].split()[0])


# --------------------------------------------------------------------------- history


def test_two_checks_across_a_firewall_change_show_what_changed(fw: Lab, workdir: Path) -> None:
    history = workdir / "history.sqlite"
    args = ["check", "aspera.lab.test", "--history", str(history), "-f", "json", "--no-reports", "--timeout", "1"]
    first = run_aspdiag(fw, args, workdir)
    assert first.code == 0, first.stderr
    assert first.json["changes"]["previous_utc"] is None
    fw.firewall([drop("udp", 33001)])
    second = run_aspdiag(fw, args, workdir)
    assert second.code == 1, second.stderr
    changes = second.json["changes"]
    assert changes["previous_utc"] == first.json["run"]["started_utc"]
    texts = [item["text"] for item in changes["items"]]
    v4 = fw.addr.server4
    udp = [t for t in texts if t.startswith(f"UDP 33001 on {v4} reached the server on ")]
    assert len(udp) == 1 and "it stops after hop 2 (198.18.2.2)" in udp[0], texts
    assert texts[0].startswith("The verdict was READY on ") and "it is BLOCKED" in texts[0]
    listed = run_aspdiag(fw, ["history", "aspera.lab.test", "--history", str(history), "-f", "json"], workdir)
    assert [c["verdict"] for c in json.loads(listed.stdout)["checks"]] == ["ready", "blocked"]


# --------------------------------------------------------------------------- Prometheus


@pytest.fixture
def prometheus(fw: Lab, workdir: Path) -> Iterator[Lab]:
    """The exporter and a real Prometheus (scraping every 5 s) in the client namespace."""
    if which("prometheus") is None:
        if os.environ.get("ASPDIAG_REQUIRE_LAB") == "1":
            pytest.fail("ASPDIAG_REQUIRE_LAB=1 but prometheus is not installed (.ci/install-system-deps)")
        pytest.skip("prometheus is not installed (Debian package prometheus; .ci/install-system-deps)")
    exporter = start_exporter(
        fw, workdir, "[modules.lab]\nssh_ports = [22]\nudp_ports = [33001]\ntimeout = 1.0\nmin_interval = 2\n"
    )
    config = workdir / "prometheus.yml"
    config.write_text(
        "global:\n  scrape_interval: 5s\n  scrape_timeout: 4s\n"
        "scrape_configs:\n  - job_name: aspera\n    metrics_path: /probe\n    params:\n      module: [lab]\n"
        "    static_configs:\n      - targets: [aspera.lab.test]\n    relabel_configs:\n"
        "      - source_labels: [__address__]\n        target_label: __param_target\n"
        "      - source_labels: [__param_target]\n        target_label: instance\n"
        f"      - target_label: __address__\n        replacement: 127.0.0.1:{EXPORTER_PORT}\n"
    )
    argv = [
        which("prometheus") or "prometheus",
        f"--config.file={config}",
        f"--storage.tsdb.path={workdir / 'tsdb'}",
        f"--web.listen-address=127.0.0.1:{PROMETHEUS_PORT}",
        "--log.level=warn",
    ]
    log = open(workdir / "prometheus.log", "wb")  # noqa: SIM115 - closed with the process below
    server = subprocess.Popen(fw.exec_argv("client", argv), stdout=log, stderr=log, cwd=workdir)
    log.close()
    try:
        fw.wait_listening("client", "tcp", PROMETHEUS_PORT, timeout_s=30)
        yield fw
    finally:
        stop(server)
        stop(exporter)


def query(lab: Lab, expr: str) -> float | None:
    """The current value of a one-series PromQL expression (None: no sample yet)."""
    from urllib.parse import quote

    data = json.loads(fetch(lab, f"http://127.0.0.1:{PROMETHEUS_PORT}/api/v1/query?query={quote(expr)}"))
    result = data["data"]["result"]
    return float(result[0]["value"][1]) if result else None


def test_prometheus_follows_the_firewall(prometheus: Lab) -> None:
    lab = prometheus
    wait_for("probe_success 1", lambda: query(lab, 'probe_success{instance="aspera.lab.test"}') == 1.0)
    assert query(lab, "aspera_udp_path_open") == 1.0
    assert query(lab, 'aspera_port_open{proto="udp",address="198.18.3.2"}') == 1.0
    lab.firewall([drop("udp", 33001)])
    wait_for("aspera_udp_path_open 0", lambda: query(lab, "aspera_udp_path_open") == 0.0)
    assert query(lab, "probe_success") == 0.0
    assert query(lab, 'aspera_port_blocked_after_hop{proto="udp",address="198.18.3.2"}') == 2.0
    assert query(lab, "aspera_tcp_path_open") == 1.0
    lab.firewall([])
    wait_for("aspera_udp_path_open 1 again", lambda: query(lab, "aspera_udp_path_open") == 1.0)
    wait_for("probe_success 1 again", lambda: query(lab, "probe_success") == 1.0)


# --------------------------------------------------------------------------- many scrapers, one sshd


@pytest.fixture
def penalising_sshd(lab: Lab) -> Iterator[Sshd]:
    """A current OpenSSH (default PerSourcePenalties and MaxStartups) on server:2223, VERBOSE log."""
    reason = lab_sshd.unavailable_reason("current")
    if reason:
        if os.environ.get("ASPDIAG_REQUIRE_LAB") == "1":
            pytest.fail(f"ASPDIAG_REQUIRE_LAB=1 but {reason}")
        pytest.skip(reason)
    server = lab.start_sshd("server", [PENALTY_PORT], flavour="current", log_level="VERBOSE")
    yield server
    lab.stop_sshd(server)


def test_a_hundred_concurrent_scrapes_stay_bounded_and_polite(
    fw: Lab, workdir: Path, penalising_sshd: Sshd, capsys: pytest.CaptureFixture[str]
) -> None:
    lab = fw
    exporter = start_exporter(
        lab,
        workdir,
        f"[exporter]\nworkers = 16\nmax_checks = 4\n[modules.pen]\nssh_ports = [{PENALTY_PORT}]\n"
        "udp_ports = [33001]\nmin_interval = 60\n",
    )
    try:
        fetch(lab, f"http://127.0.0.1:{EXPORTER_PORT}/metrics")  # import everything a request needs
        base_threads, base_rss = proc_status(exporter.pid)
        since = penalising_sshd.log_offset()
        url = f"http://127.0.0.1:{EXPORTER_PORT}/probe?target=aspera.lab.test&module=pen"
        script = workdir / "scrapers.py"
        script.write_text(SCRAPERS)
        peak_threads, peak_rss = base_threads, base_rss
        for _round in range(2):  # a burst, then another one while the result is cached
            scrapers = subprocess.Popen(
                lab.exec_argv("client", [sys.executable, str(script), url, "100"]),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            while scrapers.poll() is None:
                threads, rss = proc_status(exporter.pid)
                peak_threads, peak_rss = max(peak_threads, threads), max(peak_rss, rss)
                time.sleep(0.02)
            out, err = scrapers.communicate()
            assert scrapers.returncode == 0, err
            results = json.loads(out)
            assert len(results) == 100 and {r["status"] for r in results} == {200}, results
            assert {r["probe_success"] for r in results} == {"1.0"}, results
        own = fetch(lab, f"http://127.0.0.1:{EXPORTER_PORT}/metrics")
        checked = [line for line in own.splitlines() if line.startswith("aspdiag_exporter_scrapes_total{")]
        assert 'aspdiag_exporter_scrapes_total{module="pen",outcome="checked"} 1.0' in checked, checked
        time.sleep(1.0)  # sshd books a connection's penalty when its preauth process has exited
        log = penalising_sshd.log(since)
        connections = [line for line in log.splitlines() if line.startswith("Connection from ")]
        assert not penalising_sshd.penalty_drops(since), log
        assert "activating" not in log and "Not allowed" not in log, log
        (after,) = poke(lab, lab.addr.server4, PENALTY_PORT, "polite")  # the client is still welcome
        assert after["first_line"].startswith("SSH-2.0-"), after
        grown_threads, grown_rss_kb = peak_threads - base_threads, peak_rss - base_rss
        with capsys.disabled():
            print(
                f"\n100+100 concurrent scrapes: 1 check, {len(connections)} SSH connections to the penalising sshd "
                f"(v4 and v6 together); exporter threads {base_threads} -> peak {peak_threads}, RSS "
                f"{base_rss / 1024:.1f} -> peak {peak_rss / 1024:.1f} MiB"
            )
        # Bounded by the configuration, not by the number of scrapers: 16 workers plus one check's threads.
        assert grown_threads <= 16 + 30, (base_threads, peak_threads)
        assert grown_rss_kb < 64 * 1024, (base_rss, peak_rss)
        assert len(connections) == 1, connections  # one SSH connection per scrape's check (issue #18)
    finally:
        stop(exporter)
