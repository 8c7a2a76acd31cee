#!/usr/bin/env python3
"""fetch_reads.py - tiny wrapper around ascp for the course VM.

Usage:
    python fetch_reads.py ACCESSION [ACCESSION ...] --out DIR

Known problem (2025-02-06, reported by a student on VM lab-17, pasted as-is):

    $ python fetch_reads.py --out reads/
    running: ascp -QT -l 100m -P 33001 -i /home/student/.aspera/sdk/aspera_bypass_rsa.pem reads/
    ascp: Source file list not specified, exiting.
    ascp exited with 1

  -> the accession list was empty (argparse accepted zero positional args), so the
     command was built with only the destination. Fixed below with nargs="+".
"""
import argparse
import os
import subprocess
import sys

KEY = os.path.expanduser("~/.aspera/sdk/aspera_bypass_rsa.pem")
HOST = "era-fasp@fasp.sra.ebi.ac.uk"


def ena_path(acc: str) -> str:
    """ENA fastq path for a run accession (single-end layout only)."""
    prefix = acc[:6]
    if len(acc) == 9:
        return f"vol1/fastq/{prefix}/{acc}/{acc}.fastq.gz"
    sub = "0" * (3 - len(acc[9:])) + acc[9:]
    return f"vol1/fastq/{prefix}/{sub}/{acc}/{acc}.fastq.gz"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("accessions", nargs="+")  # was nargs="*" -> empty source list
    ap.add_argument("--out", required=True)
    ap.add_argument("--rate", default="100m")
    args = ap.parse_args()

    srcs = [f"{HOST}:{ena_path(a)}" for a in args.accessions]
    cmd = ["ascp", "-QT", "-l", args.rate, "-P", "33001", "-i", KEY, *srcs, args.out]
    print("running:", " ".join(cmd))
    rc = subprocess.call(cmd)
    if rc != 0:
        print(f"ascp exited with {rc}", file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
