#!/usr/bin/env python3
"""Fill the blank 2021 form as WPS writes it (template-2021-wps.docx) with a
report's title, text and figures, the way a clerk fills it in: only the text
of existing paragraphs and cells changes, and new paragraphs are copies of
the template's own, so WPS's structure (merged cells, cell properties, fonts,
the "　" cells) stays as it was.

    tools/fill-wps-template.py TEMPLATE.docx REPORT.nianbao.json OUT.docx
    tools/fill-wps-template.py --distinct TEMPLATE.docx REPORT.nianbao.json OUT.docx OUT.nianbao.json

With --distinct every figure is replaced by a different number and a few are
left blank, so that a figure read from the wrong cell shows; the report that
was filled in is written to OUT.nianbao.json for the test to compare with.

Needs python-docx (pip install python-docx). Made the fixtures in
tests/fixtures/docx/.
"""

import copy
import json
import sys

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

# Figures left blank by --distinct: (table, row key, column), as in the report file.
BLANKS = [
    ("proactive", "licensing", None),
    ("proactive", "rules", "repealed"),
    ("applications", "new_received", 1),
    ("applications", "granted", 0),
    ("applications", "granted", 3),
    ("applications", "denied_state_secret", 6),
    ("applications", "other_misc", 0),
    ("appeals", "review", "upheld"),
]


def distinct(report):
    """Every count a different number; the BLANKS left blank."""
    n = 1
    p = report["proactive"]
    for block in ("rules", "normative_documents"):
        for k in ("issued", "repealed", "in_force"):
            p[block][k] = n
            n += 1
    for k in ("licensing", "punishment", "enforcement"):
        p[k] = n
        n += 1
    p["fees_wan_yuan"] = "12.5"
    for row in report["applications"]:
        report["applications"][row] = [n + i for i in range(7)]
        n += 7
    for group in report["appeals"].values():
        for k in group:
            group[k] = n
            n += 1
    for table, key, col in BLANKS:
        if col is None:
            report[table][key] = None
        else:
            report[table][key][col] = None
    return report


def set_text(paragraph, text):
    """The paragraph's text, in its first run's formatting (a run is added,
    formatted like the paragraph mark, when it has none)."""
    runs = paragraph.runs
    if runs:
        runs[0].text = text
        for r in runs[1:]:
            r._r.getparent().remove(r._r)
    else:
        run = paragraph.add_run(text)
        ppr = paragraph._p.pPr
        mark = ppr.find(qn("w:rPr")) if ppr is not None else None
        if mark is not None:
            run._r.insert(0, copy.deepcopy(mark))


def set_cell(cell, value):
    if value is None:
        return  # blank, as the clerk left it
    set_text(cell.paragraphs[0], str(value))


def insert_after(paragraph, text):
    """A copy of `paragraph` right after it, holding `text`."""
    new = copy.deepcopy(paragraph._p)
    paragraph._p.addnext(new)
    p = Paragraph(new, paragraph._parent)
    set_text(p, text)
    return p


def lines(text):
    return [l.strip() for l in text.splitlines() if l.strip()]


def number(i):
    digits = "一二三四五六七八九十"
    return f"（{digits[i]}）" if i < 10 else f"（{i + 1}）"


def fill_text(document, report):
    paras = document.paragraphs
    title = report["title"].strip() or f"{report['organ']}{report['year']}年政府信息公开工作年度报告"
    placeholders = []
    for p in paras:
        t = p.text.strip()
        if t == "政府信息公开工作年度报告格式模板":
            set_text(p, title)
        elif t.startswith("（文字描述"):
            placeholders.append(p)
    # 一、总体情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项.
    overview = lines(report["preamble"]) + lines(report["overview"]["intro"])
    for i, part in enumerate(report["overview"]["parts"]):
        overview.append(number(i) + part["heading"].strip())
        overview += lines(part["body"])
    texts = [overview, lines(report["problems"]), lines(report["other_matters"])]
    for p, text in zip(placeholders, texts):
        if not text:
            set_text(p, "")
            continue
        set_text(p, text[0])
        last = p
        for t in text[1:]:
            last = insert_after(last, t)


def fill_tables(document, report):
    a, b, c = document.tables[:3]
    p = report["proactive"]
    for row, block in ((2, "rules"), (3, "normative_documents")):
        cells = a.rows[row].cells
        for i, k in enumerate(("issued", "repealed", "in_force")):
            set_cell(cells[1 + i], p[block][k])
    for row, key in ((6, "licensing"), (9, "punishment"), (10, "enforcement"), (13, "fees_wan_yuan")):
        value = p[key]
        set_cell(a.rows[row].cells[1], value if value != "" else None)
    # Table B: 3 header rows, then the 25 rows in the report file's order;
    # the figures are the row's last seven grid columns.
    for i, key in enumerate(report["applications"]):
        cells = b.rows[3 + i].cells
        for col, value in enumerate(report["applications"][key]):
            set_cell(cells[3 + col], value)
    cells = c.rows[3].cells
    col = 0
    for group in ("review", "suit_direct", "suit_after_review"):
        for k in ("upheld", "corrected", "other", "pending", "total"):
            set_cell(cells[col], report["appeals"][group][k])
            col += 1


def main(argv):
    want_distinct = argv[:1] == ["--distinct"]
    if want_distinct:
        argv = argv[1:]
    if len(argv) != (4 if want_distinct else 3):
        sys.exit(__doc__)
    template, report_path, out = argv[:3]
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    if want_distinct:
        report = distinct(report)
    document = docx.Document(template)
    fill_text(document, report)
    fill_tables(document, report)
    document.save(out)
    if want_distinct:
        with open(argv[3], "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
