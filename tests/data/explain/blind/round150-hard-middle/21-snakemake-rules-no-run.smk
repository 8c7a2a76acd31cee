# rules/download.smk -- ENA/GSA download rules for the cohort pipeline
#
# Known failure messages we have hit in the past (kept here so people stop asking in #pipeline):
#   "ascp: Cannot resolve target host., exiting."          -> compute nodes have no DNS for external hosts; run on the transfer node
#   "Session Stop  (Error: failed to authenticate)"         -> wrong key; ENA needs the RSA bypass key, not asperaweb_id_dsa.openssh
#   "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
#                                                           -> UDP 33001 blocked; ask netops (ticket template in docs/netops.md)
#   "Session Stop  (Error: Session data transfer timeout)"  -> lower -l to 300m on the NFS scratch
# Do NOT raise -l above 300m: see incident INC-0412.

ASCP = config.get("ascp", "~/.aspera/sdk/ascp")
KEY  = config.get("aspera_key", "~/.aspera/sdk/aspera_bypass_rsa.pem")

rule ena_fastq:
    output:
        "raw/{run}_{mate}.fastq.gz"
    params:
        path=lambda wc: ena_path(wc.run, wc.mate)
    resources:
        aspera=1            # limit concurrent ascp sessions (MaxStartups on the ENA side)
    retries: 2
    shell:
        "{ASCP} -QT -l 300m -P33001 -k1 -i {KEY} "
        "era-fasp@fasp.sra.ebi.ac.uk:{params.path} raw/ "
        "2> logs/ascp/{wildcards.run}_{wildcards.mate}.err"

rule gsa_fastq:
    output:
        "raw/gsa/{crr}_{mate}.fq.gz"
    shell:
        "{ASCP} -P33001 -i {KEY} -QT -l100m -k1 "
        "aspera01@download.cncb.ac.cn:gsa/{config[gsa_project]}/{wildcards.crr}/{wildcards.crr}_{wildcards.mate}.fq.gz raw/gsa/"
