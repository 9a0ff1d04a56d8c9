#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP test of `phananh-cli number` and `phananh-cli sms` as scripts use them:
the text lines, the --json keys and values, and the exit status."""
import json
import os
import subprocess
import sys

cli = sys.argv[1]
env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
results = []

NUMBER_KEYS = ['input', 'valid', 'kind', 'e164', 'display', 'network', 'province',
               'converted_from', 'reason']
SMS_KEYS = ['input', 'valid', 'category', 'source', 'content', 'reason']


def check(ok, name, *diag):
    results.append((bool(ok), name, diag))


def run(*args):
    p = subprocess.run([cli, *args], capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')


# --- number: text lines ---
rc, out, err = run('number', '0912 345 678', '0162 345 6789', '024 3825 1234', '113')
lines = out.splitlines()
check(rc == 0, 'number: exit 0 when every input is valid', rc, err)
check(len(lines) == 4, 'number: one line per input', out)
check(lines[:1] == ['Mobile\t0912 345 678\t+84912345678\tVinaPhone\t-'],
      'number: mobile line is kind, display, E.164, network, note', lines[:1])
check(len(lines) > 1 and lines[1].startswith('Mobile\t0323 456 789\t+84323456789\tViettel\t')
      and '0162 345 6789' in lines[1],
      'number: a legacy number shows the converted number and a note', lines[1:2])
check(len(lines) > 2 and lines[2] == 'Landline\t024 3825 1234\t+842438251234\tHà Nội\t-',
      'number: a landline shows its province', lines[2:3])
check(len(lines) > 3 and lines[3].startswith('Short code\t113\t-\t-\t'),
      'number: a short code has no E.164', lines[3:4])

rc, out, err = run('number', '0912345678', '091234567', 'VIETTEL')
lines = out.splitlines()
check(rc == 1, 'number: exit 1 when any input is invalid', rc)
check(len(lines) == 3 and lines[1].startswith('Invalid\t')
      and lines[1].endswith('A mobile number has 10 digits; this one has 9'),
      'number: an invalid line gives the reason', lines)

rc, out, err = run('number')
check(rc == 2 and out == '' and 'number' in err, 'number: no input is a usage error (exit 2)', rc, err)

# --- number: JSON ---
inputs = ['+84 912 345 678', '0162 345 6789', '0237 385 2345', '069 2348560', '1900 1234',
          '5656', 'FE CREDIT', '+855 12 345 678', '0101234567', '']
rc, out, err = run('--json', 'number', *inputs)
lines = out.splitlines()
check(rc == 1, 'json: exit 1 when any input is invalid', rc)
check(len(lines) == len(inputs), 'json: one object per line', len(lines))
objs = []
for line in lines:
    try:
        objs.append(json.loads(line))
    except ValueError as e:
        check(False, 'json: every line parses', line, str(e))
        objs.append({})
check(all(list(o.keys()) == NUMBER_KEYS for o in objs), 'json: exactly the keys of issue 3, in order',
      [list(o.keys()) for o in objs][:2])
expect = [
    dict(input='+84 912 345 678', valid=True, kind='mobile', e164='+84912345678',
         display='0912 345 678', network='VinaPhone', province=None, converted_from=None, reason=None),
    dict(input='0162 345 6789', valid=True, kind='mobile', e164='+84323456789',
         display='0323 456 789', network='Viettel', province=None, converted_from='0162 345 6789',
         reason=None),
    dict(input='0237 385 2345', valid=True, kind='landline', e164='+842373852345',
         display='0237 385 2345', network=None, province='Thanh Hóa', converted_from=None, reason=None),
    dict(input='069 2348560', valid=True, kind='special', e164='+84692348560',
         display='069 2348560', network='Mạng Bộ Công an', province=None, converted_from=None,
         reason=None),
    dict(input='1900 1234', valid=True, kind='service', e164=None, display='1900 1234',
         network=None, province=None, converted_from=None, reason=None),
    dict(input='5656', valid=True, kind='shortcode', e164=None, display='5656',
         network=None, province=None, converted_from=None, reason=None),
    dict(input='FE CREDIT', valid=True, kind='brandname', e164=None, display='FE CREDIT',
         network=None, province=None, converted_from=None, reason=None),
    dict(input='+855 12 345 678', valid=True, kind='international', e164='+85512345678',
         display='+85512345678', network=None, province=None, converted_from=None, reason=None),
]
for i, e in enumerate(expect):
    o = objs[i] if i < len(objs) else {}
    check(o == e, 'json: %s is %s' % (e['input'], e['kind']), o)
for i, why in ((8, 'Prefix 010 is not in use'), (9, 'Nothing was entered')):
    o = objs[i] if i < len(objs) else {}
    check(o.get('valid') is False and o.get('kind') == 'invalid' and o.get('e164') is None
          and why in (o.get('reason') or ''),
          'json: invalid input %r has valid=false and a reason' % inputs[i], o)

rc, out, err = run('number', '--json', '0912345678')
check(rc == 0 and json.loads(out)['kind'] == 'mobile', 'json: --json after the command works', out)

rc, out, err = run('--json', 'number', b'09\xff12345678'.decode('utf-8', 'surrogateescape'))
check(rc in (0, 1) and json.loads(out)['input'].startswith('09'),
      'json: invalid UTF-8 in the input still gives valid JSON', out, err)

# --- sms ---
rc, out, err = run('sms', 'LD [0912 345 678] [gọi mạo danh Công an tỉnh] gửi 156')
check(rc == 0, 'sms: exit 0 for a good message', rc, err)
check(out == 'Scam\tMobile\t0912 345 678\t+84912345678\tVinaPhone\tgọi mạo danh Công an tỉnh\n',
      'sms: text line is category, kind, display, E.164, network, content', out)

rc, out, err = run('sms', 'v', '0912345678', 'mời', 'mua', 'đất')
check(rc == 0 and out.startswith('Spam call\t') and out.rstrip('\n').endswith('\tmời mua đất'),
      'sms: unquoted words are joined into one message', out)

rc, out, err = run('--json', 'sms', 'S (FE CREDIT) (vay tiền nhanh)')
o = json.loads(out) if out else {}
check(rc == 0 and list(o.keys()) == SMS_KEYS, 'sms json: exactly the keys of issue 3', o)
check(o.get('category') == 'spam_sms' and o.get('content') == 'vay tiền nhanh'
      and o.get('valid') is True and o.get('reason') is None,
      'sms json: category, content', o)
src = o.get('source') or {}
check(list(src.keys()) == NUMBER_KEYS and src.get('kind') == 'brandname'
      and src.get('display') == 'FE CREDIT',
      'sms json: source is a number object', src)

for message, cat in (('LD 0912345678 lừa', 'scam'), ('V 0912345678 gọi', 'spam_call'),
                     ('s 0912345678 nhắn', 'spam_sms')):
    rc, out, err = run('--json', 'sms', message)
    check(rc == 0 and json.loads(out).get('category') == cat, 'sms json: %r is %s' % (message, cat),
          out)

for message, says in (('LD 0912345678', 'content'), ('X 0912345678 abc', 'LD'),
                      ('LD', 'missing'), ('LD 091234 abc', '10 digits')):
    rc, out, err = run('--json', 'sms', message)
    o = json.loads(out) if out else {}
    check(rc == 1 and o.get('valid') is False and o.get('source') is None
          and o.get('category') is None and says in (o.get('reason') or ''),
          'sms json: malformed %r exits 1 with a reason' % message, o)
    rc, out, err = run('sms', message)
    check(rc == 1 and out.startswith('Invalid\t') and says in out,
          'sms: malformed %r exits 1 and says what is missing' % message, out)

rc, out, err = run('sms')
check(rc == 2 and 'sms' in err, 'sms: no message is a usage error (exit 2)', rc, err)

print('1..%d' % len(results))
for n, (ok, name, diag) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', n, name))
    if not ok:
        for d in diag:
            for line in str(d).splitlines() or ['']:
                print('# ' + line)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
