#!/usr/bin/env bash
# reg_cli.sh - the registries from the command line, as a script would use
# them: add, set, list (text and CSV), show, archive and restore records;
# refusals name the field in Chinese and exit non-zero; pilot projects
# moved and gated; S&T projects counted against the plan's targets.
set -u
bin=${TUWEI_BINARY:?TUWEI_BINARY is not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
export LANG=C.UTF-8 LC_ALL=C.UTF-8 USER=li
mkdir -p "$HOME"
fails=0 passes=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
has() { grep -qF -- "$2" <<<"$1" && ok || bad "$3: expected \"$2\" in: $1"; }
tw() { "$bin" --db "$tmp/t.db" --today 2025-06-30 "$@"; }

tw init >/dev/null || bad "init"

# Contracts: money in 万元, a default status, a refused field, a CSV export.
out=$(tw contract add --title 粉煤灰提铝技术开发合同 --kind 技术开发 --seller 鄂尔多斯碳中和研究院 \
      --buyer 蒙泰铝业 --amount 150万 --signed_on 2025-3-5 2>&1) || bad "contract add: $out"
has "$out" "已添加技术合同“粉煤灰提铝技术开发合同”" "contract add"
out=$(tw contract add --title 某合同 --kind 技术买卖 --seller 甲 --buyer 乙 2>&1); rc=$?
[ $rc = 1 ] && ok || bad "a refused save should exit 1, got $rc"
has "$out" "合同类型不能是“技术买卖”" "kind refused in Chinese"
out=$(tw contract set 粉煤灰 --tech_income 200万 2>&1) && bad "income above the amount accepted"
has "$out" "技术性收入不能超过合同金额" "cross-field rule"
tw contract set 粉煤灰 --tech_income 120000 --status 已登记 --registered_on 2025-04-01 >/dev/null \
    || bad "contract set"
out=$(tw contract list) || bad "contract list"
has "$out" "150万元" "money in 万元"
has "$out" "已登记" "status"
has "$out" "共 1 条技术合同" "count"
out=$(tw contract list --format csv) || bad "contract list csv"
[ "$(head -c 3 <<<"$out" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] && ok || bad "CSV starts with a BOM"
has "$out" "编号,合同名称,合同类型,卖方,买方,合同金额（元）,技术性收入（元）" "CSV header"
has "$out" ",1500000,120000,2025-03-05,2025-04-01," "CSV money in yuan, dates normalised"
out=$(tw contract show 粉煤灰) || bad "contract show"
has "$out" "录入：li" "who entered it"
has "$out" "签订日期：2025-03-05" "typed 2025-3-5 kept as YYYY-MM-DD"

# Archive and restore.
tw contract archive 粉煤灰 >/dev/null || bad "archive"
out=$(tw contract list) && has "$out" "共 0 条技术合同" "archived hides"
out=$(tw contract list --archived) && has "$out" "粉煤灰提铝技术开发合同" "--archived lists it"
tw contract restore 粉煤灰提铝技术开发合同 >/dev/null || bad "restore"
out=$(tw contract list --kind 技术开发 --search 提铝) && has "$out" "共 1 条技术合同" "filters"

# Cooperation with a seeded institution, talent, a safeguard note.
tw coop add --title 铝基材料合作 --enterprise 蒙泰铝业 --institution 燕山大学亚稳材料全国重点实验室 \
    --field 铝基 --signed_on 2025-05-20 --status 已签约 >/dev/null || bad "coop add"
out=$(tw coop list) && has "$out" "燕山大学亚稳材料全.." "coop lists the institution, cut to its column"
out=$(tw talent add --name 张工 --mode 挂职 2>&1) && bad "talent mode accepted"
has "$out" "柔性引才、项目引才、以才引才" "talent modes named"
tw talent add --name 张工 --mode 柔性引才 --field 新材料 --employer 蒙泰铝业 --arrived_on 2025-04-01 \
    >/dev/null || bad "talent add"
tw safeguard add --safeguard 加强要素保障 --noted_on 2025-06-01 --title 兑现科技创新奖补资金 \
    --amount 356万 --unit 旗商务和投促中心 >/dev/null || bad "safeguard add"
out=$(tw safeguard list) && has "$out" "旗商务和投资促进中心" "unit by its short name"
out=$(tw platform list) && has "$out" "库布齐沙漠新能源生态治理工.." "seeded platforms"
out=$(tw base list) && has "$out" "达拉特旗化工中试基地" "seeded bases"

# Results, needs and a match.
tw result add --title 高铝粉煤灰提取氧化铝技术 --owner 北京大学鄂尔多斯能源研究院 --channel 蒙科聚 \
    --published_on 2025-03-01 >/dev/null || bad "result add"
tw need add --title 粉煤灰资源化利用 --owner 蒙泰铝业 --channel 蒙科聚 >/dev/null || bad "need add"
tw match add --result 高铝粉煤灰 --need 粉煤灰资源化利用 --status 对接中 >/dev/null || bad "match add"
out=$(tw match list) && has "$out" "高铝粉煤灰提取氧化铝技术" "match lists the result"

# S&T projects against the targets.
tw project add --title 煤矸石陶粒关键技术 --kind 市级科技计划项目 --stage 立项 --start_date 2025-04-01 \
    --enterprises "蒙泰铝业；建亨能源" >/dev/null || bad "project add"
tw project add --title 电解水制氢样机 --kind 市级“揭榜挂帅”项目 --stage 揭榜 >/dev/null \
    || bad "jiebang add"
out=$(tw project add --title 某项目 --kind 市级科技计划项目 --stage 揭榜 2>&1) && bad "wrong flow accepted"
has "$out" "这类项目没有“揭榜”这一阶段" "stage of the kind's flow"
out=$(tw project targets) || bad "project targets"
has "$out" "市级科技计划项目        >=3     1       未达到" "city_project counted"
has "$out" "市级“揭榜挂帅”项目      >=2     0       未达到" "揭榜 does not count yet"
tw project set 电解水制氢样机 --stage 立项 --start_date 2025-06-01 >/dev/null || bad "project set"
out=$(tw project targets --format csv) && has "$out" "市级“揭榜挂帅”项目,>=2,1,未达到" "now counted"

# A pilot project from the command line: gate, item, advance, board.
out=$(tw pilot advance 双酚A 2>&1); rc=$?
[ $rc = 1 ] && ok || bad "a gated advance should exit 1, got $rc"
has "$out" "“申请入驻”阶段还缺少：申请日期" "gate named"
tw pilot item 双酚A 申请日期 2025-06-01 >/dev/null || bad "pilot item"
out=$(tw pilot advance 双酚A --date 2025-06-10 --note 材料齐全) || bad "pilot advance: $out"
has "$out" "已进入“园区受理”（2025-06-10）" "advanced"
out=$(tw pilot board) || bad "pilot board"
has "$out" "园区受理        1       1" "board counts"
out=$(tw pilot list --held --format csv) && has "$out" "双酚A型二醚二酐,园区受理" "held filter"
out=$(tw pilot exit 双酚A --mode 卖掉 2>&1) && bad "bad exit mode accepted"
has "$out" "退出方式不能是“卖掉”" "exit mode refused"
out=$(tw pilot bogus 2>&1); rc=$?
[ $rc = 2 ] && ok || bad "unknown verb should be a usage error, got $rc"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
