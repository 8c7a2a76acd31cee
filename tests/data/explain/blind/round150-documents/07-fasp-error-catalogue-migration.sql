-- V31__fasp_error_catalogue.sql
-- Lookup table used by the transfer-dashboard to turn ascp messages into a short hint.
-- Texts copied from IBM ascli's error table (lib/aspera/ascp/management.rb) and from
-- IBM support articles; these are reference strings, no transfer produced them here.

CREATE TABLE IF NOT EXISTS fasp_error_catalogue (
    code        INTEGER PRIMARY KEY,
    mnemonic    TEXT NOT NULL,
    message     TEXT NOT NULL,
    hint        TEXT NOT NULL,
    retryable   BOOLEAN NOT NULL DEFAULT FALSE
);

INSERT INTO fasp_error_catalogue (code, mnemonic, message, hint, retryable) VALUES
 (4,  'NO_SUCH_FILE',        'No such file or directory',                        'Remote path moved or mistyped', FALSE),
 (5,  'NO_PERMS',            'Insufficient permission to read or write',         'Check docroot and OS permissions', FALSE),
 (13, 'TRANSFER_TIMEOUT',    'Timeout establishing control connection',          'Check SSH port (-P 33001) and firewall', TRUE),
 (15, 'CONNECTION_TIMEOUT',  'Timeout establishing data connection',             'Check UDP port and firewall', TRUE),
 (19, 'AUTH',                'Authentication failure',                           'Key (-i) or ASPERA_SCP_PASS', FALSE),
 (25, 'NO_SPACE_LEFT',       'No space left on disk',                            'Free space / quota on receiver', FALSE),
 (28, 'USER_CANCEL',         'Cancelled by user',                                'Nothing to fix', FALSE),
 (30, 'LIC_EXPIRED',         'License expired',                                  'Renew or upgrade client', FALSE),
 (40, 'DATA_TRANSFER_TIMEOUT','Transfer stalled, timed out',                     'Lower -l target rate', TRUE),
 (42, 'ALREADY_EXISTS',      'File or directory already exists',                 'Check --overwrite', FALSE),
 (44, 'PMTU_BRTT_ERROR',     'UDP session initiation fatal error',               'SSH and UDP reachability', TRUE),
 (48, 'FILE_ENCRYPTION_ERROR','File encryption error, e.g. corrupt file',        'Set ASPERA_SCP_FILEPASS', FALSE),
 (50, 'BAD_CONFIGURATION',   'Aspera.conf contains invalid data and was rejected','Validate aspera.conf', FALSE),
 (51, 'INSECURE_CONNECTION', 'Remote-host key check failure',                    'ascp < 4.0 checks RSA host key only', FALSE),
 (55, 'FILEPATH_TOO_LONG',   'File path/name too long for underlying file system','Shorten destination path', FALSE),
 (64, 'CANNOT_RENAME_PARTIAL_FILES','Can''t rename a partial file',              'Concurrent transfer or cleanup job', FALSE);

-- Sample rows for the UI preview (fabricated, not from a real session):
-- INSERT INTO transfer_event (uuid, errcode, errstr) VALUES
--   ('00000000-0000-0000-0000-000000000000', 19, 'Authentication failure');
