#!/bin/bash
#SBATCH --job-name=ena_pull
#SBATCH --partition=transfer
#SBATCH --time=00:30:00
#SBATCH --output=ena_pull_%j.out
#
# Λήψη των αρχείων nanopore από το ENA για την εργασία του Νίκου.
# ΣΗΜΕΙΩΣΗ: το όριο των 30 λεπτών είναι πολύ μικρό για 40 GB — δείτε την έξοδο παρακάτω.

module load aspera-connect/4.2.5
ascp -T -l 300m -P 33001 -i "$HOME/.aspera/sdk/aspera_bypass_rsa.pem" \
  era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR123/ERR12345/FAF09701-4249180049-Bham-R9.4-Ultra.tar.gz \
  /scratch/nikos/nanopore/

# ---- Επικολλημένη έξοδος από ena_pull_883412.out (για τον φάκελο του project) ----
# FAF09701-4249180049-Bham-R9.4-Ultra.tar.gz                                                               1%  300MB 97.1Mb/s    44:21 ETA
# ...
# FAF09701-4249180049-Bham-R9.4-Ultra.tar.gz                                                              68% 27.1GB 97.0Mb/s    14:10 ETA
# slurmstepd: error: *** JOB 883412 ON tnode03 CANCELLED AT 2024-02-27T16:41:09 DUE TO TIME LIMIT ***
#
# Η μεταφορά προχωρούσε κανονικά (~97 Mb/s) — την έκοψε το Slurm, όχι το δίκτυο.
# Την επόμενη φορά: --time=02:00:00 και -k 1 για συνέχιση.
