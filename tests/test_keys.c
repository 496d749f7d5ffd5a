/* test_keys.c — key names and the headless mode's key scripts. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "src/keys.h"

Test(keys, names_round_trip)
{
    char buf[16];

    cr_expect_eq(keys_from_name("F1"), KEYS_F(1));
    cr_expect_eq(keys_from_name("f10"), KEYS_F(10));
    cr_expect_eq(keys_from_name("F13"), KEYS_NONE);
    cr_expect_eq(keys_from_name("pgdn"), KEYS_PGDN);
    cr_expect_eq(keys_from_name("S-Tab"), KEYS_BTAB);
    cr_expect_eq(keys_from_name("C-x"), 0x18);
    cr_expect_eq(keys_from_name("Space"), ' ');
    cr_expect_eq(keys_from_name("?"), '?');
    cr_expect_eq(keys_from_name("中"), 0x4e2d);
    cr_expect_eq(keys_from_name("ab"), KEYS_NONE, "two characters are not one key");
    cr_expect_str_eq(keys_name(KEYS_F(7), buf, sizeof buf), "F7");
    cr_expect_str_eq(keys_name(KEYS_PGUP, buf, sizeof buf), "PgUp");
    cr_expect_str_eq(keys_name(0x02, buf, sizeof buf), "C-b");
    cr_expect_str_eq(keys_name(' ', buf, sizeof buf), "Space");
    cr_expect_str_eq(keys_name(0x8fbe, buf, sizeof buf), "达");
}

Test(keys, list_of_names)
{
    int k[6];
    size_t n;
    struct err e = {0};

    cr_assert_eq(keys_parse_list("F1, ?", k, 6, &n, &e), ERR_OK);
    cr_expect_eq(n, 2u);
    cr_expect_eq(k[0], KEYS_F(1));
    cr_expect_eq(k[1], '?');
    cr_assert_eq(keys_parse_list(",", k, 6, &n, &e), ERR_OK, "a lone comma is the comma key");
    cr_expect_eq(k[0], ',');
    cr_expect_eq(keys_parse_list("F1,Bogus", k, 6, &n, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "Bogus") != NULL, "the message names the bad key: %s", e.msg);
}

Test(keys, script_mixes_text_and_named_keys)
{
    struct keys_event *ev;
    size_t n;
    struct err e = {0};

    cr_assert_eq(
        keys_parse_script("2 <Down> <Enter> <Tab> /达拉特<Enter> <F1> <Esc> q", &ev, &n, &e),
        ERR_OK, "%s", e.msg);
    cr_assert_eq(n, 12u);
    cr_expect_eq(ev[0].key, '2');
    cr_expect_eq(ev[1].key, KEYS_DOWN);
    cr_expect_eq(ev[2].key, KEYS_ENTER);
    cr_expect_eq(ev[3].key, KEYS_TAB);
    cr_expect_eq(ev[4].key, '/');
    cr_expect_eq(ev[5].key, 0x8fbe);
    cr_expect_eq(ev[6].key, 0x62c9);
    cr_expect_eq(ev[7].key, 0x7279);
    cr_expect_eq(ev[8].key, KEYS_ENTER);
    cr_expect_eq(ev[9].key, KEYS_F(1));
    cr_expect_eq(ev[10].key, KEYS_ESC);
    cr_expect_eq(ev[11].key, 'q');
    free(ev);
}

Test(keys, script_resize_mouse_and_literals)
{
    struct keys_event *ev;
    size_t n;
    struct err e = {0};

    cr_assert_eq(
        keys_parse_script("<Resize 60x20><Click 3,1><WheelDown 10,5><lt><Space>", &ev, &n, &e),
        ERR_OK, "%s", e.msg);
    cr_assert_eq(n, 5u);
    cr_expect_eq(ev[0].key, KEYS_RESIZE);
    cr_expect_eq(ev[0].x, 60);
    cr_expect_eq(ev[0].y, 20);
    cr_expect_eq(ev[1].key, KEYS_CLICK);
    cr_expect_eq(ev[1].x, 3);
    cr_expect_eq(ev[1].y, 1);
    cr_expect_eq(ev[2].key, KEYS_WHEEL_DOWN);
    cr_expect_eq(ev[3].key, '<');
    cr_expect_eq(ev[4].key, ' ');
    free(ev);
}

Test(keys, script_errors_name_the_token)
{
    struct keys_event *ev;
    size_t n;
    struct err e = {0};

    cr_expect_eq(keys_parse_script("a <Nope> b", &ev, &n, &e), ERR_INVALID);
    cr_expect(strstr(e.msg, "<Nope>") != NULL, "%s", e.msg);
    cr_expect_null(ev);
    cr_expect_eq(keys_parse_script("<Resize 0x5>", &ev, &n, &e), ERR_INVALID);
    cr_expect_eq(keys_parse_script("<F1", &ev, &n, &e), ERR_INVALID, "an unclosed name");
    cr_expect_eq(keys_parse_script("", &ev, &n, &e), ERR_OK);
    cr_expect_eq(n, 0u);
    free(ev);
}
