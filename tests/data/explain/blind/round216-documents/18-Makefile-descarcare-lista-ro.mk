# Makefile – descărcare date GSA (CNCB) pentru proiectul CRA000112
# Autor: Andrei Popescu, laboratorul de genomică, UMF Iași
#
# Utilizare:  make fetch LIST=liste/cra000112.txt
#
ASCP  ?= $(HOME)/.aspera/connect/bin/ascp
KEY   ?= $(HOME)/.aspera/connect/etc/aspera01.openssh
DEST  ?= date/gsa
LIST  ?=

fetch:
	mkdir -p $(DEST)
	$(ASCP) -P33001 -i $(KEY) -QT -l100m -k1 -d --mode=recv --host=download.cncb.ac.cn --user=aspera01 --file-list=$(LIST) $(DEST)

# ---------------------------------------------------------------------------
# NOTĂ (12.02.2024) – ce s-a întâmplat prima dată când am rulat `make fetch`
# fără LIST (variabila goală, deci „--file-list=” fără fișier):
#
#   $ make fetch
#   mkdir -p date/gsa
#   /home/andrei/.aspera/connect/bin/ascp -P33001 -i /home/andrei/.aspera/connect/etc/aspera01.openssh -QT -l100m -k1 -d --mode=recv --host=download.cncb.ac.cn --user=aspera01 --file-list= date/gsa
#   ascp: Source file list not specified, exiting
#   make: *** [Makefile:14: fetch] Error 1
#
# Cu LIST setat corect a mers:
#
#   $ make fetch LIST=liste/cra000112.txt
#   CRR000112_f1.fq.gz                                                      100%  244MB  112Mb/s    00:20
#   Completed: 249998K bytes transferred in 21 seconds
#    (94969K bits/sec), in 1 file.
#
# De aceea: verificare obligatorie mai jos.
# ---------------------------------------------------------------------------
ifeq ($(strip $(LIST)),)
fetch: ; $(error Setați LIST=<fișier cu căi GSA>)
endif

.PHONY: fetch
