#!/usr/bin/env bash
# sifreli_gonder.sh — müşteri arşivini istemci tarafında şifreleyerek gönderir
# Not (Emre, 03.06): ilk denemede ASPERA_SCP_FILEPASS'i export etmeyi unuttum, çıktı aşağıda.
#
#   $ ./sifreli_gonder.sh arsiv_2024_05.tar
#   ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.
#   $ echo $?
#   1
#
# Düzeltme: parolayı kasadan okuyup export ediyoruz (aşağıdaki satır). Henüz tekrar denenmedi.
set -euo pipefail
SRC="$1"
# export ASPERA_SCP_FILEPASS="$(vault kv get -field=pass secret/aspera/filepass)"
ascp --mode=send --user=arsiv --host=hsts.musteri.example -P 33001 \
     --file-crypt=encrypt -l 50m "$SRC" /gelen
