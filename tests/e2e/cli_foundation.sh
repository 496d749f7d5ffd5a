#!/usr/bin/env bash
# The foundation from the command line, as a newcomer meets it: init, plan
# show, check (and its refusals, leaving bad files byte-for-byte alone),
# --help and --version, and errors on stderr with a non-zero exit.
set -u
bin=${TUWEI_BINARY:?TUWEI_BINARY is not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
export LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME"
fails=0 passes=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_in() { grep -qF -- "$2" <<<"$1" && ok || bad "$3: expected \"$2\""; }

out=$("$bin" --version) && expect_in "$out" "tuwei " "--version"
out=$("$bin" --help) && expect_in "$out" "plan show" "--help lists plan show"

# init on the default path: creates the folder and the file, loads the plan.
out=$("$bin" init 2>&1) || bad "init failed: $out"
expect_in "$out" "已载入2025年工作方案" "init loads"
[ -f "$XDG_DATA_HOME/tuwei/tuwei.db" ] && ok || bad "init did not create the default database"
out=$("$bin" init 2>&1) || bad "second init failed"
expect_in "$out" "未做任何改动" "second init changes nothing"

# plan show: the whole plan, exact against the seed.
out=$("$bin" plan show) || bad "plan show failed"
for want in "达拉特旗科技“突围”工程2025年工作方案" "高新技术企业" ">= 33" ">= 65" \
            "新增研发投入企业" "R&D经费投入强度" "市级“揭榜挂帅”项目" "进入全区科技创新能力一类旗县" \
            "（一）实施新兴产业技术攻坚行动（11 项任务）" "（七）实施科技创新人才引育行动（4 项任务）" \
            "旗商务和投资促进中心（方案中称“旗商务和投促中心”）" "噻虫胺工艺流程优化中试研发" \
            "3. 加强宣传引导"; do
    expect_in "$out" "$want" "plan show"
done
n=$(grep -c "旗科技发展服务中心" <<<"$out")
[ "$n" = 7 ] && ok || bad "旗科技发展服务中心 should be a unit of all 7 actions, got $n"
# Columns line up in display columns: every task row's title starts at column 25.
bad_rows=$(grep -E '^  [1-7]\.[0-9]+ ' <<<"$out" | while IFS= read -r line; do
    prefix=${line%%未启动*}
    [ ${#prefix} -eq 8 ] || echo "$line"
done)
[ -z "$bad_rows" ] && ok || bad "misaligned task rows: $bad_rows"

# A session with no UTF-8 locale (SSH from a Windows PC without LANG, cron)
# still gets the Chinese whole and aligned, and a 101-character name is
# still too long.
out=$(LC_ALL=C LANG= "$bin" plan show) || bad "plan show in the C locale failed"
expect_in "$out" "新增研发投入企业              >= 10         家" "plan show in the C locale"
printf '企业名称\n%s\n' "$(printf '科%.0s' $(seq 101))" >"$tmp/long.csv"
out=$(LC_ALL=C LANG= "$bin" enterprise import "$tmp/long.csv" 2>&1)
expect_in "$out" "企业名称太长" "a 101-character name in the C locale"

# check: healthy file passes.
out=$("$bin" check 2>&1) && expect_in "$out" "完整性检查：通过" "check healthy" || bad "check failed on a good file: $out"

# check refuses bad files with a message and leaves them untouched.
refuse() { # file, expected message
    local sum0 sum1 out rc
    sum0=$(sha256sum "$1")
    out=$("$bin" check "$1" 2>&1); rc=$?
    sum1=$(sha256sum "$1")
    [ $rc -ne 0 ] && ok || bad "check accepted $1"
    expect_in "$out" "$2" "check $1"
    [ "$sum0" = "$sum1" ] && ok || bad "check modified $1"
    [ ! -e "$1-wal" ] && ok || bad "check left a -wal beside $1"
    out=$("$bin" --db "$1" plan show 2>&1) && bad "plan show opened $1 without complaint"
    [ "$sum0" = "$(sha256sum "$1")" ] && ok || bad "plan show modified $1"
}
printf '企业名称,统一社会信用代码\n某某公司,91150621000000000X\n%0200d\n' 0 >"$tmp/text.db"
refuse "$tmp/text.db" "不是 SQLite 数据库文件"
if command -v sqlite3 >/dev/null; then
    sqlite3 "$tmp/other.db" "CREATE TABLE orders(id INTEGER PRIMARY KEY, item TEXT); INSERT INTO orders(item) VALUES('煤');"
    refuse "$tmp/other.db" "其他程序"
    sqlite3 "$tmp/newer.db" "PRAGMA application_id=1416976233; PRAGMA user_version=999; CREATE TABLE t(x);"
    refuse "$tmp/newer.db" "更新版本"
fi
cp "$XDG_DATA_HOME/tuwei/tuwei.db" "$tmp/corrupt.db"
size=$(stat -c %s "$tmp/corrupt.db")
dd if=/dev/urandom of="$tmp/corrupt.db" bs=4096 seek=3 count=$(((size / 4096) - 3)) conv=notrunc status=none
refuse "$tmp/corrupt.db" "损坏"

out=$("$bin" nosuch 2>&1); rc=$?
[ $rc = 2 ] && ok || bad "unknown command should exit 2, got $rc"
expect_in "$out" "未知命令" "unknown command"
out=$("$bin" --db "$tmp/missing.db" plan show 2>&1) && bad "plan show on a missing file succeeded"
expect_in "$out" "请先运行 tuwei init" "missing file"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
