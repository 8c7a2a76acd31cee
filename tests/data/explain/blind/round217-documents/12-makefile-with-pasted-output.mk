# Makefile for the mouse-atlas reference bundle
# Usage: make refs && make index
#
# NOTE (2024-10-08, pk): `make refs` from the new build VM fails, output below.
# The VM only has the internal resolver; fasp.sra.ebi.ac.uk is not resolvable
# from the build VLAN. Works from my laptop. Ticket NET-3310 open.
#
#   $ make refs
#   mkdir -p refs
#   ascp -QT -l 300m -P33001 -i $HOME/.aspera/sdk/aspera_bypass_rsa.pem \
#        era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz refs/
#   ascp: Cannot resolve target host., exiting.
#   make: *** [Makefile:22: refs/ERR164407.fastq.gz] Error 1

ASCP    ?= ascp
KEY     ?= $(HOME)/.aspera/sdk/aspera_bypass_rsa.pem
ENA     := era-fasp@fasp.sra.ebi.ac.uk

.PHONY: refs index clean

refs: refs/ERR164407.fastq.gz

refs/ERR164407.fastq.gz:
	mkdir -p refs
	$(ASCP) -QT -l 300m -P33001 -i $(KEY) \
	     $(ENA):vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz refs/

index: refs/ERR164407.fastq.gz
	bwa index $<

clean:
	rm -rf refs
