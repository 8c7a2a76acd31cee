<#
.SYNOPSIS
    Invoke-AscpPull -- wraps ascp.exe for the nightly vendor pulls on the media NAS gateway.

.DESCRIPTION
    Runs ascp.exe, captures stdout/stderr, and maps the last "Session Stop" / "exiting" line
    to a short category for the Teams alert. The strings matched below are taken from
    IBM's FASP error table (as shipped in ascli) and from what ascp.exe prints on Windows
    ("ascp.exe: ..., exiting."). This script is a template: no transfer output is included.

.EXAMPLE
    Invoke-AscpPull -Remote 'pull_ro@transfer.vendor-example.com:/outbound/' -Dest 'E:\Inbound\vendor' -SshPort 33001
#>
param(
    [Parameter(Mandatory)] [string] $Remote,
    [Parameter(Mandatory)] [string] $Dest,
    [int]    $SshPort = 33001,
    [string] $Rate    = '300m',
    [string] $Ascp    = "$env:LOCALAPPDATA\Programs\Aspera\Aspera Connect\bin\ascp.exe"
)

if (-not (Test-Path $Ascp)) {
    Write-Error "ascp.exe not found at $Ascp -- is Connect installed for this user?"
    exit 127
}

$map = [ordered]@{
    'failed to authenticate'                                    = 'AUTH (key / password / token)'
    'Failed to open TCP connection for SSH'                     = 'SSH port blocked or wrong -P'
    'Client unable to connect to server \(check UDP port'       = 'UDP 33001 blocked'
    'Cannot resolve target host'                                = 'DNS'
    'Server aborted session: No such file or directory'         = 'Vendor moved/renamed the path'
    'Windows path contains illegal characters'                  = 'Vendor file names with : * ? etc.'
    'Disk write failed'                                         = 'E:\ full or quota'
    'required management connection to port'                    = 'Local management port blocked (Defender/EDR?)'
    'Session data transfer timeout'                             = 'Stalled after start'
}

$out = & $Ascp -P $SshPort -l $Rate -k 1 -d $Remote $Dest 2>&1 | Out-String
$rc  = $LASTEXITCODE

if ($rc -eq 0 -and $out -match 'Completed: \d+K bytes transferred') {
    Write-Output "OK"
    exit 0
}
foreach ($k in $map.Keys) {
    if ($out -match $k) { Write-Output "FAILED: $($map[$k])"; exit $rc }
}
Write-Output "FAILED: unclassified (rc=$rc) -- see transcript"
exit $rc
