#!/usr/bin/env bash
# immport_download.sh — ImmPort से SDY डेटा डाउनलोड करने की स्क्रिप्ट
# लेखक: अमित वर्मा (प्रतिरक्षा विज्ञान प्रयोगशाला)
#
# उपयोग: ./immport_download.sh SDY1234 /data/immport
#
# ---------------------------------------------------------------------------
# नोट (2023-08-03): पिछली बार चलाने पर यह आउटपुट आया था (नीचे ज्यों का त्यों चिपकाया):
#
#   $ ./immport_download.sh /data/immport
#   + ascp -k 1 -P 33001 -O 33001 -W <token> --user=databrowser aspera-immport.niaid.nih.gov: /data/immport
#   ascp: Source file list not specified, exiting
#   $ echo $?
#   1
#
# कारण: मैंने SDY संख्या देना भूल गया था, इसलिए $1 में गंतव्य चला गया और $STUDY खाली रहा —
# स्रोत पथ खाली होने से ascp के पास कोई स्रोत नहीं था। नीचे जाँच जोड़ दी है।
# ---------------------------------------------------------------------------
set -euo pipefail

STUDY="${1:-}"
DEST="${2:-}"
if [[ -z "$STUDY" || -z "$DEST" ]]; then
  echo "उपयोग: $0 SDYxxxx <गंतव्य फ़ोल्डर>" >&2
  exit 2
fi

TOKEN=$(curl -s -X POST -H "Authorization: bearer ${IMMPORT_TOKEN}" \
        https://api.immport.org/data/download/token | jq -r .token)

set -x
ascp -k 1 -P 33001 -O 33001 -W "$TOKEN" --user=databrowser \
     "aspera-immport.niaid.nih.gov:/${STUDY}" "$DEST"
