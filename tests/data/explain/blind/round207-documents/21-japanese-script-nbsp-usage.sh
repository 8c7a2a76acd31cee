#!/usr/bin/env bash
# GSA からの一括ダウンロード用スクリプト (研究室共用)
# 2024-07-10 佐藤: Slack に貼られたコマンドをそのままコピペしたら動かなかった件のメモを残す。
#
# --- 実行ログ (コピペ版) ---------------------------------------------------
# $ ascp -A
# Aspera Connect version 3.9.6.173386
# ascp version 3.9.1.168302
# Operating System: Linux
# FIPS 140-2-validated crypto ready to configure
# AES-NI Supported
# License max rate=(unlimited), account no.=1, license no.=1
#
# $ ascp -P33001 -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh -QT -l100m -k1 -d aspera01@download.cncb.ac.cn:gsa/CRA000112 ./gsa
# Usage: ascp [OPTION] SRC... DEST
#           SRC to DEST, or multiple SRC to DEST dir
#           SRC, DEST format: [[user@]host:]PATH
# Display full usage: -h,--help
#
# 原因: Slack からコピーした行の "-d" と "aspera01@..." の間が通常のスペースではなく
#       ノーブレークスペース (U+00A0) になっていた。ascp は引数を1つの塊として受け取り、
#       転送元/転送先を解釈できずに usage を表示して終了した (cat -A で確認: "M-BM- ")。
# 手で打ち直したら転送は最後まで正常に完了した (Completed 行を確認済み、ログは残していない)。
# ----------------------------------------------------------------------------

set -euo pipefail
ASCP="${HOME}/.aspera/connect/bin/ascp"
KEY="${HOME}/.aspera/connect/etc/asperaweb_id_dsa.openssh"
DEST="${1:-./gsa}"

while read -r acc; do
  [[ -z "$acc" || "$acc" == \#* ]] && continue
  "$ASCP" -P33001 -i "$KEY" -QT -l100m -k1 -d "aspera01@download.cncb.ac.cn:gsa/${acc}" "$DEST"
done < accessions.txt
