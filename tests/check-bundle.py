#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks an evidence bundle without Phananh's code: check-bundle.py BUNDLE.zip.
Unpacks it, recomputes every file's SHA-256 against the manifest and the signed
evidence hashes. With --tamper MEMBER OUT.zip, writes a copy with one byte of MEMBER
changed instead."""

import hashlib
import json
import sys

sys.stdout.reconfigure(encoding="utf-8")
import zipfile


def check(path):
    problems = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        manifest = json.loads(z.read("manifest.json"))
        listed = {f["path"]: f for f in manifest["files"]}
        if set(listed) != set(names) - {"manifest.json"}:
            problems.append(f"files {sorted(listed)} != {sorted(names)}")
        for name, f in listed.items():
            data = z.read(name)
            if hashlib.sha256(data).hexdigest() != f["sha256"] or len(data) != f["size"]:
                problems.append(f"{name}: hash or size differs")
        for e in manifest["batch"]["entries"]:
            for ev in e["evidence"]:
                if ev["path"] not in listed or listed[ev["path"]]["sha256"] != ev["sha256"]:
                    problems.append(f"{ev['path']}: not the signed evidence")
        if not any(n.endswith(".xlsx") for n in names):
            problems.append("no workbook")
        for key in ("digest", "signature", "public_key"):
            if not manifest.get(key):
                problems.append(f"no {key}")
    for p in problems:
        print(p)
    return 1 if problems else 0


def tamper(path, member, out):
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(out, "w") as w:
        if member not in z.namelist():
            print(f"{member} is not in {path}: {z.namelist()}")
            return 1
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == member:
                data = bytes([data[0] ^ 1]) + data[1:]
            w.writestr(info, data)
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "--tamper":
        sys.exit(tamper(sys.argv[2], sys.argv[3], sys.argv[4]))
    sys.exit(check(sys.argv[1]))
