"""explain: what blind round 117 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids


def test_sshd_s_journal_without_tags_is_no_client_s_run():
    """`journalctl -u ssh -o cat` (sshd's lines without tag or time: "error: kex_exchange_identification: Connection
    closed by remote host", a monitor's and scanners' connections): a server's lines, no client's runs (they had read
    as seven refused connections, some at medium)."""
    text = (
        '$ journalctl -u ssh --since "10:55" --until "11:20" -o cat\n'
        "error: kex_exchange_identification: Connection closed by remote host\n"
        "Connection closed by 10.50.0.6 port 58122\n"
        "Invalid user oracle from 218.92.0.112 port 41330\n"
        "Disconnected from invalid user oracle 218.92.0.112 port 41330 [preauth]\n"
        "error: kex_exchange_identification: Connection closed by remote host\n"
        "Connection closed by 10.50.0.6 port 58140\n\n"
        '$ journalctl -t ascp --since "10:55" -o cat\n-- No entries --\n'
    )
    assert cause_ids(text) == []


def test_an_annotated_sshd_config_is_no_run():
    """ "# /etc/ssh/sshd_config -- xfer01 ..." and its comments quoting what clients print: a configuration file, no run
    (it had read as the SSH port, high)."""
    text = (
        "# /etc/ssh/sshd_config  -- xfer01.media.example.net (IBM Aspera HSTS 4.4.4)\n"
        "Port 33001\n"
        "# ^ Partners reach us on TCP/33001 only. Clients that forget `-P 33001` typically report\n"
        "#       ascp: Failed to open TCP connection for SSH, exiting.\n"
        "PermitRootLogin no\n"
    )
    assert cause_ids(text) == []


def test_a_help_desk_ticket_s_json_export_is_read_as_its_messages():
    """A Freshdesk ticket as JSON (its description and conversations in escaped strings): the requester's pasted run
    ("Segue o que aparece no terminal do Mac (copiei tudo):", content protection) is a run, and the agent's quote of
    a knowledge base article ("---- KB0457 ... ----", "Se a variável não estiver definida, o ascp recusa com:") is
    none (it had read as the article's passphrase sample, high, and not the run)."""
    ticket = {
        "id": 90412,
        "subject": "Falha no upload para o servidor Aspera",
        "description_text": (
            "Boa tarde,\n\nSegue o que aparece no terminal do Mac (copiei tudo):\n\n"
            "renata@MacBook-Pro ~ % ascp -P 33001 -l 300m -d ~/EP07.mov aurora@ingest.example.com:/EP07/\n\n"
            "Session Stop  (Error: Server aborted session: Server requires content protection)\n"
            "renata@MacBook-Pro ~ % \n\nObrigada,\nRenata"
        ),
        "conversations": [
            {
                "user": "Diego Matos (L2)",
                "body_text": (
                    "Olá Renata,\n\nSegue o trecho do nosso artigo KB0457:\n\n"
                    "---- KB0457 - Envio com proteção de conteúdo ----\n"
                    "  ascp --file-crypt=encrypt -P 33001 -l 300m -d <arquivo> usuario@ingest.example.com:/<pasta>/\n"
                    "Se a variável não estiver definida, o ascp recusa com:\n"
                    "  ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.\n"
                    "---- fim do trecho ----\n\nAbraço,\nDiego"
                ),
            }
        ],
    }
    assert cause_ids(json.dumps(ticket, ensure_ascii=False, indent=2)) == ["content-protection"]


def test_kubectl_describe_s_exit_code_of_another_container_is_not_the_transfer_s():
    """`kubectl describe taskrun`: the fetch step's container "Exit Code: 0", then the ascp step's "Exit Code: 1", and
    the step's log "ascp: Cannot resolve target host.": one failed run, DNS (the other container's 0 had read as a
    run that worked, high)."""
    text = (
        "$ kubectl -n media-ci describe taskrun deliver-promos-run-x8kq2\n"
        '    Message:               "step-ascp-push" exited with code 1 (image: "registry.local/tools/ascp")\n'
        "  Steps:\n"
        "    Container:  step-fetch-manifest\n    Name:       fetch-manifest\n    Terminated:\n"
        "      Exit Code:    0\n      Reason:       Completed\n"
        "    Container:      step-ascp-push\n    Name:           ascp-push\n    Terminated:\n"
        "      Exit Code:    1\n      Reason:       Error\n\n"
        "$ tkn taskrun logs deliver-promos-run-x8kq2 -n media-ci\n"
        "[ascp-push] + ascp -d -l 500m -P 33001 -i /secrets/id_rsa --mode=send --user=u --host=hsts01.example /in\n"
        "[ascp-push] ascp: Cannot resolve target host., exiting.\n"
    )
    assert cause_ids(text) == ["dns"]
