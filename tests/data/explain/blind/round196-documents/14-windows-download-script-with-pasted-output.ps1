# download-deliverables.ps1
# Pulls the weekly deliverables folder from the vendor HSTS to the local share.
# Pasted the output of last Friday's run at the bottom (see NOTE) - 1 file keeps failing.

$ascp = "$env:LOCALAPPDATA\Programs\Aspera\Aspera Connect\bin\ascp.exe"
$env:ASPERA_SCP_PASS = Get-Content "$PSScriptRoot\vendor.pass"

& $ascp -P 33001 -l 200m -k 2 -d --mode=recv --user=deliv_emea --host=hsts.vendor-post.example.com `
    "/outgoing/wk27" "D:\Deliverables\"

if ($LASTEXITCODE -ne 0) { Write-Warning "ascp exited $LASTEXITCODE" }

<# NOTE - output of the run on 2024-07-05 (PowerShell 7.4, Connect 4.2.8):

PS D:\scripts> .\download-deliverables.ps1
wk27/EP101_final_v3.mxf                                                 100%   10GB  576Mb/s    01:56
wk27/EP101_subs_en.srt                                                  100%   48KB             --:--
Partial Completion: 10485808K bytes transferred in 117 seconds
 (733021K bits/sec), in 3 files, 1 directory; 1 file failed.
WARNING: ascp exited 1

From the Connect log (aspera-scp-transfer.log) for the same run:
2024-07-05 18:02:41.120 [1f3c-00002a10] LOG FASP Transfer Stop uuid=6d0b2f4e-91a3-4c7e-b2d5-0f8e3a9c7d11 op=recv status=failed file="D:/Deliverables/wk27/EP101_QC: notes?.pdf" errcode=56 errstr="Path being written to Windows file system contains illegal characters"

The vendor names files on their Mac ("EP101_QC: notes?.pdf"). Ask them to rename, or we pull it onto the Linux box instead.
#>
