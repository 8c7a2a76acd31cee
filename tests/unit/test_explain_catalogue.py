"""explain: an input that is a catalogue of ascp's messages, told by what its runs lack rather than by its kind
(blind round 100's documents; each test but the guards failed on the code before the rule)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes

_STOPS = (
    "failed to authenticate",
    "Failed to open TCP connection for SSH",
    "Disk write failed (server)",
    "Client unable to connect to server (check UDP port and firewall)",
    "Server aborted session: No such file or directory",
)


def test_a_schema_s_accepted_values_are_no_runs():
    """A dbt schema.yml lists the texts inside "Session Stop  (Error: ...)" that its tests accept: one of them (the
    no-such-file one) had read as a run at high confidence."""
    values = "".join(f"                - '{stop}'\n" for stop in _STOPS)
    text = (
        "version: 2\n\nmodels:\n  - name: stg_transfer_events\n    columns:\n      - name: error_text\n"
        "        data_tests:\n          - accepted_values:\n              values:\n" + values
    )
    assert causes(text) == []


def test_a_spreadsheet_s_lookup_table_is_no_run():
    """A workbook exported with its lookup sheet: each row's first cell after the row number is one of ascp's
    messages, the next ones its cause and next step (the DNS row read as a run at high confidence)."""
    rows = [
        ("failed to authenticate", "authentication", "check -i key"),
        ("Failed to open TCP connection for SSH", "SSH port blocked", "try -P 33001"),
        ("check UDP port and firewall", "UDP blocked", "open UDP 33001 outbound"),
        ("Cannot resolve target host", "DNS", "nslookup the host name"),
        ("Disk write failed", "disk full", "df -h on the destination"),
    ]
    text = "Sheet: Lookup\n     | A (text contains) | B (cause) | C (next step)\n-----+---+---+---\n" + "".join(
        f"  {n}  | {message:<40} | {cause:<20} | {step}\n" for n, (message, cause, step) in enumerate(rows, 2)
    )
    assert causes(text) == []


def test_a_query_s_commented_examples_are_no_runs():
    """A Flux task's comments give an example line for each regular expression (`// e.g.  "Session Stop  (Error:
    ...)"`): three runs had been read, two at high confidence."""
    text = "".join(
        f'// e.g.  "Session Stop  (Error: {stop})"\nre_{n} = regexp.compile(v: "{stop[:12]}")\n'
        for n, stop in enumerate(_STOPS[2:4] + _STOPS[:1])
    )
    assert causes(text) == []


def test_guard_a_run_quoted_in_a_mail_beside_a_list_of_messages_stays_a_run():
    """Guard: a support reply that explains three messages in general, then quotes the customer's own run ("> "
    lines, whole): the quoted run stays."""
    text = (
        'If a transfer ends with "Session Stop  (Error: failed to authenticate)", the login was refused.\n'
        'If it ends with "Session Stop  (Error: Failed to open TCP connection for SSH)", the port is closed.\n'
        'If it ends with "Session Stop  (Error: Client unable to connect to server (check UDP port and '
        'firewall))", UDP is blocked.\n\nNone of these is yours. Your output:\n\n'
        "> $ ascp -P 33001 --mode=send --host=hsts.example --user=xfer batch.tar /inbox\n"
        "> Completed: 0K bytes transferred in 0 seconds\n"
        "> Session Stop  (Error: Server aborted session: Server requires content protection)\n"
    )
    assert [c for c, _ in causes(text)][-1:] == ["content-protection"]


def test_guard_a_results_table_naming_what_ran_keeps_its_runs():
    """Guard: a person's own results table, a run's accession in the cell before each message, is three runs."""
    text = "| run | error |\n|---|---|\n" + "".join(
        f"| SRR61604{n} | Session Stop  (Error: {stop}) |\n" for n, stop in enumerate(_STOPS[:3])
    )
    assert [c for c, _ in causes(text)] == ["auth", "ssh-port", "disk"]


def test_guard_an_incident_note_beside_a_server_s_syslog_is_not_a_catalogue():
    """Guard: an operator's notes naming four users' failures above the server's stamped sshd lines are not a
    catalogue of messages: the run the notes tell stays (without the sshd lines the rule would drop it). Since blind
    round 180 the login whose PAM session closed in the same second is read as that attempt seen by the server, so the
    run is told at medium confidence, not low."""
    notes = (
        "Reports we received:\n"
        ' - lab_gen (198.18.55.7): wrapper output "Session Stop  (Error: failed to open ssh session.)" at 10:50\n'
        ' - d.f mailed at 11:06: "failed to authenticate" and then "Disk write failed (server)", no log attached\n'
        ' - k.m: "Failed to open TCP connection for SSH" from the VPN\n\n'
    )
    syslog = (
        "Feb 11 10:50:12 hsts15 sshd[44102]: Accepted publickey for lab_gen from 198.18.55.7 port 50331 ssh2\n"
        "Feb 11 10:50:12 hsts15 sshd[44102]: pam_unix(sshd:session): session closed for user lab_gen\n"
    )
    assert causes(notes + syslog) == [("server-session", "medium")]
    assert causes(notes) == []


def test_the_texts_kept_for_the_test_are_bounded_over_all_inputs(tmp_path, monkeypatch):
    """Many pastes read at once keep at most ``_CATALOGUE_TOTAL`` bytes for the catalogue test: an input past the
    bound is read as it would be without the test (its one entry a run), the one within it as a catalogue."""
    import io

    from aspdiag.tools.explain import analyze
    from aspdiag.tools.explain.run import explain_inputs

    values = "".join(f"                - '{stop}'\n" for stop in _STOPS)
    text = (
        "version: 2\n\nmodels:\n  - name: stg_transfer_events\n    columns:\n      - name: error_text\n"
        "        data_tests:\n          - accepted_values:\n              values:\n" + values
    )
    first, second = tmp_path / "a.yml", tmp_path / "b.yml"
    first.write_text(text)
    second.write_text(text)
    both = explain_inputs([str(first), str(second)], io.BytesIO(b""))
    assert [s.source for s in both.sessions] == []
    monkeypatch.setattr(analyze, "_CATALOGUE_TOTAL", len(text.encode()))
    bounded = explain_inputs([str(first), str(second)], io.BytesIO(b""))
    assert {s.source for s in bounded.sessions} == {str(second)}
