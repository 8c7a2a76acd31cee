#!/usr/bin/env python3
"""
dbgap_upload.py -- push a submission directory to the NCBI upload area
with ascp, answering the key passphrase prompt non-interactively.

Written after the old Tcl 'expect' recipe stopped working for us.

Usage:  dbgap_upload.py SUBMISSION_DIR

NOTE (2025-01-28, T. Nakashima): first real run from the Windows box (Git Bash +
Python 3.12) hung at the prompt; pexpect timed out. Raw transcript kept below so
we remember what it looked like. The key we used was the one the PI sent us
by e-mail, saved as C:/Users/tnakashima/keys/dbgap-upload.ppk.

    $ python dbgap_upload.py /d/submissions/phs003112_batch2
    spawn: ascp.exe -i C:/Users/tnakashima/keys/dbgap-upload.ppk -QT -l 300m -k 1 -d /d/submissions/phs003112_batch2 asp-dbgap@gap-submit.ncbi.nlm.nih.gov:protected
    Key passphrase:
    [pexpect] sent passphrase
    Key passphrase:
    [pexpect] sent passphrase
    Key passphrase:
    Traceback (most recent call last):
      File "dbgap_upload.py", line 61, in <module>
        child.expect(["Completed", pexpect.EOF], timeout=600)
    pexpect.exceptions.TIMEOUT: Timeout exceeded.
    <pexpect.popen_spawn.PopenSpawn object at 0x0000022F3A1C8E50>
    buffer (last 100 chars): 'Key passphrase: '
    $

Still open: convert the key with PuTTYgen ("Export OpenSSH key") and retry.
"""
import os
import sys

import pexpect
from pexpect.popen_spawn import PopenSpawn

KEY = os.environ.get("DBGAP_KEY", "C:/Users/tnakashima/keys/dbgap-upload.ppk")
PASS = os.environ["DBGAP_KEY_PASS"]

def main(src):
    cmd = ("ascp.exe -i %s -QT -l 300m -k 1 -d %s "
           "asp-dbgap@gap-submit.ncbi.nlm.nih.gov:protected" % (KEY, src))
    print("spawn:", cmd)
    child = PopenSpawn(cmd, encoding="utf-8")
    for _ in range(3):
        i = child.expect(["Key passphrase:", "Completed", pexpect.EOF], timeout=60)
        if i == 0:
            child.sendline(PASS)
            print("[pexpect] sent passphrase")
            continue
        break
    child.expect(["Completed", pexpect.EOF], timeout=600)
    print(child.before)

if __name__ == "__main__":
    main(sys.argv[1])
