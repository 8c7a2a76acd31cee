## fetch_immport_sdy.R — pull ImmPort study files with ascp
## Author: lab bioinformatics core. Last edited 2022-03-09.
##
## NOTE FOR THE NEXT PERSON (pasted from my console on 2022-03-08, keep for reference):
##
## First try, with the key I found under Connect's etc/ (the .putty one):
##
##   > system(paste(ascp, "-v -i ~/.aspera/connect/etc/asperaweb_id_dsa.putty",
##   +              "-O 33001 -P 33001 -W", tok, "--user=databrowser",
##   +              "aspera-immport.niaid.nih.gov:'/SDY1092/ResultFiles/Flow_cytometry_result/02054141.001.52628.fcs'",
##   +              "data/SDY1092/"))
##   Key passphrase:
##   ^C
##
## It just sat at "Key passphrase:" — there is no passphrase for the public key. The .putty
## file is the PuTTY-format copy meant for Windows; on Linux use the .openssh file.
## Second try with the .openssh key (same token, same path):
##
##   > system(paste(ascp, "-v -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh", ...))
##       02054141.001.52628.fcs                        100%  236KB             --:--
##       Completed: 236K bytes transferred in 0 seconds
##        (3548K bits/sec), in 1 file.
##
## So: ALWAYS the .openssh key. Below is the fixed function.

ascp <- path.expand("~/.aspera/connect/bin/ascp")
key  <- path.expand("~/.aspera/connect/etc/asperaweb_id_dsa.openssh")

fetch_sdy_file <- function(remote_path, dest_dir, token) {
  dir.create(dest_dir, showWarnings = FALSE, recursive = TRUE)
  args <- c("-v", "-i", key, "-O", "33001", "-P", "33001", "-W", token,
            "--user=databrowser",
            paste0("aspera-immport.niaid.nih.gov:'", remote_path, "'"),
            dest_dir)
  status <- system2(ascp, args)
  if (status != 0) stop("ascp failed with status ", status)
  invisible(TRUE)
}

# tok <- get_immport_token()   # POST to https://api.immport.org/data/download/token
# fetch_sdy_file("/SDY1092/ResultFiles/...", "data/SDY1092/", tok)
