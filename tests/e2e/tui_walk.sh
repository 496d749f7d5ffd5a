#!/usr/bin/env bash
# tui_walk.sh - the real tuwei in tmux at 80x24: walk every section, open
# help, shrink below the minimum and back, quit, and check the terminal
# still works; then end a second run with SIGTERM and check the database.
set -u
bin=${TUWEI_BINARY:?TUWEI_BINARY must name the tuwei binary}
tmp=$(mktemp -d /tmp/tuwei-e2e.XXXXXX)
sock="tuwei-e2e-$$"
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
# Waits until text is gone from the screen.
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
cat >"$tmp/env.sh" <<ENV
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export LANG=C.UTF-8 LC_ALL=C.UTF-8 USER=e2e PS1='$ '
unset NO_COLOR
ENV
t -f /dev/null new-session -d -s w -x 80 -y 24 "bash --norc --noprofile"
t send-keys -t w ". $tmp/env.sh" Enter
t send-keys -t w "$bin --db $tmp/t.db 2>$tmp/stderr; echo EXIT=\$?" Enter

wait_for "一、总体目标" "first screen"
wait_for "高新技术企业" "targets listed"
t send-keys -t w 2;  wait_for "新兴产业技术攻坚行动" "section 2"
t send-keys -t w Down Enter; wait_for "旗农牧局" "units of action 2"
t send-keys -t w Escape 3; wait_for "企业（10）" "section 3"
t send-keys -t w 4;  wait_for "各阶段（10）" "section 4"
t send-keys -t w 5;  wait_for "月度进展报表" "section 5 lists the reports"
t send-keys -t w 6;  wait_for "database:path" "section 6"
t send-keys -t w F1; wait_for "按键（可在配置文件" "help"
t send-keys -t w Escape; wait_gone "按键（可在配置文件" "help closed"
t send-keys -t w 3 / 建亨 Enter; wait_for "找到 2 条" "search"
t resize-window -t w -x 60 -y 20; wait_for "请放大窗口" "below the minimum"
t resize-window -t w -x 100 -y 30; wait_for "企业（筛选「建亨」：2）" "enlarged again, state kept"
t resize-window -t w -x 80 -y 24; wait_gone "请放大窗口" "back at 80x24"
t send-keys -t w q; wait_for "EXIT=0" "quit with status 0"
# The terminal works: typed text echoes and a command runs.
t send-keys -t w "echo ALIVE_\$((40+2))" Enter; wait_for "ALIVE_42" "terminal usable after quit"
cat "$tmp/stderr"

# A second run ended by SIGTERM restores the terminal and leaves the file sound.
t send-keys -t w "clear; $bin --db $tmp/t.db 2>$tmp/stderr2 & pid=\$!; fg" Enter
wait_for "一、总体目标" "second run"
t send-keys -t w 3 Down Down; sleep 0.3
pid=$(pgrep -n -f -- "--db $tmp/t.db" || true)
if [ -n "$pid" ]; then kill -TERM "$pid"; else echo "FAIL: no tuwei process"; fail=1; fi
sleep 0.5
t send-keys -t w "echo TERM_OK_\$((1+1))" Enter; wait_for "TERM_OK_2" "terminal usable after SIGTERM"
cat "$tmp/stderr2"
if ! "$bin" --db "$tmp/t.db" check >"$tmp/check" 2>&1; then
    echo "FAIL: tuwei check after SIGTERM"; cat "$tmp/check"; fail=1
fi

if [ "$fail" = 0 ]; then echo "tui_walk: 1 passed, 0 failed"; else echo "tui_walk: 0 passed, 1 failed"; fi
exit $fail
