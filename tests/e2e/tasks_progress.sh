#!/usr/bin/env bash
# tasks_progress.sh - a clerk in the real tuwei (tmux, 80x24) finds a seeded
# task by searching Chinese text, reports monthly progress in Chinese, sees
# the report in the task's history, finds the task in the per-unit view,
# and has a bad date refused with what was typed kept. The command line
# then agrees with the screen.
set -u
bin=${TUWEI_BINARY:?TUWEI_BINARY must name the tuwei binary}
tmp=$(mktemp -d /tmp/tuwei-tasks-e2e.XXXXXX)
sock="tuwei-$$-tasks"
fail=0
passes=0
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

t() { tmux -u -L "$sock" "$@"; }
screen() { t capture-pane -p -t w; }
ok() { passes=$((passes + 1)); }
# Waits up to 10 s for text on the screen.
wait_for() {
    local i
    for i in $(seq 100); do
        if screen | grep -qF -- "$1"; then
            ok
            return 0
        fi
        sleep 0.1
    done
    echo "FAIL: '$1' never appeared ($2); screen was:"
    screen
    fail=1
    return 1
}
expect_out() { # output, text, what
    if grep -qF -- "$2" <<<"$1"; then ok; else
        echo "FAIL: $3: expected '$2' in:"
        echo "$1"
        fail=1
    fi
}

mkdir -p "$tmp/home" "$tmp/config" "$tmp/data"
cat >"$tmp/env.sh" <<ENV
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export LANG=C.UTF-8 LC_ALL=C.UTF-8 USER=e2e PS1='$ '
unset NO_COLOR
ENV
. "$tmp/env.sh"
"$bin" --db "$tmp/t.db" init >/dev/null || { echo "FAIL: init"; exit 1; }

t -f /dev/null new-session -d -s w -x 80 -y 24 "bash --norc --noprofile"
t send-keys -t w ". $tmp/env.sh" Enter
t send-keys -t w "$bin --db $tmp/t.db --today 2025-06-30 2>$tmp/stderr; echo EXIT=\$?" Enter
wait_for "总体目标" "first screen"

# Find the task by searching Chinese text from the actions list.
t send-keys -t w 2
wait_for "6 科技成果应用转化行动" "the seven actions"
t send-keys -t w /
t send-keys -t w -l "青贮玉米"
t send-keys -t w Enter
wait_for "筛选「青贮玉米」：1" "search finds the seeded task"
wait_for "2.1 真金种业" "the task found"

# Report this month's progress: r, the text, F2.
t send-keys -t w r
wait_for "报送进展：真金种业青贮玉米品种真金286示范与推广" "report form"
wait_for "2025-06-30" "report date filled in"
t send-keys -t w -l "完成示范田播种1200亩"
t send-keys -t w Tab
t send-keys -t w -l "春季干旱"
t send-keys -t w F2
wait_for "进展已报送" "saved"
wait_for "推进中" "the first report starts the task"

# The report is in the task's history (a wider window shows it whole).
t resize-window -t w -x 160 -y 50
t send-keys -t w Enter PPage
wait_for "修改记录（共" "history in the detail"
wait_for "e2e  报送进展（2025-06，旗农牧局，e2e）" "the report in the history"
wait_for "修改任务：状态 未启动 -> 推进中" "the status change in the history"
t resize-window -t w -x 80 -y 24

# The per-unit view: the lead unit's tasks show the one just reported.
t send-keys -t w Escape Escape Escape
wait_for "重点行动（7）" "back at the actions"
t send-keys -t w v
wait_for "责任单位（13）" "units view"
t send-keys -t w Down Down Down Down Down Enter
wait_for "旗农牧局（8）" "the unit's tasks"
wait_for "推进中" "the reported task in the unit's list"

# A bad date is refused at its field, and what was typed stays.
t send-keys -t w r
wait_for "报送进展：" "second report form"
t send-keys -t w -l "灌溉试验"
t send-keys -t w Tab Tab Tab Tab Tab Tab Tab Tab C-u
t send-keys -t w -l "2025-02-30"
t send-keys -t w F2
wait_for "2025年2月没有30日" "bad date refused"
wait_for "报送日期* 2025-02-30" "the typed date kept"
wait_for "灌溉试验" "the typed text kept"
t send-keys -t w Escape
wait_for "放弃已输入的内容吗" "asks before discarding"
t send-keys -t w y q
wait_for "EXIT=0" "quit"

# The command line sees the same.
out=$("$bin" --db "$tmp/t.db" --today 2025-06-30 task show 2.1 2>&1)
expect_out "$out" "进展情况：完成示范田播种1200亩" "task show"
expect_out "$out" "存在问题：春季干旱" "task show"
expect_out "$out" "状态：推进中" "task show"
n=$(grep -c "报送于" <<<"$out")
if [ "$n" = 1 ]; then ok; else echo "FAIL: the refused report was saved ($n reports)"; fail=1; fi
out=$("$bin" --db "$tmp/t.db" task history 2.1 2>&1)
expect_out "$out" "e2e  报送进展（2025-06，旗农牧局，e2e）：完成示范田播种1200亩" "task history"
out=$("$bin" --db "$tmp/t.db" --today 2025-06-30 task units 旗农牧局 2>&1)
expect_out "$out" "推进中" "task units"
if [ -s "$tmp/stderr" ]; then echo "stderr:"; cat "$tmp/stderr"; fi

echo "tasks_progress: $passes passed, $fail failed"
exit $fail
