### A Pluto.jl notebook ###
# v0.19.46

using Markdown
using InteractiveUtils

# ╔═╡ 3a1f6c2e-7b8d-11ef-1a2b-3c4d5e6f7a8b
md"""
# FASP log statistics — parser sketch

Reads `aspera-scp-transfer.log` files and tallies sessions by outcome.
**No transfer is run from this notebook**; the sample lines below are copied from the
IBM error-code table and our runbook so the regexes can be checked.
"""

# ╔═╡ 4b2e7d3f-7b8d-11ef-2b3c-4d5e6f7a8b9c
sample = """
2024-10-02 10:14:07 [1f2c-7f3a2b1c4700] LOG FASP Session Start uuid=0b6c1e7a-1111-4a2b-9c3d-000000000001 op=recv status=failed errcode=44 errstr="UDP session initiation fatal error"
2024-10-02 10:20:51 [1f2c-7f3a2b1c4700] ERR failed to authenticate
2024-10-02 10:20:51 [1f2c-7f3a2b1c4700] LOG FASP Session Start uuid=0b6c1e7a-1111-4a2b-9c3d-000000000002 op=recv status=failed errcode=19 errstr="Authentication failure"
2024-10-02 11:02:33 [20a1-7f3a2b1c4700] LOG FASP Session Stop uuid=0b6c1e7a-1111-4a2b-9c3d-000000000003 op=recv status=success source=vol1/x.fastq.gz dest=. tcp_port=33001
"""

# ╔═╡ 5c3f8e40-7b8d-11ef-3c4d-5e6f7a8b9cad
const RX_SESSION = r"LOG FASP Session (Start|Stop) uuid=(\S+) op=(\w+) status=(\w+)(?: errcode=(\d+) errstr=\"([^\"]*)\")?"

# ╔═╡ 6d40f951-7b8d-11ef-4d5e-6f7a8b9cadbe
function tally(text::AbstractString)
    out = Dict{String,Int}()
    for m in eachmatch(RX_SESSION, text)
        key = m.captures[4] == "success" ? "ok" : "err" * something(m.captures[5], "?")
        out[key] = get(out, key, 0) + 1
    end
    out
end

# ╔═╡ 7e510a62-7b8d-11ef-5e6f-7a8b9cadbecf
tally(sample)

# ╔═╡ 8f621b73-7b8d-11ef-6f7a-8b9cadbecfd0
md"""
TODO: point `tally` at `~/asp-logs/*.log` once Daniel copies the DTN logs over.
Known gap: `Session Stop  (Error: …)` lines from stdout (two spaces!) are not matched yet.
"""

# ╔═╡ Cell order:
# ╟─3a1f6c2e-7b8d-11ef-1a2b-3c4d5e6f7a8b
# ╠═4b2e7d3f-7b8d-11ef-2b3c-4d5e6f7a8b9c
# ╠═5c3f8e40-7b8d-11ef-3c4d-5e6f7a8b9cad
# ╠═6d40f951-7b8d-11ef-4d5e-6f7a8b9cadbe
# ╠═7e510a62-7b8d-11ef-5e6f-7a8b9cadbecf
# ╟─8f621b73-7b8d-11ef-6f7a-8b9cadbecfd0
