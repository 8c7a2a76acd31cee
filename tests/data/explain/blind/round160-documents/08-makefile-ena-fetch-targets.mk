# Makefile — fetch public reads from ENA over Aspera, fall back to HTTPS.
#
# Usage:
#   make fetch ACC=ERR164407
#   make check-ascp
#
# Notes for whoever maintains this next:
#   * ENA listens for SSH on 33001, not 22: keep -P 33001 or you get
#     "Failed to open TCP connection for SSH".
#   * The old DSA key (asperaweb_id_dsa.openssh) is refused by ENA nowadays; with it ascp
#     just says "failed to authenticate". Use the RSA bypass key shipped with the SDK.
#   * If ascp prints "Client unable to connect to server (check UDP port and firewall)",
#     the site firewall drops UDP 33001; use `make fetch-https` instead.
#   * Nothing in this file has been run in CI; it is a convenience for laptops and the HPC login node.

ASCP      ?= $(HOME)/.aspera/sdk/ascp
KEY       ?= $(HOME)/.aspera/sdk/aspera_bypass_rsa.pem
RATE      ?= 300m
DEST      ?= data/raw
ACC       ?= ERR164407
ENA_PATH   = vol1/fastq/$(shell echo $(ACC) | cut -c1-6)/$(ACC)/$(ACC).fastq.gz

.PHONY: fetch fetch-https check-ascp clean

check-ascp:
	@command -v $(ASCP) >/dev/null || { echo "ascp not found at $(ASCP)"; exit 127; }
	@$(ASCP) -A | head -2

fetch: check-ascp
	@mkdir -p $(DEST)
	$(ASCP) -T -l $(RATE) -P 33001 -k 1 -i $(KEY) \
		era-fasp@fasp.sra.ebi.ac.uk:$(ENA_PATH) $(DEST)/

fetch-https:
	@mkdir -p $(DEST)
	curl -fL --retry 3 -o $(DEST)/$(ACC).fastq.gz \
		https://ftp.sra.ebi.ac.uk/$(ENA_PATH)

clean:
	rm -rf $(DEST)
