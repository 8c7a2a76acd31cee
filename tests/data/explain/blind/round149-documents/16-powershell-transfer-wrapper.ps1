<#
.SYNOPSIS
  Send-Dailies.ps1 - pushes the day's dailies to the post house with ascp.exe and classifies failures.
.NOTES
  Classification strings were taken from ascp output we have seen; the sample lines in the
  comments are NOT from a run of this script.
#>
param(
  [string]$Source = 'D:\Dailies\today',
  [string]$Remote = 'dailies_up@198.51.100.120:/inbox',
  [string]$Ascp   = "$env:LOCALAPPDATA\Programs\Aspera\Aspera Connect\bin\ascp.exe"
)

if (-not (Test-Path $Ascp)) {
  Write-Error "ascp.exe not found at $Ascp - install IBM Aspera Connect for this user"
  exit 127
}

$env:ASPERA_SCP_PASS = '<PASSWORD_FROM_VAULT>'   # filled by the scheduler, never commit
$out = & $Ascp -P 33001 -l 400m -k 1 -d $Source $Remote 2>&1 | Out-String

$rules = [ordered]@{
  # ascp.exe: failed to authenticate, exiting.
  'failed to authenticate'                                   = 'AUTH'
  # Session Stop  (Error: Failed to open TCP connection for SSH)
  'Failed to open TCP connection for SSH'                    = 'TCP_33001_BLOCKED'
  # Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
  'check UDP port and firewall'                              = 'UDP_BLOCKED'
  # Session Stop  (Error: Disk write failed (server))
  'Disk write failed'                                        = 'REMOTE_DISK'
  # ascp.exe: required management connection to port localhost:54792 failed.
  'management connection'                                    = 'LOCAL_MGMT_PORT'
  'Completed:'                                               = 'OK'
}
foreach ($k in $rules.Keys) {
  if ($out -match [regex]::Escape($k)) { Write-Output "RESULT=$($rules[$k])"; break }
}
