#!/usr/bin/env bash
# ent_funnel.sh - a clerk in the real tuwei (tmux, 80x24) registers an
# enterprise with a Chinese name, enters its figures, promotes it to
# high-tech with a certificate number, and the funnel moves: on screen at
# once, and from the command line afterwards.
set -u
bin=${TUWEI_BINARY:?TUWEI_BINARY must name the tuwei binary}
tmp=$(mktemp -d /tmp/tuwei-e2e-ent.XXXXXX)
sock="tuwei-$$-ent"
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
# Types text (which may be Chinese) into the program.
type_text() { t send-keys -t w -l -- "$1"; }

mkdir -p "$tmp/home" "$tmp/config" "$tmp/data"
cat >"$tmp/env.sh" <<ENV
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export LANG=C.UTF-8 LC_ALL=C.UTF-8 USER=e2e PS1='$ '
ENV
t -f /dev/null new-session -d -s w -x 80 -y 24 "bash --norc --noprofile"
t send-keys -t w ". $tmp/env.sh" Enter
t send-keys -t w "$bin --db $tmp/t.db --today 2025-06-30 2>$tmp/stderr; echo EXIT=\$?" Enter
wait_for "一、总体目标" "first screen"

t send-keys -t w 3
wait_for "企业（10）" "the plan's ten enterprises"
wait_for "高企 0/33 差33" "the funnel before"

# Register: name, short name, credit code, then the park and two yes/no.
t send-keys -t w a
wait_for "登记企业" "the enterprise form"
type_text "达拉特旗鑫源新能源科技有限公司"; t send-keys -t w Tab
type_text "鑫源"; t send-keys -t w Tab
type_text "91310000607272395Y"; t send-keys -t w Tab Tab
type_text "达拉特经济开发区"; t send-keys -t w Tab Right Tab y Tab y
t send-keys -t w F2
wait_for "企业信息已保存" "saved"
wait_for "企业（11）" "the list grew"

# Find it by part of its name.
t send-keys -t w /; type_text "鑫源新能"; t send-keys -t w Enter
wait_for "找到 1 条" "search by any part of the name"

# Figures for 2024 (last year): staff, S&T staff, sales, cost, assets, R&D.
t send-keys -t w m; wait_for "录入年度数据" "the menu"
t send-keys -t w Down Enter; wait_for "年度数据" "the figures form"
t send-keys -t w Tab; type_text "120"
t send-keys -t w Tab; type_text "30"
t send-keys -t w Tab; type_text "5000万"
t send-keys -t w Tab; type_text "4000万"
t send-keys -t w Tab; type_text "8000万"
t send-keys -t w Tab; type_text "260万"
t send-keys -t w F2
wait_for "年度数据已保存" "figures saved"
wait_for "新增研发 1/10" "a new R&D investor counted"

# Promote: high-tech with its certificate number, issued today.
t send-keys -t w m Down Down Enter; wait_for "梯度变动" "the tier form"
t send-keys -t w Tab Right Tab Tab; type_text "GR202515000123"
t send-keys -t w F2
wait_for "已记录入库/认定" "promoted"
wait_for "高企 1/33 差32" "the funnel moved"
wait_for "有效期至" "the certificate's validity shown"

t send-keys -t w q; wait_for "EXIT=0" "quit"
cat "$tmp/stderr"

# The command line sees the same.
out=$("$bin" --db "$tmp/t.db" funnel --as-of 2025-06-30 --next 0 2>&1)
echo "$out" | grep -q "高新技术企业 *1 *33 *32" || { echo "FAIL: funnel from the CLI:"; echo "$out"; fail=1; }
# Three years later the certificate has lapsed with no one editing.
out=$("$bin" --db "$tmp/t.db" funnel --as-of 2028-07-01 --next 0 2>&1)
echo "$out" | grep -q "高新技术企业 *0 " || { echo "FAIL: lapsed certificate:"; echo "$out"; fail=1; }
out=$("$bin" --db "$tmp/t.db" enterprise show 鑫源 --as-of 2025-06-30 2>&1)
echo "$out" | grep -q "GR202515000123" || { echo "FAIL: show:"; echo "$out"; fail=1; }

[ "$fail" = 0 ] && echo "ent_funnel: ok"
exit "$fail"
