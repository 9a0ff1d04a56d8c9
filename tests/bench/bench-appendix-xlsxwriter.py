#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The yardstick for bench-appendix: Python's XlsxWriter writing the same appendix
cells with the same formats (three sheets, header block, merged cells, page setup,
text, dates, numbers, borders, wrapping, row heights), in constant-memory mode.

    bench-appendix-xlsxwriter.py CELLS.json OUT.xlsx

Prints the seconds spent writing (after the cells are loaded)."""

import datetime
import json
import sys
import time

import xlsxwriter

FONT = "Times New Roman"
WIDTHS = [5.5, 15, 11, 10, 13, 16.5, 14, 34, 29, 17, 13]
EV_WIDTHS = [9, 17, 15, 40, 18, 13, 12, 70]
MARGINS = dict(left=30 / 25.4, right=15 / 25.4, top=20 / 25.4, bottom=20 / 25.4)


def fmt(wb, size=12, **props):
    props.update(font_name=FONT, font_size=size, font_charset=163)
    return wb.add_format(props)


def cell(wb, size=12, align="left", **props):
    return fmt(wb, size, border=1, align=align, valign="top", text_wrap=True, **props)


def lines(text, width):
    if not text:
        return 1
    room = width * 7 + 5 - 8
    return sum(max(1, -(-int(len(p) * 8.8) // int(room))) for p in text.split("\n"))


def page(ws):
    ws.set_paper(9)
    ws.set_landscape()
    ws.set_margins(**MARGINS)
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.hide_zero()
    ws.set_header('&C&"Times New Roman,Regular"&13&P', {"margin": 10 / 25.4})


def title(ws, f, last, text, reference, appendix_word=None):
    ws.set_row(ws.row, 8)
    ws.row += 1
    if appendix_word:
        ws.set_row(ws.row, 20)
        ws.merge_range(ws.row, 0, ws.row, last, appendix_word, f["appendix"])
        ws.row += 1
    ws.set_row(ws.row, 20)
    ws.merge_range(ws.row, 0, ws.row, last, text, f["title"])
    ws.row += 1
    ws.set_row(ws.row, 18)
    ws.merge_range(ws.row, 0, ws.row, last, reference, f["reference"])
    ws.row += 1
    ws.set_row(ws.row, 8)
    ws.row += 1


def main():
    with open(sys.argv[1], encoding="utf-8") as fp:
        d = json.load(fp)
    start = time.monotonic()

    wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
    f = {
        "parent": fmt(wb, 12, align="center", valign="bottom"),
        "department": fmt(wb, 12, bold=True, align="center", valign="bottom"),
        "national": fmt(wb, 12, bold=True, align="center", valign="bottom"),
        "motto": fmt(wb, 13, bold=True, underline=1, align="center", valign="bottom"),
        "appendix": fmt(wb, 14, bold=True, align="center", valign="vcenter"),
        "title": fmt(wb, 14, bold=True, align="center", valign="vcenter", text_wrap=True),
        "reference": fmt(wb, 13, italic=True, align="center", valign="top", text_wrap=True),
        "head": cell(wb, 12, "center", bold=True),
        "text": cell(wb, 12, "left", num_format="@"),
        "center": cell(wb, 12, "center", num_format="@"),
        "number": cell(wb, 12, "center"),
        "date": cell(wb, 12, "center", num_format="dd/mm/yyyy"),
        "datetime": cell(wb, 12, "center", num_format="dd/mm/yyyy hh:mm"),
        "hash": cell(wb, 10, "left", num_format="@"),
        "sign": fmt(wb, 13, bold=True, align="center"),
        "small": fmt(wb, 8, align="left", valign="top", text_wrap=True),
        "total": cell(wb, 12, "center", bold=True),
        "section": fmt(wb, 12, bold=True, align="left", valign="bottom"),
    }

    # Phụ lục
    ws = wb.add_worksheet("Phụ lục")
    page(ws)
    for c, w in enumerate(WIDTHS):
        ws.set_column(c, c, w)
    ws.row = 0
    ws.set_row(0, 17)
    ws.merge_range(0, 0, 0, 4, d["parent_body"], f["parent"])
    ws.merge_range(0, 7, 0, 10, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f["national"])
    ws.set_row(1, 18)
    ws.merge_range(1, 0, 1, 4, d["department"], f["department"])
    ws.merge_range(1, 7, 1, 10, "Độc lập - Tự do - Hạnh phúc", f["motto"])
    ws.set_row(2, 12)
    ws.row = 3
    title(ws, f, 10, "DANH SÁCH SỐ ĐIỆN THOẠI CÓ DẤU HIỆU VI PHẠM PHÁP LUẬT", d["reference"], "Phụ lục")
    head = ws.row
    ws.set_row(head, 48)
    for c, h in enumerate(d["headings"]):
        ws.write_string(head, c, h, f["head"])
    ws.repeat_rows(head, head)
    ws.freeze_panes(head + 1, 0)
    r = head + 1
    for i, row in enumerate(d["rows"]):
        (source, network, channel, category, occurred, has_time, receiving, content, evidence,
         unit, notes) = row
        n = max(lines(t, WIDTHS[c]) for c, t in ((1, source), (2, network), (3, channel),
                                                  (4, category), (6, receiving), (7, content),
                                                  (8, evidence), (9, unit), (10, notes)))
        ws.set_row(r, min(409, 15.75 * n + 2))
        ws.write_number(r, 0, i + 1, f["number"])
        ws.write_string(r, 1, source, f["center"])
        if network:
            ws.write_string(r, 2, network, f["center"])
        else:
            ws.write_blank(r, 2, None, f["center"])
        ws.write_string(r, 3, channel, f["center"])
        ws.write_string(r, 4, category, f["text"])
        when = datetime.datetime.fromisoformat(occurred)
        if has_time:
            ws.write_datetime(r, 5, when, f["datetime"])
        else:
            ws.write_datetime(r, 5, when.replace(hour=0, minute=0, second=0), f["date"])
        ws.write_string(r, 6, receiving, f["center"])
        ws.write_string(r, 7, content, f["text"])
        ws.write_string(r, 8, evidence, f["text"])
        ws.write_string(r, 9, unit, f["text"])
        if notes:
            ws.write_string(r, 10, notes, f["text"])
        else:
            ws.write_blank(r, 10, None, f["text"])
        r += 1
    ws.set_row(r, 12)
    r += 1
    for text in d["signer"][:2]:
        ws.merge_range(r, 7, r, 10, text, f["sign"])
        r += 1
    ws.set_row(r, 70)
    r += 1
    ws.merge_range(r, 7, r, 10, d["signer"][2], f["sign"])
    r += 2
    ws.merge_range(r, 0, r, 10, "Mã kiểm tra nội dung đợt gửi (SHA-256): " + d["digest"], f["small"])

    # Tổng hợp
    ws = wb.add_worksheet("Tổng hợp")
    page(ws)
    ws.set_portrait()
    for c, w in enumerate((7, 48, 16, 20)):
        ws.set_column(c, c, w)
    ws.row = 0
    title(ws, f, 3, "TỔNG HỢP SỐ LIỆU PHẢN ÁNH", d["reference"])
    r = ws.row
    for heading, key in (("I. THEO NHÀ MẠNG GỐC", 1), ("II. THEO DẤU HIỆU VI PHẠM", 3),
                         ("III. THEO NGUỒN PHÁT TÁN", 0)):
        counts = {}
        for row in d["rows"]:
            label = row[key] or "Không xác định"
            e = counts.setdefault(label, [0, set()])
            e[0] += 1
            e[1].add(row[9])
        ws.set_row(r, 24)
        ws.merge_range(r, 0, r, 3, heading, f["section"])
        r += 1
        for c, h in enumerate(("STT", "Nhãn", "Số phản ánh", "Số đơn vị phản ánh")):
            ws.write_string(r, c, h, f["head"])
        r += 1
        for i, (label, (n, units)) in enumerate(sorted(counts.items(), key=lambda x: (-x[1][0], x[0]))):
            ws.write_number(r, 0, i + 1, f["number"])
            ws.write_string(r, 1, label, f["text"])
            ws.write_number(r, 2, n, f["number"])
            ws.write_number(r, 3, len(units), f["number"])
            r += 1
        ws.merge_range(r, 0, r, 1, "Tổng cộng", f["total"])
        ws.write_number(r, 2, len(d["rows"]), f["total"])
        ws.write_blank(r, 3, None, f["total"])
        r += 1

    # Chứng cứ
    ws = wb.add_worksheet("Chứng cứ")
    page(ws)
    for c, w in enumerate(EV_WIDTHS):
        ws.set_column(c, c, w)
    ws.row = 0
    title(ws, f, 7, "DANH MỤC CHỨNG CỨ", d["reference"])
    head = ws.row
    ws.set_row(head, 32)
    for c, h in enumerate(d["ev_headings"]):
        ws.write_string(head, c, h, f["head"])
    ws.repeat_rows(head, head)
    ws.freeze_panes(head + 1, 0)
    r = head + 1
    for stt, code, source, path, kind, mime, size, sha in d["evidence"]:
        ws.write_number(r, 0, stt, f["number"])
        ws.write_string(r, 1, code, f["center"])
        ws.write_string(r, 2, source, f["center"])
        ws.write_string(r, 3, path, f["text"])
        ws.write_string(r, 4, kind, f["text"])
        ws.write_string(r, 5, mime, f["center"])
        ws.write_number(r, 6, size, f["number"])
        ws.write_string(r, 7, sha, f["hash"])
        r += 1

    wb.close()
    print(f"{time.monotonic() - start:.4f}")


if __name__ == "__main__":
    main()
