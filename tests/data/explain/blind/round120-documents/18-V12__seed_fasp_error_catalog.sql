-- V12__seed_fasp_error_catalog.sql
-- Flyway migration for the transfer-tracker database.
-- Seeds the lookup table used by the dashboard to group failed deliveries.
-- Codes and texts follow IBM's FASP error table as transcribed in the
-- aspera-cli sources (lib/aspera/ascp/management.rb); "match_text" is what
-- ascp prints after "Session Stop  (Error: " or before ", exiting." on stderr.

CREATE TABLE IF NOT EXISTS fasp_error_catalog (
    code          SMALLINT PRIMARY KEY,
    mnemonic      VARCHAR(40)  NOT NULL,
    match_text    VARCHAR(200) NOT NULL,
    category      VARCHAR(20)  NOT NULL,   -- network | auth | storage | client | server
    retryable     BOOLEAN      NOT NULL DEFAULT FALSE,
    operator_hint TEXT
);

INSERT INTO fasp_error_catalog (code, mnemonic, match_text, category, retryable, operator_hint) VALUES
 (4,  'NO_SUCH_FILE',        'Server aborted session: No such file or directory', 'server',  FALSE, 'Remote path wrong or withdrawn'),
 (5,  'NO_PERMS',            'Server aborted session: Read access denied for user', 'server', FALSE, 'Check docroot permissions'),
 (15, 'CONNECTION_TIMEOUT',  'Client unable to connect to server (check UDP port and firewall)', 'network', TRUE, 'UDP 33001 blocked'),
 (19, 'AUTH',                'failed to authenticate', 'auth', FALSE, 'Key/password; ENA DSA key no longer accepted; old ascp vs new sshd'),
 (34, 'UNAUTHORIZED',        'Management authorization refused', 'auth', FALSE, 'Server-side authorization (user/token)'),
 (36, 'DISK_WRITE',          'Disk write failed', 'storage', TRUE, 'Receiver disk full / read-only / quota'),
 (40, 'DATA_TRANSFER_TIMEOUT','Session data transfer timeout', 'network', TRUE, 'Stalled; lower target rate'),
 (44, 'PMTU_BRTT_ERROR',     'Failed to open TCP connection for SSH', 'network', TRUE, 'SSH TCP port closed or wrong (-P 33001)'),
 (51, 'INSECURE_CONNECTION', 'Remote host is not who we expected', 'server', FALSE, 'Host key changed; verify fingerprint'),
 (56, 'ILLEGAL_CHARS_IN_PATH','Windows path contains illegal characters', 'client', FALSE, 'Rename files containing : * ? " < > |')
ON CONFLICT (code) DO UPDATE
   SET match_text = EXCLUDED.match_text,
       operator_hint = EXCLUDED.operator_hint;

-- "Cannot resolve target host" has no FASP code: ascp exits before a session.
INSERT INTO fasp_error_catalog (code, mnemonic, match_text, category, retryable, operator_hint)
VALUES (-1, 'LOCAL_DNS', 'Cannot resolve target host', 'network', TRUE, 'DNS on the client')
ON CONFLICT (code) DO NOTHING;
