"""Remake docs/report-review.png: the seed's report in the middle of a review, as Chromium draws it.

Needs Debian's chromium (apt-get install -y chromium) and Playwright for Python
(in the test extras); no browser is downloaded. Run from anywhere:

    .venv/bin/python docs/report-review-screenshot.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SEED = "seeds/000_b53d737dffa061d6.txt"


def main() -> None:
    chromium = shutil.which("chromium") or sys.exit("chromium is absent (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        cli = str(ROOT / ".venv" / "bin" / "studyfacts")
        subprocess.run([cli, "report", SEED, "-o", str(report), "--quiet"], cwd=ROOT, check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 1500})
            page.goto(report.as_uri())
            rows = page.locator("details.rec").first
            rows.locator('tr[data-k="patients"] button[data-do="accept"]').click()
            rows.locator('tr[data-k="age_median"] button[data-do="correct"]').click()
            rows.locator('tr[data-k="age_median"] input').fill("62")
            rows.locator('tr[data-k="age_median"] input').press("Enter")
            rows.locator('tr[data-k="consecutive"] button[data-do="reject"]').click()
            # Add a rate the rules did not take, by selecting its text; leave the menu open in the picture.
            box = page.evaluate(
                """() => {
                  const abs = document.querySelector("p.abs");
                  const walker = document.createTreeWalker(abs, NodeFilter.SHOW_TEXT);
                  let node;
                  while ((node = walker.nextNode())) {
                    const at = node.data.indexOf("21 patients");
                    if (at < 0) continue;
                    const r = document.createRange();
                    r.setStart(node, at); r.setEnd(node, at + "21 patients".length);
                    const b = r.getBoundingClientRect();
                    return {x0: b.left + 1, x1: b.right - 1, y: b.top + b.height / 2};
                  }
                }"""
            )
            page.mouse.move(box["x0"], box["y"])
            page.mouse.down()
            page.mouse.move(box["x1"], box["y"], steps=6)
            page.mouse.up()
            page.locator("#addmenu").wait_for(state="visible")
            page.locator("#addmenu select").select_option("rates")
            page.locator("#addmenu input").fill("curative intent: 21 patients")
            page.mouse.move(5, 5)  # no hover outline in the picture
            page.screenshot(path=str(ROOT / "docs" / "report-review.png"), full_page=False)
            browser.close()
    print("wrote docs/report-review.png")


if __name__ == "__main__":
    main()
