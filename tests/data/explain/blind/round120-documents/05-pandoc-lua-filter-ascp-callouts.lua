-- ascp-callouts.lua
-- Pandoc Lua filter for the core-facility handbook.
-- Turns fenced code blocks with class "ascp-error" into a callout that names
-- the likely cause. The patterns below are the literal ascp messages we
-- document; they are examples for the handbook, not output from any run.
--
-- Usage: pandoc handbook.md --lua-filter=ascp-callouts.lua -o handbook.html

local hints = {
  { pat = "failed to authenticate",
    text = "SSH authentication failed (key file, password or ENA DSA key)." },
  { pat = "Failed to open TCP connection for SSH",
    text = "The SSH (TCP) port is closed or wrong. ENA needs -P 33001." },
  { pat = "check UDP port and firewall",
    text = "UDP 33001 is blocked between you and the server." },
  { pat = "Cannot resolve target host",
    text = "Host name does not resolve (DNS)." },
  { pat = "No such file or directory",
    text = "The remote path does not exist." },
  { pat = "Disk write failed",
    text = "The receiving disk is full or read-only." },
  { pat = "Session data transfer timeout",
    text = "The transfer stalled; lower -l and retry with -k1." },
  { pat = "Key passphrase:",
    text = "Wrong key file (the .putty one, or the path does not exist)." },
}

-- Example block in the handbook source:
--
-- ```{.ascp-error}
-- ascp: failed to authenticate, exiting.
--
-- Session Stop  (Error: failed to authenticate)
-- ```

function CodeBlock(el)
  if not el.classes:includes("ascp-error") then
    return nil
  end
  for _, h in ipairs(hints) do
    if el.text:find(h.pat, 1, true) then
      local note = pandoc.Div(
        { pandoc.Para({ pandoc.Strong("Likely cause: "), pandoc.Str(h.text) }) },
        pandoc.Attr("", { "callout", "callout-warning" })
      )
      return { el, note }
    end
  end
  return el
end
