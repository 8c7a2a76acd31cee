"""The ready-to-use monitoring files in contrib/: valid for the tools that read them, and naming only
metrics the exporter really exports."""

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from aspdiag.monitor.modules import load_settings
from aspdiag.report.metrics import probe_metrics

CONTRIB = Path(__file__).resolve().parents[2] / "contrib"
OWN = {"aspdiag_exporter_scrapes_total"}


def exported_names() -> set[str]:
    from aspdiag.measurements.capacity.result import CapacityResult
    from aspdiag.measurements.path.result import PathResult
    from aspdiag.report.metrics import ProbeResult
    from tests.unit.test_exporter import fake_report

    report = fake_report({})
    capacity = CapacityResult("198.18.3.2", "ipv4", "ok", "udp-icmp", 1, 1, 1.0, 1, 1, 1, 1.0, 1.0, False, None,
                              False, "high", False, "", 1.0)  # fmt: skip
    path = PathResult("198.18.3.2", "ipv4", 22, 1, 1, 1.0, 1.0, 1.0, 0.0, 0.0, 33001, "ok", 1500, 1500, None, None,
                      False, None, None, None, None, 1472, False, 1, "", 1.0)  # fmt: skip
    slow = replace(report, sections={**report.sections, "capacities": (capacity,), "paths": (path,)})
    names = {m.name for m in probe_metrics(ProbeResult(report, slow=slow, slow_age_s=1.0), "default")}
    names |= {m.name for m in probe_metrics(ProbeResult(None, reason="busy"), "default")}
    names.add("aspera_port_blocked_after_hop")  # only for a blocked port (tests/unit/test_exporter.py)
    return names | OWN


def used_metrics(text: str) -> set[str]:
    return set(re.findall(r"\b((?:aspera|probe|aspdiag_exporter)_[a-z_]+)\b", text))


def test_example_modules_file_loads():
    settings = load_settings(CONTRIB / "exporter.toml")
    assert {"default", "fasp", "bandwidth"} <= set(settings.modules)
    assert not settings.modules["default"].bandwidth and settings.modules["bandwidth"].bandwidth


def test_dashboard_and_rules_use_exported_metrics_only():
    names = exported_names()
    dashboard = json.loads((CONTRIB / "grafana" / "aspera-dashboard.json").read_text())
    exprs = " ".join(t["expr"] for p in dashboard["panels"] for t in p["targets"])
    rules = (CONTRIB / "prometheus" / "aspera-alerts.yml").read_text()
    for text in (exprs, rules):
        unknown = used_metrics(text) - names
        assert not unknown, unknown


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool (Debian package prometheus) is not installed")
def test_promtool_accepts_the_config_and_the_rules(tmp_path):
    for name in ("prometheus.yml", "aspera-alerts.yml"):
        shutil.copy(CONTRIB / "prometheus" / name, tmp_path / name)
    result = subprocess.run(
        ["promtool", "check", "config", str(tmp_path / "prometheus.yml")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 rules found" in result.stdout


def test_systemd_unit_runs_unprivileged():
    unit = (CONTRIB / "systemd" / "aspdiag-exporter.service").read_text()
    assert "DynamicUser=yes" in unit and "NoNewPrivileges=yes" in unit
    assert re.search(r"^ExecStart=.*aspdiag exporter --listen 127\.0\.0\.1:\d+ --config ", unit, re.M)
    assert "#AmbientCapabilities=CAP_NET_RAW" in unit  # optional, for method = "raw"
