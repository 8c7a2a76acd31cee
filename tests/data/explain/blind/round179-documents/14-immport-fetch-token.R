## fetch_sdy.R -- pull one ImmPort study via Aspera
## usage: Rscript fetch_sdy.R SDY1092 /data/immport
## NB: token from https://api.immport.org/data/download/token is short-lived!

args <- commandArgs(trailingOnly = TRUE)
sdy  <- args[1]; out <- args[2]
key  <- "~/.aspera/cli/etc/asperaweb_id_dsa.openssh"
tok  <- readLines("~/.immport_aspera_token")   # refreshed by get_token.R (cron, hourly)

cmd <- sprintf("ascp -v -i %s -O 33001 -P 33001 -W %s --user=databrowser aspera-immport.niaid.nih.gov:'/%s/ResultFiles' %s",
               key, tok, sdy, out)
rc <- system(cmd)
if (rc != 0) stop("ascp failed, rc=", rc)

## ---- run log pasted by MH, 2023-02-08 (cron for get_token.R had been disabled since Feb 3) ----
## $ Rscript fetch_sdy.R SDY1092 /data/immport
## ...
## Session Stop  (Error: Server aborted session: Management authorization refused: token denied by server)
## Error: ascp failed, rc=1
## Execution halted
##
## aspera-scp-transfer.log on our side:
## 2023-02-08 09:12:40 [6f1e-7f3a2c1fe700] ERR FASP receiver had error, errcode 73 errstr [Server aborted session: Management authorization refused: token denied by server]
## 2023-02-08 09:12:40 [6f1e-7f3a2c1fe700] LOG FASP Session Start uuid=2a7c0d55-91b4-4b8e-bf0e-4c7a9e3d1f60 op=recv status=failed errcode=34 errstr="Unauthorized"
## TODO: re-enable the token cron and fail early when the token file is older than 1 h
