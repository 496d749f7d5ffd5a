/* field.c — the character checks every typed text field shares. */
#include "src/field.h"

#include <string.h>

#include "src/textw.h"

int
field_check_text(const char *field, const char *label, const char *s, int flags, struct err *e)
{
    size_t n = s ? strlen(s) : 0, len;
    unsigned char c;

    for (; n > 0; s += len, n -= len) {
        if ((len = textw_utf8_step(s, n)) == 0)
            return err_field(
                e, ERR_INVALID, field,
                "%s含有无法识别的字节（不是 UTF-8 文字，可能是 GBK 编码），请重新输入。", label);
        c = (unsigned char)*s;
        if (len > 1 || (c >= 0x20 && c != 0x7f))
            continue;
        if ((c == '\n' || c == '\r') && (flags & FIELD_MULTILINE))
            continue;
        if (c == '\t' && (flags & FIELD_TABS))
            continue;
        return err_field(e, ERR_INVALID, field, "%s含有%s，请删去。", label,
                         c == '\n' || c == '\r' ? "换行（只能写一行）" : "制表符或其他控制字符");
    }
    return ERR_OK;
}
