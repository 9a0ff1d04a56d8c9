#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translation checks, as TAP:
#  1. vi.po compiles with msgfmt --check;
#  2. it has no untranslated or fuzzy message;
#  3. merged with a template freshly extracted from the sources, it still has
#     none (a string added to the code without its translation fails here);
#  4. every file that holds a translatable string is listed in POTFILES.in,
#     and POTFILES.in is sorted.
top=${1:?usage: check-po.sh SOURCE_ROOT}
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "1..4"

if out=$(msgfmt --check --statistics -o /dev/null po/vi.po 2>&1); then
  echo "ok 1 - msgfmt --check po/vi.po"
else
  printf '%s\n' "$out" | sed 's/^/# /'
  echo "not ok 1 - msgfmt --check po/vi.po"
fi

case "$out" in
  *untranslated*|*fuzzy*)
    echo "# $out"
    echo "not ok 2 - po/vi.po is complete" ;;
  *)
    echo "ok 2 - po/vi.po is complete ($out)" ;;
esac

if xgettext --files-from=po/POTFILES.in --directory=. --from-code=UTF-8 \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --add-comments=Translators -o "$tmp/phananh.pot" 2>"$tmp/xgettext.err" &&
   msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" po/vi.po "$tmp/phananh.pot" 2>>"$tmp/xgettext.err"; then
  stats=$(msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "# against the sources: $stats"
      msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid' | sed 's/^/#   /' | head -40
      echo "not ok 3 - every string in the sources is translated" ;;
    *)
      echo "ok 3 - every string in the sources is translated ($stats)" ;;
  esac
else
  sed 's/^/# /' "$tmp/xgettext.err"
  echo "not ok 3 - extracting the strings from the sources failed"
fi

missing=$(grep -rlIE '_\("|N_\("|C_\("|g_dngettext|translatable="yes"' src ui data 2>/dev/null |
  grep -vE '\.(po|pot)$' | sort | while read -r f; do
    grep -qxF "$f" po/POTFILES.in || echo "$f"
  done)
unsorted=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | LC_ALL=C sort -c 2>&1)
if [ -z "$missing" ] && [ -z "$unsorted" ]; then
  echo "ok 4 - POTFILES.in lists every file with translatable strings, sorted"
else
  for f in $missing; do echo "# not in POTFILES.in: $f"; done
  [ -n "$unsorted" ] && echo "# POTFILES.in is not sorted: $unsorted"
  echo "not ok 4 - POTFILES.in lists every file with translatable strings, sorted"
fi
