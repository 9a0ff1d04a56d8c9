#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP test of `phananh-cli export-appendix`, `export-bundle` and `verify BUNDLE.zip`
on a `demo` store: an approved batch exports, a draft is refused unless previewed
(and the preview says DỰ THẢO), the bundle verifies on its own, and a tampered
bundle fails naming the file."""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile

cli = sys.argv[1]
tmp = tempfile.TemporaryDirectory(prefix='phananh-cli-export-')
env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='', PHANANH_DATA_DIR=os.path.join(tmp.name, 'data'))
results = []

try:
    import openpyxl
except ImportError:
    openpyxl = None


def check(ok, name, *diag):
    results.append((bool(ok), name, diag))


def run(*args):
    p = subprocess.run([cli, *args], capture_output=True, env=env, timeout=300)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')


def out(name):
    return os.path.join(tmp.name, name)


rc, _, err = run('demo', '60')
check(rc == 0, 'demo: exit 0', rc, err)
rc, text, err = run('--json', 'batches')
batches = [json.loads(line) for line in text.splitlines()]
approved = next(b for b in batches if b['state'] == 'approved')
draft = next(b for b in batches if b['state'] == 'draft')

# The appendix of an approved batch, by code.
rc, text, err = run('export-appendix', approved['code'], '-o', out('phu-luc.xlsx'))
check(rc == 0 and approved['code'] in text, 'export-appendix: an approved batch exports', rc, text, err)
if openpyxl is not None and rc == 0:
    wb = openpyxl.load_workbook(out('phu-luc.xlsx'))
    ws = wb['Phụ lục']
    head = next(r for r in range(1, 20) if ws.cell(row=r, column=1).value == 'STT')
    rows = [r for r in range(head + 1, ws.max_row + 1) if isinstance(ws.cell(row=r, column=1).value, int)]
    check(wb.sheetnames == ['Phụ lục', 'Tổng hợp', 'Chứng cứ'], 'export-appendix: the three sheets',
          wb.sheetnames)
    check(len(rows) == approved['entries'], 'export-appendix: one row per entry of the batch',
          len(rows), approved['entries'])
    check(all(str(ws.cell(row=r, column=2).value).startswith('0') for r in rows),
          'export-appendix: sources keep their leading 0')
    digest = [c.value for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and approved['digest'] in c.value]
    check(len(digest) == 1, 'export-appendix: the approved digest is printed')
    check(not any(c.value == 'DỰ THẢO' for row in ws.iter_rows(max_row=3) for c in row),
          'export-appendix: an issued appendix carries no draft stamp')

# A draft: refused, unless previewed.
rc, text, err = run('export-appendix', draft['code'], '-o', out('draft.xlsx'))
check(rc == 1 and 'not been approved' in err and not os.path.exists(out('draft.xlsx')),
      'export-appendix: a draft is refused', rc, err)
rc, text, err = run('--json', 'export-appendix', str(draft['id']), '-o', out('draft.xlsx'), '--preview')
obj = json.loads(text) if rc == 0 else {}
check(rc == 0 and obj.get('preview') is True and obj.get('entries') == draft['entries'],
      'export-appendix --preview: a draft previews, by id', rc, text, err)
if openpyxl is not None and rc == 0:
    wb = openpyxl.load_workbook(out('draft.xlsx'))
    check(all(any(c.value == 'DỰ THẢO' for row in s.iter_rows(max_row=2) for c in row)
              for s in wb.worksheets), 'export-appendix --preview: every sheet says DỰ THẢO')

rc, text, err = run('export-appendix', 'DG-1999-999', '-o', out('x.xlsx'))
check(rc == 1 and 'DG-1999-999' in err, 'export-appendix: an unknown batch is named', rc, err)
rc, text, err = run('export-appendix', approved['code'])
check(rc == 2, 'export-appendix: no -o is a usage error', rc, err)

# The bundle of the approved batch, checked on its own.
rc, text, err = run('export-bundle', approved['code'], '-o', out('ho-so.zip'))
check(rc == 0, 'export-bundle: an approved batch exports', rc, text, err)
rc, text, err = run('verify', out('ho-so.zip'))
check(rc == 0 and approved['digest'] in text, 'verify BUNDLE.zip: a fresh bundle is sound', rc, text, err)
with zipfile.ZipFile(out('ho-so.zip')) as z:
    manifest = json.loads(z.read('manifest.json'))
    sound = all(hashlib.sha256(z.read(f['path'])).hexdigest() == f['sha256'] for f in manifest['files'])
    evidence = [n for n in z.namelist() if n.startswith('chung-cu/')]
    check(sound and manifest['digest'] == approved['digest'] and len(evidence) > 0,
          'export-bundle: unpacked, every hash recomputes', manifest['digest'])
    victim = evidence[0]
    with zipfile.ZipFile(out('sua.zip'), 'w') as w:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == victim:
                data = b'x' + data[1:]
            w.writestr(info, data)
rc, text, err = run('verify', out('sua.zip'))
check(rc == 1 and victim in err, 'verify BUNDLE.zip: a tampered file is named', rc, err)

rc, text, err = run('export-bundle', draft['code'], '-o', out('draft.zip'))
check(rc == 1 and not os.path.exists(out('draft.zip')), 'export-bundle: a draft is refused', rc, err)

print('TAP version 13')
print(f'1..{len(results)}')
for i, (ok, name, diag) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok:
        for d in diag:
            for line in str(d).splitlines():
                print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
