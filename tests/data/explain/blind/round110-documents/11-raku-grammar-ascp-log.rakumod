# AscpLog.rakumod -- a Raku grammar for the lines our pipelines get back from ascp.
# Only a grammar + a tiny self-test; nothing here runs ascp.
unit module AscpLog;

grammar Line is export {
    token TOP { <completed> | <partial> | <stop> | <exiting> | <progress> | <other> }

    token completed { 'Completed: ' <kbytes> 'K bytes transferred in ' <secs=.num> ' seconds' .* }
    token partial   { 'Partial Completion: ' <kbytes> 'K bytes transferred' .* }
    token stop      { 'Session Stop' \s+ '(Error: ' <reason> ')' }
    token exiting   { 'ascp' '.exe'? ': ' <reason=.msg> ', exiting.' }
    token progress  { \S+ \s+ <pct=.num> '%' \s+ .* }
    token other     { .* }

    token kbytes { \d+ }
    token num    { \d+ }
    token reason { .+ <?before ')' $> }
    token msg    { .+? <?before ', exiting.' $> }
}

our %CATEGORY is export =
    'Client unable to connect to server (check UDP port and firewall)' => 'udp',
    'failed to authenticate'                                          => 'auth',
    'Failed to open TCP connection for SSH'                           => 'ssh-port',
    'Session data transfer timeout'                                   => 'stall',
    'Server aborted session: No such file or directory'               => 'no-such-file',
    'Disk write failed (server)'                                      => 'disk',
    'Cannot resolve target host.'                                     => 'dns';

sub classify(Str $l --> Str) is export {
    my $m = Line.parse($l) or return 'other';
    return 'ok' if $m<completed>;
    my $r = ($m<stop> // $m<exiting>)<reason>;
    return %CATEGORY{~$r} // 'unknown' with $r;
    return $m<progress> ?? 'progress' !! 'other';
}

# --- self test (raku -I. -MAscpLog -e 'AscpLog::selftest') -------------------
our sub selftest is export {
    use Test;
    my @cases =
        'Completed: 74523K bytes transferred in 118 seconds'                                => 'ok',
        'Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))' => 'udp',
        'ascp: failed to authenticate, exiting.'                                             => 'auth',
        'ascp.exe: Failed to open TCP connection for SSH, exiting.'                          => 'ssh-port',
        'ascp: Cannot resolve target host., exiting.'                                        => 'dns',
        'Session Stop  (Error: Disk write failed (server))'                                  => 'disk',
        'ERR164407.fastq.gz      47%   34MB 37.7Mb/s   01:03 ETA'                            => 'progress';
    plan +@cases;
    is classify(.key), .value, .key for @cases;
}
