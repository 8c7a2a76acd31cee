#!/usr/bin/env python3
"""sync_masters.py - push finished masters from the edit NAS to the archive HSTS.

Usage: sync_masters.py <show_code>

Known issues (pasted from the 2024-09-03 run for SHOW=KRN, see OPS-772):

    $ ./sync_masters.py KRN
    [sync] KRN_101_master.mxf -> archive:/masters/KRN/
    + ascp --mode=send --host=archive-hsts.example.net --user=archive -P 33001 -l 400m --overwrite=never -L /var/log/sync /mnt/editnas/KRN/KRN_101_master.mxf /masters/KRN/
    2024-09-03 22:10:14 [3a1-7f6b2a1c9700] LOG FASP Session Start uuid=2a7c9e10-6d1b-4f83-b5c2-9e0a1d4f7c38 op=send status=failed errcode=42 errstr="File or directory already exists"
    [sync] exit 1
    [sync] KRN_102_master.mxf -> archive:/masters/KRN/
    + ascp --mode=send --host=archive-hsts.example.net --user=archive -P 33001 -l 400m --overwrite=never -L /var/log/sync /mnt/editnas/KRN/KRN_102_master.mxf /masters/KRN/
    2024-09-03 22:10:31 [3b7-7f6b2a1c9700] LOG FASP Session Start uuid=8f41d2a7-1c5e-4a09-b3d6-0e7f9c2a5b14 op=send status=failed errcode=35 errstr="Disk read error"
    [sync] exit 1

    -> 101 was already archived on Friday (overwrite=never keeps it, as intended);
    -> 102: the edit NAS (SMB mount) dropped at 22:10, dmesg shows "CIFS: VFS: \\editnas\\KRN has not
       responded in 180 seconds. Reconnecting..." - re-run after the NAS came back.
"""
import subprocess
import sys
from pathlib import Path

ASCP = "ascp"
HOST = "archive-hsts.example.net"


def push(path: Path, show: str) -> int:
    cmd = [ASCP, "--mode=send", f"--host={HOST}", "--user=archive", "-P", "33001",
           "-l", "400m", "--overwrite=never", "-L", "/var/log/sync", str(path), f"/masters/{show}/"]
    print("[sync]", path.name, f"-> archive:/masters/{show}/")
    rc = subprocess.call(cmd)
    print("[sync] exit", rc)
    return rc


def main() -> int:
    show = sys.argv[1]
    rc = 0
    for f in sorted(Path(f"/mnt/editnas/{show}").glob("*_master.mxf")):
        rc |= push(f, show)
    return rc


if __name__ == "__main__":
    sys.exit(main())
