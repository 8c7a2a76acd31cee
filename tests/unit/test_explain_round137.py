"""explain: what blind round 137 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids


def test_a_key_named_by_a_shell_variable_that_ls_says_is_missing_is_the_key_file():
    """'KEY="$HOME/.../asperaweb_id_dsa.openssh"', the command's -i "$KEY", "failed to authenticate", then ls: "No
    such file or directory" for that file: the key file is the cause (it had read as auth, a confident wrong)."""
    text = (
        "```bash\n"
        'ASCP="$HOME/Applications/IBM Aspera Connect.app/Contents/Resources/ascp"\n'
        'KEY="$HOME/Applications/IBM Aspera Connect.app/Contents/Resources/asperaweb_id_dsa.openssh"\n'
        '"$ASCP" -QT -l 300m -P33001 -i "$KEY" era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR101/047/SRR10150547/'
        "SRR10150547_1.fastq.gz .\n"
        "```\n\n"
        "and it stops immediately:\n\n"
        "```\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n"
        "```\n\n"
        "```\n"
        '$ ls -l "$KEY"\n'
        "ls: /Users/sofia/Applications/IBM Aspera Connect.app/Contents/Resources/asperaweb_id_dsa.openssh: No such "
        "file or directory\n"
        "```\n"
    )
    assert cause_ids(text) == ["key-file"]


def test_a_person_s_own_run_copied_from_a_wiki_page_is_no_sample():
    """ "this is what I was running (copied from an old lab wiki page) and what I got, on our login node:": the
    command was copied, the output is theirs (the failed run had been read as the wiki's sample)."""
    text = (
        "thanks for the quick answer and sorry for the noise. For the record, this is what I was running\n"
        "(copied from an old lab wiki page) and what I got, on our login node:\n\n"
        "[jonasl@rackham2 ~]$ ascp -QT -l 300m -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh "
        "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR467/008/ERR4677708/ERR4677708_1.fastq.gz .\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n\n"
        "With the port added it works straight away:\n\n"
        "[jonasl@rackham2 ~]$ ascp -QT -l 300m -P 33001 -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh "
        "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR467/008/ERR4677708/ERR4677708_1.fastq.gz .\n"
        "ERR4677708_1.fastq.gz                                      100% 1843MB  287Mb/s    00:55\n"
        "Completed: 1887508K bytes transferred in 56 seconds\n"
        " (275210K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["ssh-port", "ok"]


def test_not_having_tried_anything_else_yet_is_no_word_that_nothing_ran():
    """ "I haven't tried anything else yet" after the person's own run: that run stands (it had been dropped)."""
    text = (
        "grace@wetlab-ws03:~/sra$ ~/.aspera/connect/bin/ascp -i ~/keys/aspera.openssh -QT -l100m -k1 -d\u00a0~/sra/"
        "fastq_batch2 subasp@upload.ncbi.nlm.nih.gov:uploads/grace_Vx83Qa1n\n"
        "ascp: Source file list not specified, exiting.\n\n"
        "It looks exactly like the command in the pdf. Is the pdf putting weird characters in? I haven't\n"
        "tried anything else yet because I don't want to end up with half the files in the wrong place.\n"
    )
    assert cause_ids(text) == ["usage"]


def test_the_rest_of_a_help_desk_s_wrapped_sentence_naming_filepass_is_no_run():
    """ "... the files are encrypted at rest and with" / "--file-crypt=decrypt ascp needs the decryption password in
    ASPERA_SCP_FILEPASS. the provider sends it": the reply's sentence (it had read as a second run)."""
    text = (
        "  psharma@dtn02:/data$ ascp -QT -l 300M -k 1 -P 33001 --file-crypt=decrypt -i ~/keys/x.openssh "
        "cust@aspera-eu.example.com:/X204/ .\n"
        "  ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.\n\n"
        "Helpdesk (Jorge) 10:55\n"
        "the key is fine, that error comes before it even connects. the files are encrypted at rest and with\n"
        "--file-crypt=decrypt ascp needs the decryption password in ASPERA_SCP_FILEPASS. the provider sends it\n"
        "separately (usually by SMS or a second email).\n"
    )
    assert cause_ids(text) == ["passphrase"]


def test_a_zendesk_ticket_with_its_comments_inside_the_ticket_is_read_as_its_messages():
    """Zendesk's export with "comments" inside "ticket" and each author an object: the requester's pasted run is
    read (nothing had been read)."""
    body = (
        "It fails immediately:\n\n$ ascp -P 33001 -l 500m --mode=recv --user=xfer --host=faspex.example.com "
        "'/faspex/packages/4471/contents' /media/incoming/\n"
        "Session Stop  (Error: Server aborted session: Management authorization refused: token denied by server)\n"
    )
    document = {
        "ticket": {
            "id": 204917,
            "subject": "Download from shared package fails",
            "comments": [
                {"author": {"name": "Hanna Virtanen"}, "body": body},
                {"author": {"name": "Support"}, "body": "Tokens copied out of a browser transfer are single-use."},
            ],
        }
    }
    assert cause_ids(json.dumps(document, indent=2)) == ["unauthorized"]


def test_a_page_s_note_that_the_messages_above_are_examples_leaves_the_real_log_after_it():
    """A runbook's table of messages, "> As mensagens acima são exemplos ...; não são de execuções reais.", then
    its appendix's real on-call log: the log's two runs (they had been dropped with the examples)."""
    text = (
        "| Alerta | Mensagem típica | Ação |\n"
        "|---|---|---|\n"
        "| `Falhou` | `ascp: failed to authenticate, exiting.` | Verificar a senha. |\n"
        "| `Falhou` | `Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))` | "
        "Redes. |\n"
        "| `Falhou` | `Session Stop  (Error: Server aborted session: No such file or directory)` | Reexecutar. |\n\n"
        "> As mensagens acima são exemplos para reconhecimento; não são de execuções reais.\n\n"
        "## Anexo A — Histórico do plantão (registro real, 2025-08-02)\n\n"
        "```\n"
        "ago 02 03:30:02 etl-sp-02 coleta[91733]: ascp: failed to open ssh session., exiting.\n"
        "ago 02 03:30:02 etl-sp-02 coleta[91733]: Session Stop  (Error: failed to open ssh session.)\n"
        "```\n\n"
        "Reexecutei:\n\n"
        "```\n"
        "ago 02 07:14:40 etl-sp-02 coleta[97310]: ascp: failed to authenticate, exiting.\n"
        "ago 02 07:14:40 etl-sp-02 coleta[97310]: Session Stop  (Error: failed to authenticate)\n"
        "```\n"
    )
    assert cause_ids(text) == ["server-session", "auth"]


def test_a_french_newsletter_s_other_messages_you_might_run_into_are_no_runs():
    """ "Autres messages que vous pourriez rencontrer (extraits de la FAQ de la plateforme, à titre indicatif) :"
    after the one real run: a list of the FAQ's messages (they had read as three more runs)."""
    text = (
        "gf@gf-ws12:~/depot$ ascp -c aes256 -P 33001 -l 500m -d lot/ depot_gf@depot.example.fr:/incoming/U7/\n"
        "ascp: Server aborted session: Client requests stronger encryption than server allows, exiting.\n"
        "Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)\n\n"
        "Autres messages que vous pourriez rencontrer (extraits de la FAQ de la plateforme, à titre indicatif) :\n"
        "Session Stop  (Error: failed to authenticate) : identifiant ou mot de passe de dépôt incorrect ;\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall)) : le port UDP "
        "33001 est bloqué ;\n"
    )
    assert cause_ids(text) == ["stronger-encryption"]


def _graylog(records: list[tuple[str, str, str]]) -> str:
    messages = [
        {
            "message": {
                "_id": f"id{n}",
                "timestamp": stamp,
                "source": "faspex-node1",
                "application_name": program,
                "message": said,
                "streams": ["000000000000000000000001"],
            },
            "index": "graylog_1",
        }
        for n, (stamp, program, said) in enumerate(records)
    ]
    return json.dumps({"messages": messages}, indent=2)


def test_graylog_s_search_api_records_are_read_as_the_server_s_log():
    """Graylog's search API ("messages": [{"message": {...}, "index": ...}], newest first, each with a list of stream
    ids): the server's sessions, oldest first (the success had not been read)."""
    records = [
        (
            "2026-01-22T09:58:02.140Z",
            "ascp",
            "LOG FASP Session Stop uuid=86605797-4751-4bc6-bfbf-cae433033e5e "
            "op=send status=success source=/faspex/packages/7f3c contents dest=- files=1",
        ),
        (
            "2026-01-22T09:55:19.733Z",
            "ascp",
            "LOG FASP Session Start uuid=86605797-4751-4bc6-bfbf-cae433033e5e "
            "op=send status=started source=/faspex/packages/7f3c dest=- local=10.8.0.30:33001 peer=203.0.113.88:33001",
        ),
        (
            "2026-01-22T09:41:57.640Z",
            "ascp",
            "LOG FASP Session Stop uuid=8a72a064-4ff9-487b-9f57-e4d1ea4bfe9a "
            'op=send status=failed errcode=34 errstr="Unauthorized" source=/faspex/packages/7f3c',
        ),
        ("2026-01-22T09:41:57.600Z", "ascp", "ERR Management authorization refused: token denied by server"),
        (
            "2026-01-22T09:41:57.100Z",
            "ascp",
            "LOG FASP Session Start uuid=8a72a064-4ff9-487b-9f57-e4d1ea4bfe9a "
            "op=send status=started source=/faspex/packages/7f3c dest=- local=10.8.0.30:33001 peer=203.0.113.88:33001",
        ),
    ]
    assert cause_ids(_graylog(records)) == ["unauthorized", "ok"]


def test_an_exported_message_that_holds_its_own_tag_is_not_tagged_twice():
    """Guard: Graylog's record whose message is "ascp[40211]: LOG FASP ..." already: one session per uuid (once
    the record inside was read, the failed session read twice, once tagged twice, until the tag was kept as it is)."""
    uuid = "3f6d2a91-7c0e-4b8e-a5d2-91c0be44f017"
    records = [
        (
            "2025-02-11T14:02:17.390Z",
            "ascp",
            f"ascp[40211]: LOG FASP Session Start uuid={uuid} op=recv "
            "status=started source=x.mov dest=/in local=10.61.4.22:33001 peer=81.2.69.142:55120 tcp_port=33001",
        ),
        (
            "2025-02-11T14:19:52.808Z",
            "ascp",
            'ascp[40211]: ERR Failed to write file "/srv/in/x.mov.partial": No space left on device (28)',
        ),
        (
            "2025-02-11T14:19:53.140Z",
            "ascp",
            f"ascp[40211]: LOG FASP Session Stop uuid={uuid} op=recv status=failed "
            'errcode=25 errstr="No space left on disk" source=x.mov',
        ),
    ]
    assert cause_ids(_graylog(records)) == ["disk"]


def test_datadog_s_list_api_records_under_content_are_read():
    """Datadog's log list export ({"data": [{"id", "content": {"timestamp", "host", "service", "message"}}]}): the
    server's sessions (the success had not been read)."""

    def record(stamp: str, service: str, message: str) -> dict[str, object]:
        return {
            "id": stamp,
            "content": {
                "timestamp": stamp,
                "host": "ip-10-22-3-17",
                "service": service,
                "message": message,
                "tags": ["env:prod"],
                "attributes": {"syslog": {"appname": service, "hostname": "ip-10-22-3-17"}},
            },
        }

    ok, failed = "4d13a397-07c4-4b9b-a32f-b9a5799310c3", "72b273ad-eadf-44da-ae6b-52a266527292"
    data = [
        record(
            "2026-07-21T18:45:10.930Z",
            "ascp",
            f"LOG FASP Session Stop uuid={ok} op=recv status=success source=- dest=/srv/deliver files=1",
        ),
        record(
            "2026-07-21T18:44:52.240Z",
            "ascp",
            f"LOG FASP Session Start uuid={ok} op=recv status=started "
            "source=- dest=/srv/deliver local=10.22.3.17:33001 peer=198.18.40.9:33001",
        ),
        record(
            "2026-07-21T18:30:03.100Z",
            "ascp",
            f"LOG FASP Session Stop uuid={failed} op=recv status=failed "
            'errcode=42 errstr="File or directory already exists" source=- dest=/srv/deliver',
        ),
        record(
            "2026-07-21T18:30:02.630Z",
            "ascp",
            f"LOG FASP Session Start uuid={failed} op=recv status=started "
            "source=- dest=/srv/deliver local=10.22.3.17:33001 peer=198.18.40.9:33001",
        ),
    ]
    assert cause_ids(json.dumps({"data": data}, indent=1)) == ["exists", "ok"]


def test_circleci_s_step_output_opening_with_its_shell_line_is_a_run_not_a_script():
    """CircleCI's step output starts with the step's "#!/bin/bash -eo pipefail" and ends with "Exited with code exit
    status 1": its command's run (the whole input had been read as a script file)."""
    text = (
        "#!/bin/bash -eo pipefail\n"
        "ascp -l 100m -i ~/.ssh/deliver_rsa ./dist/app-1.14.0.tar.zst deliver@aspera.customer.example:/releases/\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n\n"
        "Exited with code exit status 1\n"
        "CircleCI received exit code 1\n"
    )
    assert cause_ids(text) == ["ssh-port"]


def test_a_rundeck_log_s_prefixed_lines_are_read():
    """Rundeck's "02:00:04 [rundeck@xfer-gw-02 1. Push dailies][NORMAL] " before each line: ascli's bar at 100 %
    and "complete" (the run had not been read)."""
    prefix = "{t} [rundeck@xfer-gw-02 1. Push dailies][NORMAL] "
    text = (
        "[workflow] Begin execution: node-first\n"
        + prefix.format(t="02:00:02")
        + "+ ascli server upload --url=ssh://hsts.partner.example:33001 --username=xfer --to-folder=/incoming "
        "/srv/dailies/\n"
        + prefix.format(t="02:00:04")
        + "Time: 00:03:12 ============================================================== 100% 912 Mbps Time: 00:00:00\n"
        + prefix.format(t="02:03:17")
        + "complete\n"
        "[workflow] finishExecution: Workflow result: , status: succeeded\n"
    )
    assert cause_ids(text) == ["ok"]


def test_a_node_service_s_cancelled_transfer_in_a_json_line_is_a_cancel():
    """'"msg":"transfer 4c2d... CANCELED errorCode=28 errorDescription=\\"Cancelled by user\\""' in a pod's JSON log:
    the transfer was cancelled (nothing had been read)."""
    text = (
        '2025-11-20T13:09:41.772Z {"level":30,"msg":"transfer 4c2d1e7a-5b90-4f3d-8e21-b6a0f9c7d354 RUNNING 63% '
        '884Mbps","svc":"asset-bridge"}\n'
        '2025-11-20T13:09:44.005Z {"level":40,"msg":"SIGTERM received, draining: cancelling 1 active transfer(s)",'
        '"svc":"asset-bridge"}\n'
        '2025-11-20T13:09:44.310Z {"level":50,"msg":"transfer 4c2d1e7a-5b90-4f3d-8e21-b6a0f9c7d354 CANCELED '
        'errorCode=28 errorDescription=\\"Cancelled by user\\"","svc":"asset-bridge"}\n'
    )
    assert cause_ids(text) == ["cancelled"]


def test_argo_logs_pod_prefixed_ascli_errors_are_read():
    """``argo logs``' pod name before each line, ascli's banner "Using ascli 4.20.0, ..." and its "ERROR: Transfer:
    Remote host is not who we expected" in each of two pods: two host-key failures (read as two unknowns)."""
    lines = []
    for pod in ("ftp-migrate-7xq2k-copy-1834511207", "ftp-migrate-7xq2k-copy-2907392130"):
        lines += [
            f'{pod}: time="2025-07-02T09:14:22.118Z" level=info msg="capturing logs" argo=true',
            f"{pod}: Using ascli 4.20.0, ascp 4.4.5.1038",
            f"{pod}: ERROR: Transfer: Remote host is not who we expected",
            f'{pod}: time="2025-07-02T09:14:25.551Z" level=info msg="sub-process exited" argo=true error="<nil>"',
            f"{pod}: Error: exit status 1",
        ]
    text = "$ argo logs -n media ftp-migrate-7xq2k\n" + "\n".join(lines) + "\n"
    assert cause_ids(text) == ["host-key", "host-key"]


def test_cron_s_next_mail_starts_another_run():
    """Two cron mails: the first only "mirror_core.sh: ascp exited 1", the next a run's whole output: two runs (the
    first had been taken into the second)."""
    mail = "From: Cron Daemon <root@seqstore01.lab.example>\nSubject: Cron <seqsync@seqstore01> mirror_core.sh\n"
    text = (
        mail + "Date: Sat, 06 Sep 2025 04:00:07 +0200\n\n"
        "mirror_core.sh: ascp exited 1 -- see $HOME/log/mirror_core.log\n\n"
        "-------------------------------------------------------------------------------\n\n"
        + mail
        + "Date: Sun, 07 Sep 2025 04:00:09 +0200\n\n"
        "DBG libssh2_session_handshake failed: -5 (Unable to exchange encryption keys)\n"
        "ERR failed to authenticate\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n"
        "mirror_core.sh: ascp exited 1 -- see $HOME/log/mirror_core.log\n"
    )
    assert cause_ids(text) == ["unknown", "ssh-handshake"]


def test_a_biological_sample_named_in_brackets_is_no_sample_output():
    """ "job 1184420 on cn-b117, array task 14 (sample HG02561)" over the job's output: the run's (it had been read
    as a document's sample, so no run)."""
    text = (
        "==> logs/fetch_and_sort.1184420.out <==\n"
        "[2024-02-11 03:12:55] job 1184420 on cn-b117, array task 14 (sample HG02561)\n"
        "[2024-02-11 03:12:55] step 1/3: ascp download\n"
        "SAMEA3302780.bam                                                         100%   47GB  412Mb/s    16:31\n"
        "Completed: 49283072K bytes transferred in 991 seconds\n"
        " (407303K bits/sec), in 1 file.\n"
        "[2024-02-11 03:29:31] ascp exit 0\n"
    )
    assert cause_ids(text) == ["ok"]
