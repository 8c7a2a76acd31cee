#!/usr/bin/env python3
"""
unduh_ena.py — unduh FASTQ dari ENA lewat kingfisher (metode ena-ascp).

Catatan (Rina, 2024-09-02):
Run SRR1573543 selalu gagal, SRR1573544 lancar. Output asli dari server lab
ditempel di bawah supaya Dimas bisa lihat tanpa login:

    09/02/2024 10:14:02 AM INFO: Kingfisher v0.4.1
    09/02/2024 10:14:02 AM INFO: Attempting download method ena-ascp for run SRR1573543 ..
    09/02/2024 10:14:02 AM INFO: Using aspera ssh key file: /home/rina/.aspera/sdk/aspera_bypass_rsa.pem
    09/02/2024 10:14:02 AM INFO: Querying ENA for FTP paths for SRR1573543..
    09/02/2024 10:14:03 AM INFO: Downloading 1 FTP read set(s): ftp.sra.ebi.ac.uk/vol1/fastq/SRR157/003/SRR1573543/SRR1573543.fastq.gz
    09/02/2024 10:14:03 AM INFO: Running command: ascp -T -l 300m -P33001 -k 2 -i /home/rina/.aspera/sdk/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR157/003/SRR1573543/SRR1573543.fastq.gz .
    09/02/2024 10:14:05 AM WARNING: Error downloading from ENA with ASCP: Command ascp -T -l 300m -P33001 -k 2 -i /home/rina/.aspera/sdk/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR157/003/SRR1573543/SRR1573543.fastq.gz . returned non-zero exit status 1.
    STDERR was: b''STDOUT was: b'Completed: 0K bytes transferred in 0 seconds\r\nSession Stop  (Error: Server aborted session: No such file or directory)\n'
    09/02/2024 10:14:05 AM WARNING: Method ena-ascp failed
    09/02/2024 10:14:05 AM INFO: Attempting download method ena-ascp for run SRR1573544 ..
    09/02/2024 10:14:05 AM INFO: Querying ENA for FTP paths for SRR1573544..
    09/02/2024 10:14:06 AM INFO: Downloading 1 FTP read set(s): ftp.sra.ebi.ac.uk/vol1/fastq/SRR157/004/SRR1573544/SRR1573544.fastq.gz
    09/02/2024 10:14:06 AM INFO: Running command: ascp -T -l 300m -P33001 -k 2 -i /home/rina/.aspera/sdk/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR157/004/SRR1573544/SRR1573544.fastq.gz .
    09/02/2024 10:14:38 AM INFO: Verifying gzip file ./SRR1573544.fastq.gz ..
    09/02/2024 10:14:41 AM INFO: Method ena-ascp worked.

Dugaan: path dari API ENA untuk SRR1573543 sudah tidak ada di server Aspera
(run ditarik / dipindah). Coba nanti metode ena-ftp atau prefetch.
"""
import subprocess
import sys

RUNS = [r.strip() for r in open(sys.argv[1]) if r.strip()]

for run in RUNS:
    # ena-ascp dulu, kalau gagal jatuh ke ena-ftp
    subprocess.run(
        ["kingfisher", "get", "-r", run, "-m", "ena-ascp", "ena-ftp",
         "--ascp-ssh-key", "/home/rina/.aspera/sdk/aspera_bypass_rsa.pem",
         "--output-format-possibilities", "fastq.gz"],
        check=False,
    )
