/*
 * config_ini.c — reading an INI file into a config with iniparser.
 *
 * iniparser 4.1 is lenient where a clerk would want to be told: it drops a
 * last line without a newline, a key after a comment that ends in a
 * backslash, a line ending in a backslash at the end of the file, and
 * accepts `"fr` without its closing quote. So the file is first scanned here
 * line by line (text, UTF-8, line length, shape of each line), which also
 * gives every key its line number for messages; iniparser then reads the
 * values, and config.c checks and stores them.
 */
#include "src/config_priv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser.h>

#include "src/strbuf.h"
#include "src/textw.h"
#include "src/xmalloc.h"

/* iniparser 4.1 refuses a line of 1023 bytes or more; stay well below. */
#define CONFIG_LINE_MAX 1000
#define CONFIG_FILE_MAX (1024 * 1024)

/* A key=value line seen while scanning: its full key and line number. */
struct config_seen {
    char *key;
    long line;
};

/* What the scan of a file gathers. */
struct config_scan {
    const char *file;
    struct config *c;
    struct config_seen *seen;
    size_t nseen;
    char *section; /* current section, "" before the first */
    long section_line;
    size_t section_keys; /* keys seen in the current section */
};

/* What iniparser complained about during the last load. */
static struct strbuf config_ini_msg = STRBUF_INIT;

static int config_ini_complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
config_ini_complain(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (config_ini_msg.len == 0)
        strbuf_puts(&config_ini_msg, buf);
    return n;
}

/* ---- scanning the file ---- */

static int config_fail(const struct config_scan *s, long line, struct err *e, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Fills e with "文件 X 第 N 行：" and the formatted complaint; returns ERR_INVALID. */
static int
config_fail(const struct config_scan *s, long line, struct err *e, const char *fmt, ...)
{
    char buf[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return err_set(e, ERR_INVALID, "文件 %s 第 %ld 行：%s", s->file, line, buf);
}

/* Refuses bytes that are not text: NUL, control characters, invalid UTF-8. */
static int
config_scan_bytes(const struct config_scan *s, const char *p, size_t n, long line, struct err *e)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t i = 0, k;

    while (i < n) {
        if (u[i] == 0)
            return config_fail(s, line, e, "含有二进制字节（0x00），这不是文本配置文件。");
        if (u[i] == '\r' && i + 1 < n)
            return config_fail(s, line, e, "含有单独的回车符（0x0d），请用 LF 或 CRLF 换行。");
        if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\r') || u[i] == 0x7f)
            return config_fail(s, line, e, "含有控制字符（0x%02x），这不像文本配置文件。", u[i]);
        if ((k = textw_utf8_len((const char *)(u + i), n - i)) == 0)
            return config_fail(s, line, e,
                               "不是有效的 UTF-8 文字（可能是 GBK 编码），请以 UTF-8 编码另存。");
        i += k;
    }
    return ERR_OK;
}

/* Ends the current section: an unknown section that held no key is worth a word. */
static void
config_scan_end_section(struct config_scan *s)
{
    if (*s->section && s->section_keys == 0 && !config_section_known(s->section))
        config_warn(s->c, s->section_line, "文件 %s 第 %ld 行：未知的节 [%s]，不起作用。", s->file,
                    s->section_line, s->section);
}

static int
config_scan_section(struct config_scan *s, const char *t, long line, struct err *e)
{
    size_t n = strlen(t);
    char *name;

    if (t[n - 1] != ']')
        return config_fail(s, line, e,
                           strchr(t, ']') ? "节名 ] 之后不能再有文字（注释请另起一行）。"
                                          : "节名缺少右方括号 ]。");
    name = config_strip(t + 1, n - 2);
    if (*name == '\0') {
        free(name);
        return config_fail(s, line, e, "节名为空。");
    }
    config_lower(name);
    config_scan_end_section(s);
    free(s->section);
    s->section = name;
    s->section_line = line;
    s->section_keys = 0;
    return ERR_OK;
}

static int
config_scan_value(struct config_scan *s, const char *t, long line, struct err *e)
{
    const char *eq = strchr(t, '=');
    char *name = config_strip(t, (size_t)(eq - t));
    char *value = config_strip(eq + 1, strlen(eq + 1));
    int rc = ERR_OK;

    if (*name == '\0')
        rc = config_fail(s, line, e, "等号前缺少设置项名称。");
    else if ((value[0] == '"' || value[0] == '\'') && strchr(value + 1, value[0]) == NULL)
        rc = config_fail(s, line, e, "值 %s 的引号 %c 没有配对。", name, value[0]);
    if (rc == ERR_OK) {
        config_lower(name);
        s->seen = xrealloc(s->seen, (s->nseen + 1) * sizeof *s->seen);
        s->seen[s->nseen].key = xasprintf("%s:%s", s->section, name);
        s->seen[s->nseen].line = line;
        s->nseen++;
        s->section_keys++;
    }
    free(name);
    free(value);
    return rc;
}

/* Classifies one logical line (continuations joined) that starts at line. */
static int
config_scan_line(struct config_scan *s, const char *text, long line, int joined, struct err *e)
{
    char *t = config_strip(text, strlen(text));
    int rc = ERR_OK;

    if (t[0] == '\0' || t[0] == ';' || t[0] == '#') {
        if (joined && t[0] != '\0')
            rc = config_fail(s, line, e,
                             "注释以反斜杠 \\ 结尾，会把下一行也当作注释；"
                             "请删掉这个反斜杠。");
    } else if (t[0] == '[') {
        rc = config_scan_section(s, t, line, e);
    } else if (strchr(t, '=')) {
        rc = config_scan_value(s, t, line, e);
    } else {
        char *shown = config_show(t);
        rc = config_fail(s, line, e, "无法理解“%s”：应为 [节名]、名称 = 值，或以 ; 开头的注释。",
                         shown);
        free(shown);
    }
    free(t);
    return rc;
}

/* Scans the text line by line the way iniparser reads it (a line ending in a
 * backslash continues on the next), refusing what iniparser would misread. */
static int
config_scan_text(struct config_scan *s, const char *data, size_t len, struct err *e)
{
    struct strbuf logical = STRBUF_INIT;
    size_t pos = 0, end, raw = 0, n;
    long line = 0, start = 0;
    int rc = ERR_OK;

    strbuf_puts(&logical, "");
    while (rc == ERR_OK && pos < len) {
        for (end = pos; end < len && data[end] != '\n'; end++)
            ;
        if (raw == 0)
            start = line + 1;
        line++;
        raw += end - pos + 1;
        rc = config_scan_bytes(s, data + pos, end - pos, line, e);
        if (rc == ERR_OK && raw > CONFIG_LINE_MAX)
            rc = config_fail(s, start, e, "这一行太长（一行最多 %d 字节）。", CONFIG_LINE_MAX);
        for (n = end - pos; n > 0 && config_space((unsigned char)data[pos + n - 1]); n--)
            ;
        if (rc == ERR_OK && n > 0 && data[pos + n - 1] == '\\') {
            strbuf_add(&logical, data + pos, n - 1);
        } else if (rc == ERR_OK) {
            strbuf_add(&logical, data + pos, end - pos);
            rc = config_scan_line(s, logical.s, start, line > start, e);
            strbuf_reset(&logical);
            strbuf_puts(&logical, "");
            raw = 0;
        }
        pos = end + 1;
    }
    if (rc == ERR_OK && raw > 0)
        rc = config_fail(s, start, e, "以反斜杠 \\ 结尾，但后面没有可接续的行。");
    if (rc == ERR_OK)
        config_scan_end_section(s);
    strbuf_free(&logical);
    return rc;
}

/* ---- loading ---- */

static int
config_seen_cmp(const void *a, const void *b)
{
    const struct config_seen *x = *(const struct config_seen *const *)a;
    const struct config_seen *y = *(const struct config_seen *const *)b;
    int d = strcmp(x->key, y->key);

    return d ? d : (x->line > y->line) - (x->line < y->line);
}

/* Returns, for each seen key, the line that sets it again later (0 if none). */
static long *
config_seen_later(const struct config_scan *s)
{
    const struct config_seen **order = xcalloc(s->nseen + 1, sizeof *order);
    long *later = xcalloc(s->nseen + 1, sizeof *later);
    size_t i;

    for (i = 0; i < s->nseen; i++)
        order[i] = &s->seen[i];
    qsort(order, s->nseen, sizeof *order, config_seen_cmp);
    for (i = 0; i + 1 < s->nseen; i++) {
        if (strcmp(order[i]->key, order[i + 1]->key) == 0)
            later[order[i] - s->seen] = order[i + 1]->line;
    }
    free(order);
    return later;
}

/* Takes the value of every key seen, in file order, as iniparser read it. */
static int
config_apply(struct config_scan *s, const dictionary *ini, struct err *e)
{
    long *later = config_seen_later(s);
    const char *value;
    size_t i;
    int rc = ERR_OK;

    for (i = 0; rc == ERR_OK && i < s->nseen; i++) {
        const struct config_seen *k = &s->seen[i];

        if (later[i]) {
            config_warn(s->c, k->line,
                        "文件 %s 第 %ld 行：%s 在第 %ld 行又设置了一次，以第 %ld 行为准。", s->file,
                        k->line, k->key, later[i], later[i]);
            continue;
        }
        value = iniparser_getstring(ini, k->key, NULL);
        if (value == NULL)
            rc = config_fail(s, k->line, e, "无法读取 %s 的值。", k->key);
        else
            rc = config_accept(s->c, s->file, k->line, k->key, value, e);
    }
    free(later);
    return rc;
}

static const char *
config_errno_text(int code)
{
    switch (code) {
    case ENOENT:
        return "文件不存在";
    case EACCES:
        return "没有读取权限";
    case EISDIR:
        return "这是一个目录";
    default:
        return strerror(code);
    }
}

/* Reads the whole file into *data (NUL-terminated); ERR_IO naming path. */
static int
config_read(const char *path, char **data, size_t *len, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    char chunk[8192];
    struct stat sb;
    size_t n;
    FILE *f;
    int bad;

    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        errno = EISDIR, f = NULL;
    else
        f = fopen(path, "rb");
    if (f == NULL)
        return err_set(e, ERR_IO, "无法读取配置文件 %s：%s。", path, config_errno_text(errno));
    strbuf_puts(&b, "");
    while (b.len <= CONFIG_FILE_MAX && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_add(&b, chunk, n);
    bad = ferror(f);
    fclose(f);
    if (bad || b.len > CONFIG_FILE_MAX) {
        strbuf_free(&b);
        return err_set(e, ERR_IO,
                       bad ? "读取配置文件 %s 时出错。"
                           : "配置文件 %s 太大（超过 1 MB），不像是配置文件。",
                       path);
    }
    *len = b.len;
    *data = strbuf_take(&b);
    return ERR_OK;
}

/* Has iniparser read path, or a copy of data without the byte-order mark
 * that iniparser would take for part of the first line. */
static dictionary *
config_ini_load(const char *path, const char *data, size_t len, int bom)
{
    const char *dir = getenv("TMPDIR");
    char *tmp;
    dictionary *d = NULL;
    FILE *f;
    int fd, ok;

    if (!bom)
        return iniparser_load(path);
    tmp = xasprintf("%s/tuwei-ini-XXXXXX", dir && dir[0] == '/' ? dir : "/tmp");
    if ((fd = mkstemp(tmp)) < 0 || (f = fdopen(fd, "wb")) == NULL) {
        config_ini_complain("无法建立临时文件 %s", tmp);
        if (fd >= 0)
            close(fd), unlink(tmp);
        free(tmp);
        return NULL;
    }
    ok = fwrite(data, 1, len, f) == len;
    ok = (fclose(f) == 0) && ok;
    if (ok)
        d = iniparser_load(tmp);
    else
        config_ini_complain("无法写入临时文件 %s", tmp);
    unlink(tmp);
    free(tmp);
    return d;
}

int
config_ini_read(struct config *c, const char *path, struct err *e)
{
    struct config_scan s = {0};
    dictionary *ini;
    char *data;
    size_t len, i, skip;
    int rc;

    if ((rc = config_read(path, &data, &len, e)) != ERR_OK)
        return rc;
    s.c = c;
    s.file = path;
    s.section = xstrdup("");
    skip = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    rc = config_scan_text(&s, data + skip, len - skip, e);
    if (rc == ERR_OK) {
        strbuf_reset(&config_ini_msg);
        iniparser_set_error_callback(config_ini_complain);
        ini = config_ini_load(path, data + skip, len - skip, skip > 0);
        iniparser_set_error_callback(NULL);
        if (ini == NULL)
            rc = err_set(e, ERR_INVALID, "无法读取配置文件 %s（%s）。", path,
                         config_ini_msg.len ? strbuf_str(&config_ini_msg) : "原因不明");
        else
            rc = config_apply(&s, ini, e);
        if (ini)
            iniparser_freedict(ini);
        strbuf_free(&config_ini_msg);
    }
    for (i = 0; i < s.nseen; i++)
        free(s.seen[i].key);
    free(s.seen);
    free(s.section);
    free(data);
    return rc;
}
