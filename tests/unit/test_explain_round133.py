"""explain: what blind round 133 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids

ENA = "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR251/008/SRR25117408/SRR25117408_1.fastq.gz data/"


def test_a_kernel_interrupted_at_ascp_s_passphrase_prompt_is_the_prompt_s_run():
    """A notebook's ascp sat at "Key passphrase: " until the kernel was interrupted: the key is why (low), not a
    cancel at high confidence."""
    text = (
        f"$ ascp -QT -l 300m -P33001 -k1 -i /home/u/.aspera/connect/etc/asperaweb_id_dsa.openssh {ENA}\n"
        "Key passphrase: \n"
        "---------------------------------------------------------------------------\n"
        "KeyboardInterrupt                         Traceback (most recent call last)\n"
        "KeyboardInterrupt: \n"
    )
    assert cause_ids(text) == ["key-file"]


def test_a_kernel_interrupted_mid_transfer_is_still_a_cancel():
    """Guard: KeyboardInterrupt while ascp was moving data is the person's cancel."""
    text = (
        f"$ ascp -QT -l 300m -P33001 -i /home/u/.aspera/key.pem {ENA}\n"
        "SRR25117408_1.fastq.gz                           31%  612MB  288Mb/s    00:51 ETA\n"
        "KeyboardInterrupt: \n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_ascp_not_found_for_a_file_on_the_path_the_script_set_died_at_start():
    """busybox's "ascp: not found" where the script put /opt/aspera/connect/bin on its PATH and ls -l shows ascp
    there: it could not start (a glibc build on musl), it is not missing; the person's "ascp -A" and the shell's
    answer to it are no run."""
    text = (
        "+ export PATH=/opt/aspera/connect/bin:/usr/local/bin:/usr/bin:/bin\n"
        "+ ascp -QT -l 500m -P33001 --mode=recv --host=aspera.partner.example --user=sync /d/ /mnt/landing/\n"
        "/usr/local/bin/sync.sh: line 14: ascp: not found\n"
        "sync failed rc=127\n\n"
        "/ # ls -l /opt/aspera/connect/bin/ascp\n"
        "-rwxr-xr-x    1 root     root       9184408 Oct 22 14:05 /opt/aspera/connect/bin/ascp\n"
        "/ # /opt/aspera/connect/bin/ascp -A\n"
        "/bin/sh: /opt/aspera/connect/bin/ascp: not found\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_ascp_not_found_with_no_file_shown_stays_missing():
    """Guard: the same "ascp: not found" with no listing of the file is a missing ascp."""
    text = (
        "+ export PATH=/opt/aspera/connect/bin:/usr/local/bin:/usr/bin:/bin\n"
        "+ ascp -QT -l 500m -P33001 --mode=recv --host=aspera.partner.example --user=sync /d/ /mnt/landing/\n"
        "/usr/local/bin/sync.sh: line 14: ascp: not found\n"
    )
    assert cause_ids(text) == ["ascp-missing"]


def test_sshd_s_drops_stamped_in_the_host_s_language_to_the_microsecond():
    """journalctl's short-precise stamps in Finnish ("kesä 03 09:02:00.114630"): sshd's drops past MaxStartups tell
    the client's two "failed to authenticate" runs (they had read as auth)."""
    drop = "kesä 03 09:02:00.{f} hel3 sshd[1021]: drop connection #2 from [193.166.4.57]:{p} on [10.3.0.8]:33001 "
    text = (
        "Ote lokista (journalctl -u sshd, short-precise):\n\n"
        + (drop + "past MaxStartups\n").format(f="114630", p=40418)
        + (drop + "past MaxStartups\n").format(f="115201", p=40420)
        + "\nAsiakkaan puolelta:\n"
        "    laite3: ascp: failed to authenticate, exiting.\n"
        "            Session Stop  (Error: failed to authenticate)\n"
        "    laite4: ascp: failed to authenticate, exiting.\n"
        "            Session Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids(text) == ["ssh-refused", "ssh-refused"]


def test_a_problem_matcher_s_patterns_and_examples_are_no_runs():
    """A GitHub Actions problem matcher (JSON): its regexes, their group numbers under "message" and its
    "//example" strings quote ascp's words, no run (they had read as four runs)."""
    matcher = {
        "problemMatcher": [
            {
                "owner": "ascp-exiting",
                "//example": "ascp: failed to authenticate, exiting.",
                "pattern": [{"regexp": "^(ascp):\\s+(.+?),\\s+exiting\\.?$", "code": 1, "message": 2}],
            },
            {
                "owner": "ascp-log-err",
                "//example": "2015-09-15 14:10:39 [59c-00001c80] ERR [ascp] SSH authentication failed",
                "pattern": [{"regexp": "^\\d{4}-\\d{2}-\\d{2} .* ERR (.+)$", "message": 1}],
            },
        ]
    }
    assert cause_ids(json.dumps(matcher, indent=2)) == []
