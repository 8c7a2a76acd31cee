"""explain: what blind round 146 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_evidence import explain_text
from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_rule_files_fixtures_not_captured_transfers_have_no_runs():
    """A log shipper's rule file whose `tests:` quote ascp's lines, its header "they are fixtures, not captured
    transfers": no run, not even its quoted Session Start record with a uuid (eight had been read, most at high)."""
    text = (BLIND / "round146-documents" / "09-logparse-rules-ascp.yaml").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_logged_run_under_a_person_not_having_tried_something_else_yet_stays():
    """Guard: "I have not tried from home yet" under a -L- run's records (uuid, no time of their own) does not make
    them samples (blind round 136's mail)."""
    text = (BLIND / "round136-ordinary" / "02-ena-helpdesk-hospital-udp.eml").read_text(encoding="utf-8")
    assert cause_ids(text) == ["udp"]


def test_systemds_scope_at_its_runtime_limit_cancels_the_run():
    """systemd-run's scope ended at RuntimeMaxSec ("Scope reached runtime time limit. Stopping."), its ascp at 60 %:
    cancelled by the limit the person set (had been read as a stall, low)."""
    text = (
        "$ systemd-run --user --scope -p RuntimeMaxSec=2h -- ~/.aspera/connect/bin/ascp -QT -l 300m -P33001 -k1 "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz /data/ena/\n"
        "Running scope as unit: run-r3b1c0f2.scope\n"
        "ERR164407.fastq.gz                          59%  42MB 3.0Mb/s    02:10 ETA\n"
        "ERR164407.fastq.gz                          60%  43MB 2.9Mb/s    02:09 ETA\n"
        "Terminated\n\n"
        "$ journalctl --user -u run-r3b1c0f2.scope --no-pager\n"
        "dec 03 16:41:07 ws-lab12 systemd[2218]: Started run-r3b1c0f2.scope - ascp -QT -l 300m ...\n"
        "dec 03 18:41:07 ws-lab12 systemd[2218]: run-r3b1c0f2.scope: Scope reached runtime time limit. Stopping.\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_job_output_file_named_before_cut_here_lines_is_the_persons_run():
    """ "Voici le fichier slurm-5523187.out :" and the file between "----8<----" lines: the person's job's output,
    its run read (the cut-here lines had made it a copied document: no run)."""
    text = (
        "Bonjour, mes téléchargements ENA s'arrêtent en plein milieu. Voici le fichier slurm-5523187.out :\n\n"
        "----8<----\n"
        "+ ascp -QT -l 1000m -P33001 -k1 era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR127/ERR12716402/x.cram /lustre/x/\n"
        "x.cram                                   3%  611MB  402Mb/s    12:47 ETA\n"
        "x.cram                                  11% 2090MB  0.9Mb/s    ---:-- ETA\n"
        "x.cram                                  11% 2090MB  0.0Kb/s    ---:-- ETA\n"
        "Session Stop  (Error: Session data transfer timeout)\n"
        "----8<----\n\nMerci,\nClaire\n"
    )
    assert cause_ids(text) == ["stall"]


def test_a_pod_evicted_at_its_ephemeral_storage_limit_ended_the_run():
    """kubelet's eviction ("Pod ephemeral local storage usage exceeds the total limit of containers 10Gi.") of the
    pod whose ascp stopped at 66 %: ended from outside (had been read as unknown)."""
    text = (
        "$ kubectl -n genomics logs fetch-ena-prj-7x2kq\n"
        "+ ascp -QT -l 500m -P33001 -k1 era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR123/ERR12345678/NA12878.cram /w/\n"
        "NA12878.final.cram                      58%  8930MB  490Mb/s    01:32 ETA\n"
        "NA12878.final.cram                      66%     10GB  489Mb/s    01:17 ETA\n\n"
        "$ kubectl -n genomics describe pod fetch-ena-prj-7x2kq\n"
        "Status:           Failed\nReason:           Evicted\n"
        "Message:          Pod ephemeral local storage usage exceeds the total limit of containers 10Gi.\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_ansibles_task_banner_at_the_terminals_width_is_no_wrapped_line():
    """Ansible's banner ("TASK [aspera : descargar] ****...", stars to 80 columns) is whole: the task's result under
    it is a line of its own (the two had been joined as one line cut at the terminal's width)."""
    banner = "TASK [aspera : descargar ERR3240175] "
    banner += "*" * (80 - len(banner))
    text = (
        f"{banner}\n"
        'fatal: [srv01]: FAILED! => {"changed": true, "cmd": ["/opt/aspera/connect/bin/ascp", "-QT", "-i", '
        '"/opt/k.putty", "era-fasp@fasp.sra.ebi.ac.uk:x", "/d/"], "msg": "non-zero return code", "rc": 1, '
        '"stderr": "ascp: failed to authenticate, exiting.", "stdout": ""}\n'
    )
    runs = explain_text(text)
    assert [s.cause_id for s in runs] == ["auth"]
    assert not any(line.startswith("TASK [") for line in runs[0].evidence)
