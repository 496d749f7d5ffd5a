#!/usr/bin/env bash
# The layer rules of DESIGN.md: curses only in ui/, SQLite only in db/,
# no SQL text in ui/. Prints every crossing and fails if there is one.
set -u
root=${1:-.}
cd "$root" || exit 2
bad=0
report() { echo "layer crossing: $1"; bad=1; }
for f in src/*.[ch]; do
    [ -e "$f" ] || continue
    grep -qE '#include *[<"](n?curses|ncursesw/|sqlite3)' "$f" && report "$f includes curses or sqlite3"
    grep -qE '#include *"ui/' "$f" && [ "$f" != src/main.c ] && report "$f includes a ui/ header"
done
for f in db/*.[ch]; do
    [ -e "$f" ] || continue
    grep -qE '#include *[<"](n?curses|ncursesw/)' "$f" && report "$f includes curses"
    grep -qE '#include *"ui/' "$f" && report "$f includes a ui/ header"
done
for f in ui/*.[ch]; do
    [ -e "$f" ] || continue
    grep -qE '#include *[<"]sqlite3' "$f" && report "$f includes sqlite3.h"
    grep -qE '#include *"db/db_priv.h"' "$f" && report "$f reaches into db/ internals"
    grep -qE '"(SELECT|INSERT|UPDATE|DELETE) ' "$f" && report "$f holds SQL text"
done
n=$(ls src/*.[ch] db/*.[ch] ui/*.[ch] 2>/dev/null | wc -l)
[ "$bad" = 0 ] && echo "layers: $n files checked, no crossing"
exit $bad
