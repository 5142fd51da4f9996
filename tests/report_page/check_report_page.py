#!/usr/bin/env python3
"""Renders the year reports' HTML pages in headless Chromium and checks what a reader sees.

On a fresh database with `casus seed-demo`, `casus report woonoverlast|ondermijning --year 2024
--format html` writes the pages; Chromium loads each from file (it may fetch nothing: the
pages are self-contained), and the DOM it dumps must show

- for Tabel 5.1, every wijk row with every cell and its total exactly as the CSV of the same
  report, the Totaal row, the previous year's totals, and the chart with a bar per wijk;
- for ondermijning, every count and percentage of the JSON of the same report;

and a screenshot of each is kept in OUT_DIR (a test artefact: look at it). Exit 77 (skipped)
when there is no Chromium, unless CASUS_REQUIRE_CHROMIUM=1 (.ci/run), then that fails.

usage: check_report_page.py CASUS_BINARY OUT_DIR
"""

import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


class Page(html.parser.HTMLParser):
    """The tables' rows as lists of cell texts, the svg's rects, and all visible text."""

    def __init__(self):
        super().__init__()
        self.tables = []
        self.row = None
        self.cell = None
        self.rects = 0
        self.text = []
        self.lang = None
        self.external = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""
        elif tag == "rect":
            self.rects += 1
        for name in ("src", "href"):
            if name in attributes:
                self.external.append(attributes[name])

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        self.text.append(data)


def rendered(chromium, page_path, screenshot):
    profile = tempfile.mkdtemp(prefix="casus-chromium-")
    try:
        flags = CHROMIUM_FLAGS + ["--user-data-dir=" + profile]
        dom = subprocess.run([chromium, *flags, "--dump-dom", "file://" + page_path],
                             check=True, capture_output=True, text=True, timeout=120).stdout
        subprocess.run([chromium, *flags, "--window-size=1100,1500", "--screenshot=" + screenshot,
                        "file://" + page_path], check=True, capture_output=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    page = Page()
    page.feed(dom)
    return page


def main():
    casus, out_dir = sys.argv[1], sys.argv[2]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("report page: no chromium" + (" (CASUS_REQUIRE_CHROMIUM=1)" if os.environ.get(
            "CASUS_REQUIRE_CHROMIUM") == "1" else "; skipped"))
        return 1 if os.environ.get("CASUS_REQUIRE_CHROMIUM") == "1" else 77
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="casus-page-")
    db = os.path.join(work, "demo.db")

    def run(*arguments):
        return subprocess.run([casus, *arguments], check=True, capture_output=True,
                              text=True).stdout

    run("migrate", "--db", db)
    run("seed-demo", "--db", db)
    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)

    # Tabel 5.1: the page's table against the CSV of the same report.
    path = os.path.join(work, "woonoverlast-2024.html")
    with open(path, "w", encoding="utf-8") as page_file:
        page_file.write(run("report", "woonoverlast", "--year", "2024", "--db", db, "--format", "html"))
    screenshot = os.path.join(out_dir, "tabel-5.1-2024.png")
    page = rendered(chromium, path, screenshot)
    csv_rows = [line.split(",") for line in
                run("report", "woonoverlast", "--year", "2024", "--db", db, "--format", "csv")
                .strip().split("\n")[1:]]
    check(page.lang == "nl", "the page is not lang=nl")
    check(not page.external, "the page refers to something outside it: %s" % page.external)
    check(len(page.tables) >= 2, "fewer than two tables")
    body = [row for row in page.tables[0] if len(row) == 8]
    check(body == csv_rows, "Tabel 5.1 on the page %s is not the CSV %s" % (body, csv_rows))
    check(page.rects >= 2 * (len(csv_rows) - 1), "the chart has %d bars" % page.rects)
    previous = {row[0]: row[1:] for row in page.tables[1] if len(row) == 4}
    report = json.loads(run("report", "woonoverlast", "--year", "2024", "--db", db, "--format", "json"))
    check(previous.get("2023") == [str(report["previous_year"][k]) for k in ("lopend", "afgerond", "total")],
          "the previous year on the page is %s" % previous.get("2023"))
    text = " ".join(" ".join(page.text).split())
    for phrase in ("Tabel 5.1 Woonoverlast 2024", "210 casussen", "142 lopend en 68 afgerond",
                   "99 lopende corporatie-casussen"):
        check(phrase in text, "the page does not say '%s'" % phrase)
    check(os.path.getsize(screenshot) > 10000, "the screenshot is nearly empty")

    # Ondermijning: every figure of the JSON on the page.
    path = os.path.join(work, "ondermijning-2024.html")
    with open(path, "w", encoding="utf-8") as page_file:
        page_file.write(run("report", "ondermijning", "--year", "2024", "--db", db, "--format", "html"))
    screenshot = os.path.join(out_dir, "ondermijning-2024.png")
    page = rendered(chromium, path, screenshot)
    figures = json.loads(run("report", "ondermijning", "--year", "2024", "--db", db, "--format", "json"))
    sources = {row[0]: row[1:] for row in page.tables[0] if len(row) == 5}
    names = {"mma": "Meld Misdaad Anoniem", "meldpunt": "Meldpunt", "partner": "Partners",
             "overig": "Overig"}
    for key, name in names.items():
        now = figures["signals"]["by_source"][key]
        before = figures["previous_year"]["signals"]["by_source"][key]
        check(sources.get(name) == [str(now["count"]), "%d%%" % now["percent"],
                                    str(before["count"]), "%d%%" % before["percent"]],
              "the source %s on the page is %s" % (name, sources.get(name)))
    cells = {row[0]: row[1:] for table in page.tables[1:] for row in table if len(row) == 3}
    expected = {"Behandeld": ("cases", "handled"), "Afgesloten": ("cases", "closed"),
                "Lopen door": ("cases", "continuing"), "Controledagen": ("activities", "control_days"),
                "Gecontroleerde bedrijven": ("activities", "companies_checked"),
                "Klop-klopgesprekken": ("activities", "knock_and_talk"),
                "HEIT-controles": ("activities", "heit_controls")}
    for label, (section, key) in expected.items():
        check(cells.get(label) == [str(figures[section][key]), str(figures["previous_year"][section][key])],
              "%s on the page is %s" % (label, cells.get(label)))
    check(cells.get("waarvan sluiting", [None])[0] == str(figures["cases"]["outcomes"]["sluiting"]),
          "sluiting on the page is %s" % cells.get("waarvan sluiting"))
    check(os.path.getsize(screenshot) > 10000, "the ondermijning screenshot is nearly empty")

    shutil.rmtree(work, ignore_errors=True)
    print("report page: screenshots in %s; %d problems" % (out_dir, len(failures)))
    for failure in failures:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
