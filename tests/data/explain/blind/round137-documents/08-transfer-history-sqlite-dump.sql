-- sqlite3 /var/lib/fasp-nightly/history.db .dump   (copied into INC-2291 by ops, 2025-09-23)
-- Table written by fasp-nightly after each ascp invocation: one row per ascp run.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE runs (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,          -- UTC, when ascp was spawned
  ended_at    TEXT,
  host        TEXT NOT NULL,
  direction   TEXT NOT NULL,          -- send|recv
  src         TEXT NOT NULL,
  dest        TEXT NOT NULL,
  exit_status INTEGER,
  bytes       INTEGER,
  last_stdout TEXT,                   -- last non-progress line(s) ascp printed on stdout
  last_stderr TEXT
);
INSERT INTO runs VALUES(1041,'2025-09-21 01:00:02','2025-09-21 01:07:45','hsts.partner-b.example','send','/export/daily/2025-09-20/','/inbound/labX/',0,14812381184,'Completed: 14465216K bytes transferred in 463 seconds
 (255934K bits/sec), in 12 files, 1 directory.','');
INSERT INTO runs VALUES(1042,'2025-09-22 01:00:01','2025-09-22 01:01:03','hsts.partner-b.example','send','/export/daily/2025-09-21/','/inbound/labX/',1,0,'
Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))','ascp: Client unable to connect to server (check UDP port and firewall), exiting.
');
INSERT INTO runs VALUES(1043,'2025-09-23 01:00:02','2025-09-23 01:04:19','hsts.partner-b.example','send','/export/daily/2025-09-22/','/inbound/labX/',1,3822059520,'Partial Completion: 3732480K bytes transferred in 256 seconds
 (119441K bits/sec), in 4 files, 1 directory; 1 file failed.

Session Stop  (Error: Error reading source file from disk)','ascp: Error reading source file from disk, exiting.
');
CREATE TABLE notes (run_id INTEGER, note TEXT);
INSERT INTO notes VALUES(1042,'fw change CHG-7731 on edge-fw2 went live 21.09 23:00, UDP 33001 egress rule missing; rolled back 22.09 09:30');
INSERT INTO notes VALUES(1043,'dmesg on export01 at 01:03: nfs: server nas03 not responding, timed out; /export is NFS from nas03');
COMMIT;
