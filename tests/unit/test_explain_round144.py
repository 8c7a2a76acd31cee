"""explain: what blind round 144 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_recutils_catalogue_of_ascps_errors_has_no_runs():
    """A GNU recutils database ("%rec: AscpError", records with Code, Message, Example fields quoting ascp): no run
    (six had been read, most at high: a confident wrong)."""
    text = (
        "# ascp error catalogue for the transfer desk (GNU recutils).\n\n"
        "%rec: AscpError\n%key: Code\n%mandatory: Message Action\n\n"
        "Code: 4\nMessage: No such file or directory\n"
        "Example: Session Stop  (Error: Server aborted session: No such file or directory)\n\n"
        "Code: 15\nMessage: Timeout establishing data connection\n"
        "Example: Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
        "Code: 19\nMessage: Authentication failure\nExample: ascp: failed to authenticate, exiting.\n"
    )
    assert cause_ids(text) == []


def test_a_liblognorm_rulebase_with_sample_lines_has_no_runs():
    """rsyslog's mmnormalize rulebase ("version=2", "rule=..." lines, the sample each parses in a comment above it):
    no run (two had been read at high)."""
    text = (
        "# /etc/rsyslog.d/ascp.rulebase -- liblognorm v2 rulebase for ascp syslog lines\n"
        "version=2\n\n"
        '# LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c op=send status=failed errcode=19 errstr="'
        'Authentication failure"\n'
        "rule=fasp,session_start,failed:LOG FASP Session Start uuid=%uuid:word% op=%op:word% status=failed "
        "errcode=%errcode:number%%rest:rest%\n\n"
        "# ERR Failed to open TCP connection for SSH\n"
        "rule=fasp,ssh_tcp:ERR Failed to open TCP connection for SSH\n"
    )
    assert cause_ids(text) == []


def test_fluent_bits_stdout_records_are_read_as_the_servers_syslog():
    """Fluent Bit's stdout output ("[2] syslog.0: [[1764941402.40, {}], {"time"=>..., "host"=>..., "ident"=>"ascp",
    "pid"=>..., "message"=>"..."}]"): a cipher refusal's records, then a session that worked (it had read as one
    console failure, unauthorized at high: a confident wrong)."""
    rows = (
        ("13:30:02", "301894", "ERR Client requested cipher aes-256-gcm, server configured maximum aes-128"),
        (
            "13:30:02",
            "301894",
            "LOG FASP Session Stop uuid=6f2a0c95-e8b1-47d3-a4c6-1d9e3b07f582 op=recv status=failed errcode=34 "
            'errstr=\\"Management authorization refused: Client requests stronger encryption than server allows\\"',
        ),
        (
            "13:34:31",
            "302131",
            "LOG FASP Session Stop uuid=a0d4e7b3-51c9-4f28-9e06-7b3c2a5f18d4 op=recv status=success source=l.zip (1) "
            "dest=/data source_prefix=- local=10.0.7.15:33001 peer=192.0.2.214:33001 tcp_port=22",
        ),
    )
    text = "Fluent Bit v3.1.9\n"
    for n, (at, pid, said) in enumerate(rows):
        text += (
            f'[{n}] syslog.0: [[1764941402.{n}, {{}}], {{"pri"=>"134", "time"=>"Dec  5 {at}", "host"=>"hsts-fin-01", '
            f'"ident"=>"ascp", "pid"=>"{pid}", "message"=>"{said}"}}]\n'
        )
    assert cause_ids(text) == ["stronger-encryption", "ok"]


def test_a_wikis_german_heading_over_a_successful_sample_makes_it_no_run():
    """A lab wiki's table of messages, then "Beispielausgabe eines erfolgreichen Downloads" over a bar at 100 % and
    "Completed: ...": no run (the sample had read as a success, high: a confident wrong)."""
    text = (
        "<html><head><title>Aspera (ascp) – FAQ – AG Meyer Wiki</title></head><body>\n"
        "<h1>Aspera (ascp) – häufige Fehlermeldungen</h1>\n"
        "<h2>Beispielausgabe eines erfolgreichen Downloads</h2>\n"
        "<pre>ERR164407.fastq.gz                                     100%  72MB 37.7Mb/s   01:58\n"
        "Completed: 74523K bytes transferred in 118 seconds\n"
        " (5132K bits/sec), in 1 file.</pre>\n"
        "<p>Fragen an #bioinfo-help.</p>\n</body></html>\n"
    )
    assert cause_ids(text) == []
