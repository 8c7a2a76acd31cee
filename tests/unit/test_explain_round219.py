"""explain: what blind round 219 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_an_executions_exported_logs_block_is_its_runs_output():
    """A Kestra execution exported as YAML: its "logs: |" block holds ascli's two attempts, each "Remote host is not
    who we expected": two runs, the host key (the block had made the file a document, its runs told by a wrapper's
    words alone)."""
    text = (BLIND / "round219-clients/11-kestra-execution-ascli-hostkey.yaml").read_text(encoding="utf-8")
    assert cause_ids(text) == ["host-key", "host-key"]


def test_a_yaml_policys_message_block_is_still_a_document():
    """Guard: a rule's "message: |" block quoting ascp's words is the rule's text, no run."""
    text = (
        "apiVersion: kyverno.io/v1\n"
        "kind: ClusterPolicy\n"
        "spec:\n"
        "  rules:\n"
        "    - name: aspera-egress\n"
        "      validate:\n"
        "        message: |\n"
        '          Without UDP 33001 clients see "Session Stop  (Error: Client unable to connect to server (check UDP\n'
        '          port and firewall))".\n'
    )
    assert cause_ids(text) == []


def test_a_retry_told_in_vietnamese_to_be_the_same_is_a_run():
    """A Zalo chat: ascp's "Failed to open TCP connection for SSH", then "em thử lại lần nữa lúc 8:46, vẫn y như vậy
    ạ" (I tried once more at 8:46, still just the same), then the run with -P 33001 that completed: three runs."""
    text = (BLIND / "round219-servers/05-vi-zalo-chat-partner-ssh-port-22.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ssh-port", "ssh-port", "ok"]


def test_two_tries_told_in_catalan_to_have_returned_exactly_this_are_two_runs():
    """A Catalan mail: "Els vostres dos intents d'ahir (18:02 i 18:09) tornaven exactament això" over the quoted
    UDP failure, then the session that worked after the firewall's rule: three runs."""
    text = (BLIND / "round219-servers/02-ca-correu-operador-ufw-udp33001.eml").read_text(encoding="utf-8")
    assert cause_ids(text) == ["udp", "udp", "ok"]


def test_a_hungarian_now_it_went_up_after_the_fix_is_a_run_that_worked():
    """A Hungarian ticket: the server's errcode 56 for a folder name, then "Átneveztem, most felment" (I renamed it,
    now it went up): the rerun worked."""
    text = (BLIND / "round219-servers/19-hu-jegy-windows-hsts-tiltott-karakterek.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["path-name", "ok"]


def test_a_line_chat_exports_tab_separated_message_holds_ascli_s_bar():
    """A LINE chat export's "08:58<tab>name (team)<tab>" before ascli's progress bar at 100 %, then "complete": a run
    that worked (the bar behind the time and the name had been no run)."""
    text = (
        "08:58\tPiyanuch (Studio CM)\tchanged it, ran once by hand, passed\n"
        "08:58\tPiyanuch (Studio CM)\tTime: 00:03:41 ============================ 100% 480 Mbps Time: 00:00:00\n"
        "complete\n"
    )
    assert cause_ids(text) == ["ok"]
