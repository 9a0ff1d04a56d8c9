#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one validator and reports it as a single TAP case, its output as diagnostics.
for last; do :; done
out=$("$@" 2>&1)
status=$?
echo "1..1"
printf '%s\n' "$out" | sed 's/^/# /'
if [ $status -eq 0 ]; then
  echo "ok 1 - $(basename "$1") $(basename "$last")"
else
  echo "not ok 1 - $(basename "$1") $(basename "$last") exited with $status"
fi
