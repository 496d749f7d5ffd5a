/*
 * test_cli.c — the command line's own text as a user reads it: --help
 * lines up every command's description in one display column, whatever
 * Chinese the usage holds.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/cli.h"
#include "src/cli_cmds.h"
#include "src/textw.h"

static void
setup(void)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8")); /* display widths */
}

TestSuite(cli, .init = setup);

/* The display column where c's help text starts in --help output. */
static int
help_column(const char *out, const struct cli_cmd *c)
{
    char *want = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&want, &n);
    const char *line, *at;
    int col;

    fprintf(f, "  tuwei %s", c->usage);
    fclose(f);
    line = strstr(out, want);
    cr_assert_not_null(line, "--help lacks \"%s\"", want);
    at = strstr(line, c->help);
    cr_assert_not_null(at, "--help lacks the help of \"%s\"", c->usage);
    col = textw_width_n(line, (size_t)(at - line));
    free(want);
    return col;
}

Test(cli, help_descriptions_line_up_in_display_columns)
{
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    const struct cli_cmd *c;
    int first = -1;

    cli_usage(f);
    fclose(f);
    /* "check [数据库文件]" holds Chinese: padded by bytes it fell 5 columns short. */
    for (c = cli_base_cmds; c->name; c++) {
        int col = help_column(out, c);

        if (textw_width(c->usage) > 34)
            continue;
        if (first < 0)
            first = col;
        cr_expect_eq(col, first, "help of \"%s\" starts at column %d, not %d", c->usage, col,
                     first);
    }
    for (c = cli_pilot_cmds; c->name; c++) {
        if (textw_width(c->usage) <= 34)
            cr_expect_eq(help_column(out, c), first, "help of \"%s\" misaligned", c->usage);
    }
    free(out);
}
