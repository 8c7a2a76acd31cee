"""Issue #15 without the lab: what a plain ``check`` plans (stages, the automatic test transfer, --quick,
--no-transfer, missing credentials), the checklist following the evidence (code 19, a transfer that moved
data, DNS), the caps that agree, the hosts file, and the defects the issue listed (one ascp warning printed
twice, a finding and the change request asking for different SSH ports)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from aspdiag.cli.preflight import TransferOptions, auto_max_bytes, login_kind, plan
from aspdiag.core.config import CheckConfig, validate_host
from aspdiag.core.errors import ConfigError
from aspdiag.core.model import ItemStatus, Verdict
from aspdiag.core.presets import Preset
from aspdiag.engine.advice import change_request
from aspdiag.engine.checklist import checklist
from aspdiag.fasp.find import CONNECT4_KEY_NOTE, AscpInstallation
from aspdiag.fasp.parse import AscpVersion
from aspdiag.measurements.transfer.run import Direction, TransferOutcome, TransferResult, moving_at_target
from tests.fakes import FakeNetwork, Rule
from tests.reports import revise
from tests.unit.test_engine import V4, run_check

ASCP = AscpInstallation(
    "/opt/aspera/bin/ascp", "PATH", AscpVersion("IBM Aspera Connect", "4.2.8", ascp_version="4.4.5"), used=True
)
ENA = Preset("ena", "fasp.sra.ebi.ac.uk", user="era-fasp", key_files=("aspera_bypass_rsa.pem",), test_file="vol1/x.gz")


def options(**changes: object) -> TransferOptions:
    base = TransferOptions(
        insist=None,
        remote_file=None,
        upload=False,
        to_folder=None,
        user=None,
        key=None,
        ascp=None,
        rate_mbps=10.0,
        max_rate_mbps=100.0,
        time_limit_s=20.0,
        max_bytes="auto",
        no_encryption=False,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def planned(env: dict[str, str] | None = None, preset: Preset | None = None, quick: bool = False, **o: object):
    config = CheckConfig(target=validate_host("aspera.lab.test"))
    return plan(
        config,
        quick=quick,
        path=True,
        bandwidth=True,
        options=options(**o),
        preset=preset,
        env=env or {},
        find_ascp=lambda explicit: [ASCP],
    )


def skipped(config: CheckConfig) -> dict[str, str]:
    return {s.stage: s.reason for s in config.skipped}


def test_default_runs_every_stage_and_the_transfer_when_it_can():
    config = planned({"ASPERA_SCP_PASS": "secret"}, user="alice", remote_file="/test/10MB")
    assert config.path and config.bandwidth and config.ascp_searched and config.ascp_installations == (ASCP,)
    assert config.transfer is not None and config.transfer.remote_path == "/test/10MB"
    assert config.login == "password" and "secret" not in repr(config)
    assert config.skipped == ()


def test_a_preset_supplies_the_test_file_user_and_key():
    key = "/opt/aspera/etc/aspera_bypass_rsa.pem"
    config = planned(preset=ENA, ascp=None)
    assert config.transfer is None  # the installation has no key file: no credentials
    assert "credentials" in skipped(config)["transfer"]
    with_key = replace(ASCP, key_files=(key,))
    config = plan(
        CheckConfig(target=validate_host("fasp.sra.ebi.ac.uk")),
        quick=False,
        path=True,
        bandwidth=True,
        options=options(),
        preset=ENA,
        env={},
        find_ascp=lambda explicit: [with_key],
    )
    assert config.transfer is not None and config.transfer.key_file == key and config.transfer.user == "era-fasp"
    assert config.transfer.remote_path == "vol1/x.gz" and config.login == "key"


def test_without_credentials_the_transfer_is_not_run_and_says_what_to_set():
    config = planned(user="alice", remote_file=None)
    reason = skipped(config)["transfer"]
    assert "--remote-file" in reason or "either" in reason
    assert "credentials" in reason
    option = next(s.option for s in config.skipped if s.stage == "transfer")
    assert "ASPERA_SCP_PASS" in option


def test_insisting_without_credentials_is_one_line_exit_2_before_anything_runs():
    with pytest.raises(ConfigError) as caught:
        planned(insist=True, user="alice", remote_file="/test/10MB")
    assert "credentials" in str(caught.value) and "ASPERA_SCP_PASS" in caught.value.hint


@pytest.mark.parametrize(
    ("quick", "insist", "bad"),
    [
        (True, None, {"rate_mbps": -5.0}),
        (True, None, {"max_bytes": "5XB"}),
        (True, None, {"max_bytes": "-5"}),
        (False, False, {"key": Path("/nonexistent/key")}),
        (False, None, {"time_limit_s": 0.0}),
    ],
)
def test_a_malformed_value_is_bad_input_whether_or_not_the_transfer_runs(quick, insist, bad):
    """A review: --rate -5, --max-bytes 5XB or a missing --key gave a normal report with --quick (exit 1)."""
    with pytest.raises(ConfigError):
        planned(quick=quick, insist=insist, **bad)
    planned(quick=True, max_rate_mbps=5.0)  # the default --rate above --max-rate is no error until it is used


def test_quick_and_no_transfer():
    config = planned(quick=True)
    assert not config.path and not config.bandwidth and not config.ascp_searched and config.transfer is None
    assert set(skipped(config)) == {"path", "bandwidth", "ascp", "transfer"}
    with pytest.raises(ConfigError):
        planned(quick=True, insist=True)
    config = planned({"ASPERA_SCP_PASS": "x"}, insist=False, user="alice", remote_file="/t")
    assert config.transfer is None and skipped(config)["transfer"] == "--no-transfer"


def test_the_default_caps_agree():
    """10 Mbit/s x 20 s moves 25 MB; the byte cap is half of that, so a healthy transfer ends by its byte
    cap well inside the time cap (the old 64 MB default could only end at the time cap)."""
    assert auto_max_bytes(10, 20) == 12_500_000
    config = planned({"ASPERA_SCP_TOKEN": "t"}, user="alice", remote_file="/t")
    assert config.transfer is not None and config.transfer.max_bytes * 8 / 10e6 < 0.75 * 20
    assert login_kind({"ASPERA_SCP_TOKEN": "t"}, None) == "token" and login_kind({}, "/k") == "key"


def test_a_transfer_stopped_by_its_time_cap_while_moving_at_its_rate_passes():
    assert moving_at_target(20_000_000, 20.0, 10.0)  # 8 Mbit/s of 10 over the whole run
    assert not moving_at_target(2_000_000, 20.0, 10.0)  # 0.8 Mbit/s: slow, not a pass
    assert not moving_at_target(0, 20.0, 10.0)


def transfer(outcome: TransferOutcome, **fields: object) -> TransferResult:
    return replace(TransferResult(outcome, Direction.DOWNLOAD, "ascp ...", 10.0, 20.0), **fields)  # type: ignore[arg-type]


def item(report, prefix: str):
    return next(c for c in report.recommendations.checklist if c.item.startswith(prefix))


def test_code_19_makes_credentials_the_problem_and_leaves_the_firewall_done():
    report = run_check()
    failed = transfer(
        TransferOutcome.FAILED,
        error_code=19,
        error_message="Authentication failed",
        error_meaning="Authentication failure",
        diagnosis="the server refused the login",
    )
    report = revise(report, transfer=failed, settings=replace(report.settings, login="password"))
    assert item(report, "Account").status is ItemStatus.PROBLEM
    assert item(report, "Firewall").status is ItemStatus.DONE
    assert "change request" not in item(report, "Firewall").note
    assert report.change_request == ()


def test_a_transfer_that_moved_data_settles_credentials_and_firewall():
    report = run_check(network=FakeNetwork(rules={(None, "udp", 33001): Rule("drop", hop=99)}))
    moved = transfer(TransferOutcome.SUCCESS, bytes=12_500_000, duration_s=11.0, stopped_by="byte cap")
    report = revise(report, transfer=moved)
    assert item(report, "Account").status is ItemStatus.DONE
    assert item(report, "Firewall").status is ItemStatus.DONE
    assert item(report, "Capped test transfer").status is ItemStatus.DONE
    assert "byte cap" in item(report, "Capped test transfer").note


def test_checklist_lines_cover_every_stage_and_say_how_to_run_what_did_not():
    report = run_check()
    report = revise(report, settings=replace(report.settings, skipped=planned(quick=True).skipped))
    lines = checklist(report)
    stages = [c for c in lines if c.status is not ItemStatus.TODO]
    assert len(stages) == 8
    path = item(report, "Path")
    assert path.status is ItemStatus.NOT_RUN and path.option == "run without --quick"


def test_one_ascp_warning_once_and_no_key_warning_for_a_password_login():
    from aspdiag.measurements.ascp import MEASUREMENT

    report = revise(run_check(), ascp=(replace(ASCP, warnings=(CONNECT4_KEY_NOTE, "old: update it")),))
    found = MEASUREMENT.findings(report)
    assert [(f.title, f.detail) for f in found][1] == ("ascp at /opt/aspera/bin/ascp: old", "update it")
    assert all(f.title not in f.detail for f in found)
    password = revise(report, settings=replace(report.settings, login="password"))
    assert [f.detail for f in MEASUREMENT.findings(password)] == ["update it"]


def test_the_finding_asks_for_the_ssh_port_the_change_request_asks_for():
    rules: dict[tuple[str | None, str, int], Rule] = {
        (None, "tcp", 22): Rule("drop"),
        (None, "tcp", 33001): Rule("drop"),
    }
    report = run_check(network=FakeNetwork(rules=rules))
    assert report.assessment.verdict is Verdict.BLOCKED
    rows = [r for r in change_request(report) if r.protocol.value == "tcp"]
    assert {r.ports for r in rows} == {"33001"}
    actions = [f.action for f in report.assessment.findings if f.title.startswith("No SSH control port")]
    assert actions and all("TCP 33001" in a and "TCP 22 " not in a and "22 and" not in a for a in actions)


def test_hosts_file_parsing():
    from aspdiag.adapters.hosts import parse_hosts

    text = (
        "# comment\n127.0.0.1 localhost\n198.18.3.2 Aspera.Lab.Test aspera # lab\n"
        "2001:db8:3::2 aspera.lab.test.\nbad x\n"
    )
    assert parse_hosts(text, "aspera.lab.test") == ("198.18.3.2", "2001:db8:3::2")
    assert parse_hosts(text, "missing.lab.test") == ()


def test_a_name_only_in_the_hosts_file_is_used_and_flagged():
    from aspdiag.core.measurement import ProbeContext
    from aspdiag.measurements.dns.port import HOSTS, RESOLVER
    from aspdiag.measurements.dns.probe import DnsProbe
    from aspdiag.measurements.dns.result import DnsOutcome
    from tests.fakes import FakeResolver

    class Hosts:
        def lookup(self, name: str) -> tuple[str, ...]:
            return (V4,)

    result = DnsProbe(validate_host("onlyhosts.lab.test")).run(
        ProbeContext.of((RESOLVER, FakeResolver()), (HOSTS, Hosts()))
    )
    assert result.outcome is DnsOutcome.HOSTS_FILE and result.addresses == (V4,)
    assert "hosts file" in result.detail


def test_a_key_login_makes_the_public_key_note_moot():
    """A review: after a key login worked, 'ascp installed' still read 'problem' for Connect 4's missing public
    DSA key."""
    report = revise(run_check(), ascp=(replace(ASCP, warnings=(CONNECT4_KEY_NOTE,)),))
    assert item(report, "ascp installed").status is ItemStatus.PROBLEM  # no credentials: the note matters
    keyed = revise(report, settings=replace(report.settings, login="key"))
    assert item(keyed, "ascp installed").status is ItemStatus.DONE


def test_an_interrupted_stage_says_so_and_how_to_run_it():
    """A review: SIGTERM 5 s into the test transfer read 'not run in this check' with no option."""
    from aspdiag.core.model import ProbeFailure

    report = revise(
        run_check(),
        interrupted=True,
        interrupted_by="SIGTERM",
        failures=(ProbeFailure("transfer/aspera.lab.test", "not finished: interrupted by SIGTERM"),),
    )
    line = item(report, "Capped test transfer")
    assert line.status is ItemStatus.NOT_RUN and "interrupted by SIGTERM" in line.note
    assert line.option == "run the check again"
    keyed = revise(report, settings=replace(report.settings, login="key"))
    assert "SIGTERM ended the test transfer" in item(keyed, "Account").note


def test_a_path_with_no_rtt_is_not_done():
    """A review: with every TCP handshake dropped, the path line read 'done' with 'RTT -, loss -'."""
    from aspdiag.measurements.path.result import PathResult

    silent = PathResult(
        address=V4, family="ipv4", rtt_port=None, rtt_samples=5, rtt_answered=0, rtt_min_ms=None,
        rtt_median_ms=None, rtt_p95_ms=None, jitter_ms=None, loss_pct=None, udp_port=33001, mtu_status="unknown",
        path_mtu_bytes=None, local_mtu_bytes=1500, icmp_mtu_bytes=None, icmp_mtu_from=None, black_hole=False,
        black_hole_smallest_lost_bytes=None, black_hole_after_hop=None, black_hole_after_address=None,
        black_hole_next_address=None, max_fasp_datagram_bytes=None, needs_z=False, mtu_probes=0, detail="",
        duration_s=1.0,
    )  # fmt: skip
    line = item(revise(run_check(), paths=(silent,)), "Path")
    assert line.status is ItemStatus.UNKNOWN and "no TCP handshake was answered" in line.note


def test_the_control_port_is_the_one_open_on_every_address():
    """A review: 33001 open on one address of two, 22 on both: the suggested command (and the test transfer)
    used -P 33001, which fails whenever DNS hands out the other address."""
    from aspdiag.measurements.transfer.probe import choose_ssh_port
    from tests.unit.test_engine import V6

    report = run_check(network=FakeNetwork(rules={(V6, "tcp", 33001): Rule("drop", hop=2)}))
    assert " -P 22 " in report.recommendations.ascp_command
    assert choose_ssh_port(report.ports, (22, 33001)) == 22
    both = run_check()
    assert " -P 33001 " in both.recommendations.ascp_command  # IBM's port first among equals
