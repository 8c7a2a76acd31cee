"""explain: what blind round 135 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_runbook_s_words_of_what_clients_will_fail_with_are_no_run():
    """A Spanish runbook: "Los clientes que fijan la huella con --check-sshfp fallarán con:" (will fail with), then
    ascp's words: the page's sample (it had read as a host-key failure, high)."""
    text = (
        "RUNBOOK DTN-07 — Cambio de clave de host en servidores Aspera\n\n"
        "1. CUÁNDO USAR ESTE RUNBOOK\n"
        "   Después de migrar un servidor HSTS, las claves SSH del host cambian. Los clientes que fijan la huella\n"
        "   con --check-sshfp fallarán con:\n\n"
        "       ascp: Remote host is not who we expected, exiting.\n\n"
        "2. VERIFICACIÓN\n"
    )
    assert cause_ids(text) == []


def test_a_docker_build_s_version_check_that_dies_is_no_run_of_its_own():
    """ "Step 7/12 : RUN ascp -A" in a build's output, then the loader's GLIBC line: the image's check, not a
    transfer; the run in the workflow later died the same way (it had read as two runs)."""
    text = (
        "Step 7/12 : RUN ascp -A\n"
        " ---> Running in 4b1c9d2e7a10\n"
        "ascp: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by ascp)\n"
        "The command '/bin/sh -c ascp -A' returned a non-zero code: 1\n"
        "and at runtime:\n"
        "[2025-01-28 08:31:16] INFO  fetch_reads: ascp -QT -l 300m -P33001 -i /opt/key.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR229/008/SRR22954208/SRR22954208.fastq.gz /work/reads/\n"
        "ascp: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by ascp)\n"
        "[2025-01-28 08:31:16] ERROR fetch_reads: command exited with status 1\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_a_docker_build_s_version_check_alone_still_tells_what_it_found():
    """Guard: the same check with no run after it is all the input says: its loader failure is still told."""
    text = (
        "Step 7/12 : RUN ascp -A\n"
        " ---> Running in 4b1c9d2e7a10\n"
        "ascp: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by ascp)\n"
        "The command '/bin/sh -c ascp -A' returned a non-zero code: 1\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_the_app_s_error_line_over_the_client_log_of_that_session_is_one_run():
    """The Desktop Client's detail pane ("Error: Path being written to Windows file system contains illegal
    characters") and then the client log's session that failed so: one session (it had read as two)."""
    text = (
        "The detail pane says:\n\n"
        "  Error: Path being written to Windows file system contains illegal characters\n\n"
        "The client log:\n\n"
        '2024-09-12 16:05:41.402 [2d4c-00003a10] ERR Failed to create file "C:/Users/r/Downloads/QC 09:11.pdf"\n'
        "2024-09-12 16:05:41.402 [2d4c-00003a10] ERR Windows path contains illegal characters\n"
        "2024-09-12 16:05:41.958 [2d4c-00001e88] LOG FASP Session Stop uuid=5a0b7c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d "
        'op=recv status=failed errcode=56 errstr="Windows path contains illegal characters" source=/deliveries/EP12 '
        "(3) dest=C:/Users/r/Downloads local=10.20.4.57:61344 peer=203.0.113.44:33001 tcp_port=33001\n"
    )
    assert cause_ids(text) == ["path-name"]


def test_the_transfer_daemon_s_failed_line_after_its_ascp_s_end_is_the_same_run():
    """transferd's "transfer <id> failed: code 50: Aspera.conf contains invalid data ..." after ascp's own
    "..., exiting.": the daemon's word for the run it started (it had read as two)."""
    text = (
        '{"level":"info","time":"2026-12-02T16:41:09+01:00","msg":"starting ascp: C:\\\\Program Files\\\\IBM\\\\'
        'Aspera for desktop\\\\resources\\\\sdk\\\\ascp.exe (4.4.5)","appname":"transferd"}\n'
        '{"level":"error","time":"2026-12-02T16:41:09+01:00","msg":"ascp.exe: Aspera.conf contains invalid data and '
        'was rejected, exiting.","appname":"transferd"}\n'
        '{"level":"error","time":"2026-12-02T16:41:09+01:00","msg":"transfer 3e8b1f2c-6d4a-4c17-9e05-7a2f1b9c0d84 '
        'failed: code 50: Aspera.conf contains invalid data and was rejected","appname":"transferd"}\n'
    )
    assert cause_ids(text) == ["configuration"]


def test_ascli_s_last_line_after_its_ascp_s_session_stop_is_the_same_run():
    """ "+ ascli server download ...", ascp's "Session Stop (Error: Session initiation failed, read timed out)",
    then ascli's "ERROR: Transfer: Session initiation failed, read timed out": one run (it had read as two)."""
    text = (
        "+ ascli server download --url=ssh://fasp.partner.example:33001 --username=box --password=@env:BOX_PASS "
        "--to-folder=/data/ingest /outbox/batch_1204/\n"
        "Session Stop  (Error: Session initiation failed, read timed out)\n"
        "ERROR: Transfer: Session initiation failed, read timed out\n"
        "+ echo 'ascli exit 1'\n"
        "ascli exit 1\n"
    )
    assert cause_ids(text) == ["session-start"]


def test_an_html_page_s_description_for_search_engines_is_no_run():
    """<meta name="description" content="ascp が Client unable to connect to server で止まった時の記録">: the
    page's summary; its body's run is the one (it had read as two)."""
    text = (
        "<html><head>\n"
        '<meta name="description" content="ascp が Client unable to connect to server で止まった時の記録">\n'
        "</head><body><pre>\n"
        "$ ascp -QT -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/DRR000/DRR000001/DRR000001.fastq.bz2 ./\n"
        "ascp: Client unable to connect to server (check UDP port and firewall), exiting.\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "</pre></body></html>\n"
    )
    assert cause_ids(text) == ["udp"]


def test_a_ci_step_s_exit_after_a_later_traced_command_is_that_command_s():
    """set -x's "+ echo '<md5>  ref/x.gz' | md5sum -c -" after ascp's run completed, then GitHub's "##[error]Process
    completed with exit code 1.": md5sum's failure, no run of ascp's (it had read as a second, unknown run)."""
    text = (
        "2025-03-18T04:12:55.1212761Z + /home/runner/.aspera/sdk/ascp -T -k1 -l 100M -P 33001 "
        "fasp-ebi@fasp.ebi.ac.uk:databases/ena/wgs/public/wya/WYAA01.dat.gz ref/\n"
        "2025-03-18T04:13:17.4410082Z WYAA01.dat.gz                         100%  244MB  112Mb/s    00:20\n"
        "2025-03-18T04:13:17.4411507Z Completed: 249998K bytes transferred in 21 seconds\n"
        "2025-03-18T04:13:17.4411903Z  (94969K bits/sec), in 1 file.\n"
        "2025-03-18T04:13:17.4502281Z + echo 'd41d8cd98f00b204e9800998ecf8427e  ref/WYAA01.dat.gz' | md5sum -c -\n"
        "2025-03-18T04:13:18.0221014Z ref/WYAA01.dat.gz: FAILED\n"
        "2025-03-18T04:13:18.0281170Z ##[error]Process completed with exit code 1.\n"
    )
    assert cause_ids(text) == ["ok"]


def test_a_script_s_own_echo_of_ascp_s_status_still_tells_its_run():
    """Guard: '+ echo "exit=1"' after the run is the script's word of ascp's status, not another command's."""
    text = (
        "+ ascp -QT -l 300m -P33001 era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz .\n"
        "ascp: Server aborted session: No such file or directory, exiting.\n"
        '+ echo "exit=1"\n'
        "exit=1\n"
    )
    assert cause_ids(text) == ["no-such-file"]


def test_a_pod_s_failed_mount_event_is_no_run():
    """kubectl describe's "Warning  FailedMount ... MountVolume.SetUp failed for volume "aspera-conf"" beside the
    pod's two starts' logs: the pod's event, no run (it had read as a third, unknown run)."""
    run = (
        "+ ascp -P 33001 -l 500m --mode=recv --host=hsts.example.com --user=pull_bot -k 2 /daily/ /mnt/landing/\n"
        "ascp: Aspera.conf contains invalid data and was rejected, exiting.\n"
        "+ echo 'pull failed rc=1'\n"
        "pull failed rc=1\n\n"
    )
    text = (
        "$ kubectl -n ingest logs nightly-pull-8vx2q --previous\n"
        + run
        + "$ kubectl -n ingest logs nightly-pull-8vx2q\n"
        + run
        + "$ kubectl -n ingest describe pod nightly-pull-8vx2q | sed -n '/Events:/,$p'\n"
        "Events:\n"
        "  Type     Reason     Age                From               Message\n"
        "  ----     ------     ----               ----               -------\n"
        '  Warning  FailedMount 44s               kubelet            MountVolume.SetUp failed for volume "aspera-conf" '
        ': configmap "aspera-conf" not found\n'
        "  Warning  BackOff    14s (x2 over 29s)  kubelet            Back-off restarting failed container pull\n"
    )
    assert cause_ids(text) == ["configuration", "configuration"]


def test_ctrl_c_on_a_moving_bar_ends_that_run_once_the_prompt_is_back():
    """ "... 08:12 ETA^C" on the foreground run, the prompt back, then `cat` of a background job's log with its
    UDP failure: two runs, the first cancelled (the log's failure had been given to the cut run)."""
    text = (
        "ioana@ws:~/imaging$ ascp -P 33001 -l 500m --mode=recv --host=fasp.partner.example.org --user=ro "
        "/exports/atlas.tar ./in/ > logs/atlas.out 2>&1 &\n"
        "[1] 51860\n"
        "ioana@ws:~/imaging$ ascp -P 33001 -l 500m --mode=recv --host=aspera.core.example.eu --user=ioana "
        "/cohort3/block_B.tar ./in/\n"
        "block_B.tar                                  17% 5930MB  488Mb/s    08:12 ETA^C\n"
        "ioana@ws:~/imaging$ cat logs/atlas.out\n\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "ascp: Client unable to connect to server (check UDP port and firewall), exiting.\n"
    )
    assert sorted(cause_ids(text)) == ["cancelled", "udp"]


def test_ctrl_c_on_a_moving_bar_then_ascp_s_cancelled_session_stop_is_one_run():
    """Guard: "... ETA^C" and ascp's own "Session Stop  (Error: Cancelled by user)" right after it: one run."""
    text = (
        "giulia@MBP ~/data % ascp -QT -l 100m -P33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR128/x.fastq.gz .\n"
        "x.fastq.gz                                   31% 5210MB 24.3Mb/s    01:12:40 ETA^C\n"
        "Session Stop  (Error: Cancelled by user)\n"
        "giulia@MBP ~/data % \n"
    )
    assert cause_ids(text) == ["cancelled"]
