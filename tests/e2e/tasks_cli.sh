#!/usr/bin/env bash
# tasks_cli.sh - a seeded task followed from 未启动 to 已完成 from the command
# line, with milestones and monthly reports; the lists supervisors read
# (overdue, stale, per unit, CSV); refusals with a Chinese message, a
# usage exit status and nothing written; delete and restore.
set -u
bin=${TUWEI_BINARY:?TUWEI_BINARY is not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
export LANG=C.UTF-8 LC_ALL=C.UTF-8 USER=clerk
mkdir -p "$HOME"
fails=0 passes=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_in() { grep -qF -- "$2" <<<"$1" && ok || bad "$3: expected \"$2\" in: $1"; }
expect_not() { grep -qF -- "$2" <<<"$1" && bad "$3: did not expect \"$2\"" || ok; }
t() { "$bin" --db "$tmp/t.db" --today "${today:-2025-06-30}" "$@" 2>&1; }

"$bin" --db "$tmp/t.db" init >/dev/null || { echo "FAIL: init"; exit 1; }
log0=$(t check | sed -n 's/修改记录：\([0-9]*\) 条/\1/p')

# The seeded plan, listed by action with its units.
out=$(t task list --action 6)
expect_in "$out" "6.5    未启动  0%    -           达拉特经济开发区管委会" "list action 6"
expect_in "$out" "共 8 项任务" "eight tasks in action 6"
out=$(t task units)
expect_in "$out" "旗科技发展服务中心        0       46" "the centre shares every task"

# Refusals: Chinese message, usage exit status for options, nothing written.
out=$(t task set 6.5 --due 2025-02-30); rc=$?
[ $rc = 1 ] && ok || bad "a bad date should exit 1, got $rc"
expect_in "$out" "--due：2025年2月没有30日（该月只有28天）" "bad date"
out=$(t task report 6.5 --done "x" --unit 旗教育局)
expect_in "$out" "--unit：没有名为“旗教育局”的责任单位" "unknown unit"
out=$(t task report 6.5 --done "x" --date 2025-07-01)
expect_in "$out" "不能晚于今天（2025-06-30）" "report after today"
out=$(t task set 6.5 --percent 150)
expect_in "$out" "超出范围" "percent"
out=$(t task list --bogus); rc=$?
[ $rc = 2 ] && ok || bad "an unknown option should exit 2, got $rc"
out=$(t task show 9.9)
expect_in "$out" "没有编号为 9.9 的任务" "unknown task"
log1=$(t check | sed -n 's/修改记录：\([0-9]*\) 条/\1/p')
[ "$log0" = "$log1" ] && ok || bad "refused commands wrote to the log ($log0 -> $log1)"

# 6.5 from 未启动 to 已完成: dates, milestones, monthly reports.
out=$(t task set 6.5 --start 2025/3/1 --due 20251231 --co "旗工信局、旗商务和投促中心")
expect_in "$out" "已保存" "set dates and units"
t task milestone add 6.5 --title "完成小试" --due 2025-4-30 >/dev/null
t task milestone add 6.5 --title "中试装置建成" --due 2025-06-15 >/dev/null
out=$(t task list --overdue)
expect_in "$out" "6.5" "an undone milestone past due makes the task overdue"
out=$(t task milestone done 6.5 1 --date 2025-04-28)
expect_in "$out" "已保存里程碑" "milestone done"
out=$(today=2025-04-20 t task report 6.5 --period 2025-4 --done "完成小试工艺验证" --problems "原料批次差异" --next "建设中试装置" --date 2025-04-20)
expect_in "$out" "已报送进展" "April report"
out=$(t task show 6.5)
expect_in "$out" "状态：推进中" "the first report starts the task"
expect_in "$out" "配合单位：旗工信局、旗商务和投资促进中心" "alias resolved"
expect_in "$out" "提醒：已逾期（里程碑计划 2025-06-15）" "overdue by a milestone"
expect_in "$out" "提醒：已 71 天未报送进展（最近一次报送于 2025-04-20）" "stale since April"
out=$(t task list --stale --action 6)
expect_in "$out" "6.5" "stale list"
out=$(t task units 达拉特经济开发区管委会)
first=$(sed -n 3p <<<"$out")
expect_in "$first" "6.5" "the unit's late task comes first"
t task milestone done 6.5 2 --date 2025-06-28 >/dev/null
out=$(t task report 6.5 --done "中试装置调试完成，产品指标达标" --unit 旗工信局 --person 王五 --percent 80)
expect_in "$out" "已报送进展" "June report"
out=$(t task list --overdue --action 6)
expect_in "$out" "共 0 项任务" "no longer overdue"
out=$(t task set 6.5 --status 已完成)
out=$(t task show 6.5)
expect_in "$out" "状态：已完成    进度：100%" "done at 100%"
expect_in "$out" "进展报送（2 条，最新在前）" "two reports"
expect_in "$out" "[2025-06] 报送于 2025-06-30  旗工信局  王五" "June report shown"
expect_in "$out" "已完成（2025-06-28）" "milestone done shown"
expect_not "$out" "提醒：" "a done task is neither overdue nor stale"
out=$(t task history 6.5)
expect_in "$out" "clerk  修改任务：状态 推进中 -> 已完成；进度 80% -> 100%" "history: done"
expect_in "$out" "报送进展（2025-04，达拉特经济开发区管委会，clerk）：完成小试工艺验证" "history: report"
expect_in "$out" "完成里程碑：完成小试（2025-04-28）" "history: milestone"
expect_in "$out" "增加配合单位：旗商务和投资促进中心" "history: unit"

# CSV for Excel: BOM, header, the task.
out=$(t task list --action 6 --format csv)
[ "$(printf '%s' "$out" | head -c 3 | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok || bad "csv BOM"
expect_in "$out" "编号,任务,状态,进度(%),截止日期,牵头单位,逾期,久未报送,最近报送,ID" "csv header"
expect_in "$out" "6.5,噻虫胺工艺流程优化中试研发,已完成,100,2025-12-31,达拉特经济开发区管委会,否,否,2025-06-30," "csv row"

# Delete a report and the task, then restore both.
rid=$(t task show 6.5 | sed -n 's/.*王五  ID \([0-9a-f]*\).*/\1/p')
out=$(t task report delete "$rid")
expect_in "$out" "已删除这条进展报送" "report deleted"
out=$(t task delete 6.5)
expect_in "$out" "已删除任务 6.5" "task deleted"
out=$(t task list --action 6)
expect_not "$out" "6.5 " "a deleted task leaves the list"
out=$(t task list --archived)
expect_in "$out" "6.5" "the deleted list"
out=$(t task report 6.5 --done x)
expect_in "$out" "已删除（归档），请先恢复" "no report on a deleted task"
out=$(t task restore 6.5)
expect_in "$out" "已恢复任务" "task restored"
out=$(t task restore "$rid")
expect_in "$out" "已恢复进展报送" "report restored"
out=$(t task show 6.5)
expect_in "$out" "进展报送（2 条" "both reports back"

# A new task of its own.
out=$(t task add --action 3 --title "孔兑泥沙监测站建设" --lead 旗水利局 --co 旗林草局 --start 2025-07-01 --due 2025-10-31)
expect_in "$out" "已新建任务" "task add"
out=$(t task show 3.4)
expect_in "$out" "牵头单位：旗水利局" "new task's lead"
out=$(t task list --search 泥沙监测)
expect_in "$out" "3.4" "search finds it"

echo "tasks_cli: $passes passed, $fails failed"
[ "$fails" = 0 ]
