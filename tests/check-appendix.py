#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an appendix workbook back with openpyxl and checks it against what the test
wrote: check-appendix.py WORKBOOK EXPECTED.json. Prints what differs and exits 1."""

import datetime
import json
import sys

sys.stdout.reconfigure(encoding="utf-8")

import openpyxl

FONT = "Times New Roman"
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def find_row(ws, column, text, start=1):
    for row in range(start, ws.max_row + 1):
        if ws.cell(row=row, column=column).value == text:
            return row
    return None


def merged(ws, ref):
    return any(str(r) == ref for r in ws.merged_cells.ranges)


def check_print_setup(ws, name, landscape=True, repeat=None):
    check(int(ws.page_setup.paperSize) == 9, f"{name}: paper is not A4")
    check(ws.page_setup.orientation == ("landscape" if landscape else "portrait"),
          f"{name}: orientation {ws.page_setup.orientation}")
    m = ws.page_margins
    check(abs(m.left - 30 / 25.4) < 0.01, f"{name}: left margin {m.left}")
    check(abs(m.right - 15 / 25.4) < 0.01, f"{name}: right margin {m.right}")
    check(abs(m.top - 20 / 25.4) < 0.01, f"{name}: top margin {m.top}")
    check(abs(m.bottom - 20 / 25.4) < 0.01, f"{name}: bottom margin {m.bottom}")
    check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
          f"{name}: not fit to page")
    check(ws.page_setup.fitToWidth in (1, None) and ws.page_setup.fitToHeight == 0,
          f"{name}: fit {ws.page_setup.fitToWidth} wide, {ws.page_setup.fitToHeight} tall")
    check("&P" in (ws.oddHeader.center.text or ""), f"{name}: no page number in the header")
    if repeat is not None:
        check(ws.print_title_rows in (f"{repeat}:{repeat}", f"${repeat}:${repeat}"),
              f"{name}: repeated rows {ws.print_title_rows}, expected {repeat}:{repeat}")
        check(ws.freeze_panes == f"A{repeat + 1}", f"{name}: frozen at {ws.freeze_panes}")


def check_fonts(ws, name):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                check(cell.font.name == FONT,
                      f"{name}!{cell.coordinate}: font {cell.font.name}, not {FONT}")


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        exp = json.load(f)

    check(wb.sheetnames == ["Phụ lục", "Tổng hợp", "Chứng cứ"], f"sheets {wb.sheetnames}")
    ws = wb["Phụ lục"]
    top = 2 if exp["preview"] else 1

    # The header block: parent body and department left, national name and motto right.
    a = ws.cell(row=top, column=1)
    check(a.value == exp["parent_body"], f"parent body {a.value!r}")
    check(not a.font.b, "the parent body must not be bold")
    d = ws.cell(row=top + 1, column=1)
    check(d.value == exp["department"], f"department {d.value!r}")
    check(d.font.b, "the department must be bold")
    n = ws.cell(row=top, column=8)
    check(n.value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and n.font.b, f"national name {n.value!r}")
    mo = ws.cell(row=top + 1, column=8)
    check(mo.value == "Độc lập - Tự do - Hạnh phúc" and mo.font.b, f"motto {mo.value!r}")
    for ref in (f"A{top}:E{top}", f"A{top + 1}:E{top + 1}", f"H{top}:K{top}", f"H{top + 1}:K{top + 1}"):
        check(merged(ws, ref), f"header cells {ref} are not merged")

    r = find_row(ws, 1, "Phụ lục")
    check(r is not None and ws.cell(row=r, column=1).font.b and ws.cell(row=r, column=1).font.sz == 14,
          "no bold 14 pt “Phụ lục”")
    title = ws.cell(row=r + 1, column=1)
    check(title.value == "DANH SÁCH SỐ ĐIỆN THOẠI CÓ DẤU HIỆU VI PHẠM PHÁP LUẬT" and title.font.b,
          f"title {title.value!r}")
    ref = ws.cell(row=r + 2, column=1)
    check(ref.value == exp["reference"], f"reference line {ref.value!r} != {exp['reference']!r}")
    check(ref.font.i, "the reference line must be italic")
    check(merged(ws, f"A{r + 2}:K{r + 2}"), "the reference line is not merged across the table")

    head = find_row(ws, 1, "STT")
    check(head is not None, "no table header")
    headings = [ws.cell(row=head, column=c).value for c in range(1, 12)]
    check(headings == exp["headings"], f"headings {headings}")
    check(all(ws.cell(row=head, column=c).font.b for c in range(1, 12)), "headings not bold")
    check_print_setup(ws, "Phụ lục", repeat=head)

    # Every row, every value; numbers keep their leading 0 because they are text.
    for i, e in enumerate(exp["rows"]):
        row = head + 1 + i
        values = [ws.cell(row=row, column=c).value for c in range(1, 12)]
        check(values[0] == i + 1, f"row {row}: STT {values[0]!r}")
        for col, key in ((1, "source"), (2, "network"), (3, "channel"), (4, "category"),
                         (6, "receiving"), (7, "content"), (8, "evidence"), (9, "unit"),
                         (10, "notes")):
            check(values[col] == e[key], f"row {row} {key}: {values[col]!r} != {e[key]!r}")
        check(isinstance(values[1], str) and values[1] == e["source"], f"row {row}: source not text")
        check(ws.cell(row=row, column=2).number_format == "@", f"row {row}: source not formatted as text")
        check(isinstance(values[6], str) and values[6].startswith("0"), f"row {row}: receiving lost its 0")
        when = values[5]
        if e["occurred"] is None:
            check(when is None, f"row {row}: date {when!r}")
        else:
            check(isinstance(when, datetime.datetime), f"row {row}: date is {type(when)}")
            check(when.strftime("%Y-%m-%dT%H:%M") == e["occurred"], f"row {row}: date {when} != {e['occurred']}")
            fmt = ws.cell(row=row, column=6).number_format
            check(fmt == e["date_format"], f"row {row}: date format {fmt!r}")
        check(ws.cell(row=row, column=8).alignment.wrap_text, f"row {row}: content not wrapped")
        check(ws.cell(row=row, column=8).border.left.style == "thin", f"row {row}: no border")

    # Signature block and digest.
    last = head + len(exp["rows"])
    sig = find_row(ws, 8, "KT. GIÁM ĐỐC", last + 1)
    check(sig is not None and ws.cell(row=sig, column=8).font.b, "no bold “KT. GIÁM ĐỐC”")
    check(sig is not None and ws.cell(row=sig + 1, column=8).value == "PHÓ GIÁM ĐỐC", "no title")
    name = find_row(ws, 8, exp["signer_name"], last + 1)
    check(name is not None and ws.cell(row=name, column=8).font.b, "no bold signer name")
    digest_cells = [c.value for row in ws.iter_rows(min_row=last + 1) for c in row
                    if isinstance(c.value, str) and exp["digest"] in c.value]
    check(len(digest_cells) == 1, "the digest is not printed once under the signature")
    if digest_cells:
        dr = find_row(ws, 1, digest_cells[0], last + 1)
        check(ws.cell(row=dr, column=1).font.sz <= 9, "the digest is not in small print")

    check_fonts(ws, "Phụ lục")

    # Tổng hợp: totals add up.
    ws2 = wb["Tổng hợp"]
    check_print_setup(ws2, "Tổng hợp", landscape=False)
    totals = [ws2.cell(row=r, column=3).value for r in range(1, ws2.max_row + 1)
              if ws2.cell(row=r, column=1).value == "Tổng cộng"]
    check(totals == [len(exp["rows"])] * 3, f"summary totals {totals}")
    check_fonts(ws2, "Tổng hợp")

    # Chứng cứ: every evidence file with its path, size and hash.
    ws3 = wb["Chứng cứ"]
    h3 = find_row(ws3, 1, "STT trong phụ lục")
    check(h3 is not None, "no evidence header")
    check_print_setup(ws3, "Chứng cứ", repeat=h3)
    got = [(ws3.cell(row=r, column=1).value, ws3.cell(row=r, column=4).value,
            ws3.cell(row=r, column=7).value, ws3.cell(row=r, column=8).value)
           for r in range(h3 + 1, ws3.max_row + 1) if ws3.cell(row=r, column=4).value]
    want = [(f["stt"], f["path"], f["size"], f["sha256"]) for f in exp["evidence"]]
    check(got == want, f"evidence sheet differs: {got[:2]} … != {want[:2]} …")
    check_fonts(ws3, "Chứng cứ")

    # A draft says so on every sheet, on screen and on paper.
    for sheet in wb.worksheets:
        stamped = any(c.value == "DỰ THẢO" for row in sheet.iter_rows(max_row=2) for c in row)
        in_header = "DỰ THẢO" in (sheet.oddHeader.right.text or "")
        check(stamped == exp["preview"] and in_header == exp["preview"],
              f"{sheet.title}: draft stamp {stamped}/{in_header}, preview {exp['preview']}")

    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
