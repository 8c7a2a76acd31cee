-- migrations/V42__seed_fasp_error_catalogue.sql
-- Seed data for the transfer dashboard's "explain this failure" panel.
-- Texts copied from the FASP error table (ascli config ascp errors) and from
-- what ascp prints after "Session Stop  (Error: ...)". No transfer data here.

CREATE TABLE IF NOT EXISTS fasp_error_catalogue (
    code        INTEGER PRIMARY KEY,
    mnemonic    TEXT NOT NULL,
    message     TEXT NOT NULL,
    retryable   BOOLEAN NOT NULL,
    advice      TEXT
);

INSERT INTO fasp_error_catalogue (code, mnemonic, message, retryable, advice) VALUES
 (4,  'NO_SUCH_FILE',        'No such file or directory',                       FALSE, 'Check the remote path; archives move files.'),
 (5,  'NO_PERMS',            'Insufficient permission to read or write',        FALSE, 'Check docroot and OS permissions.'),
 (13, 'TRANSFER_TIMEOUT',    'Timeout establishing control connection',         TRUE,  'check SSH port and firewall'),
 (15, 'CONNECTION_TIMEOUT',  'Timeout establishing data connection',            TRUE,  'check UDP port and firewall'),
 (19, 'AUTH',                'Authentication failure',                          FALSE, 'Key, password or token.'),
 (25, 'NO_SPACE_LEFT',       'No space left on disk',                           FALSE, NULL),
 (28, 'USER_CANCEL',         'Cancelled by user',                               FALSE, NULL),
 (30, 'LIC_EXPIRED',         'License expired',                                 FALSE, 'Upgrade the client.'),
 (40, 'DATA_TRANSFER_TIMEOUT','Transfer stalled, timed out',                    TRUE,  'Lower -l; check receiver disk.'),
 (44, 'PMTU_BRTT_ERROR',     'UDP session initiation fatal error',              TRUE,  NULL),
 (48, 'FILE_ENCRYPTION_ERROR','File encryption error, e.g. corrupt file',       FALSE, 'Set ASPERA_SCP_FILEPASS.'),
 (51, 'INSECURE_CONNECTION', 'Remote-host key check failure',                   FALSE, 'Compare --check-sshfp with the server key.'),
 (64, 'CANNOT_RENAME_PARTIAL_FILES','Can''t rename a partial file',             FALSE, 'Look for cleanup jobs or concurrent senders.');

-- Aliases: console wording that differs from the table text.
CREATE TABLE IF NOT EXISTS fasp_error_alias (
    pattern TEXT PRIMARY KEY,
    code    INTEGER REFERENCES fasp_error_catalogue(code)
);
INSERT INTO fasp_error_alias VALUES
 ('failed to authenticate', 19),
 ('Client unable to connect to server (check UDP port and firewall)', 15),
 ('Server aborted session: No such file or directory', 4),
 ('Session data transfer timeout', 40);
