"""explain: what blind round 138 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids

_STEP = (
    "mkdir -p /ref && cd /ref && ascp -T -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164407.fastq.gz ."
)


def test_buildkit_s_recap_of_a_failed_step_is_no_run_of_its_own():
    """BuildKit's plain progress: the step's "#6 0.214 /bin/sh: 1: ascp: not found", then its recap (" > [4/5] RUN
    ...:", the output again, the Dockerfile's lines) and "ERROR: failed to solve: ...": one run (read as three)."""
    text = (
        f"#6 [4/5] RUN {_STEP}\n"
        "#6 0.214 /bin/sh: 1: ascp: not found\n"
        f'#6 ERROR: process "/bin/sh -c {_STEP}" did not complete successfully: exit code: 127\n'
        "------\n"
        f" > [4/5] RUN {_STEP}:\n"
        "0.214 /bin/sh: 1: ascp: not found\n"
        "------\n"
        "Dockerfile.fetch:9\n"
        "--------------------\n"
        f"   9 | >>> RUN {_STEP}\n"
        "--------------------\n"
        f'ERROR: failed to solve: process "/bin/sh -c {_STEP}" did not complete successfully: exit code: 127\n'
    )
    assert cause_ids(text) == ["ascp-missing"]


def test_buildkit_s_recap_is_the_run_where_the_step_s_output_shows_nowhere_else():
    """Guard: BuildKit's tty progress ("=> ERROR [6/6] RUN ..."), the step's output shown only in the recap: that
    output is the run."""
    step = "/root/.aspera/sdk/ascp --mode=recv --host=demo.example.com -P 33001 --user=aspera x/200KB.1 /tmp/"
    text = (
        f" => ERROR [6/6] RUN {step}  0.3s\n"
        "------\n"
        f" > [6/6] RUN {step}:\n"
        "0.241 /root/.aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by "
        "/root/.aspera/sdk/ascp)\n"
        "------\n"
        f'ERROR: failed to solve: process "/bin/sh -c {step}" did not complete successfully: exit code: 1\n'
    )
    assert cause_ids(text) == ["died-at-start"]


def test_ascli_s_look_at_its_ascp_is_no_transfer():
    """ "+ ascli config ascp info ..." dying on the loader's GLIBC line, ascli's "ERROR: Other: ascp version not
    found", then the upload that died the same way: one run (read as two)."""
    loader = (
        "/root/.aspera/sdk/ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by /root/.aspera/sdk/ascp)"
    )
    text = (
        "+ ascli config ascp info --fields=ascp,ascp_version\n"
        f"{loader}\n"
        "ERROR: Other: ascp version not found\n"
        "+ ascli server --url=ssh://eu-assets.example.com:33001 --username=releases upload --to-folder=/releases "
        "dist/x.tar.gz\n"
        f"{loader}\n"
        "E, [2025-01-21T16:03:49.201448 #77] ERROR -- : ascp failed (pid 91 exit 1)\n"
        "ERROR: Transfer: ascp failed (pid 91 exit 1)\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_azure_pipelines_job_time_limit_is_a_cancel():
    """ "##[error]The job running on agent ... ran longer than the maximum time of 60 minutes." over ascli's bar at
    58 %: cancelled by the pipeline's limit (it had read as unknown)."""
    text = (
        "2025-04-22T18:00:08.3310251Z + ascli server --url=ssh://fasp.vendor.example.com:33001 --username=dailies "
        "upload --to-folder=/in/20250422 --progress-bar=no 'dailies/*'\n"
        "2025-04-22T18:24:11.1207714Z  Time: 00:24:02 =====================---                  58% 31 Mbps  ETA: "
        "00:17:25\n"
        "2025-04-22T18:59:59.9981124Z ##[error]The job running on agent Azure Pipelines 4 ran longer than the "
        "maximum time of 60 minutes. For more information, see https://go.microsoft.com/fwlink/?linkid=2077134\n"
        "2025-04-22T19:00:00.6121987Z ##[error]The operation was canceled.\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_go_uploader_s_failed_transfer_record_with_a_plain_error_field_is_read():
    """A zap logger's JSON lines: a file's "error" then the transfer's end, "status": "FAILED", "error_code": 36,
    "error": "Disk write failed (server)": one disk failure (nothing had been read)."""
    text = (
        '{"level":"info","ts":"2025-02-27T23:10:03.602Z","msg":"transfer started","transfer_id":"7a8c0e2e"}\n'
        '{"level":"warn","ts":"2025-02-27T23:47:19.004Z","msg":"file error","transfer_id":"7a8c0e2e",'
        '"path":"/backup/pg/base.tar.zst","error":"Disk write failed (server)"}\n'
        '{"level":"error","ts":"2025-02-27T23:47:21.330Z","msg":"transfer finished","transfer_id":"7a8c0e2e",'
        '"status":"FAILED","error_code":36,"error":"Disk write failed (server)","files_failed":8}\n'
        '{"level":"error","ts":"2025-02-27T23:47:21.331Z","msg":"upload failed","job":"nightly-backup","exit":3}\n'
    )
    assert cause_ids(text) == ["disk"]


def test_loki_lines_whose_messages_carry_their_own_tag_are_read_as_the_server_s():
    """logcli's "STAMP {host=..., unit="ssh.service"} sshd[77102]: Failed password for ..." and sshd's penalty drop:
    the client's refused login and its dropped retry (nothing had been read)."""
    labels = '{host="aspera-pub-01", unit="ssh.service"}'
    text = (
        '$ logcli query --since=2h \'{host="aspera-pub-01"} |~ "203.0.113.58"\'\n'
        f"2026-09-08T14:21:07Z {labels} sshd[77102]: Connection from 203.0.113.58 port 49820 on 10.0.4.11 port "
        '33001 rdomain ""\n'
        f"2026-09-08T14:21:07Z {labels} sshd[77102]: Failed password for ingest from 203.0.113.58 port 49820 ssh2\n"
        f"2026-09-08T14:21:08Z {labels} sshd[77102]: Connection closed by authenticating user ingest 203.0.113.58 "
        "port 49820 [preauth]\n"
        f"2026-09-08T14:21:19Z {labels} sshd[1022]: drop connection #0 from [203.0.113.58]:49836 on "
        "[10.0.4.11]:33001 penalty: failed authentication\n"
    )
    assert cause_ids(text) == ["auth", "ssh-refused"]


def test_a_node_log_s_hostless_syslog_records_are_read_as_the_server_s_sessions():
    """ "2026-05-12 10:04:19.215 ascp[81455]: LOG FASP ..." (a stamp and a tag, no host): the server's sessions, the
    refused one and the one that worked (the success had not been read)."""
    failed, ok = "7e2a9c41-0d3b-4f6e-a1c8-5b9d2e7f4a60", "c3f50e18-8a27-4b9d-9e16-2d4a7c0b5f83"
    text = (
        "2026-05-12 10:04:19.007 sshd[81442]: Accepted publickey for xfer from 192.0.2.150 port 51608 ssh2\n"
        f"2026-05-12 10:04:19.215 ascp[81455]: LOG FASP Session Start uuid={failed} op=recv status=started "
        "source=D/ dest=/faspex/in source_prefix=- local=10.40.0.3:33001 peer=192.0.2.150:33001 tcp_port=33001\n"
        "2026-05-12 10:04:19.230 ascp[81455]: ERR Management authorization refused: token denied by server\n"
        f"2026-05-12 10:04:19.231 ascp[81455]: LOG FASP Session Stop uuid={failed} op=recv status=failed errcode=34 "
        'errstr="Unauthorized" source=D/ (0) dest=/faspex/in peer=192.0.2.150:33001 tcp_port=33001\n'
        "2026-05-12 10:06:56.402 sshd[81713]: Accepted publickey for xfer from 192.0.2.150 port 51690 ssh2\n"
        f"2026-05-12 10:06:56.611 ascp[81727]: LOG FASP Session Start uuid={ok} op=recv status=started source=D/ "
        "dest=/faspex/in source_prefix=- local=10.40.0.3:33001 peer=192.0.2.150:33001 tcp_port=33001\n"
        f"2026-05-12 10:09:40.120 ascp[81727]: LOG FASP Session Stop uuid={ok} op=recv status=success source=D/ (3) "
        "dest=/faspex/in peer=192.0.2.150:33001 tcp_port=33001\n"
    )
    assert cause_ids(text) == ["unauthorized", "ok"]


def test_systemd_s_two_words_on_one_start_that_found_no_ascp_are_one_run():
    """systemd's "Failed to locate executable /opt/aspera/bin/ascp" and "Failed at step EXEC spawning
    /opt/aspera/bin/ascp" for one start: one run (read as two)."""
    text = (
        "May 06 02:00:00 hsts-gw3 systemd[1]: Starting asp-push.service - Nightly Aspera push to partner...\n"
        "May 06 02:00:00 hsts-gw3 systemd[1]: asp-push.service: Failed to locate executable /opt/aspera/bin/ascp: "
        "No such file or directory\n"
        "May 06 02:00:00 hsts-gw3 systemd[1]: asp-push.service: Failed at step EXEC spawning /opt/aspera/bin/ascp: "
        "No such file or directory\n"
        "May 06 02:00:00 hsts-gw3 systemd[1]: asp-push.service: Main process exited, code=exited, status=203/EXEC\n"
        "May 06 02:00:00 hsts-gw3 systemd[1]: Failed to start asp-push.service - Nightly Aspera push to partner.\n"
    )
    assert cause_ids(text) == ["ascp-missing"]


def test_a_job_s_log_after_the_yaml_manifest_it_ran_is_read():
    """sourcehut's build page: the manifest (YAML), then the job's log, "2025/06/18 09:31:02 Booting image ...":
    the log's runs are read (its first failure had been taken as the YAML document's words)."""
    text = (
        ".builds/fetch-smoke.yml\n"
        "-----------------------\n"
        "image: debian/bookworm\n"
        "tasks:\n"
        "  - smoke: |\n"
        "      .venv/bin/enafetch --accession ERR164407 --out /tmp/smoke --method aspera\n\n"
        "[#1183442] 2025/06/18 09:31:02 Booting image debian/bookworm (default) on arch x86_64\n"
        "[#1183442] 2025/06/18 09:32:09 Running task smoke\n"
        "+ .venv/bin/enafetch --accession ERR164407 --out /tmp/smoke --method aspera\n"
        "running: ascp -T -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz "
        "/tmp/smoke\n"
        "/bin/sh: 1: ascp: not found\n"
        "enafetch: error: ascp exited with status 127\n"
        "[#1183442] 2025/06/18 09:32:10 Task smoke failed (exit 1)\n"
    )
    assert cause_ids(text) == ["ascp-missing"]
