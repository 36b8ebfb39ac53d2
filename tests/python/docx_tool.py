#!/usr/bin/env python3
"""An independent reader and editor of .docx files for tests/docx.rs: python-docx,
not nianbao's own reader.

    docx_tool.py dump FILE.docx            the document as JSON on stdout
    docx_tool.py edit IN.docx OUT.docx CELL_TEXT PARA_FIND PARA_TEXT
        sets the text of table B's first figure cell (the leader's correction)
        and replaces the paragraph containing PARA_FIND, as Word would save it

Exit 3 with a message when python-docx is missing.
"""

import json
import sys

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:
    print("python-docx is not installed: pip install python-docx", file=sys.stderr)
    sys.exit(3)


def east_asia(run_or_p):
    rpr = run_or_p.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def size_pt(run_el):
    rpr = run_el.find(qn("w:rPr"))
    sz = rpr.find(qn("w:sz")) if rpr is not None else None
    return int(sz.get(qn("w:val"))) / 2 if sz is not None else None


def paragraph(p):
    runs = [r for r in p._p.iter(qn("w:r"))]
    fmt = p.paragraph_format
    return {
        "text": p.text,
        "east_asia": sorted({east_asia(r) for r in runs if r.find(qn("w:t")) is not None}, key=str),
        "size_pt": sorted({size_pt(r) for r in runs if r.find(qn("w:t")) is not None}, key=str),
        "align": p.alignment.name if p.alignment is not None else None,
        "first_line_indent_pt": fmt.first_line_indent.pt if fmt.first_line_indent is not None else None,
        "keep_with_next": fmt.keep_with_next,
    }


def cell(tc):
    pr = tc.tcPr
    span = pr.find(qn("w:gridSpan")) if pr is not None else None
    vm = pr.find(qn("w:vMerge")) if pr is not None else None
    paras = [docx.text.paragraph.Paragraph(p, None) for p in tc.iter(qn("w:p"))]
    return {
        "text": "".join(p.text for p in paras),
        "span": int(span.get(qn("w:val"))) if span is not None else 1,
        "vmerge": (vm.get(qn("w:val")) or "continue") if vm is not None else None,
        "align": [p.alignment.name if p.alignment is not None else None for p in paras],
        "east_asia": sorted({east_asia(r) for r in tc.iter(qn("w:r"))}, key=str),
    }


def table(t):
    rows = []
    for tr in t._tbl.tr_lst:
        trpr = tr.trPr
        rows.append({
            "header": trpr is not None and trpr.find(qn("w:tblHeader")) is not None,
            "cells": [cell(tc) for tc in tr.tc_lst],
        })
    return {"grid": len(t._tbl.tblGrid.gridCol_lst), "rows": rows}


def footer(f):
    el = f._element
    instr = "".join(i.text or "" for i in el.iter(qn("w:instrText")))
    return {
        "text": "".join(p.text for p in f.paragraphs),
        "align": [p.alignment.name if p.alignment is not None else None for p in f.paragraphs],
        "instr": instr.strip(),
        "fld_chars": [c.get(qn("w:fldCharType")) for c in el.iter(qn("w:fldChar"))],
        "east_asia": sorted({east_asia(r) for r in el.iter(qn("w:r"))}, key=str),
    }


def dump(path):
    d = docx.Document(path)
    s = d.sections[0]
    out = {
        "page": {
            "width_mm": round(s.page_width.mm, 1),
            "height_mm": round(s.page_height.mm, 1),
            "top_mm": round(s.top_margin.mm, 1),
            "left_mm": round(s.left_margin.mm, 1),
            "right_mm": round(s.right_margin.mm, 1),
            "bottom_mm": round(s.bottom_margin.mm, 1),
        },
        "odd_and_even_footers": d.settings.odd_and_even_pages_header_footer,
        "paragraphs": [paragraph(p) for p in d.paragraphs],
        "tables": [table(t) for t in d.tables],
        "footer": footer(s.footer),
        "even_footer": footer(s.even_page_footer),
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


def set_text(p, text):
    runs = p.runs
    if runs:
        runs[0].text = text
        for r in runs[1:]:
            r._r.getparent().remove(r._r)
    else:
        p.add_run(text)


def edit(src, dst, cell_text, find, para_text):
    d = docx.Document(src)
    b = d.tables[1]
    # Row 4 of the grid is 一、本年新收…; its first figure is the first cell
    # after the label (python-docx lists a merged cell once per grid column).
    row = b.rows[3]
    figure = row.cells[3]
    set_text(figure.paragraphs[0], cell_text)
    hits = [p for p in d.paragraphs if find in p.text]
    if len(hits) != 1:
        sys.exit(f"{len(hits)} paragraphs contain {find!r}")
    set_text(hits[0], para_text)
    d.save(dst)


if __name__ == "__main__":
    if sys.argv[1:2] == ["dump"] and len(sys.argv) == 3:
        dump(sys.argv[2])
    elif sys.argv[1:2] == ["edit"] and len(sys.argv) == 7:
        edit(*sys.argv[2:])
    else:
        sys.exit(__doc__)
