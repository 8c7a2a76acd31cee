#!/usr/bin/env python3
"""fetch_batch.py -- pull a list of ENA runs with ascp.

History / notes (keep!):

2024-03-12  First version read SRC from the env var ENA_PATH, which was unset in the
            cron environment, so ascp got only the destination. Output we got then:

                $ ENA_PATH= ./fetch_batch.py runs.txt
                running: ascp -QT -l 300m -P33001 -i /home/svc_ena/.aspera/sdk/aspera_bypass_rsa.pem /data/ena/
                ascp: Source file list not specified, exiting.
                rc=1

            Fixed by building the source from the run accession (see build_src()).

2024-03-12  Same day, after the fix:

                $ ./fetch_batch.py runs.txt
                running: ascp -QT -l 300m -P33001 -i /home/svc_ena/.aspera/sdk/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz /data/ena/
                ERR164407.fastq.gz                                                                  100%  72MB 37.7Mb/s   01:58
                Completed: 74523K bytes transferred in 118 seconds
                 (5132K bits/sec), in 1 file.
                rc=0

TODO: add -k1 so interrupted runs resume.
"""
import os
import subprocess
import sys

KEY = os.path.expanduser("~/.aspera/sdk/aspera_bypass_rsa.pem")
DEST = "/data/ena/"


def build_src(run: str) -> str:
    # ERR164407 -> vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz (6-digit accessions only)
    return f"era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/{run[:6]}/{run}/{run}.fastq.gz"


def fetch(run: str) -> int:
    cmd = ["ascp", "-QT", "-l", "300m", "-P33001", "-i", KEY, build_src(run), DEST]
    print("running:", " ".join(cmd), flush=True)
    rc = subprocess.call(cmd)
    print(f"rc={rc}", flush=True)
    return rc


if __name__ == "__main__":
    with open(sys.argv[1]) as fh:
        runs = [line.strip() for line in fh if line.strip()]
    failures = [r for r in runs if fetch(r) != 0]
    sys.exit(1 if failures else 0)
