"""Reads a workbook with openpyxl, not with our writer's own crate, and prints
what a reviewer opening it in Excel or WPS would meet, as JSON: for each
sheet its rows of values, the frozen cell and the filtered range.
Exit 3 when openpyxl is missing, so that the test can name it."""
import json
import sys

try:
    import openpyxl
except ImportError:
    sys.exit(3)

book = openpyxl.load_workbook(sys.argv[1])
out = []
for sheet in book.worksheets:
    out.append(
        {
            "title": sheet.title,
            "rows": [
                ["" if v is None else v for v in row]
                for row in sheet.iter_rows(values_only=True)
            ],
            "freeze": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
        }
    )
json.dump(out, sys.stdout, ensure_ascii=False)
