#!/usr/bin/perl
use strict;
use warnings;
use Test::More;

use lib 'lib';
use Bio::Fetch::Aspera::Errors qw(classify);

my %cases = (
    "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"
        => 'fatal',
    "Session Stop  (Error: Server aborted session: No such file or directory)\n"
        => 'fatal',
    "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        => 'retryable',
    "ascp: Failed to open TCP connection for SSH, exiting.\nSession Stop  (Error: Failed to open TCP connection for SSH)\n"
        => 'retryable',
    "Partial Completion: 19711732K bytes transferred in 3695 seconds\n(43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n\nSession Stop  (Error: Disk write failed (server))\n"
        => 'retryable',
    "Completed: 1111553K bytes transferred in 33 seconds\n (275691K bits/sec), in 1 file.\n"
        => 'ok',
);

plan tests => scalar keys %cases;

for my $text (sort keys %cases) {
    (my $name = (split /\n/, $text)[0]) =~ s/\s+$//;
    is( classify($text), $cases{$text}, "classify: $name" );
}
