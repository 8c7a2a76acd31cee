-- spec/ascp_parser_spec.lua
local parser = require("fetcher.ascp_parser")

describe("ascp output parser", function()

  it("recognises a completed transfer", function()
    local out = "Completed: 2231840K bytes transferred in 71 seconds\n (256304K bits/sec), in 1 file.\n"
    local r = parser.parse(out)
    assert.are.equal("done", r.status)
    assert.are.equal(1, r.files)
  end)

  it("maps the UDP error", function()
    local out = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
    assert.are.equal("network", parser.parse(out).status)
  end)

  it("maps a host name that does not resolve", function()
    local out = "ascp: Cannot resolve target host., exiting.\n"
    assert.are.equal("dns", parser.parse(out).status)
  end)

  it("maps the missing-file error as permanent", function()
    local out = "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    local r = parser.parse(out)
    assert.are.equal("missing", r.status)
    assert.is_false(r.retry)
  end)

  it("treats an empty output as unknown", function()
    assert.are.equal("unknown", parser.parse("").status)
  end)
end)
