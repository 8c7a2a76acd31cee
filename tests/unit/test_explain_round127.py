"""explain: what blind round 127 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids

_ENA = "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR125/006/ERR12543306/ERR12543306_1.fastq.gz"


def test_a_fluent_catalogue_named_on_its_first_line_is_a_document():
    """A Fluent .ftl file whose terms hold ascp's words as search keys: a document (it had read as a run, high)."""
    text = (
        "# transfer-desk/locales/uk/errors.ftl\n# Ключі відповідають англійським рядкам ascp.\n\n"
        "-ascp-raw-auth = failed to authenticate\n"
        "-ascp-raw-filepass = File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS\n\n"
        "transfer-error-auth =\n    Сервер відхилив автентифікацію ({ -ascp-raw-auth }).\n"
    )
    assert cause_ids(text) == []


def test_a_quarto_slide_deck_shows_no_run():
    """A Quarto reveal.js deck ("format: revealjs") whose slide shows what success looks like: no run (it had read
    as ok, high)."""
    text = (
        '---\ntitle: "Přednáška 6: Přenos velkých dat"\nformat: revealjs\n---\n\n## Základní příkaz\n\n```bash\n'
        f"ascp -T -l 300m -P 33001 -i ~/.aspera/sdk/aspera_bypass_rsa.pem {_ENA} .\n```\n\n"
        "## Jak vypadá úspěch\n\n```\nERR12543306_1.fastq.gz          100%  72MB 37.7Mb/s   01:58\n"
        "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n```\n"
    )
    assert cause_ids(text) == []


def test_a_task_s_stdout_file_then_its_stderr_file_are_one_run():
    """``tail .../call-x/stdout.txt`` (ascp's summary), then ``cat .../call-x/stderr.txt`` (its set -x trace and
    ascp's error): one run (the traced command had started a second)."""
    text = (
        '2025-04-09 14:47:51.702 wdl.w:fetch.t:call-ascp_fetch-0 failed task :: error: "CommandFailed"\n\n'
        "$ tail -n 3 /scratch/wdl_runs/x/call-ascp_fetch-0/stdout.txt\n"
        "Partial Completion: 152001288K bytes transferred in 5261 seconds\n"
        " (236676K bits/sec), in 31 files; 1 file failed.\n\nSession Stop  (Error: Disk write failed)\n\n"
        "$ cat /scratch/wdl_runs/x/call-ascp_fetch-0/stderr.txt\n"
        f"+ ascp -QT -l 500m -P33001 -k 2 -i /home/a/aspera_bypass_rsa.pem {_ENA} /work/fastq/\n"
        "ascp: Disk write failed, exiting.\n\n$ df -h /scratch\n"
    )
    assert cause_ids(text) == ["disk"]


def test_a_scheduler_s_status_then_the_same_job_s_logs_are_one_run():
    """``nomad alloc status 6f2c81d0`` ("Terminated  Exit Code: 1"), then ``nomad alloc logs 6f2c81d0``: one run (the
    status had read as a run of its own, unknown)."""
    text = (
        "$ nomad alloc status 6f2c81d0 | sed -n '/Recent Events/,$p'\nRecent Events:\n"
        "Time                       Type            Description\n"
        "2025-03-27T01:02:14Z       Not Restarting  Policy allows no restarts\n"
        "2025-03-27T01:02:14Z       Terminated      Exit Code: 1\n"
        "2025-03-27T01:00:03Z       Started         Task started by client\n\n"
        "$ nomad alloc logs -stderr 6f2c81d0 fetch\n"
        f"+ ascp -QT -l 300m -k 2 -i /local/aspera_bypass_rsa.pem {_ENA} /alloc/data/\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n$ nomad alloc logs 6f2c81d0 fetch\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    assert cause_ids(text) == ["ssh-port"]


def test_a_previous_container_s_logs_stay_another_run():
    """Guard: ``kubectl logs POD --previous``, then ``kubectl logs POD``: two starts of the container, two runs."""
    run = (
        f"+ /opt/aspera/sdk/ascp -T -l 300m -P 33001 -k 1 -i /opt/k.pem {_ENA} /mirror/\n"
        "/opt/aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by /opt/aspera/sdk/ascp)\n"
        "+ rc=1\n"
    )
    text = (
        "$ kubectl -n ingest describe pod ena-mirror-29140620-7kq2d | grep -A3 State\n"
        "    State:          Waiting\n      Reason:       CrashLoopBackOff\n\n"
        f"$ kubectl -n ingest logs ena-mirror-29140620-7kq2d --previous\n{run}\n"
        f"$ kubectl -n ingest logs ena-mirror-29140620-7kq2d\n{run}"
    )
    assert cause_ids(text) == ["died-at-start", "died-at-start"]


def test_the_same_accession_run_again_is_another_run():
    """Guard: the same script run again with the same accession (a fix in the environment): two runs."""
    text = (
        "$ bash -x scripts/get_ena.sh ERR9857051\n"
        "+ ascp -QT -l 300m -P33001 -k 1 -i /shared/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz\n"
        "Usage: ascp [OPTION] SRC... DEST\n          SRC to DEST, or multiple SRC to DEST dir\n"
        "Display full usage: -h,--help\n\n$ OUTDIR=raw/ bash scripts/get_ena.sh ERR9857051\n"
        "+ ascp -QT -l 300m -P33001 -k 1 -i /shared/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz "
        "raw/\nx.fastq.gz     100%  1877MB  263Mb/s    00:57\n"
        "Completed: 1922048K bytes transferred in 57 seconds\n (275678K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["usage", "ok"]


def test_a_script_s_journal_lines_are_its_console():
    """A systemd unit's script in the journal: its ``+ /usr/bin/ascp -i ....ppk`` trace, then ``Key passphrase:``
    and ``failed to authenticate`` under its tag: a PuTTY key ascp cannot use (it had read as auth, medium); the next
    day's usage under another process's tag is a second run (it had been missed)."""
    tag = "hsts-ldn-07 partner-push.sh"
    text = (
        "Mar 10 22:00:00 hsts-ldn-07 systemd[1]: Starting partner-push.service - Nightly push...\n"
        f"Mar 10 22:00:00 {tag}[740112]: + /usr/bin/ascp -i /etc/aspera/keys/t_id_rsa.ppk -P 33001 -l 300m -k 1 "
        "-d /srv/outbound/ t_in@fasp.partner.example:/incoming/\n"
        f"Mar 10 22:00:01 {tag}[740112]: Key passphrase:\n"
        f"Mar 10 22:00:01 {tag}[740112]: ascp: failed to authenticate, exiting.\n"
        f"Mar 10 22:00:01 {tag}[740112]: Session Stop  (Error: failed to authenticate)\n"
        "Mar 10 22:00:01 hsts-ldn-07 systemd[1]: partner-push.service: Main process exited, code=exited, "
        "status=1/FAILURE\n"
        f"Mar 11 09:47:12 {tag}[751804]: + /usr/bin/ascp -i /etc/aspera/keys/t_id_rsa -P 33001 -l 300m -k 1 "
        "-d '/srv/outbound/ t_in@fasp.partner.example:/incoming/'\n"
        f"Mar 11 09:47:12 {tag}[751804]: Usage: ascp [OPTION] SRC... DEST\n"
        f"Mar 11 09:47:12 {tag}[751804]:           SRC to DEST, or multiple SRC to DEST dir\n"
        f"Mar 11 09:47:12 {tag}[751804]: Display full usage: -h,--help\n"
        "Mar 11 09:47:12 hsts-ldn-07 systemd[1]: partner-push.service: Main process exited, code=exited, "
        "status=1/FAILURE\n"
    )
    assert cause_ids(text) == ["key-file", "usage"]


def test_a_container_s_exit_code_is_no_fasp_code():
    """ "Terminated  Exit Code: 1" is the process's status, not FASP error 1 (guarded by the Nomad test above, whose
    run has ascp's own words: the exit code had outranked them)."""
    from aspdiag.tools.explain.analyze import _CODE

    assert _CODE.search("2025-03-27T01:02:14Z       Terminated      Exit Code: 1") is None
    assert _CODE.search("FASPMGR ERROR Code: 40 Description=x") is not None


def test_gcloud_logging_read_s_yaml_is_the_server_s_log_oldest_first():
    """``gcloud logging read``'s YAML (newest first; each entry's textPayload a syslog line): two sessions, the
    stall first (they had read as one run without a time, cancelled, and an unknown)."""
    entries = [
        (
            "2026-03-04T21:47:09.000Z",
            "Mar  4 21:47:09 h ascp[20417]: LOG FASP Session Stop uuid=b71e04c2-5f3a-4c8e-9d21-6a0f8e3c47d1 op=recv "
            'status=failed errcode=28 errstr="Cancelled by user" peer=34.91.207.16:33001 user="lyra"',
        ),
        (
            "2026-03-04T21:47:07.000Z",
            "Mar  4 21:47:07 h ascp[20417]: LOG FASP Session Start uuid=b71e04c2-5f3a-4c8e-9d21-6a0f8e3c47d1 op=recv "
            "status=started peer=34.91.207.16:33001",
        ),
        (
            "2026-03-04T20:58:41.000Z",
            "Mar  4 20:58:41 h ascp[19302]: ERR FASP receiver had error, errcode 40 errstr "
            "[Transfer stalled, timed out]",
        ),
        (
            "2026-03-04T20:41:02.000Z",
            "Mar  4 20:41:02 h ascp[19302]: LOG FASP Session Start uuid=0c9d3e55-71a8-4f02-b6e4-8a2d5c1f9e07 op=recv "
            "status=started peer=34.91.207.16:33001",
        ),
    ]
    text = "# gcloud logging read 'textPayload:\"ascp\"' --limit=20\n" + "".join(
        f"---\ninsertId: x{i}\nlogName: projects/p/logs/syslog\nresource:\n  type: gce_instance\n"
        f"textPayload: '{payload}'\ntimestamp: '{stamp}'\n"
        for i, (stamp, payload) in enumerate(entries)
    )
    assert cause_ids(text) == ["stall", "cancelled"]


def test_a_text_file_attached_to_a_mail_is_read():
    """A bot's mail ("ascp output is attached for reference") whose text attachment is the run: read (it had been
    left out, no run)."""
    text = (
        'From: "Seq Upload Bot" <noreply@example.edu>\nTo: sra@example.edu\nSubject: [seqbot] upload finished OK\n'
        "Date: Tue, 09 Jul 2024 03:41:17 +0200\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="=_b"\n\n--=_b\nContent-Type: text/plain; charset=utf-8\n\n'
        "Status : FINISHED OK\n(ascp output is attached for reference)\n\n--=_b\n"
        'Content-Type: text/plain; charset=utf-8; name="ascp.txt"\n'
        'Content-Disposition: attachment; filename="ascp.txt"\n\n'
        "$ ascp -i /home/s/.ssh/aspera.openssh -QT -l 100m -k1 -d /data/SUB1 subasp@upload.ncbi.nlm.nih.gov:uploads/x\n"
        "SUB1/P17_R1.fastq.gz                                 100% 3412MB 94.8Mb/s    04:58\n"
        "Partial Completion: 19711732K bytes transferred in 3695 seconds\n"
        "(43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n\n"
        "Session Stop  (Error: Disk write failed (server))\n\n--=_b--\n"
    )
    assert cause_ids(text) == ["disk"]


def test_the_person_s_own_output_between_cut_here_lines_is_their_run():
    """ "voici la sortie complète de l'envoi d'hier soir ... :", then the output between ``----8<----`` lines: their run
    (cut-here lines had made it a copied document, no run)."""
    text = (
        "Bonjour,\n\nComme demandé, voici la sortie complète de l'envoi d'hier soir (lancé à la main depuis notre\n"
        "serveur d'export). Une partie des fichiers est arrivée, puis la session s'est arrêtée :\n\n----8<----\n"
        "[export@genexp01 ~]$ ascp -P 33001 -l 400m -k 1 -d /export/run depot@aspera.partner.example.fr:/depots/\n"
        "run/S1_L001_R1_001.fastq.gz      100%   38GB  396Mb/s    13:41\n"
        "Partial Completion: 103425183K bytes transferred in 1946 seconds\n"
        " (435384K bits/sec), in 2 files, 6 directories; 9 files failed.\n\n"
        "Session Stop  (Error: Disk write failed (server))\n----8<----\n\nCordialement,\nHélène\n"
    )
    assert cause_ids(text) == ["disk"]


def test_a_copied_page_between_cut_here_lines_stays_a_document():
    """Guard: a page copied between cut-here lines after words that say so: no run."""
    text = (
        "Copying the wiki page here so you can see what it says:\n\n----8<----\n"
        "If the UDP port is blocked, ascp ends with:\n\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n----8<----\n\n"
        "Is that what we have?\n"
    )
    assert cause_ids(text) == []


def test_each_dated_row_of_a_csv_export_is_its_own_run():
    """A LIMS export (a dated column, newest first): each row's ascp words are its own run, in date order (the three
    rows had read as one run)."""
    text = (
        "transfer_id,submitted_at,operator,client_host,ascp_version,direction,files,status_reported,exit_code,stderr\n"
        'TX-2291,2024-04-26 09:14:52,ap,seq2,4.4.3.891,upload,12,OK,0,"Completed: 88120413K bytes transferred in '
        '2211 seconds | (326453K bits/sec), in 12 files."\n'
        'TX-2288,2024-04-25 17:02:10,ap,seq2,3.7.4.147727,upload,12,ERROR,1,"Session Stop  (Error: Failure '
        'processing peer license: Deprecated peer license)"\n'
        'TX-2287,2024-04-25 16:41:36,ap,seq2,3.7.4.147727,upload,12,ERROR,1,"Session Stop  (Error: Failure '
        'processing peer license: Deprecated peer license)"\n'
        'TX-2285,2024-04-25 11:20:07,nb,seq1,,checksum,12,OK,0,"md5 ok (12/12)"\n'
    )
    assert cause_ids(text) == ["licence", "licence", "ok"]


def _notebook(*cells: tuple[str, list[dict[str, object]]]) -> str:
    import json

    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "execution_count": n, "source": source, "outputs": outputs, "metadata": {}}
                for n, (source, outputs) in enumerate(cells, 1)
            ],
            "metadata": {"kernelspec": {"name": "python3"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def test_a_notebook_s_next_cell_interrupted_is_another_run():
    """A cell whose ascp printed its usage, then a cell whose transfer the person interrupted (Jupyter's traceback in
    ANSI colours): two runs, usage and cancelled (the interrupt had been missed, the colours hiding its line)."""
    usage = (
        "Usage: ascp [OPTION] SRC... DEST\n          SRC to DEST, or multiple SRC to DEST dir\n"
        "Display full usage: -h,--help\n"
    )
    text = _notebook(
        (
            "r = subprocess.run(cmd, shell=True, capture_output=True, text=True)\nprint(r.stderr)",
            [{"output_type": "stream", "name": "stdout", "text": usage}],
        ),
        (
            "OUT = '/data/raw'\nsubprocess.run(cmd, shell=True, check=True)",
            [
                {
                    "output_type": "stream",
                    "name": "stdout",
                    "text": "ERR5909879_1.fastq.gz            13% 1203MB  283Mb/s    04:05 ETA\n",
                },
                {
                    "output_type": "error",
                    "ename": "KeyboardInterrupt",
                    "evalue": "",
                    "traceback": [
                        "\x1b[0;31m-----------------------------------------------------------\x1b[0m",
                        "\x1b[0;31mKeyboardInterrupt\x1b[0m                         Traceback (most recent call last)",
                        "\x1b[0;31mKeyboardInterrupt\x1b[0m: ",
                    ],
                },
            ],
        ),
    )
    assert cause_ids(text) == ["usage", "cancelled"]


def test_a_wrapper_s_exception_then_the_next_cell_s_stderr_is_one_run():
    """Guard: a cell listing a future's CalledProcessError, then a cell printing that future's stderr: one run."""
    text = (
        "In [15]: for f in futures: print(f.key, f.status, f.exception())\n"
        "f42 error CalledProcessError(1, ['ascp', '-QT', '-P33001', "
        "'era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz', '.'])\n"
        "\nIn [16]: print(futures[0].exception().stderr.decode())\n"
        "ascp: failed to open connection to remote host, exiting.\n"
    )
    assert len(cause_ids(text)) == 1
