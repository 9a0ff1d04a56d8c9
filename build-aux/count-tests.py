#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts individual test cases in meson's testlog.json and prints "N passed, N failed" last."""
import json
import re
import sys

OK = re.compile(r'^(not ok|ok)\b(.*)$')

passed = failed = 0
with open(sys.argv[1], encoding='utf-8') as log:
    for line in log:
        test = json.loads(line)
        cases = []
        for out in (test.get('stdout') or '').splitlines():
            m = OK.match(out)
            if m:
                skipped = re.search(r'#\s*skip', m.group(2), re.I) is not None
                cases.append((m.group(1) == 'ok', skipped))
        result = test.get('result')
        if not cases:
            cases = [(result in ('OK', 'EXPECTEDFAIL'), result == 'SKIP')]
        elif result not in ('OK', 'EXPECTEDFAIL', 'SKIP') and all(ok for ok, _ in cases):
            # every case passed but the program still failed (crash at exit, timeout, leak)
            cases.append((False, False))
        for ok, skipped in cases:
            if skipped:
                continue
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"FAILED: {test.get('name')}", file=sys.stderr)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
