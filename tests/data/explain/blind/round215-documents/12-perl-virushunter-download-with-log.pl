#!/usr/bin/env perl
# sra_fetch.pl -- fetch .sra files for the virus screening pipeline
# (adapted from the download step of virushunter; ENA aspera mirror instead of NCBI)
use strict;
use warnings;

my $tmpdir  = $ENV{TMPDIR} // "/scratch/vh_tmp";
my $ascp    = "$ENV{HOME}/.aspera/connect/bin/ascp";
my $key     = "$ENV{HOME}/.aspera/connect/etc/asperaweb_id_dsa.openssh";
my $srapath = "era-fasp\@fasp.sra.ebi.ac.uk:vol1/srr/SRR554/";

foreach my $sraid (@ARGV) {
	my $dload = "$ascp -QT -l 300m -P33001 -i $key ";
	$dload .= $srapath.$sraid;
	$dload .= " $tmpdir/$sraid.sra 2>&1";
	printf "[virushunter] \t$sraid: starting download\n";
	my $ascpout = `$dload`;
	print $ascpout;
	# try again ?
	if ( $ascpout =~ /ascp: failed to authenticate, exiting.*/  or  ! -e "$tmpdir/$sraid.sra" ){
		sleep(10);
		printf "[virushunter] \t$sraid: starting download, 2nd try\n";
		$ascpout = `$dload`;
		print $ascpout;
	}
	unless ( -e "$tmpdir/$sraid.sra" ) {
		printf "[virushunter] \t$sraid: download FAILED, skipping\n";
		next;
	}
}

__END__

Output of `perl sra_fetch.pl SRR5540271` on worker vh-07, 2024-10-02
(pasted for Pieter, who asked why the screening of batch 41 is empty):

[virushunter] 	SRR5540271: starting download
ascp: failed to authenticate, exiting.

Session Stop  (Error: failed to authenticate)
[virushunter] 	SRR5540271: starting download, 2nd try
ascp: failed to authenticate, exiting.

Session Stop  (Error: failed to authenticate)
[virushunter] 	SRR5540271: download FAILED, skipping

Note: the ENA helpdesk says the public DSA key (asperaweb_id_dsa.openssh) is not
accepted any more; the ascp on vh-07 is still the Connect 3.7.2 bundle. TODO.
