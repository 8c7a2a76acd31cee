#!/usr/bin/env bash
# fetch_chip.sh — ChIP-seq 生データを ENA から ascp で取得する
# 作成: 佐藤 (2024-02-08)
#
# 使い方: ./fetch_chip.sh SRR_ID
#
# --- 実行記録（2024-02-08 実機、端末からそのまま貼り付け）---------------
# 1回目: パスの階層を間違えていた（SRR554/ の下に 00x/ のサブディレクトリが必要だった）
#
#   $ ./fetch_chip.sh SRR5540091
#   + ascp -T -l 300m -P 33001 -i /home/sato/.aspera/sdk/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR554/SRR5540091/SRR5540091.fastq.gz ./raw/
#   Completed: 0K bytes transferred in 0 seconds
#   Session Stop  (Error: Server aborted session: No such file or directory)
#   [fetch_chip] ascp 終了コード 1
#
# 2回目: ENA ブラウザで確認した正しいパス（.../SRR554/001/SRR5540091/...）に修正後
#
#   $ ./fetch_chip.sh SRR5540091
#   + ascp -T -l 300m -P 33001 -i /home/sato/.aspera/sdk/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR554/001/SRR5540091/SRR5540091.fastq.gz ./raw/
#   SRR5540091.fastq.gz                                                              100%  244MB  112Mb/s    00:20
#   Completed: 249998K bytes transferred in 21 seconds
#    (94969K bits/sec), in 1 file.
#   [fetch_chip] ascp 終了コード 0
# ------------------------------------------------------------------------

set -euo pipefail
set -x

id="$1"
prefix="${id:0:6}"
# 7桁以上の ID は末尾の桁で 00x ディレクトリを作る（ENA の規則）
if [ ${#id} -ge 10 ]; then
  sub="00${id: -1}"
  path="vol1/fastq/${prefix}/${sub}/${id}/${id}.fastq.gz"
else
  path="vol1/fastq/${prefix}/${id}/${id}.fastq.gz"
fi

mkdir -p raw
set +e
ascp -T -l 300m -P 33001 -i "$HOME/.aspera/sdk/aspera_bypass_rsa.pem" \
  "era-fasp@fasp.sra.ebi.ac.uk:${path}" ./raw/
rc=$?
set -e
echo "[fetch_chip] ascp 終了コード ${rc}"
exit ${rc}
