#!/usr/bin/env bash
# A supervisor's commands from the command line: R&D figures, the
# dashboard as text, month-end snapshots, and every built-in report as
# .xlsx, CSV and text - files checked by opening them (an .xlsx is a zip
# of XML) and a failed export leaving nothing behind.
set -u
bin=${TUWEI_BINARY:?TUWEI_BINARY is not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
export LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME"
db=$tmp/t.db
fails=0 passes=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_in() { grep -qF -- "$2" <<<"$1" && ok || bad "$3: expected \"$2\" in: $1"; }
t() { "$bin" --db "$db" "$@"; }

t init >/dev/null || bad "init"

# R&D and GDP: amounts with units, a bad amount refused naming the option.
out=$(t rd set --year 2024 --rd 5.32亿 --gdp 584.6亿元 --source 统计公报 2>&1) || bad "rd set: $out"
expect_in "$out" "R&D经费投入强度 0.91%" "rd set"
out=$(t rd set --year 2025 --rd 五亿 --gdp 600亿 2>&1) && bad "rd set accepted 五亿"
expect_in "$out" "金额“五亿”无法识别" "rd set refuses"
out=$(t rd list) && expect_in "$out" "584.60亿元" "rd list"

# The dashboard as text.
out=$(t --today 2025-06-30 dashboard 2>&1) || bad "dashboard: $out"
expect_in "$out" "总览（截至 2025-06-30）" "dashboard heading"
expect_in "$out" "剩余 184 天" "dashboard time left"
expect_in "$out" "高新技术企业" "dashboard targets"
expect_in "$out" "0.91%" "dashboard R&D intensity"
expect_in "$out" "新兴产业技术攻坚" "dashboard actions"
out=$(t dashboard --as-of 2025-13-01 2>&1) && bad "dashboard accepted a bad date"
expect_in "$out" "日期“2025-13-01”无效" "dashboard bad date"

# Snapshots: taken once, the second time changes nothing; a month not over is refused.
out=$(t --today 2025-07-01 snapshot take 2>&1) && expect_in "$out" "已记录 2025-06 月末目标快照" "snapshot"
out=$(t --today 2025-07-01 snapshot take --month 2025-06 2>&1) && expect_in "$out" "未做改动" "snapshot again"
out=$(t --today 2025-07-01 snapshot take --month 2025-07 2>&1) && bad "snapshot of a month not over"
expect_in "$out" "还没有结束" "snapshot refused"
out=$(t snapshot show) && expect_in "$out" "high_tech" "snapshot show"

# Figures flow in from the register, the tasks and the registries.
t enterprise add --name 内蒙古达拉特测试科技有限公司 --township 树林召镇 >/dev/null || bad "enterprise add"
t enterprise promote 达拉特测试科技 --tier 高新技术企业 --date 2022-10-15 --number GR202215000123 >/dev/null ||
    bad "promote"
t enterprise figures 达拉特测试科技 --year 2025 --sales 5000万 --rd 300万 >/dev/null || bad "figures 2025"
t enterprise figures 达拉特测试科技 --year 2024 --sales 4000万 --rd 0 >/dev/null || bad "figures 2024"
t project add --title 煤基新材料关键技术揭榜项目 --kind 市级“揭榜挂帅”项目 --stage 立项 --start_date 2025-03-01 >/dev/null ||
    bad "project add"
t task set 1.5 --due 2025-06-15 >/dev/null || bad "task set"
out=$(t dashboard --as-of 2025-06-30 2>&1) || bad "dashboard after records: $out"
expect_in "$out" "  高新技术企业              33       1      32" "high-tech counted"
expect_in "$out" "  新增研发投入企业          10       1       9" "new R&D investor counted"
expect_in "$out" "  市级“揭榜挂帅”项目         2       1       1" "揭榜挂帅 project counted"
expect_in "$out" "高企证书 6 个月内到期未续                      1" "expiring certificate"
expect_in "$out" "内蒙古达拉特测试科技有限公司  有效期至 2025-10-14（还有 106 天）" "expiring certificate named"
expect_in "$out" "  1 新兴产业技术攻坚     11     11      0      0    0    0     0%    1" "overdue task counted"
out=$(t report ledger --as-of 2025-06-30 --format csv 2>&1)
expect_in "$out" "高新技术企业,GR202215000123,2025-10-14" "ledger tier and certificate"
expect_in "$out" "2025年研发投入强度（%）" "ledger figures of the latest year"
out=$(t report unit --as-of 2025-06-30 --format csv 2>&1)
expect_in "$out" "1.5,聚达发电煤电机组掺氢降碳助燃关键技术与示范项目,未启动,0,2025-06-15,逾期" "unit report overdue"

# Every report in every format.
out=$(t report list) && expect_in "$out" "ledger" "report list"
for name in targets ledger pilot monthly unit; do
    f=$tmp/$name.xlsx
    out=$(t report $name --as-of 2025-06-30 --format xlsx -o "$f" 2>&1) || bad "report $name xlsx: $out"
    unzip -tq "$f" >/dev/null 2>&1 && ok || bad "$f is not a valid zip"
    sheet=$(unzip -p "$f" xl/worksheets/sheet1.xml)
    expect_in "$sheet" "截至 2025-06-30" "$name xlsx title row"
    out=$(t report $name --as-of 2025-06-30 --format csv -o "$tmp/$name.csv" 2>&1) || bad "report $name csv"
    [ "$(head -c 3 "$tmp/$name.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] && ok || bad "$name.csv has no BOM"
    out=$(t report $name --as-of 2025-06-30 --format text 2>&1) || bad "report $name text"
    expect_in "$out" "截至 2025-06-30" "$name text"
done
sheet=$(unzip -p "$tmp/targets.xlsx" xl/workbook.xml)
expect_in "$sheet" 'name="2025年目标完成情况报表"' "targets sheet name"
sheet=$(unzip -p "$tmp/targets.xlsx" xl/worksheets/sheet1.xml)
expect_in "$sheet" "市级“揭榜挂帅”项目" "targets xlsx Chinese cell"
rows=$(grep -o '<row ' <<<"$sheet" | wc -l)
[ "$rows" = 9 ] && ok || bad "targets.xlsx should have 9 rows (title, header, 7 targets), has $rows"
csv=$(cat "$tmp/pilot.csv")
expect_in "$csv" "噻虫胺工艺流程优化" "pilot csv"
[ "$(grep -c $'\r$' "$tmp/pilot.csv")" = 5 ] && ok || bad "pilot.csv should have 5 CRLF records"

# Errors: unknown report, xlsx without a file, an unwritable folder leaves nothing.
out=$(t report nosuch 2>&1) && bad "unknown report accepted"
expect_in "$out" "没有名为“nosuch”的报表" "unknown report"
out=$(t report targets --format xlsx 2>&1) && bad "xlsx to stdout accepted"
expect_in "$out" "需要用 -o 指定输出文件" "xlsx needs -o"
out=$(t report targets --format xlsx -o "$tmp/none/x.xlsx" 2>&1) && bad "export into a missing folder"
[ -z "$(ls "$tmp" | grep tmp-)" ] && ok || bad "a temporary file was left behind"

echo "rep_cli: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
