// k6 smoke test for the transfer-status endpoint of our HSTS Node API (staging).
// Run:  k6 run -e NODE_URL=https://hsts-staging.example.test:9092 06-k6-node-api-check.js
//
// We do NOT start transfers here; we only poll the status of transfers the nightly job already
// created and assert that the API answers and that the status field is one of the known values.
// Known failure texts (from the FASP error table) are listed so that the dashboard can group them.

import http from 'k6/http';
import { check, sleep } from 'k6';
import encoding from 'k6/encoding';

export const options = {
  vus: 5,
  duration: '2m',
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<800'],
  },
};

const KNOWN_ERRORS = [
  'failed to authenticate',                                              // 19
  'Failed to open TCP connection for SSH',                               // seen with wrong -P
  'Client unable to connect to server (check UDP port and firewall)',    // 15
  'Server aborted session: No such file or directory',                   // 4
  'Data transfer stalled, timed out',                                    // 40
  'Failure processing peer license: Deprecated peer license',
];

const auth = encoding.b64encode(`${__ENV.NODE_USER}:${__ENV.NODE_PASS}`);

export default function () {
  const res = http.get(`${__ENV.NODE_URL}/ops/transfers?iteration_token=0`, {
    headers: { Authorization: `Basic ${auth}` },
  });

  check(res, {
    'status is 200': (r) => r.status === 200,
    'body is a list': (r) => Array.isArray(r.json()),
    'every status is known': (r) =>
      r.json().every((t) => ['queued', 'running', 'completed', 'failed', 'cancelled'].includes(t.status)),
    'failed transfers carry a known error_desc': (r) =>
      r.json()
        .filter((t) => t.status === 'failed')
        .every((t) => KNOWN_ERRORS.some((e) => (t.error_desc || '').includes(e))),
  });

  sleep(1);
}

/* Example of a summary line k6 prints at the end (from the k6 docs, not from our runs):
     ✓ status is 200
     ✗ failed transfers carry a known error_desc
      ↳  97% — ✓ 582 / ✗ 18
*/
