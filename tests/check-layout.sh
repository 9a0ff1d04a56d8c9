#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# TAP checks of rules the compiler cannot see (issue 2, STYLE.md): the core library
# stays free of GTK, and nothing silences the deprecation warning that enforces the
# GLib 2.74 / GTK 4.8 / libadwaita 1.2 API ceiling.
top=${1:?usage: check-layout.sh SOURCE-ROOT}
cd "$top" || exit 1
n=0
fail=0
report() {
  n=$((n + 1))
  if [ -z "$2" ]; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    printf '%s\n' "$2" | sed 's/^/# /'
    fail=1
  fi
}

echo "1..3"
hits=$(grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|adwaita|libadwaita)' src/core 2>/dev/null)
report "no GTK, GDK or libadwaita include under src/core" "$hits"

hits=$(grep -nE 'gtk_dep|adw_dep|gtk4|libadwaita' src/core/meson.build | grep -vE '^[0-9]+:[[:space:]]*#')
report "src/core/meson.build links no GTK or libadwaita" "$hits"

# The patterns are built from halves so that this script does not find itself.
hits=$(grep -rnE -e "-Wno-deprecated""-declarations" -e "DISABLE_DEPRECATION""_WARNINGS" \
         -e "BEGIN_IGNORE""_DEPRECATIONS" -e "diagnostic ""ignored.*-Wdeprecated" \
         --exclude-dir=.git --exclude-dir='_build*' --exclude-dir=corpus . 2>/dev/null)
report "nothing silences -Wdeprecated-declarations" "$hits"

exit $fail
