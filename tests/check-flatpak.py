#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP checks of the Flatpak manifest: valid JSON, a GNOME runtime, narrow permissions,
pinned archives, and a module for every library meson.build requires that the GNOME
runtime does not ship."""
import json
import os
import re
import sys

top = sys.argv[1]
manifest_path = os.path.join(top, 'flatpak', 'io.github.phananh.Phananh.json')

# What org.gnome.Platform provides (pkg-config names).
RUNTIME = {'glib-2.0', 'gio-2.0', 'gio-unix-2.0', 'gtk4', 'libadwaita-1', 'sqlite3',
           'json-glib-1.0', 'libarchive', 'gstreamer-1.0'}
# pkg-config name -> manifest module name, for the ones we build ourselves.
MODULE_FOR = {'xlsxwriter': 'libxlsxwriter', 'libsodium': 'libsodium'}

results = []


def check(ok, name, *diag):
    results.append((ok, name, diag))


try:
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
    check(True, 'manifest is valid JSON')
except (OSError, ValueError) as e:
    manifest = None
    check(False, 'manifest is valid JSON', str(e))

if manifest is not None:
    check(manifest.get('id') == 'io.github.phananh.Phananh', 'application id')
    check(manifest.get('runtime') == 'org.gnome.Platform'
          and manifest.get('sdk') == 'org.gnome.Sdk'
          and re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))) is not None,
          'a numbered org.gnome.Platform runtime')

    args = manifest.get('finish-args', [])
    wanted = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}
    extra = [a for a in args if a not in wanted]
    check(set(args) >= wanted and not extra, 'narrow finish-args',
          *(f'unexpected: {a}' for a in extra))

    modules = manifest.get('modules', [])
    names = [m.get('name') for m in modules if isinstance(m, dict)]

    pinned = True
    diag = []
    for m in modules[:-1]:
        for s in m.get('sources', []):
            if s.get('type') != 'archive' or not re.fullmatch(r'[0-9a-f]{64}', s.get('sha256', '')):
                pinned = False
                diag.append(f"{m.get('name')}: source is not an archive pinned by sha256")
    check(pinned, 'library sources are pinned release archives', *diag)

    app = modules[-1] if modules else {}
    check(app.get('name') == 'phananh' and app.get('buildsystem') == 'meson'
          and app.get('run-tests') is True
          and any(s.get('type') == 'dir' and s.get('path') == '..' for s in app.get('sources', [])),
          'the application is built from .. with meson and runs its tests')

    with open(os.path.join(top, 'meson.build'), encoding='utf-8') as f:
        deps = re.findall(r"dependency\(\s*'([^']+)'", f.read())
    need = [d for d in deps if d not in RUNTIME]
    lacking = [d for d in need if MODULE_FOR.get(d, d) not in names]
    check(not lacking, 'every library beyond the runtime is a module (%s)' % ', '.join(need),
          *(f'meson.build requires {d} but no module builds it' for d in lacking))

print(f'1..{len(results)}')
for i, (ok, name, diag) in enumerate(results, 1):
    for d in diag:
        print(f'# {d}')
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
