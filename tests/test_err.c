/* test_err.c — error messages for clerks. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "src/err.h"
#include "src/textw.h"

Test(err, fills_code_field_and_message)
{
    struct err e;

    cr_expect_eq(err_field(&e, ERR_INVALID, "due_date", "截止日期不能早于开始日期"), ERR_INVALID);
    cr_expect_eq(e.code, ERR_INVALID);
    cr_expect_str_eq(e.field, "due_date");
    cr_expect_str_eq(e.msg, "截止日期不能早于开始日期");
    cr_expect_eq(err_set(NULL, ERR_IO, "x"), ERR_IO, "a NULL err still returns the code");
}

Test(err, a_long_message_is_never_cut_inside_a_character)
{
    struct err e;
    char longname[1200];
    size_t i;

    setlocale(LC_ALL, "C.UTF-8"); /* textw needs East Asian widths */
    for (i = 0; i + 3 < sizeof longname; i += 3)
        memcpy(longname + i, "达", 3);
    longname[i] = '\0';
    for (i = 0; i < 3; i++) {
        /* Shift by one byte each time so the cut lands at every position. */
        err_set(&e, ERR_IO, "%.*s无法打开数据库文件 %s", (int)i, "xyz", longname);
        cr_expect_lt(strlen(e.msg), sizeof e.msg);
        char *clean = textw_clean(e.msg);
        cr_expect_str_eq(clean, e.msg, "message ends in a broken character");
        free(clean);
    }
}
