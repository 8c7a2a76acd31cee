-- migrations/V7__seed_ascp_error_patterns.sql
-- Seed data for the transfer-monitor "known errors" table.
-- Patterns are matched (ILIKE) against the last 50 lines of each ascp job's console.
-- Texts copied from vendor docs and old tickets; no production data here.

CREATE TABLE IF NOT EXISTS ascp_error_pattern (
    id          serial PRIMARY KEY,
    pattern     text NOT NULL,
    category    text NOT NULL,
    retryable   boolean NOT NULL DEFAULT false,
    hint        text
);

INSERT INTO ascp_error_pattern (pattern, category, retryable, hint) VALUES
  ('%Session Stop  (Error: failed to authenticate)%',                         'auth',       false, 'Check key (-i) / ASPERA_SCP_PASS; ENA needs the RSA bypass key'),
  ('%Failed to open TCP connection for SSH%',                                 'ssh_port',   true,  'ENA/NCBI/GSA listen on 33001: add -P 33001'),
  ('%Cannot resolve target host%',                                            'dns',        false, 'Typo in host name or no DNS on the node'),
  ('%Client unable to connect to server (check UDP port and firewall)%',      'udp',        true,  'Open outbound UDP 33001'),
  ('%Server aborted session: No such file or directory%',                     'not_found',  false, 'Path moved or withdrawn; re-query the file report'),
  ('%Server aborted session: Read access denied for user%',                   'permission', false, NULL),
  ('%Disk write failed%',                                                     'disk',       true,  'Destination full or quota'),
  ('%Session data transfer timeout%',                                         'stall',      true,  'Lower -l'),
  ('%Failure processing peer license: Deprecated peer license%',              'licence',    false, 'Upgrade ascp'),
  ('%Client requests stronger encryption than server allows%',                'encryption', false, 'Try -T / check cipher'),
  ('%File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS%', 'filepass', false, 'Set ASPERA_SCP_FILEPASS'),
  ('%Key passphrase:%',                                                       'key_file',   false, 'Wrong key format (.putty) or missing key file');

-- sanity check used in CI (expects 12)
-- SELECT count(*) FROM ascp_error_pattern;
