#!/usr/bin/perl
# classify_ascp.pl — reads ascp console output on STDIN and prints one verdict per session.
# Used by the archive team's cron wrapper. The __DATA__ block holds the self-test samples
# (illustrative lines typed from IBM/ENA docs, not captured from any transfer).
use strict;
use warnings;

my %rules = (
    qr/failed to authenticate/                          => 'AUTH',
    qr/Failed to open TCP connection for SSH/           => 'SSH_PORT',
    qr/check UDP port and firewall/                     => 'UDP',
    qr/Cannot resolve target host/                      => 'DNS',
    qr/No such file or directory/                       => 'NOT_FOUND',
    qr/Disk write failed/                               => 'DISK',
    qr/Session data transfer timeout/                   => 'STALL',
);

sub classify {
    my ($line) = @_;
    return 'OK' if $line =~ /^\s*Completed: .* bits\/sec\), in \d+ file/;
    for my $re (keys %rules) { return $rules{$re} if $line =~ $re }
    return;
}

if (@ARGV && $ARGV[0] eq '--selftest') {
    while (my $l = <DATA>) {
        chomp $l; my ($want, $text) = split /\t/, $l, 2;
        my $got = classify($text) // 'NONE';
        printf "%-4s %-10s %s\n", ($got eq $want ? 'ok' : 'FAIL'), $got, $text;
    }
    exit 0;
}

my $buf = '';
while (<STDIN>) { $buf .= $_; if (my $v = classify($_)) { print "$v\n" } }

__DATA__
AUTH	Session Stop  (Error: failed to authenticate)
SSH_PORT	ascp: Failed to open TCP connection for SSH, exiting.
UDP	Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
DNS	ascp: Cannot resolve target host., exiting.
NOT_FOUND	Session Stop  (Error: Server aborted session: No such file or directory)
DISK	Session Stop  (Error: Disk write failed (server))
STALL	Session Stop  (Error: Session data transfer timeout)
OK	Completed: 74523K bytes transferred in 118 seconds (5132K bits/sec), in 1 file.
