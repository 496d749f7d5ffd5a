/* test_ui_widgets.c — the widgets' logic without a screen: list windowing,
 * table layout, editing with wide characters, forms, dialogs, keymap. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/config.h"
#include "src/keys.h"
#include "src/msg.h"
#include "src/textw.h"
#include "src/xmalloc.h"
#include "ui/detail.h"
#include "ui/dialog.h"
#include "ui/edit.h"
#include "ui/form.h"
#include "ui/keymap.h"
#include "ui/list.h"
#include "ui/table.h"

static void
widgets_setup(void)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    msg_set_language("zh_CN");
    ui_keymap_init(NULL);
}

TestSuite(widgets, .init = widgets_setup);

/* A source of n generated rows that counts what it is asked. */
struct fake {
    long n;
    int counts;
    long fetch_calls, fetched_rows;
};

static long
fake_count(void *ctx, const char *filter)
{
    struct fake *f = ctx;

    f->counts++;
    return filter ? f->n / 10 : f->n;
}

static int
fake_fetch(void *ctx, const char *filter, long offset, int n, struct ui_row *rows,
           const struct ui_list_hint *hint)
{
    struct fake *f = ctx;
    int i;

    (void)hint;
    (void)filter;
    f->fetch_calls++;
    for (i = 0; i < n && offset + i < f->n; i++) {
        snprintf(rows[i].id, sizeof rows[i].id, "%ld", offset + i);
        rows[i].cell[0] = xasprintf("企业%ld", offset + i);
    }
    f->fetched_rows += i;
    return i;
}

static const struct ui_list_source fake_source = {fake_count, fake_fetch, NULL};
static const struct ui_column fake_cols[] = {{NULL, 10, 1, TEXTW_LEFT}};

Test(widgets, list_asks_only_for_the_rows_it_shows)
{
    struct fake f = {100000, 0, 0, 0};
    struct ui_list *l = ui_list_new(&fake_source, &f, fake_cols, 1);
    const struct ui_row *r;
    int i;

    ui_list_set_height(l, 20);
    cr_expect_str_eq(ui_list_selected(l)->cell[0], "企业0");
    cr_expect_eq(f.fetched_rows, 20);
    for (i = 0; i < 50; i++) {
        ui_list_action(l, UI_ACT_DOWN);
        r = ui_list_selected(l);
    }
    cr_expect_str_eq(r->cell[0], "企业50");
    cr_expect_eq(f.fetched_rows, 20 + 31, "scrolling fetches only the rows coming into view");
    ui_list_action(l, UI_ACT_END);
    cr_expect_str_eq(ui_list_selected(l)->cell[0], "企业99999");
    cr_expect_leq(f.fetched_rows, 20 + 31 + 20);
    cr_expect_eq(l->top, 100000 - 20);
    ui_list_action(l, UI_ACT_PGUP);
    cr_expect_eq(l->sel, 99999 - 19);
    ui_list_action(l, UI_ACT_HOME);
    cr_expect_eq(l->sel, 0);
    cr_expect_eq(f.counts, 1, "moving never counts the rows again");
    ui_list_free(l);
}

Test(widgets, list_filter_recounts_and_selects_the_first_row)
{
    struct fake f = {1000, 0, 0, 0};
    struct ui_list *l = ui_list_new(&fake_source, &f, fake_cols, 1);
    char *pos;

    ui_list_set_height(l, 10);
    ui_list_select(l, 500);
    ui_list_set_filter(l, "达拉特");
    cr_expect_eq(f.counts, 2);
    cr_expect_eq(l->count, 100);
    cr_expect_eq(l->sel, 0);
    pos = ui_list_position(l);
    cr_expect_str_eq(pos, "1/100");
    free(pos);
    ui_list_set_filter(l, "");
    cr_expect_null(l->filter);
    cr_expect_eq(l->count, 1000);
    ui_list_free(l);
}

Test(widgets, empty_list_has_no_selection)
{
    struct fake f = {0, 0, 0, 0};
    struct ui_list *l = ui_list_new(&fake_source, &f, fake_cols, 1);
    char *pos = ui_list_position(l);

    cr_expect_null(ui_list_selected(l));
    cr_expect_str_eq(pos, "0/0");
    cr_expect_eq(ui_list_action(l, UI_ACT_DOWN), 1);
    cr_expect_eq(l->sel, -1);
    free(pos);
    ui_list_free(l);
}

Test(widgets, table_fills_the_width_and_hides_what_does_not_fit)
{
    static const struct ui_column cols[] = {
        {NULL, 16, 3, TEXTW_LEFT}, {NULL, 8, 1, TEXTW_LEFT}, {NULL, 18, 0, TEXTW_LEFT}};
    int w[3];
    char *line;

    ui_table_layout(cols, 3, 80, w);
    cr_expect_eq(w[0] + w[1] + w[2] + 2, 80);
    cr_expect_eq(w[2], 18, "a column without weight keeps its width");
    cr_expect_gt(w[0], w[1], "weights share the spare columns");
    ui_table_layout(cols, 3, 30, w);
    cr_expect_eq(w[2], 0, "the last column is hidden when it cannot fit");
    cr_expect_eq(w[0] + w[1] + 1, 30);
    line = ui_table_line(cols, 3, w,
                         (const char *const[]){"内蒙古聚达发电有限责任公司", "树林召镇", NULL});
    cr_expect_eq(textw_width(line), 30, "'%s'", line);
    free(line);
    ui_table_layout(cols, 3, 10, w);
    cr_expect_eq(w[0], 10, "one column narrower than it wants");
}

Test(widgets, edit_moves_and_deletes_whole_characters)
{
    struct ui_edit ed;

    ui_edit_init(&ed, NULL, 0);
    ui_edit_key(&ed, 0x8fbe); /* 达 */
    ui_edit_key(&ed, 0x62c9); /* 拉 */
    ui_edit_key(&ed, 0x7279); /* 特 */
    cr_expect_str_eq(ui_edit_text(&ed), "达拉特");
    cr_expect_eq(ui_edit_cursor_col(&ed), 6);
    ui_edit_key(&ed, KEYS_BACKSPACE);
    cr_expect_str_eq(ui_edit_text(&ed), "达拉", "Backspace removes the whole character");
    ui_edit_key(&ed, KEYS_LEFT);
    cr_expect_eq(ui_edit_cursor_col(&ed), 2, "the cursor steps over a wide character");
    ui_edit_insert(&ed, "R&D经费");
    cr_expect_str_eq(ui_edit_text(&ed), "达R&D经费拉", "pasted text goes in at the cursor");
    cr_expect_eq(ui_edit_cursor_col(&ed), 9);
    ui_edit_key(&ed, KEYS_DELETE);
    cr_expect_str_eq(ui_edit_text(&ed), "达R&D经费");
    ui_edit_key(&ed, KEYS_HOME);
    ui_edit_key(&ed, KEYS_DELETE);
    cr_expect_str_eq(ui_edit_text(&ed), "R&D经费");
    cr_expect_eq(ui_edit_key(&ed, KEYS_F(5)), 0, "a function key is not an edit");
    ui_edit_set(&ed, "e\xcc\x81");
    ui_edit_key(&ed, KEYS_BACKSPACE);
    cr_expect_str_eq(ui_edit_text(&ed), "", "a letter goes with its accent");
    ui_edit_free(&ed);
}

Test(widgets, edit_view_scrolls_by_columns_and_keeps_the_cursor_inside)
{
    struct ui_edit ed;
    char *v;
    int cx, i;

    ui_edit_init(&ed, "达拉特旗科技突围工程2025年工作方案", 0);
    for (i = 0; i < 40; i++) {
        v = ui_edit_view(&ed, 9, &cx);
        cr_expect_eq(textw_width(v), 9, "'%s'", v);
        cr_expect(cx >= 0 && cx < 9, "cursor at %d", cx);
        free(v);
        ui_edit_key(&ed, KEYS_LEFT);
    }
    ui_edit_free(&ed);
}

Test(widgets, multiline_edit_keeps_the_column_between_lines)
{
    struct ui_edit ed;

    ui_edit_init(&ed, "第一行文字\nab", 1);
    ui_edit_key(&ed, KEYS_UP);
    cr_expect_eq(ui_edit_cursor_line(&ed), 0);
    cr_expect_eq(ui_edit_cursor_col(&ed), 2, "column 2 lands after 第");
    ui_edit_key(&ed, KEYS_END);
    ui_edit_key(&ed, KEYS_ENTER);
    cr_expect_str_eq(ui_edit_text(&ed), "第一行文字\n\nab");
    ui_edit_free(&ed);
}

/* A field check that refuses "错". */
static int
no_cuo(const char *value, void *arg, char *m, size_t size)
{
    (void)arg;
    if (strcmp(value, "错") != 0)
        return 0;
    snprintf(m, size, "不能填“错”");
    return 1;
}

/* Types UTF-8 text into the form, a character at a time. */
static void
type(struct ui_form *f, const char *s)
{
    const char *p = s, *end = s + strlen(s);
    unsigned long cp;

    while (p < end) {
        p += textw_decode(p, end, &cp);
        ui_form_key(f, (int)cp);
    }
}

Test(widgets, form_checks_fields_and_never_loses_what_was_typed)
{
    static const char *const kinds[] = {"化工中试基地", "创新中心"};
    struct ui_form *f = ui_form_new("新建中试项目");
    size_t name = ui_form_add(f, "名称", UI_FIELD_TEXT, 1);
    size_t money = ui_form_add(f, "投资", UI_FIELD_NUMBER, 0);
    size_t date = ui_form_add(f, "开始日期", UI_FIELD_DATE, 0);
    size_t kind = ui_form_add(f, "类型", UI_FIELD_CHOICE, 0);
    size_t ok = ui_form_add(f, "已备案", UI_FIELD_BOOL, 0);

    ui_form_set_choices(f, kind, kinds, 2);
    ui_form_set_check(f, name, no_cuo, NULL);
    cr_expect_eq(f->dirty, 0);
    type(f, "错");
    cr_expect_eq(f->dirty, 1);
    ui_form_key(f, KEYS_TAB);
    cr_expect_str_eq(f->fields[name].error, "不能填“错”", "leaving the field checks it");
    cr_expect_eq(f->focus, money);
    type(f, "12万");
    ui_form_key(f, KEYS_TAB);
    cr_expect_str_eq(f->fields[money].error, msg("form.err.number"));
    type(f, "2025-02-29");
    ui_form_key(f, KEYS_TAB);
    cr_expect(strstr(f->fields[date].error, "2025年2月没有29日") != NULL,
              "2025 is no leap year: %s", f->fields[date].error);
    cr_expect_str_eq(ui_form_value(f, date), "2025-02-29", "what was typed is kept");
    ui_form_key(f, KEYS_RIGHT);
    cr_expect_str_eq(ui_form_value(f, kind), "创新中心");
    ui_form_key(f, KEYS_TAB);
    ui_form_key(f, ' ');
    cr_expect_str_eq(ui_form_value(f, ok), "1");
    cr_expect_eq(ui_form_key(f, KEYS_F(2)), UI_FORM_OPEN, "a bad field stops the submit");
    cr_expect_eq(f->focus, name, "and the focus goes to the first bad field");
    cr_expect_str_eq(ui_form_value(f, name), "错", "what was typed is kept");
    cr_expect_str_eq(ui_form_value(f, money), "12万");
    ui_form_key(f, KEYS_BACKSPACE);
    type(f, "噻虫胺工艺流程优化");
    cr_expect_str_eq(f->fields[name].error, "", "fixing the field clears its message");
    ui_form_set(f, money, "120.5");
    ui_form_set(f, date, "2024-02-29");
    cr_expect_eq(ui_form_key(f, KEYS_F(2)), UI_FORM_SUBMIT);
    cr_expect_eq(ui_form_key(f, KEYS_ESC), UI_FORM_CANCEL);
    ui_form_free(f);
}

Test(widgets, form_required_field_must_be_filled)
{
    struct ui_form *f = ui_form_new("t");
    size_t i = ui_form_add(f, "名称", UI_FIELD_TEXT, 1);

    cr_expect_eq(ui_form_validate(f), (long)i);
    cr_expect_str_eq(f->fields[i].error, msg("form.err.required"));
    ui_form_free(f);
}

Test(widgets, dialogs_answer_with_their_keys)
{
    static const char *const items[] = {"甲", "乙", "丙"};
    struct ui_dialog *d = ui_dialog_confirm("退出", "确定吗？");
    struct ui_form *f;

    cr_expect_eq(ui_dialog_key(d, 'x', UI_ACT_NONE), 0);
    cr_expect_eq(ui_dialog_key(d, KEYS_ENTER, UI_ACT_OPEN), 1);
    cr_expect_eq(d->result, 0, "Enter takes the safe answer unless moved");
    ui_dialog_free(d);
    d = ui_dialog_confirm("退出", "确定吗？");
    cr_expect_eq(ui_dialog_key(d, 'y', UI_ACT_NONE), 1);
    cr_expect_eq(d->result, 1);
    ui_dialog_free(d);
    d = ui_dialog_pick("选择", items, 3);
    ui_dialog_key(d, KEYS_DOWN, UI_ACT_DOWN);
    ui_dialog_key(d, KEYS_DOWN, UI_ACT_DOWN);
    ui_dialog_key(d, KEYS_DOWN, UI_ACT_DOWN);
    cr_expect_eq(ui_dialog_key(d, KEYS_ENTER, UI_ACT_OPEN), 1);
    cr_expect_eq(d->result, 2, "the selection stops at the last item");
    ui_dialog_free(d);
    f = ui_form_new("表单");
    ui_form_add(f, "名称", UI_FIELD_TEXT, 0);
    d = ui_dialog_form(f);
    ui_dialog_key(d, 0x4e2d, UI_ACT_NONE);
    cr_expect_eq(ui_dialog_key(d, KEYS_ESC, UI_ACT_BACK), 0, "unsaved input: asks first");
    cr_expect_eq(d->asking_discard, 1);
    cr_expect_eq(ui_dialog_key(d, 'n', UI_ACT_NONE), 0);
    cr_expect_str_eq(ui_form_value(f, 0), "中", "saying no keeps the input");
    ui_dialog_key(d, KEYS_ESC, UI_ACT_BACK);
    cr_expect_eq(ui_dialog_key(d, 'y', UI_ACT_NONE), 1);
    cr_expect_eq(d->result, 0);
    ui_dialog_free(d);
}

Test(widgets, detail_wraps_fields_under_their_values)
{
    struct ui_detail d;

    ui_detail_init(&d);
    ui_detail_field(&d, "名称", "达拉特旗科技突围工程");
    ui_detail_field(&d, "备注", NULL);
    ui_detail_add_line(&d, UI_ROLE_NORMAL, "一行表格行一行表格行一行表格行");
    ui_detail_add(&d, UI_ROLE_NORMAL, "一二三四五六七八九十");
    /* label column 6 (名称 + "：" room); value width 14 → 10 chars = 20 cols → 2 lines */
    cr_expect_eq(ui_detail_lines(&d, 20), 2 + 1 + 1 + 1);
    ui_detail_free(&d);
}

Test(widgets, progress_bar_is_exactly_as_wide_as_asked)
{
    char *b;
    int w;

    for (w = 1; w < 40; w++) {
        b = ui_progress_bar(3, 7, w);
        cr_expect_eq(textw_width(b), w, "'%s'", b);
        free(b);
    }
    b = ui_progress_bar(1, 2, 17);
    cr_expect_str_eq(b, "[#####.....]  50%");
    free(b);
}

Test(widgets, keymap_defaults_remaps_and_help)
{
    struct config *c = config_defaults();
    struct err e = {0};
    char *help, *keys;

    cr_expect_eq(ui_keymap_action(KEYS_F(1)), UI_ACT_HELP);
    cr_expect_eq(ui_keymap_action('?'), UI_ACT_HELP);
    cr_expect_eq(ui_keymap_action('q'), UI_ACT_QUIT);
    cr_expect_eq(ui_keymap_action('j'), UI_ACT_DOWN);
    cr_assert_eq(config_set(c, "keys:help", "F2,h", &e), ERR_OK, "%s", e.msg);
    cr_assert_eq(config_set(c, "keys:jump", "F9", &e), ERR_OK, "%s", e.msg);
    ui_keymap_init(c);
    cr_expect_eq(ui_keymap_action(KEYS_F(2)), UI_ACT_HELP);
    cr_expect_eq(ui_keymap_action('h'), UI_ACT_HELP, "a remapped key leaves its old action");
    cr_expect_eq(ui_keymap_action(KEYS_F(1)), UI_ACT_NONE);
    cr_expect_eq(ui_keymap_action(KEYS_LEFT), UI_ACT_LEFT);
    keys = ui_keymap_keys_text(UI_ACT_HELP);
    cr_expect_str_eq(keys, "F2, h");
    help = ui_keymap_help();
    cr_expect(strstr(help, "F2, h") != NULL, "help follows the live keymap");
    cr_expect_eq(ui_keymap_warning_count(), 1u, "an unknown action is reported");
    cr_expect(strstr(ui_keymap_warning(0), "jump") != NULL);
    free(help);
    free(keys);
    config_free(c);
    ui_keymap_init(NULL);
}
