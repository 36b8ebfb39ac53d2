#!/usr/bin/env python3
"""Where the text lines sit in an exported PDF and OFD, read by independent
readers for tests/ofd.rs: PyMuPDF for the PDF, ofdkit for the OFD — not
nianbao's own code.

    ofd_pdf_lines.py FILE.pdf FILE.ofd

prints JSON: {"pdf": [page, ...], "ofd": [page, ...]}, each page a list of
runs {"text", "x", "y", "right"} in millimetres from the page's top-left
corner: x the start of the baseline, y the baseline, right the end of the
text (PDF: PyMuPDF's box; OFD: ofdkit's advance, null where ofdkit can only
estimate it, i.e. when the last character is not full-width).

A PDF run is one span of a PyMuPDF line (a line drawn in two faces is two
spans), an OFD run one TextObject as ofdkit reads it.

Exit 3 with a message when PyMuPDF or ofdkit is missing.
"""

import json
import sys
import unicodedata

try:
    import pymupdf
except ImportError:
    print("缺少 PyMuPDF：请运行 pip install pymupdf", file=sys.stderr)
    sys.exit(3)
try:
    import ofdkit
except ImportError:
    print("缺少 ofdkit：请运行 pip install ofdkit", file=sys.stderr)
    sys.exit(3)

MM = 25.4 / 72.0


def pdf_runs(path):
    pages = []
    for page in pymupdf.open(path):
        runs = []
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    if not span["text"].strip():
                        continue
                    x, y = span["origin"]
                    runs.append(
                        {
                            "text": span["text"],
                            "x": x * MM,
                            "y": y * MM,
                            "right": span["bbox"][2] * MM,
                        }
                    )
        pages.append(runs)
    return pages


def wide(c):
    return unicodedata.east_asian_width(c) in ("W", "F")


def ofd_runs(path):
    pages = []
    for page in ofdkit.open(path).pages:
        pages.append(
            [
                {
                    "text": r.text,
                    "x": r.x,
                    "y": r.y,
                    # ofdkit sums DeltaX and takes one em for a full-width
                    # last character, which is exact for these faces.
                    "right": r.x + r.width if r.text and wide(r.text[-1]) else None,
                }
                for r in page.runs
                if r.text.strip()
            ]
        )
    return pages


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    print(
        json.dumps(
            {"pdf": pdf_runs(sys.argv[1]), "ofd": ofd_runs(sys.argv[2])},
            ensure_ascii=False,
        )
    )


main()
