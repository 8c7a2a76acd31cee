-- ~/.config/nvim/after/ftplugin/asperalog.lua
-- Quickfix support for ascp console captures (make ascp-fetch > fetch.out 2>&1; :cfile fetch.out)
-- Maintainer note: patterns were written against captures from Connect 3.9.x and 4.2.x.
-- They only jump to the line; they do NOT decide why a transfer failed.

local efm = {
  -- stderr short form:   ascp: failed to authenticate, exiting.
  [[%Eascp: %m\, exiting.]],
  -- Windows build prefixes the executable name:  ascp.exe: failed to connect to management socket, exiting.
  [[%Eascp.exe: %m\, exiting.]],
  -- stdout summary (note TWO spaces after "Stop"):
  --   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
  [[%ESession Stop  (Error: %m)]],
  -- multi-file partial result:
  --   Partial Completion: 19711732K bytes transferred in 3695 seconds
  [[%WPartial Completion: %m]],
  -- log files written with -L:
  --   2015-09-15 14:10:39 [59c-00001c80] ERR failed to authenticate
  [[%E%\d%\d%\d%\d-%\d%\d-%\d%\d %\d%\d:%\d%\d:%\d%\d [%[0-9a-f-]%#] ERR %m]],
}

vim.opt_local.errorformat = table.concat(efm, ",")

-- Examples kept for the unit test in tests/efm_spec.lua (copied from old tickets, no live run):
--   ascp: Cannot resolve target host., exiting.
--   Session Stop  (Error: Server aborted session: No such file or directory)
--   Session Stop  (Error: Disk write failed (server))
--   Completed: 74523K bytes transferred in 118 seconds   <- must NOT produce an entry
