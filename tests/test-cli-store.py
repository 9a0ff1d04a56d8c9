#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP test of `phananh-cli init`, `demo`, `search`, `stats`, `verify`, `backup` and
`restore` as scripts use them: output lines, --json objects, exit status, and a
one-line reason on failure."""
import glob
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

cli = sys.argv[1]
tmp = tempfile.TemporaryDirectory(prefix='phananh-cli-store-')
store = os.path.join(tmp.name, 'store')
env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
results = []


def check(ok, name, *diag):
    results.append((bool(ok), name, diag))


def run(*args, data_dir=store):
    p = subprocess.run([cli, '--data-dir', data_dir, *args], capture_output=True, env=env, timeout=300)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')


def one_line_reason(err):
    return err.startswith('phananh-cli: ') and len(err.strip().splitlines()) == 1


rc, out, err = run('init')
check(rc == 0 and 'schema' in out, 'init: exit 0 and says where', rc, out, err)
rc, out, err = run('--json', 'init')
obj = json.loads(out)
check(rc == 0 and obj['data_dir'] == store and obj['schema'] >= 1, 'init json', out)
check(run('init', 'extra')[0] == 2, 'init: an argument is a usage error')

rc, out, err = run('demo', '40', '--seed', '3')
check(rc == 0, 'demo: exit 0', rc, err)
rc, out, err = run('demo')
check(rc == 2 and one_line_reason(err), 'demo: no count is a usage error with a reason', rc, err)

rc, out, err = run('search', 'cong', 'an')
lines = out.splitlines()
check(rc == 0 and len(lines) > 0 and all(l.count('\t') == 6 for l in lines),
      'search: one tab-separated line per entry', rc, out, err)
rc, out, err = run('--json', 'search', 'lua dao', '--limit', '5')
objs = [json.loads(l) for l in out.splitlines()]
check(rc == 0 and 0 < len(objs) <= 5, 'search json: one object per entry, --limit', rc, out)
check(all(set(['id', 'code', 'source', 'source_key', 'network', 'category', 'status']) <= set(o) for o in objs),
      'search json: the keys', objs[:1])
key = objs[0]['source_key'] if objs else ''
rc, out, err = run('--json', 'search', key[3:9] if key.startswith('+84') else '0912')
check(rc in (0, 1), 'search: digits run', rc, err)
if key.startswith('+84'):
    check(rc == 0 and any(json.loads(l)['source_key'] == key for l in out.splitlines()),
          'search: digits of a number find it', key, out)
rc, out, err = run('search', 'khongcotudaynaotrongkho')
check(rc == 1 and out == '' and one_line_reason(err), 'search: nothing found is exit 1 with a reason', rc, err)

rc, out, err = run('stats')
check(rc == 0 and '40' in out, 'stats: readable lines with the total', rc, out, err)
rc, out, err = run('--json', 'stats')
objs = [json.loads(l) for l in out.splitlines()]
total = [o for o in objs if o['group'] == 'total' and o['key'] == 'entries']
check(rc == 0 and total and total[0]['count'] == 40, 'stats json: total entries', objs[:3])
by_status = sum(o['count'] for o in objs if o['group'] == 'status')
by_category = sum(o['count'] for o in objs if o['group'] == 'category')
check(by_status == 40 and by_category == 40, 'stats json: the groups add up', by_status, by_category)

rc, out, err = run('verify')
check(rc == 0 and 'intact' in out, 'verify: a fresh store is intact', rc, out, err)

backup = os.path.join(tmp.name, 'backup')
rc, out, err = run('backup', backup)
check(rc == 0 and os.path.isfile(os.path.join(backup, 'phananh.db')), 'backup: writes the folder', rc, err)
check(len(glob.glob(os.path.join(backup, 'evidence', '*', '*'))) > 0, 'backup: with the evidence files')
rc, out, err = run('backup', backup)
check(rc == 1 and one_line_reason(err), 'backup: refuses a folder that is not empty', rc, err)

# behind the application's back: an audit row, an evidence file
db = sqlite3.connect(os.path.join(store, 'phananh.db'))
db.executescript("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 12;")
db.close()
victim = sorted(glob.glob(os.path.join(store, 'evidence', '[0-9a-f][0-9a-f]', '*')))[0]
name = os.path.basename(victim)
os.chmod(victim, 0o644)
with open(victim, 'ab') as f:
    f.write(b'x')
rc, out, err = run('verify')
check(rc == 1 and 'problem' in err, 'verify: exit 1 with the number of problems', rc, err)
check(any('row 12' in l for l in out.splitlines()), 'verify: names the audit row', out)
check(any(name in l for l in out.splitlines()), 'verify: names the evidence file', out)
rc, out, err = run('--json', 'verify')
objs = [json.loads(l) for l in out.splitlines()]
check(any(o.get('problem') == 'audit' and o.get('row') == 12 for o in objs), 'verify json: the audit row', objs)
check(any(o.get('problem') == 'evidence' and o.get('file') == name for o in objs), 'verify json: the file', objs)

rc, out, err = run('restore', backup)
check(rc == 0 and 'kept' in out, 'restore: exit 0, says where the old data is', rc, out, err)
rc, out, err = run('verify')
check(rc == 0, 'restore: the restored store verifies', rc, out, err)
rc, out, err = run('restore', tmp.name)
check(rc == 1 and one_line_reason(err), 'restore: a folder that is not a backup is refused', rc, err)
rc, out, err = run('restore')
check(rc == 2, 'restore: no folder is a usage error', rc)

print('1..%d' % len(results))
for n, (ok, name, diag) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', n, name))
    if not ok:
        for d in diag:
            for line in str(d).splitlines() or ['']:
                print('# ' + line)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
