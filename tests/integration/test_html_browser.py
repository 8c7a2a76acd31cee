"""The HTML report in a real browser (headless Chromium): it renders without console errors, the verdict and
the change-request table are in the DOM and on the first screen, and a screenshot is produced."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from aspdiag.render import OutputFormat
from tests.unit.test_render import sample_report  # noqa: F401  (fixture)

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIRST_SCREEN = (1280, 900)


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("ASPDIAG_REQUIRE_LAB") == "1":
            pytest.fail("chromium is not installed (make deps installs it)")
        pytest.skip("chromium is not installed")
    return path


def _run(chromium: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


def test_html_report_in_chromium(chromium, sample_report, tmp_path):  # noqa: F811
    html = OutputFormat.HTML.to_renderer()(sample_report)
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    page = tmp_path / "report.html"
    page.write_text(html)

    shot = tmp_path / "shot.png"
    result = _run(
        chromium, tmp_path, f"--window-size={FIRST_SCREEN[0]},{FIRST_SCREEN[1]}", f"--screenshot={shot}", page.as_uri()
    )
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    assert not re.search(r"CONSOLE.*(error|Uncaught)", result.stderr, re.I), result.stderr[-2000:]

    dom = _run(chromium, tmp_path, "--dump-dom", page.as_uri()).stdout
    assert 'id="verdict"' in dom and "DEGRADED" in dom
    assert 'id="change-request-table"' in dom and "UDP 33001" in dom

    # Where do the verdict and the change request land? A test-only copy measures them in the browser.
    probe = tmp_path / "measure.html"
    probe.write_text(
        html.replace(
            "</body>",
            "<script>for (const id of ['verdict', 'change-request-table']) {"
            " const r = document.getElementById(id).getBoundingClientRect();"
            " document.body.setAttribute('data-' + id, JSON.stringify([r.top, r.bottom])); }</script></body>",
        )
    )
    measured = _run(
        chromium, tmp_path, f"--window-size={FIRST_SCREEN[0]},{FIRST_SCREEN[1]}", "--dump-dom", probe.as_uri()
    ).stdout
    for ident in ("verdict", "change-request-table"):
        match = re.search(rf'data-{ident}="([^"]+)"', measured)
        assert match, measured[:500]
        top, bottom = json.loads(match.group(1).replace("&quot;", '"'))
        assert 0 <= top < bottom <= FIRST_SCREEN[1], (ident, top, bottom)


@pytest.mark.parametrize("mixed", [False, True], ids=["one-range", "no-range"])
@pytest.mark.parametrize("width", [1280, 800])
def test_wide_port_ranges_and_long_ipv6_stay_on_the_page(chromium, tmp_path, width, mixed):
    """``--udp-port 33001-33010`` on an IPv4 and a long IPv6 address (issue #16): no table runs off the page,
    every address is in the page whole, and the ten dropped ports read as one range."""
    from tests.reports import WIDE_FW6, WIDE_V6, wide_report

    html = OutputFormat.HTML.to_renderer()(wide_report(mixed=mixed))
    # ten ports that do not read alike: the per-address table would need 16 columns, so one table per address
    assert ('<div id="summary-table" class="per-row">' in html) is mixed
    probe = tmp_path / "wide.html"
    probe.write_text(
        html.replace(
            "</body>",
            "<script>const w = document.documentElement.scrollWidth;"
            " const t = [...document.querySelectorAll('table')].map("
            "   x => x.getBoundingClientRect().right - x.parentElement.getBoundingClientRect().right);"
            " document.body.setAttribute('data-fit', JSON.stringify([w, window.innerWidth, Math.max(...t)]));"
            " document.body.setAttribute('data-text', document.body.innerText.replace(/\\s+/g, ' '));"
            "</script></body>",
        )
    )
    dom = _run(chromium, tmp_path, f"--window-size={width},900", "--dump-dom", probe.as_uri()).stdout
    match = re.search(r'data-fit="([^"]+)"', dom)
    assert match, dom[:500]
    page, window, overhang = json.loads(match.group(1).replace("&quot;", '"'))
    assert page <= window, (page, window)
    assert overhang <= 0, f"a table reaches {overhang} px past its section"
    text = re.search(r'data-text="([^"]*)"', dom)
    assert text
    shown = text.group(1)
    assert ("UDP 33001-33010" in shown) is not mixed
    # <wbr> lets an address wrap at its colons, and the text still holds it whole
    assert WIDE_V6 in shown and WIDE_FW6 in shown
