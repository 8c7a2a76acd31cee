"""explain: what blind round 128 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_dita_topic_is_a_document():
    """A DITA task whose steps quote what ascp prints: a document (it had read as three runs, two of them high)."""
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE task PUBLIC "-//OASIS//DTD DITA Task//EN" "task.dtd">\n'
        '<task id="troubleshoot"><title>Troubleshooting failed FASP transfers</title><taskbody><steps>\n'
        "<step><cmd>If the output ends with the following lines, check the key file:</cmd>\n"
        '<stepxmp><codeblock outputclass="language-text">ascp: failed to authenticate, exiting.\n\n'
        "Session Stop  (Error: failed to authenticate)</codeblock></stepxmp></step>\n"
        "<step><cmd>If it contains <systemoutput>ascp: Failed to open TCP connection for SSH, exiting.</systemoutput>,"
        " add -P 33001.</cmd></step>\n</steps></taskbody></task>\n"
    )
    assert cause_ids(text) == []


def test_an_r_package_s_roxygen_documentation_is_a_document():
    """An R function's roxygen block whose section lists ascp's messages: a document (it had read as five runs)."""
    text = (
        "#' Download ENA run files with Aspera\n#'\n#' @param urls Character vector of paths.\n"
        "#' @section Errors:\n#' \\describe{\n"
        "#'   \\item{\\code{ascp: failed to authenticate, exiting.}}{Usually the old DSA key.}\n"
        "#'   \\item{\\code{ascp: Cannot resolve target host., exiting.}}{No outside DNS.}\n#' }\n"
        '#\' @export\nfetch_ena_aspera <- function(urls, dest = ".") {\n}\n'
    )
    assert cause_ids(text) == []


def test_an_amharic_newsletter_s_sample_is_no_run():
    """ "If you use the old key, ascp shows this፦" (Amharic, its colon U+1366), then the sample: no run (it had read
    as auth, medium)."""
    text = (
        "2. የAspera ቁልፍ ለውጥ — እባክዎ ያንብቡ\n"
        "   ENA የድሮውን DSA ቁልፍ (asperaweb_id_dsa.openssh) መቀበል አቁሟል። የድሮውን ቁልፍ ከተጠቀሙ\n"
        "   ascp እንዲህ ያሳያል፦\n\n"
        "       ascp: failed to authenticate, exiting.\n\n"
        "       Session Stop  (Error: failed to authenticate)\n\n"
        "   መፍትሄ፦ በ -i የRSA ቁልፉን ይስጡ።\n"
    )
    assert cause_ids(text) == []


def test_an_ssh_login_test_with_a_remote_command_is_not_ascp():
    """``ssh -p 33001 -o BatchMode=yes user@host true`` and its "Permission denied", then ascp's key file missing:
    one run, the key (the ssh test had read as an authentication failure, medium)."""
    text = (
        "priya@analysis-02:~$ ssh -p 33001 -o BatchMode=yes xfer_ext07@aspera.genomecore.example true\n"
        "Warning: Permanently added '[aspera.genomecore.example]:33001' (ED25519) to the list of known hosts.\n"
        "xfer_ext07@aspera.genomecore.example: Permission denied (publickey,password).\n"
        "priya@analysis-02:~$ ascp -P 33001 -l 400m -i ~/keys/ext07 xfer_ext07@aspera.genomecore.example:/p/ ./p/\n"
        "ascp: Private key file not found at path /home/priya/keys/ext07, exiting.\n\n"
        "Session Stop  (Error: Private key file not found at path /home/priya/keys/ext07)\n"
    )
    assert cause_ids(text) == ["key-file"]


def test_ssh_running_ascp_remotely_is_still_a_run():
    """Guard: ``ssh host ascp ...`` runs ascp there: its output is a run's."""
    text = (
        "$ ssh dtn01 ascp -QT -l 300m -P33001 -i /k/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.gz .\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n"
    )
    assert cause_ids(text) == ["ssh-port"]


def test_a_password_prompt_then_the_file_passphrase_is_one_run():
    """ "Password:" answered, then "File encryption needs a passphrase ...": one run (the prompt had read as a run of
    its own, auth)."""
    text = (
        "[pn@vm02 immport]$ ascp -k 1 -P 33001 -o FileCrypt=decrypt aspera.pn@aspera-immport.niaid.nih.gov:SDY2004 ./\n"
        "Password:\n"
        "ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.\n\n"
        "Session Stop  (Error: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS)\n"
    )
    assert cause_ids(text) == ["passphrase"]


def test_journalctl_short_full_stamps_are_syslog_s():
    """``journalctl -o short-full`` ("Sat 2026-02-21 04:00:02 CET host sshd[...]: ...") is a server's log: sshd's two
    refusals of an old client's key exchange are two runs (nothing had been read)."""
    line = (
        "Sat 2026-02-21 04:{m}:02 CET hsts-tls3 sshd[6120{p}]: Unable to negotiate with 193.56.7.41 port 5{p}77: no "
        "matching key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 "
        "[preauth]\n"
    )
    text = (
        "Sat 2026-02-21 03:58:44 CET hsts-tls3 sshd[612033]: Invalid user ubnt from 45.148.10.92 port 40122\n"
        "Sat 2026-02-21 04:00:02 CET hsts-tls3 sshd[612070]: Connection from 193.56.7.41 port 51877 on 10.12.0.21 "
        'port 33001 rdomain ""\n' + line.format(m="00", p="70") + line.format(m="10", p="44")
    )
    assert cause_ids(text) == ["ssh-handshake", "ssh-handshake"]


def test_ascli_run_through_sudo_and_salt_is_a_command():
    """``salt 'ws*' cmd.run 'sudo -u m ascli server upload ...'``, then ascli's "ERROR: Transfer: Remote host is not
    who we expected (51)": the host key (it had read as unknown, its words not taken as ascli's)."""
    text = (
        "root@salt-master:~# salt 'edit-ws-02*' cmd.run 'sudo -u mediaops ascli server upload /mnt/r/EP104.mxf "
        "--to-folder=/ingest/EP104 --preset=post_hsts' shell=/bin/bash\nedit-ws-02.post.example:\n"
        "    Time: 00:00:00 =                                      0% 0 Mbps  ETA: ??:??:??\n"
        "    ERROR: Transfer: Remote host is not who we expected (51)\n"
        "ERROR: Minions returned with non-zero exit code\n"
    )
    assert cause_ids(text) == ["host-key"]


def test_ctrl_c_echoed_before_make_s_interrupt_is_the_run_s_cancel():
    """``^Cmake: *** [...] Interrupt`` after the second target's progress: that run cancelled (it had read as unknown,
    the ^C not seen before make's word)."""
    key = "-i ~/.aspera/sdk/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/run"
    text = (
        "$ make -j2 fetch\n"
        f"ascp -QT -l 1g -P33001 -k 1 {key}/ERR11828871/HG01503.final.cram data/HG01503.final.cram\n"
        f"ascp -QT -l 1g -P33001 -k 1 {key}/ERR11828874/HG01506.final.cram data/HG01506.final.cram\n"
        "HG01503.final.cram                                   4%  712MB  94.1Mb/s    4:31:12 ETA\n"
        "HG01506.final.cram                                   3%  540MB  88.7Mb/s    4:57:40 ETA\n"
        "HG01503.final.cram                                   5%  741MB  0.0Kb/s     --:-- ETA\n"
        "Session Stop  (Error: Data transfer stalled, timed out)\n"
        "ascp: Data transfer stalled, timed out, exiting.\n"
        "make: *** [Makefile:21: data/HG01503.final.cram] Error 1\nmake: *** Waiting for unfinished jobs....\n"
        "HG01506.final.cram                                  22% 3958MB  91.0Mb/s    3:42:09 ETA\n"
        "^Cmake: *** [Makefile:21: data/HG01506.final.cram] Interrupt\n"
        "make: *** Deleting file 'data/HG01506.final.cram'\n"
    )
    assert cause_ids(text) == ["stall", "cancelled"]


def test_grep_for_a_line_start_is_no_ctrl_c():
    """Guard: ``grep "^Completed"`` is no Ctrl-C."""
    from aspdiag.tools.explain.analyze import _CTRL_C

    assert _CTRL_C.search('$ grep "^Completed" ascp.log') is None
    assert _CTRL_C.search("$ grep '^Cmake' notes.txt") is None
