"""Blind round 60's confident wrong answers (tests/data/explain/blind/round60-adversarial), each in its smallest
form: documents, configuration and code that quote ascp's words without any run."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes


def confident(text: str) -> list[str]:
    return [cause for cause, confidence in causes(text) if confidence != "low"]


def test_a_mediawiki_table_after_a_blank_line_is_documentation():
    """A runbook's table of messages and what they mean, opened after a blank line (the opening line had been read
    as the table's end, and each row as a run at high confidence)."""
    text = (
        "== 2. Fehlermeldungen und was sie bedeuten ==\n\n"
        '{| class="wikitable"\n! Meldung !! Bedeutung !! Was tun\n|-\n'
        "| <code>ascp: Failed to open TCP connection for SSH, exiting.</code> || TCP nicht erreichbar || -P33001\n"
        "|-\n| <code>ascp: Cannot resolve target host., exiting.</code> || DNS || Tippfehler im Hostnamen?\n|}\n"
    )
    assert causes(text) == []


def test_a_numbered_faq_with_sample_output_is_documentation():
    """A group FAQ in Chinese: each numbered question quotes a message, its "full output is usually:" sample
    (ascp's blank line before Session Stop included) and its cause."""
    text = (
        "# ascp 下载常见报错汇总（组内 FAQ）\n\n"
        "## Q1：`ascp: failed to authenticate, exiting.`\n\n完整输出一般是：\n\n```\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n```\n\n"
        "原因：密钥不对。\n\n"
        "## Q2：`ascp: Failed to open TCP connection for SSH, exiting.`\n\n原因：连不上服务器的 TCP 端口。\n\n"
        "## Q5：跑了一会儿速度掉到 0，然后 `Session Stop  (Error: Session data transfer timeout)`\n\n原因：-l 太大。\n"
    )
    assert causes(text) == []


def test_code_reviewed_before_anything_was_run_is_no_run():
    text = (
        'question is: if ascp says "failed to authenticate" does this retry or die? not running anything yet, just '
        "want a second pair of eyes\n\n"
        '      if "Data transfer stalled, timed out" in stderr:\n'
        '        LOGGER.error("File transfer stalled! Re-starting file transfer.")\n\n'
        'mirela: it dies. "ascp: failed to authenticate, exiting." is on stderr so it would exit.\n'
    )
    assert causes(text) == []


def test_an_alert_rules_description_is_no_confident_run():
    """Prometheus rules whose descriptions tell what clients will see and where to look (a wrapped quote and an
    instruction naming errcode=15 had been runs at high confidence)."""
    text = (
        "      - alert: AsperaSshPortDown\n"
        "        annotations:\n"
        "          description: >\n"
        '            Clients will see "ascp: Failed to open TCP connection for SSH, exiting." and\n'
        '            "Session Stop  (Error: Failed to open TCP connection for SSH)".\n'
        "            Check sshd on the node and the perimeter rule FW-ASP-01.\n"
        "          description: >\n"
        '            Look at errcode in "LOG FASP Session Stop" lines. errcode=15 / "Client unable to\n'
        "            connect to server (check UDP port and firewall)\" is almost always the client's firewall.\n"
    )
    assert confident(text) == []


def test_a_perl_scripts_data_section_is_no_run():
    text = (
        "#!/usr/bin/perl\nuse strict;\nuse warnings;\n"
        "sub parse_line { my ($line) = @_; }\n"
        "parse_line($_) while <DATA>;\n\n__DATA__\n"
        "2015-04-30 11:13:34 [3ef3-0xa116d1d4] ERR Failed to open TCP connection for SSH\n"
        "2015-09-16 17:46:56 [273c-00001afc] LOG FASP Session Start uuid=5d53ece3-6b41-41f9-b1c8-8496c117be65 "
        'op=send status=failed errcode=34 errstr="Unauthorized"\n'
    )
    assert causes(text) == []


def test_the_same_log_lines_without_a_script_are_runs():
    text = (
        "2015-09-16 17:46:56 [273c-00001afc] LOG FASP Session Start uuid=5d53ece3-6b41-41f9-b1c8-8496c117be65 "
        'op=send status=failed errcode=34 errstr="Unauthorized"\n'
    )
    assert [c for c, _ in causes(text)] == ["unauthorized"]


def test_a_wiki_saying_its_samples_are_not_real_logs_has_no_run():
    """A Japanese lab wiki: "the examples are formatted for the manual, not actual logs", then a sample success
    (it had been read as a completed run, high)."""
    text = (
        "# ascp（Aspera）エラー早見表\n\n実行例は手順書用に整形したもので、実際のログではありません。\n\n"
        "## 正常終了時の出力例\n\n```\n"
        "ERR164407.fastq.gz                                  100%  72MB 37.7Mb/s   01:58\n"
        "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n```\n"
    )
    assert causes(text) == []


def test_a_chinese_report_introducing_its_error_as_follows_is_still_a_run():
    """ "报错如下：" (the error is as follows) introduces a real paste, not a sample."""
    text = (
        "下载的时候报错如下：\n\n```\nascp.exe: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n```\n"
    )
    assert [c for c, _ in causes(text)] == ["ssh-port"]
