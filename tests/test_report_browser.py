"""The teacher's report opened in a real browser (headless Chromium): no console error, every plot shows."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import solved_with
from tiny_course import LAB

from dlcourse.teach.cli import main

CHECK = ("<script>document.title = [...document.images].every(i => i.complete && i.naturalWidth > 0) "
         "&& document.images.length > 0 ? 'plots-ok' : 'plots-broken';</script>")


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.skip("no Chromium here: apt-get install chromium (CI installs it)")


@pytest.mark.services
def test_report_loads_in_a_browser_with_every_plot(tiny, tmp_path):
    browser = chromium()
    box = tiny.parent / "export"
    for student, text in (("ann", solved_with(tiny)), ("bo", solved_with(tiny).replace("return a + b", "return 0"))):
        (box / student).mkdir(parents=True)
        (box / student / "lab.ipynb").write_text(text)
    assert main(["grade", LAB, "--from", str(box), "--workers", "2"]) == 0
    assert main(["report"]) == 0
    page = tmp_path / "report.html"
    page.write_text((tiny / "grading" / "class" / "report.html").read_text().replace("</body>", CHECK + "</body>"))
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
                           "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert "<title>plots-ok</title>" in done.stdout, f"a plot did not load: {done.stdout[:300]} {done.stderr[-500:]}"
    console = [ln for ln in done.stderr.splitlines() if "CONSOLE" in ln and ("Error" in ln or "error" in ln)]
    assert not console, f"the report logs errors in the browser: {console[:3]}"
    assert Path(page).read_text().count("data:image/png;base64,") >= 4
