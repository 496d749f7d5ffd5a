#!/usr/bin/env bash
# A supervisor in tmux at 80x24: opens the dashboard, walks to the overdue
# count of action 1, drills down to the overdue tasks (Enter), reads one,
# and comes back (Esc) to the dashboard; then the reports section exports
# the targets report to Excel in a few keys.
set -u
bin=${TUWEI_BINARY:?TUWEI_BINARY must name the tuwei binary}
tmp=$(mktemp -d /tmp/tuwei-e2e-rep.XXXXXX)
sock="tuwei-$$-rep"
fail=0
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

t() { tmux -L "$sock" "$@"; }
screen() { t capture-pane -p -t w; }
# Waits up to 10 s for text on the screen.
wait_for() {
    local i
    for i in $(seq 100); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    echo "FAIL: '$1' never appeared ($2); screen was:"
    screen
    fail=1
    return 1
}
wait_gone() {
    local i
    for i in $(seq 100); do
        screen | grep -qF -- "$1" || return 0
        sleep 0.1
    done
    echo "FAIL: '$1' stayed on screen ($2)"
    screen
    fail=1
}

mkdir -p "$tmp/home" "$tmp/config" "$tmp/data"
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data LANG=C.UTF-8 LC_ALL=C.UTF-8
db=$tmp/t.db
tw() { "$bin" --db "$db" --today 2025-06-30 "$@" >/dev/null || { echo "FAIL: tuwei $*"; fail=1; }; }
tw init
tw task set 1.2 --due 2025-05-31 --status 推进中 --percent 30
tw task set 1.5 --due 2025-06-15
tw task set 3.1 --due 2025-04-30
tw task report 1.2 --done 完成电解槽样机组装 --period 2025-05 --date 2025-05-28 --unit 旗能源局

cat >"$tmp/env.sh" <<ENV
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export LANG=C.UTF-8 LC_ALL=C.UTF-8 USER=supervisor PS1='$ '
ENV
t -f /dev/null new-session -d -s w -x 80 -y 24 "bash --norc --noprofile"
t send-keys -t w ". $tmp/env.sh" Enter
t send-keys -t w "cd $tmp && $bin --db $db --today 2025-06-30 2>$tmp/stderr; echo EXIT=\$?" Enter

wait_for "一、总体目标" "dashboard"
wait_for "剩余 184 天" "time left in the year"
# Down three times (past 科技型中小企业 and R&D intensity) reaches action 1's line;
# Right walks along it to the overdue count.
t send-keys -t w Down Down Down
for i in $(seq 10); do
    screen | grep -qF "Enter 查看：1 新兴产业技术攻坚行动 / 逾期任务" && break
    t send-keys -t w Right
    sleep 0.2
done
wait_for "Enter 查看：1 新兴产业技术攻坚行动 / 逾期任务" "the overdue count is selected"
t send-keys -t w Enter
wait_for "总览 > 1 新兴产业技术攻坚行动 / 逾期任务" "drilled down"
wait_for "记录（2）" "two overdue tasks"
wait_for "1.2 爱德曼氢能" "the overdue task listed"
wait_for "1.5 聚达发电" "the other overdue task listed"
screen | grep -qF "1.3 宽功率" && { echo "FAIL: a task on time is listed"; fail=1; }
t send-keys -t w Down
wait_for "截止日期：2025-06-15" "its detail"
t send-keys -t w Escape
wait_for "二、七大行动" "back on the dashboard"
wait_gone "总览 > 1" "the list is closed"
wait_for "Enter 查看：1 新兴产业技术攻坚行动 / 逾期任务" "the same figure still selected"

# The targets report to Excel from the reports section: 5, the 4th report, Enter, output Excel, F2.
t send-keys -t w 5 Down Down Down Enter
wait_for "生成：目标完成情况报表" "the run form"
t send-keys -t w Down Down Right Down C-u "$tmp/targets.xlsx" F2
wait_for "已导出 $tmp/targets.xlsx（7 行）" "exported"
unzip -p "$tmp/targets.xlsx" xl/worksheets/sheet1.xml | grep -qF "市级“揭榜挂帅”项目" ||
    { echo "FAIL: the workbook lacks the targets"; fail=1; }

t send-keys -t w q
wait_for "EXIT=0" "quit"
if [ -s "$tmp/stderr" ]; then echo "stderr:"; cat "$tmp/stderr"; fi
[ $fail -eq 0 ] && echo "rep_dashboard: passed"
exit $fail
