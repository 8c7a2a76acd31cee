# Makefile for the reference-panel refresh (hg38 panel v7)
# Usage: make fetch-panel PANEL_LIST=lists/panel_v7.txt
#
# ---- pasted by @ines on 2025-10-02 when `make fetch-panel` failed on the new node ----
# $ make fetch-panel
# ascp -QT -l 200m -P33001 -i /opt/aspera/etc/aspera_bypass_rsa.pem --mode=recv --host=fasp.sra.ebi.ac.uk --user=era-fasp --file-list= data/panel/
# ascp: Source file list not specified, exiting
# make: *** [Makefile:27: fetch-panel] Error 1
#
# (PANEL_LIST was not set in the new node's env, so --file-list= got an empty value.)
#
# ---- and the annotation target in the same session: ----
# $ make fetch-annot
# make: *** [Makefile:33: fetch-annot] Error 1
# ( no other output: the recipe sends ascp's output to /dev/null, see below; nobody has looked
#   at why this one failed yet )
# ----------------------------------------------------------------------------------------

ASCP      ?= ascp
KEY       ?= /opt/aspera/etc/aspera_bypass_rsa.pem
ASCP_OPTS := -QT -l 200m -P33001 -i $(KEY)

.PHONY: fetch-panel fetch-annot

fetch-panel:
	$(ASCP) $(ASCP_OPTS) --mode=recv --host=fasp.sra.ebi.ac.uk --user=era-fasp --file-list=$(PANEL_LIST) data/panel/

fetch-annot:
	@$(ASCP) $(ASCP_OPTS) era-fasp@fasp.sra.ebi.ac.uk:vol1/analysis/ERZ145/ERZ1452230/annotation.gff3.gz data/annot/ >/dev/null 2>&1
