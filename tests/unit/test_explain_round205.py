"""explain: what blind round 205 found that was mended (and older sets the mends read right since), with guards
(each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_buildkits_last_word_on_the_failed_step_is_that_runs_exit():
    """docker build: the smoke test's "RUN .../ascp ..." step, the loader's "version `GLIBC_2.28' not found", then
    BuildKit's "ERROR: failed to solve: process "/bin/sh -c ..." exit code: 127": one died-at-start run (the exit
    code had read as a confident ascp-missing run of its own)."""
    assert cause_ids(_blind("round205-hard-middle/24-docker-build-glibc-died.txt")) == ["died-at-start"]


def test_a_windows_prompt_ends_the_lookup_that_where_shows():
    """cmd.exe: "C:\\Users\\j>where ascp", its path, then "C:\\Users\\j>ascp ..." and the run that completed; later a
    scheduled task's "'ascp' is not recognized": ok, ascp-missing (the lookup's output had swallowed every line
    after it as code)."""
    text = _blind("round205-hard-middle/19-win-task-scheduler-vs-interactive.txt")
    assert cause_ids(text) == ["ok", "ascp-missing"]


def test_richs_source_column_and_a_dated_wiki_note_keep_the_second_run():
    """A Kedro log (Rich's "nodes.py:53" at each line's right edge), then "--- Notiz im Wiki (J. Brandt, 10:20) ---"
    and the second run: passphrase, ok (the note's rule had opened a copied document to the input's end)."""
    assert cause_ids(_blind("round205-documents/02-kedro-upload-knoten-de.log")) == ["passphrase", "ok"]


def test_guard_a_rule_naming_a_wiki_without_a_date_still_opens_a_copied_document():
    """Guard: "---- copied from the wiki ----" over sample output is still a copied document: no run."""
    text = (
        "Here is what our page says:\n"
        "---- copied from the wiki ----\n"
        "ascp: failed to authenticate, exiting.\n"
        "Session Stop  (Error: failed to authenticate)\n"
        "---- end ----\n"
    )
    assert cause_ids(text) == []


def test_job_logs_tagged_by_pid_with_ascli_start_lines_and_bare_exits():
    """A postmortem's job log: "01:00:02  [pid 41877] start  ascli server upload ...", the other job's bar and
    "complete", then 41877's "ascli: E, [...] ERROR -- : Cannot rename partial file" and "exit 1": partial-rename,
    ok in start order (no run had been read); round 187's "[pid N] START ascli ..." jobs read in that order too."""
    assert cause_ids(_blind("round205-documents/15-postmortem-partial-rename-two-cron.md")) == [
        "partial-rename",
        "ok",
    ]
    text = _blind("round187-ordinary/20-two-cron-jobs-same-folder-partial-rename.log")
    assert cause_ids(text) == ["partial-rename", "ok"]


def test_guard_a_scripts_exit_in_its_code_is_no_run():
    """Guard: an "exit 1" line in a script's code (no stamp) under a GitHub issue is no run's exit."""
    assert cause_ids(_blind("round62-real/06-iseq-gsm-batch-interrupted.txt")) == []


def test_a_zammad_tickets_articles_are_read_as_its_messages():
    """Zammad's ticket JSON ("ticket" and its "articles", each a "body"): content-protection, then the encrypted
    upload that completed (no run had been read)."""
    text = _blind("round205-documents/19-zammad-ticket-content-protection-es.json")
    assert cause_ids(text) == ["content-protection", "ok"]


def test_openobserve_records_with_microsecond_times_and_systemd_units():
    """OpenObserve's export ("_timestamp" in microseconds, "unit": "sshd.service"): sshd's two "drop connection ...
    past MaxStartups" between four logins whose sessions ended well, in start order (the drops had not been read)."""
    text = _blind("round205-servers/03-openobserve-sshd-maxstartups-six-pulls.json")
    assert cause_ids(text) == ["ok", "ok", "ssh-refused", "ok", "ssh-refused", "ok"]


def test_a_clients_console_pasted_after_a_servers_log_export():
    """An Azure Monitor CSV (a server's UFW drops and its session), then a blank line and the client's own console
    ("ascp.exe: Failed to open TCP connection for SSH, exiting."): its run is read beside the session (it had been
    skipped by the log's fast path). Listed after the session: it names no time."""
    text = _blind("round205-servers/05-azure-kql-ufw-tcp22-ticket-it.csv")
    assert sorted(cause_ids(text)) == ["ok", "ssh-port"]
