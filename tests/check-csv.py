#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a CSV export back as Excel would: check-csv.py FILE EXPECTED.json, where the
JSON is the list of rows (lists of cells) the file must hold after neutralisation."""

import csv
import json
import sys

sys.stdout.reconfigure(encoding="utf-8")

with open(sys.argv[1], "rb") as f:
    raw = f.read()
if not raw.startswith(b"\xef\xbb\xbf"):
    print("no UTF-8 byte-order mark")
    sys.exit(1)
if b"\r\n" not in raw:
    print("lines do not end in CRLF")
    sys.exit(1)
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
with open(sys.argv[2], encoding="utf-8") as f:
    expected = json.load(f)
if rows != expected:
    for got, want in zip(rows, expected):
        if got != want:
            print(f"{got!r} != {want!r}")
    print(f"{len(rows)} rows, expected {len(expected)}")
    sys.exit(1)
