#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP test of `phananh-cli demo`, `batches` and `verify` on batches: the demo
makes a batch in every state, verify reports each signed batch valid, and an
edit made behind the application's back makes verify fail and name the batch."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

cli = sys.argv[1]
tmp = tempfile.TemporaryDirectory(prefix='phananh-cli-batches-')
env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='', PHANANH_DATA_DIR=tmp.name)
results = []
STATES = ['draft', 'submitted', 'returned', 'approved', 'sent', 'answered', 'closed']
KEYS = ['id', 'code', 'number', 'dated_on', 'state', 'entries', 'sources', 'created_by',
        'approver', 'approved_at', 'sent_on', 'digest']


def check(ok, name, *diag):
    results.append((bool(ok), name, diag))


def run(*args):
    p = subprocess.run([cli, *args], capture_output=True, env=env, timeout=300)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')


rc, out, err = run('demo', '60')
check(rc == 0, 'demo: exit 0', rc, err)
check('phananh-demo' in out and '7 batches' in out, 'demo: says it made 7 batches and the password', out)

rc, out, err = run('batches')
lines = out.splitlines()
check(rc == 0 and len(lines) == 7, 'batches: one line per batch', rc, out, err)
check(any('Closed' in l and 'SKHCN-BCVT' in l for l in lines), 'batches: a closed batch with its number', out)

rc, out, err = run('--json', 'batches')
objs = [json.loads(l) for l in out.splitlines()]
check(rc == 0 and len(objs) == 7, 'batches json: one object per batch', rc, out)
check(all(list(o.keys()) == KEYS for o in objs), 'batches json: the keys', objs[:1])
check(sorted(o['state'] for o in objs) == sorted(STATES), 'batches json: one batch in every state',
      [o['state'] for o in objs])
signed = [o for o in objs if o['state'] in ('approved', 'sent', 'answered', 'closed')]
check(all(o['approver'] and len(o['digest']) == 64 for o in signed),
      'batches json: signed batches carry approver and digest', signed)
check(all(o['approver'] is None and o['digest'] is None for o in objs if o not in signed),
      'batches json: unsigned batches carry neither', objs)
check(all(o['entries'] > 0 for o in objs), 'batches json: entry counts', objs)

rc, out, err = run('batches', '--state', 'sent', '--json')
check(rc == 0 and [json.loads(l)['state'] for l in out.splitlines()] == ['sent'],
      'batches --state: filters', out)
rc, out, err = run('batches', '--state', 'lost')
check(rc == 2 and 'lost' in err, 'batches --state: an unknown state is a usage error', rc, err)

rc, out, err = run('verify')
lines = out.splitlines()
check(rc == 0, 'verify: exit 0 on a demo store', rc, out, err)
batch_lines = [l for l in lines if 'valid' in l]
check(len(batch_lines) == len(signed) and all('NOT' not in l for l in batch_lines),
      'verify: every signed batch is named and valid', out)
check(len(lines) == len(signed) + 1 and 'intact' in lines[0],
      'verify: the store itself (audit chain, evidence) is intact', out)
check(all(any(o['code'] in l for l in lines) for o in signed), 'verify: names each batch by code', out)

# Behind the application's back: drop the guards and change a signed entry.
victim = next(o for o in signed if o['state'] == 'approved')
db = sqlite3.connect(os.path.join(tmp.name, 'phananh.db'))
db.executescript('DROP TRIGGER entries_frozen; DROP TRIGGER entries_signed_content;')
db.execute("UPDATE entries SET category = 'other' WHERE id = (SELECT entry_id FROM batch_entries"
           " WHERE batch_id = ? ORDER BY position LIMIT 1)", (victim['id'],))
db.commit()
db.close()

rc, out, err = run('verify')
bad = [l for l in out.splitlines() if 'NOT VALID' in l]
check(rc == 1, 'verify: exit 1 after tampering', rc, out)
check(len(bad) == 1 and victim['code'] in bad[0], 'verify: names the tampered batch', out)
check('problem' in err, 'verify: says how many problems', err)
rc, out, err = run('--json', 'verify')
objs = [json.loads(l) for l in out.splitlines()]
check([o['batch'] for o in objs if not o['ok']] == [victim['id']],
      'verify json: the tampered batch is the one not ok', objs)

print('1..%d' % len(results))
for n, (ok, name, diag) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', n, name))
    if not ok:
        for d in diag:
            for line in str(d).splitlines() or ['']:
                print('# ' + line)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
