"""explain: what blind round 126 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

_ENA = "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR118/001/ERR1183431/ERR1183431.fastq.gz"


def test_a_logcheck_rules_file_is_a_document():
    """logcheck's ignore rules (one anchored regular expression per line), their comments quoting the lines they
    swallow: a document (it had read as a run, high)."""
    text = (
        "# /etc/logcheck/ignore.d.server/local-aspera\n#\n# Examples of lines these rules are meant to swallow:\n#\n"
        "#   Feb 19 10:07:40 xfer01 ascp[30602]: ERR Peer FASP receiver had error, errcode 15 errstr [...]\n#\n"
        "# Lines we deliberately do NOT ignore:\n#   ... Management authorization refused ...\n#\n"
        r"^\w{3} [ :[:digit:]]{11} xfer0[12] ascp\[[[:digit:]]+\]: LOG FASP Session Start uuid=[0-9a-f-]+ .*$"
        "\n"
        r"^\w{3} [ :[:digit:]]{11} xfer0[12] ascp\[[[:digit:]]+\]: LOG FASP Session Stop uuid=[0-9a-f-]+ .*$"
        "\n"
        r"^\w{3} [ :[:digit:]]{11} xfer0[12] ascp\[[[:digit:]]+\]: ERR Peer FASP receiver had error, errcode 1[45] .*$"
        "\n"
    )
    assert cause_ids(text) == []


def test_a_config_file_opening_with_a_block_comment_is_a_document():
    """A Nextflow config whose opening block comment quotes what users see, then ``params {``: a document (it had read
    as three runs, two of them high)."""
    text = (
        "/*\n * conf/aspera.config -- included from nextflow.config\n *\n"
        " *  - The port. Without -P 33001 users get\n"
        " *        ascp: Failed to open TCP connection for SSH, exiting.\n"
        " *  - UDP. If the data channel is blocked the task fails with\n"
        " *        Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        " */\n\nparams {\n    aspera_ssh_port  = 33001\n}\n"
    )
    assert cause_ids(text) == []


def test_a_wrapper_s_keyboard_interrupt_after_ascp_exited_is_no_second_run():
    """A wrapper's "ascp exited with status 130" after Ctrl-C at "Key passphrase:", then its traceback ending in
    KeyboardInterrupt: one run (the traceback had read as a second run, cancelled, high)."""
    text = (
        "$ fetch-run --method aspera --verbose SRR1039508\n"
        "[ena-fetch] 2024-03-05 09:14:53 DEBUG exec: /home/m/.aspera/connect/bin/ascp -QT -l 300m -P33001 -k 1 "
        f"-i /home/m/.aspera/connect/etc/asperaweb_id_dsa.openssh {_ENA} /scratch/m/\n"
        "Key passphrase:\n^C\n[ena-fetch] 2024-03-05 09:17:31 ERROR ascp exited with status 130\n"
        "Traceback (most recent call last):\n"
        '  File "/home/m/.local/bin/fetch-run", line 8, in <module>\n    sys.exit(main())\n'
        "KeyboardInterrupt\n"
    )
    assert cause_ids(text) == ["key-file"]


def test_make_s_no_such_file_for_ascp_means_it_is_missing():
    """make -j2's "make: ascp: No such file or directory" and "Error 127" for each target: ascp missing (it had read as
    the remote file missing, high)."""
    text = (
        "$ make -j2 fetch\n"
        f"ascp -QT -l 200m -P33001 -i /home/l/key.openssh {_ENA} raw/\n"
        "make: ascp: No such file or directory\n"
        "make: *** [Makefile:14: raw/ERR1183431.fastq.gz] Error 127\n"
    )
    assert cause_ids(text) == ["ascp-missing"]


def test_a_zendesk_ticket_with_its_fields_nested_is_read_as_the_requester_s_paste():
    """Zendesk's API JSON (``{"ticket": {"subject": ...}, "comments": [{"author", "body"}]}``): the run the requester
    pasted (it had read as no run)."""
    ticket = {
        "ticket": {"id": 418225, "subject": "Aspera upload to ega-box fails with 'failed to authenticate'"},
        "comments": [
            {
                "author": "Jonas",
                "body": "This is what I run:\n\n$ ascp -P33001 -O33001 -QT -l 100M -L- /proj/S0423.bam.c4gh "
                "ega-box-2291@fasp.ega.ebi.ac.uk:/.\n\nOutput:\n\nascp: failed to authenticate, exiting.\n\n"
                "Session Stop  (Error: failed to authenticate)\n",
            },
            {"author": "EGA Helpdesk", "body": "Your password contains a '$' inside double quotes."},
        ],
    }
    assert cause_ids(json.dumps(ticket, indent=1)) == ["auth"]


def test_an_element_room_export_s_messages_are_read_as_their_lines():
    """Element's JSON export of a Matrix room (``"messages": [{"type": "m.room.message", "content": {"body":
    ...}}]``): the run a message pasted (it had read as no run)."""
    room = {
        "room_name": "AG Genomik",
        "messages": [
            {
                "type": "m.room.message",
                "sender": "@jonas.b:matrix.example.de",
                "origin_server_ts": 1718265151000,
                "content": {
                    "msgtype": "m.text",
                    "body": f"```\n$ ~/.aspera/connect/bin/ascp -QT -l 300m -P33001 -i key {_ENA} .\n\n"
                    "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n```",
                },
            }
        ],
    }
    assert cause_ids(json.dumps(room, indent=1)) == ["udp"]


def test_a_pmwiki_page_file_s_logged_run_is_read():
    """A PmWiki page file (``version=pmwiki-...``, its ``text=`` with ``%0a`` line ends, ``[@ ... @]`` blocks): the run
    it logs; its glossary ('* "failed to authenticate" = password rotated') is no run (it had read as no run; the kept
    set's input, whole)."""
    kept = Path(__file__).parent.parent / "data/explain/blind/round126-documents/12-pmwiki-dtn-notes.pmwiki.txt"
    assert cause_ids(kept.read_text(encoding="utf-8")) == ["disk"]


def test_only_this_appears_in_portuguese_is_the_person_s_own_output():
    """ "e aparece só isso:" (and only this shows) over ascp's words: the person's run, not a sample (it had read as no
    run)."""
    text = (
        "Uso sempre o mesmo comando:\n"
        "  ascp -P 33001 -l 200m --user=xfer --host=aspera.antigo.example.com.br ./entrega/ /\n"
        "e aparece só isso:\n  ascp: Cannot resolve target host., exiting.\nO que mudou?\n"
    )
    assert cause_ids(text) == ["dns"]
