#!/usr/bin/env bash
# reg_pilot_gate.sh - a clerk in tmux at 80x24 moves the seeded pilot
# project 噻虫胺工艺流程优化 through its stages: stopped at the first gate
# and told the missing item (申请日期), records it, moves on; records the
# next stage's item, moves on; at 专家评审 records one of two items, is
# stopped and told the other (评审意见), supplies it and moves on to 备案.
# The command line then shows the stage and the history with who and when.
set -u
bin=${TUWEI_BINARY:?TUWEI_BINARY must name the tuwei binary}
tmp=$(mktemp -d /tmp/tuwei-e2e-reg.XXXXXX)
sock="tuwei-$$-reg"
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
# Types text (Chinese included) into the pane as it is.
type_text() { t send-keys -t w -l -- "$1"; }

mkdir -p "$tmp/home" "$tmp/config" "$tmp/data"
cat >"$tmp/env.sh" <<ENV
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export LANG=C.UTF-8 LC_ALL=C.UTF-8 USER=wang PS1='$ '
ENV
t -f /dev/null new-session -d -s w -x 80 -y 24 "bash --norc --noprofile"
t send-keys -t w ". $tmp/env.sh" Enter
t send-keys -t w "$bin --db $tmp/t.db --today 2025-06-30 2>$tmp/stderr; echo EXIT=\$?" Enter

wait_for "一、总体目标" "first screen"
t send-keys -t w 4; wait_for "各阶段（10）" "the stage board"
wait_for "在办中试项目 4 个：4 个缺材料" "the board counts the held projects"
t send-keys -t w v; wait_for "选择视图" "the view picker"
t send-keys -t w Down Enter; wait_for "视图：中试项目" "the projects view"
t send-keys -t w /; type_text "噻虫胺"; t send-keys -t w Enter
wait_for "中试项目（筛选「噻虫胺」：1）" "found the project"

# Gate 1: 申请入驻 needs 申请日期.
t send-keys -t w m; wait_for "推进到下一阶段" "the record menu"
t send-keys -t w Enter; wait_for "\"申请入驻\"阶段还缺少：申请日期" "stopped and told which item"
t send-keys -t w y; wait_for "登记材料：申请入驻" "the items form"
type_text "2025-06-02"; t send-keys -t w Enter
wait_for "材料已齐全，可以推进到\"园区受理\"" "item recorded"
t send-keys -t w m Enter; wait_for "推进到\"园区受理\"" "the move form"
t send-keys -t w F2; wait_for "已进入\"园区受理\"" "moved to 园区受理"

# Stage 2: record 受理日期 first, then move.
t send-keys -t w m Down Enter; wait_for "登记材料：园区受理" "items of 园区受理"
type_text "2025-6-20"; t send-keys -t w Enter; wait_for "材料已齐全" "受理日期 recorded"
t send-keys -t w m Enter; wait_for "推进到\"专家评审\"" "the move form"
t send-keys -t w F2; wait_for "已进入\"专家评审\"" "moved to 专家评审"

# Gate 3: one of two items recorded, stopped, told the other, supplied.
t send-keys -t w m Down Enter; wait_for "登记材料：专家评审" "items of 专家评审"
type_text "2025-06-25"; t send-keys -t w F2; wait_for "材料已登记。" "评审日期 recorded"
t send-keys -t w m Enter; wait_for "\"专家评审\"阶段还缺少：评审意见。" "stopped at 专家评审, told which"
t send-keys -t w y; wait_for "登记材料：专家评审" "the items form again"
t send-keys -t w Tab; type_text "同意入驻，按程序备案"; t send-keys -t w Enter
wait_for "材料已齐全，可以推进到\"备案\"" "评审意见 supplied"
t send-keys -t w m Enter F2; wait_for "已进入\"备案\"" "moved on to 备案"
wait_for "[缺少] 备案编号" "the next gate's items are shown"

t send-keys -t w q; wait_for "EXIT=0" "quit with status 0"
cat "$tmp/stderr"

# The record, from the command line: stage, items, history with who and when.
out=$("$bin" --db "$tmp/t.db" --today 2025-06-30 pilot show 噻虫胺 2>&1)
for want in "当前阶段：备案（自 2025-06-30 起）" "2025-06-30  申请入驻 -> 园区受理  wang" \
            "2025-06-30  专家评审 -> 备案  wang"; do
    grep -qF -- "$want" <<<"$out" || { echo "FAIL: pilot show lacks '$want':"; echo "$out"; fail=1; }
done
out=$("$bin" --db "$tmp/t.db" --today 2025-06-30 pilot list --format csv 2>&1)
grep -q "噻虫胺工艺流程优化,备案" <<<"$out" || { echo "FAIL: csv list: $out"; fail=1; }

if [ "$fail" = 0 ]; then echo "reg_pilot_gate: 1 passed, 0 failed"; else echo "reg_pilot_gate: 0 passed, 1 failed"; fi
exit $fail
