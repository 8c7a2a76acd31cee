# Makefile for fetching the reference reads for the benchmark
# usage: make fetch
#
# History of `make fetch` on the new lab server (pasted by @okafor, 2024-06-03), kept here so the next
# person does not repeat it:
#
#   $ make fetch
#   ascp -QT -l 300m -i /opt/aspera/etc/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz data/
#   ascp: Failed to open TCP connection for SSH, exiting.
#
#   Session Stop  (Error: Failed to open TCP connection for SSH)
#   make: *** [Makefile:31: data/ERR164407.fastq.gz] Error 1
#
#   -> forgot -P 33001 (ENA does not listen on 22). Added ASCP_PORT below. Second try:
#
#   $ make fetch
#   ascp -QT -l 300m -P 33001 -i /opt/aspera/etc/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz data/
#
#   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
#   make: *** [Makefile:31: data/ERR164407.fastq.gz] Error 1
#
#   -> the lab server sits behind the department firewall; ticket NET-5521 opened for outbound UDP 33001.
#      Until then use `make fetch-ftp`.

ASCP       ?= ascp
ASCP_KEY   ?= /opt/aspera/etc/aspera_bypass_rsa.pem
ASCP_PORT  ?= 33001
ASCP_RATE  ?= 300m
ENA_HOST   := era-fasp@fasp.sra.ebi.ac.uk
RUNS       := ERR164407

.PHONY: fetch fetch-ftp clean

fetch: $(addprefix data/,$(addsuffix .fastq.gz,$(RUNS)))

data/%.fastq.gz:
	@mkdir -p data
	$(ASCP) -QT -l $(ASCP_RATE) -P $(ASCP_PORT) -i $(ASCP_KEY) \
	  $(ENA_HOST):vol1/fastq/$(shell echo $* | cut -c1-6)/$*/$*.fastq.gz data/

fetch-ftp:
	@mkdir -p data
	wget -q -P data ftp://ftp.sra.ebi.ac.uk/vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz

clean:
	rm -rf data
