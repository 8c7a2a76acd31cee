"""explain: what blind round 113 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids, causes


def test_error_13_with_the_words_of_a_session_initiation_timeout_is_read_by_its_words():
    """ascp's log: "ERR Session initiation failed, read timed out" and "errcode=13 errstr="Session initiation failed,
    read timed out"": the session's start timed out reading, which does not say the SSH port is closed (it had read
    as the SSH port, high: a network team sent after a rule that may exist)."""
    uuid = "e0b4f8a2-1c67-4d39-9f05-7a3b2c1d8e44"
    said = 'errcode=13 errstr="Session initiation failed, read timed out"'
    text = (
        "2024-02-07 09:02:44.118 [2a90-00003a1c] LOG ======= ascp starting =======\n"
        "2024-02-07 09:03:44.230 [2a90-00003a1c] ERR Session initiation failed, read timed out\n"
        f"2024-02-07 09:03:44.231 [2a90-00002d44] LOG FASP Session Start uuid={uuid} op=recv status=failed {said}\n"
        f"2024-02-07 09:03:44.232 [2a90-00002d44] LOG FASP Session Stop uuid={uuid} op=recv status=failed {said}\n"
    )
    assert causes(text) == [("session-start", "low")]
    # (guard) 13 with its own words is the SSH connection's timeout
    own = text.replace("Session initiation failed, read timed out", "Timeout establishing SSH connection")
    assert cause_ids(own) == ["ssh-port"]


def test_a_german_change_note_s_client_side_sample_is_no_run():
    """ "Auf Client-Seite äußert sich das typischerweise als" (on the client side it typically shows as) before a
    block of ascp's words: the note's sample, no run (it had read as a burst refusal, medium)."""
    text = (
        "## Was man im Log sieht (Beispiele aus der OpenSSH-Doku, NICHT aus unserer Umgebung)\n\n"
        "```\nsshd[712]: drop connection #3 from [192.0.2.10]:50344 on [203.0.113.5]:33001 penalty: failed "
        "authentication\n```\n\n"
        "Auf Client-Seite äußert sich das typischerweise als\n\n"
        "```\nascp: failed to authenticate, exiting.\nSession Stop  (Error: failed to authenticate)\n```\n"
    )
    assert cause_ids(text) == []


def test_a_json_document_s_tests_are_no_sessions():
    """A Graylog content pack's "extractor_tests": [ { "message": "Sep 15 14:10:39 hsts1 ascp[1436]: LOG FASP
    Session Start ... errcode=19 ..." } ]: its test messages, no sessions (they had read as two)."""
    record = (
        '{{ "message": "{} hsts1 ascp[{}]: LOG FASP Session Start uuid={} op=send status=failed errcode={} '
        'errstr=\\\\"{}\\\\"", "expect": {{ "fasp_status": "failed" }} }}'
    )
    text = (
        '{\n  "v": "1",\n  "name": "Aspera HSTS syslog",\n  "entities": [\n    {\n      "data": {\n'
        '        "extractor_tests": [\n          '
        + record.format("Sep 15 14:10:39", 1436, "ff820f21-f00f-4ab5-ab7e-ceba3a18a81c", 19, "Authentication failure")
        + ",\n          "
        + record.format(
            "Apr 30 11:13:34", 16115, "ab5ca8ca-da6e-4957-b74c-cad67dc77b88", 44, "UDP session initiation fatal error"
        )
        + "\n        ]\n      }\n    }\n  ]\n}\n"
    )
    assert cause_ids(text) == []


def test_a_robot_framework_suite_s_variables_are_no_runs():
    """A Robot Framework suite ("*** Settings ***", "${UDP_OUT}        Session Stop  (Error: ...)"): the suite's
    canned outputs, no runs (``${`` had been read as a shell's prompt, ending the file's reading)."""
    text = (
        "*** Settings ***\n"
        "Documentation     Acceptance tests for the ``xferctl`` wrapper's error classification.\n"
        "...               ascp is replaced by ``tests/fakes/fake_ascp.sh``, which prints the canned\n"
        "...               text given in FAKE_ASCP_OUTPUT and exits with FAKE_ASCP_RC. No real transfer.\n"
        "Library           Process\n"
        "Library           OperatingSystem\n"
        "Suite Setup       Set Environment Variable    XFERCTL_ASCP    ${CURDIR}/fakes/fake_ascp.sh\n"
        "\n"
        "*** Variables ***\n"
        "${AUTH_OUT}       ascp: failed to authenticate, exiting.\\n\\nSession Stop  (Error: failed to authenticate)\n"
        "${UDP_OUT}        Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "${STALL_OUT}      Session Stop  (Error: Data transfer stalled, timed out)\n"
        "${DNS_OUT}        ascp: Cannot resolve target host., exiting.\n"
        "${OK_OUT}         x.bin 100% 10MB 95.1Mb/s 00:01\\nCompleted: 10240K bytes transferred in 1 seconds"
        "\\n (83886K bits/sec), in 1 file.\n"
        "\n"
        "*** Test Cases ***\n"
        "Authentication Failure Is Classified As Auth\n"
        "    Classification Should Be    ${AUTH_OUT}     1    auth\n"
        "\n"
        "Blocked UDP Is Classified As Udp And Not Retried\n"
        "    ${result}=    Run Xferctl    ${UDP_OUT}    1\n"
        "    Should Contain        ${result.stdout}    reason=udp\n"
        "    Should Not Contain    ${result.stdout}    retrying\n"
        "\n"
        "Stall Is Retried With Lower Rate\n"
        "    ${result}=    Run Xferctl    ${STALL_OUT}    1\n"
        "    Should Contain    ${result.stdout}    reason=stall\n"
        "    Should Contain    ${result.stdout}    retrying with -l 150m\n"
        "\n"
        "Unresolvable Host Is Classified As Dns\n"
        "    Classification Should Be    ${DNS_OUT}      1    dns\n"
        "\n"
        "Completed Transfer Is Ok\n"
        "    Classification Should Be    ${OK_OUT}       0    ok\n"
        "\n"
    )
    assert cause_ids(text) == []
