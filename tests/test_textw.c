/* test_textw.c — display widths, truncation, padding and wrapping. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "src/textw.h"

static void
textw_setup(void)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
}

TestSuite(textw, .init = textw_setup);

Test(textw, width_counts_columns_not_bytes)
{
    cr_expect_eq(textw_width("abc"), 3);
    cr_expect_eq(textw_width("达拉特旗"), 8);
    cr_expect_eq(textw_width("R&D经费"), 7);
    cr_expect_eq(textw_width("，。！（）"), 10, "full-width punctuation takes two columns");
    cr_expect_eq(textw_width("😀👍"), 4, "emoji take two columns");
    cr_expect_eq(textw_width("e\xcc\x81"), 1, "a combining mark takes none");
    cr_expect_eq(textw_width("ＡＢ"), 4, "full-width Latin letters");
    cr_expect_eq(textw_width(""), 0);
    cr_expect_eq(textw_width(NULL), 0);
    cr_expect_eq(textw_width("a\tb"), 3, "a tab shows as one space");
    cr_expect_eq(textw_width_n("中文abc", 3), 2, "only the first len bytes");
}

Test(textw, invalid_utf8_is_one_replacement_per_bad_byte)
{
    char *t;

    cr_expect_eq(textw_width("a\xff"
                             "b"),
                 3);
    t = textw_clean("a\xff"
                    "b");
    cr_expect_str_eq(t, "a\xef\xbf\xbd"
                        "b");
    free(t);
    t = textw_clean("\xc0\xaf"); /* overlong '/' */
    cr_expect_str_eq(t, "\xef\xbf\xbd\xef\xbf\xbd");
    free(t);
    t = textw_clean("\xe4\xb8"); /* '中' cut short */
    cr_expect_str_eq(t, "\xef\xbf\xbd\xef\xbf\xbd");
    free(t);
    t = textw_clean("\xed\xa0\x80"); /* a UTF-16 surrogate */
    cr_expect_eq(textw_width(t), 3);
    cr_expect_eq(strstr(t, "\xed"), NULL);
    free(t);
    t = textw_clean("x\x1b[31my"); /* an escape never reaches the terminal */
    cr_expect_str_eq(t, "x\xef\xbf\xbd[31my");
    free(t);
}

Test(textw, truncate_never_splits_a_wide_character)
{
    char *t;

    t = textw_truncate("达拉特旗科技突围工程", 9);
    cr_expect_str_eq(t, "达拉特" TEXTW_ELLIPSIS);
    cr_expect_leq(textw_width(t), 9);
    free(t);
    t = textw_truncate("达拉特旗科技突围工程", 20);
    cr_expect_str_eq(t, "达拉特旗科技突围工程", "text that fits is not cut");
    free(t);
    t = textw_truncate("达拉特旗", 2);
    cr_expect_str_eq(t, "达", "too narrow for an ellipsis: cut only");
    free(t);
    t = textw_truncate("达拉特旗", 1);
    cr_expect_str_eq(t, "");
    free(t);
    t = textw_truncate("abcdef", 5);
    cr_expect_str_eq(t, "abc" TEXTW_ELLIPSIS);
    free(t);
    t = textw_truncate("e\xcc\x81"
                       "e\xcc\x81"
                       "e\xcc\x81"
                       "e\xcc\x81",
                       3);
    cr_expect_str_eq(t, "e\xcc\x81" TEXTW_ELLIPSIS, "the mark stays with its letter");
    free(t);
}

Test(textw, fit_gives_exactly_the_width_asked)
{
    static const char *samples[] = {
        "达拉特旗科技“突围”工程2025年工作方案",
        "R&D经费投入强度达到1%以上",
        "😀ab中",
        "e\xcc\x81xyz",
        "a\xff\xfe中",
        "",
    };
    size_t i;
    int cols;
    char *t;

    for (i = 0; i < sizeof samples / sizeof *samples; i++) {
        for (cols = 0; cols <= 45; cols++) {
            t = textw_fit(samples[i], cols, TEXTW_LEFT);
            cr_expect_eq(textw_width(t), cols, "'%s' at %d gave '%s'", samples[i], cols, t);
            free(t);
        }
    }
}

Test(textw, fit_aligns)
{
    char *t;

    t = textw_fit("33", 6, TEXTW_RIGHT);
    cr_expect_str_eq(t, "    33");
    free(t);
    t = textw_fit("总览", 8, TEXTW_CENTER);
    cr_expect_str_eq(t, "  总览  ");
    free(t);
    t = textw_fit("中文字", 5, TEXTW_LEFT);
    cr_expect_str_eq(t, "中" TEXTW_ELLIPSIS " ", "padded when a wide character did not fit");
    free(t);
}

Test(textw, prefix_stops_before_a_character_that_would_overflow)
{
    int w;

    cr_expect_eq(textw_prefix("中文abc", 3, &w), 3u);
    cr_expect_eq(w, 2);
    cr_expect_eq(textw_prefix("中文abc", 5, &w), 7u);
    cr_expect_eq(w, 5);
    cr_expect_eq(textw_prefix("中文", 100, &w), 6u);
}

/* The text of line i of s. */
static char *
line_text(const char *s, const struct textw_line *ln)
{
    char *t = malloc(ln->len + 1);

    memcpy(t, s + ln->off, ln->len);
    t[ln->len] = '\0';
    return t;
}

/* Wraps s at cols and checks the lines against the expected texts. */
static void
expect_wrap(const char *s, int cols, const char *const *want, size_t nwant)
{
    struct textw_line ln[32];
    size_t n = textw_wrap(s, cols, ln, 32), i;
    char *t;

    cr_assert_eq(n, nwant, "'%s' at %d: %zu lines, want %zu", s, cols, n, nwant);
    for (i = 0; i < n; i++) {
        t = line_text(s, &ln[i]);
        cr_expect_str_eq(t, want[i], "'%s' at %d, line %zu", s, cols, i);
        cr_expect_eq(ln[i].width, textw_width(t));
        free(t);
    }
}

Test(textw, wrap_chinese_breaks_between_any_characters)
{
    static const char *const want[] = {"一二三", "四五六", "七八九", "十"};

    expect_wrap("一二三四五六七八九十", 6, want, 4);
    expect_wrap("一二三四五六七八九十", 7, want, 4);
}

Test(textw, wrap_never_starts_a_line_with_closing_punctuation)
{
    static const char *const want[] = {"一二", "三，四", "五。"};

    expect_wrap("一二三，四五。", 6, want, 3);
}

Test(textw, wrap_latin_prefers_spaces)
{
    static const char *const a[] = {"hello world", "foo"};
    static const char *const b[] = {"hello", "world", "foo"};
    static const char *const c[] = {"abcd", "efgh", "ij"};

    expect_wrap("hello world foo", 11, a, 2);
    expect_wrap("hello world foo", 7, b, 3);
    expect_wrap("abcdefghij", 4, c, 3);
}

Test(textw, wrap_mixed_text)
{
    static const char *const want[] = {"R&D经费投入", "强度达到1%", "以上"};

    expect_wrap("R&D经费投入强度达到1%以上", 11, want, 3);
}

Test(textw, wrap_keeps_line_breaks_and_empty_lines)
{
    static const char *const a[] = {"ab", "", "cd"};
    static const char *const b[] = {"ab", "cd"};

    expect_wrap("ab\n\ncd", 10, a, 3);
    expect_wrap("ab\r\ncd\n", 10, b, 2);
    cr_expect_eq(textw_wrap("", 10, NULL, 0), 0u);
}

Test(textw, wrap_keeps_marks_with_their_letter_and_emoji_whole)
{
    static const char *const a[] = {"e\xcc\x81"
                                    "e\xcc\x81",
                                    "e\xcc\x81"};
    static const char *const b[] = {"😀", "😀"};

    expect_wrap("e\xcc\x81"
                "e\xcc\x81"
                "e\xcc\x81",
                2, a, 2);
    expect_wrap("😀😀", 3, b, 2);
}

Test(textw, wrap_lines_never_exceed_the_width)
{
    static const char para[] =
        "围绕新能源、新材料、新型化工、现代农牧业、生态环境治理等关键领域，"
        "实施“人工智能+”行动。R&D (research and development) spending 1% of GDP; "
        "加快推进建亨奥能高比能高功率密度的钠盐固态储能电池材料研制😀。";
    struct textw_line ln[400];
    size_t n, i, total;
    int cols;

    for (cols = 2; cols <= 60; cols++) {
        n = textw_wrap(para, cols, ln, 400);
        cr_assert_leq(n, 400u);
        total = 0;
        for (i = 0; i < n; i++) {
            cr_expect_leq(ln[i].width, cols, "line %zu at %d is %d wide", i, cols, ln[i].width);
            total += (size_t)ln[i].width;
        }
        /* Only spaces at soft breaks may go missing. */
        cr_expect_geq(total + 12, (size_t)textw_width(para));
    }
}

Test(textw, wrap_reports_lines_beyond_max)
{
    struct textw_line ln[2];

    cr_expect_eq(textw_wrap("一二三四五六七八九十", 2, ln, 2), 10u);
    cr_expect_eq(ln[1].off, 3u);
}

Test(textw, cursor_moves_by_whole_characters)
{
    static const char s[] = "a中e\xcc\x81"
                            "b";
    size_t len = strlen(s);

    cr_expect_eq(textw_next_char(s, len, 0), 1u);
    cr_expect_eq(textw_next_char(s, len, 1), 4u);
    cr_expect_eq(textw_next_char(s, len, 4), 7u, "e and its accent are one step");
    cr_expect_eq(textw_next_char(s, len, 7), 8u);
    cr_expect_eq(textw_next_char(s, len, 8), 8u);
    cr_expect_eq(textw_prev_char(s, 8), 7u);
    cr_expect_eq(textw_prev_char(s, 7), 4u);
    cr_expect_eq(textw_prev_char(s, 4), 1u);
    cr_expect_eq(textw_prev_char(s, 1), 0u);
    cr_expect_eq(textw_prev_char(s, 0), 0u);
}

Test(textw, encode_round_trips)
{
    char buf[5] = {0};

    cr_expect_eq(textw_encode(L'中', buf), 3u);
    cr_expect_str_eq(buf, "中");
    memset(buf, 0, sizeof buf);
    cr_expect_eq(textw_encode((wchar_t)0x1f600, buf), 4u);
    cr_expect_str_eq(buf, "😀");
}

/* The fast check every byte of an imported file goes through agrees with
 * the strict decoder on every three-byte input, with and without room
 * for the whole sequence. */
Test(textw, utf8_step_agrees_with_the_strict_decoder)
{
    unsigned char s[4] = {0};
    size_t avail, bad = 0;
    int a, b, c;

    for (a = 0; a < 256; a++)
        for (b = 0; b < 256; b++)
            for (c = 0; c < 256; c++) {
                s[0] = (unsigned char)a, s[1] = (unsigned char)b, s[2] = (unsigned char)c;
                for (avail = 1; avail <= 3; avail++)
                    bad += textw_utf8_step((char *)s, avail) != textw_utf8_len((char *)s, avail);
            }
    cr_expect_eq(bad, 0);
    cr_expect_eq(textw_utf8_step("科", 3), 3);
    cr_expect_eq(textw_utf8_step("\xe4\xb8", 2), 0, "cut short");
}
