"""explain: what blind round 145 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids, causes

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"
BAR = "MTL_S02E0{n}_CONF_v1.mov                         100%   40GB  481Mb/s    11:41\n"


def test_the_servers_abort_under_a_several_file_summary_is_that_runs_end():
    """ "Completed: ... in 6 files." then "Session Stop  (Error: Server aborted session: Read access denied for
    user)": ascp's summary, then its session's error, one run that failed (had been read as a completed run and a
    second one: a confident wrong)."""
    text = (
        "".join(BAR.format(n=n) for n in range(1, 7))
        + "Completed: 124977152K bytes transferred in 2097 seconds\n (488183K bits/sec), in 6 files.\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
    )
    assert causes(text) == [("permission", "high")]


def test_the_servers_abort_under_a_one_file_summary_is_the_next_runs():
    """Guard: after a run of one file that arrived, the abort is a loop's next run (blind rounds 101, 106, 108)."""
    text = (
        BAR.format(n=1) + "Completed: 41943040K bytes transferred in 701 seconds\n (478663K bits/sec), in 1 file.\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert cause_ids(text) == ["ok", "no-such-file"]


def test_a_notebooks_markdown_quoting_the_servers_sshd_line_tells_the_run_above():
    """A notebook whose run of an old ascp "failed to authenticate" and whose prose then quotes the partner's sshd
    line for that address ("Unable to negotiate ... no matching key exchange method found. Their offer: ..."): the
    handshake failed (markdown cells had been left out whole: read as auth, medium, a confident wrong)."""
    prose = [
        "The password is right. The partner's admin sent this from their sshd log:\n",
        "\n",
        "```\n",
        "Dec 02 10:14:27 xfer sshd[88213]: Unable to negotiate with 192.0.2.145 port 52514: no matching "
        "key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 "
        "[preauth]\n",
        "```\n",
    ]
    notebook = _failed_auth_notebook(prose)
    assert cause_ids(json.dumps(notebook, indent=1)) == ["ssh-handshake"]


def test_a_notebooks_prose_with_ascps_messages_still_has_no_run():
    """Guard: a markdown cell's table of ascp's messages is no run (blind round 66); only sshd's stamped lines are
    kept from the prose."""
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            {
                "cell_type": "markdown",
                "metadata": {},
                "source": [
                    "| message | meaning |\n|---|---|\n",
                    "| `ascp: failed to authenticate, exiting.` | wrong password |\n",
                    "| `Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))` "
                    "| UDP |\n",
                ],
            }
        ],
    }
    assert cause_ids(json.dumps(notebook, indent=1)) == []


def test_another_programs_freezing_is_not_the_transfers_stall():
    """A chat beside a run the person stopped with Ctrl-C on purpose: "my Zoom keeps freezing" is the call's
    symptom, not the transfer's (had been read as a stall, medium: a confident wrong)."""
    text = (
        "jr: started the big WGS cram on the shared workstation, the floor's network feels sluggish\n"
        "ak: yeah my Zoom keeps freezing :sweat_smile: what rate did you give it?\n"
        "jr: 300m. ok, stopping it, I'll rerun tonight with -k 1:\n"
        "$ ascp -T -l 300m -P 33001 -k 1 era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR362/ERR3624573/HG00733.final.cram .\n"
        "HG00733.final.cram                               14% 2331MB  281Mb/s    13:52 ETA\n"
        "HG00733.final.cram                               15% 2467MB  279Mb/s    13:47 ETA^C\n"
        "jr: for the record nothing was wrong with ENA or the network, I just hit Ctrl-C\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_the_transfer_freezing_is_still_a_stall():
    """Guard: the person's word about the transfer itself still reads as a stall."""
    text = (
        "$ ascp -T -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR362/ERR3624573/HG00733.final.cram .\n"
        "HG00733.final.cram                               15% 2467MB  279Mb/s    13:47 ETA\n"
        "the download keeps freezing at 15 % and never moves again, so I pressed Ctrl-C\n"
        "^C\n"
    )
    assert cause_ids(text)[0] in ("stall", "cancelled")


def test_a_change_request_whose_partner_has_not_attempted_any_transfer_has_no_run():
    """A change request's test plan naming the failures to watch for ("'Failed to open TCP connection for SSH' (TCP
    rule missing)") and its note "Partner has not attempted any transfer yet": no run (had been read as ssh-port,
    high)."""
    assert cause_ids(CHANGE_REQUEST) == []


CHANGE_REQUEST = (BLIND / "round145-servers" / "13-change-request-new-partner-ports.yaml").read_text(encoding="utf-8")


def test_systemds_start_timeout_of_the_unit_running_ascp_is_a_cancel():
    """systemd ending a oneshot unit at TimeoutStartSec ("dailies-pull.service: start operation timed out.
    Terminating.") while its ascp ran at its cap: cancelled by the wrapper's time limit (had been read as unknown)."""
    text = (
        "May 05 02:00:01 ingest03 systemd[1]: Starting dailies-pull.service - Pull dailies (ascp)...\n"
        "May 05 02:00:01 ingest03 dailies-pull[44102]: + ascp -P 33001 -l 80m -k 2 --user=dailies --host=203.0.113.88 "
        "/outbound/dailies/2026-05-04 /srv/dailies/\n"
        "May 05 02:40:03 ingest03 dailies-pull[44110]: A001C019.mov   41% 24.1GB  79.8Mb/s    1:02:55 ETA\n"
        "May 05 03:00:01 ingest03 systemd[1]: dailies-pull.service: start operation timed out. Terminating.\n"
        "May 05 03:00:01 ingest03 systemd[1]: dailies-pull.service: Failed with result 'timeout'.\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_wrappers_word_in_portuguese_that_ascp_ended_with_code_1_is_a_run():
    """ "ERRO: ascp terminou com código 1" in a cron mail, ascp's own output rotated away: one run that failed, its
    cause not told (had been read as no run at all)."""
    text = (
        "[sync_ena] 2024-06-09 02:30:01 início\n"
        "[sync_ena] executando ascp (saída em /var/log/sync_ena.log)\n"
        "[sync_ena] ERRO: ascp terminou com código 1\n"
        "[sync_ena] 2024-06-09 02:30:40 fim (falha)\n"
    )
    assert cause_ids(text) == ["unknown"]


def test_prefects_time_and_level_prefix_lets_its_retry_start_a_run_of_its_own():
    """Prefect's log ("10:02:15.379 | INFO    | Task run 'fetch_run-0' - cmd: ascp ...") of a task and its retry,
    each failing to authenticate: two runs (its time of day alone was no stamp, the retry's command no start: read
    as one run)."""
    task = "| Task run 'fetch_run-0' - "
    command = (
        "cmd: ascp -QT -l 300m -P33001 -i /opt/conda/etc/asperaweb_id_dsa.openssh era-fasp@fasp.sra.ebi.ac.uk:x /d/\n"
    )
    text = ""
    for at in ("10:02:1", "10:02:4"):
        text += f"{at}5.379 | INFO    {task}{command}"
        text += f"{at}7.051 | ERROR   {task}ascp: failed to authenticate, exiting.\n"
        text += f"{at}7.052 | ERROR   {task}Session Stop  (Error: failed to authenticate)\n"
    assert cause_ids(text) == ["auth", "auth"]


def test_a_notebooks_prose_telling_what_one_would_see_adds_no_sshd_evidence():
    """Guard (the review): sshd's stamped line under "if the server's OpenSSH is too new you'll see:" is a
    tutorial's example, not the partner's log: the run's own words stand."""
    prose = [
        "Troubleshooting: if the server's OpenSSH is too new you'll see:\n",
        "Dec 02 10:14:27 xfer sshd[88213]: Unable to negotiate with 192.0.2.145 port 52514: no matching "
        "key exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]\n",
    ]
    notebook = _failed_auth_notebook(prose)
    assert cause_ids(json.dumps(notebook, indent=1)) == ["auth"]


def test_a_wrappers_portuguese_exit_code_with_its_name_is_a_run_too():
    """Guard (the review): "terminou com código de saída 1" (exit code) reads as the shorter form does."""
    assert cause_ids("[sync] executando ascp\n[sync] ERRO: ascp terminou com código de saída 1\n") == ["unknown"]


def _failed_auth_notebook(prose: list[str]) -> dict[str, object]:
    """A notebook whose one code cell ran ascp that "failed to authenticate", then a markdown cell of ``prose``."""
    command = "!ascp -P 33001 --mode=recv --host=xfer.example.org --user=lab /retest/ /data/retest/"
    said = ["ascp: failed to authenticate, exiting.\n", "\n", "Session Stop  (Error: failed to authenticate)\n"]
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 2,
                "metadata": {},
                "source": [command],
                "outputs": [{"output_type": "stream", "name": "stdout", "text": said}],
            },
            {"cell_type": "markdown", "metadata": {}, "source": prose},
        ],
    }
