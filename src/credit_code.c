/*
 * credit_code.c — checking a unified social credit code (GB 32100-2015).
 *
 * Each of the 31 symbols has a value 0..30; position i (from 1) weighs
 * 3^(i-1) mod 31; the check value is 31 - (sum mod 31), 31 meaning 0.
 */
#include "src/credit_code.h"

#include <stdio.h>
#include <string.h>

static const char credit_code_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static const int credit_code_weights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                            29, 25, 13, 8,  24, 10, 30, 28};

/* The value of symbol c, or -1. */
static int
credit_code_value(char c)
{
    const char *p = c ? strchr(credit_code_alphabet, c) : NULL;

    return p ? (int)(p - credit_code_alphabet) : -1;
}

void
credit_code_normalize(const char *s, char *out, size_t n)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t o = 0;
    unsigned int cp;

    if (n == 0)
        return;
    while (*p && o + 1 < n) {
        /* U+FF10..U+FF5A, the full-width forms of 0-9, A-Z, a-z (EF BC 90 .. EF BD 9A). */
        if (p[0] == 0xef && (p[1] == 0xbc || p[1] == 0xbd) && p[2] >= 0x80 && p[2] <= 0xbf) {
            cp = 0xff00u + ((p[1] == 0xbd) ? 0x40u : 0u) + (p[2] - 0x80u);
            if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) ||
                (cp >= 0xff41 && cp <= 0xff5a)) {
                cp = cp - 0xff00u + 0x20u;
                out[o++] = (char)(cp >= 'a' && cp <= 'z' ? cp - 'a' + 'A' : cp);
                p += 3;
                continue;
            }
        }
        if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) { /* ideographic space */
            p += 3;
            continue;
        }
        if (*p != ' ' && *p != '\t' && *p != '-')
            out[o++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
        p++;
    }
    out[o] = '\0';
    /* Never leave half a UTF-8 character at the end. */
    while (o > 0 && ((unsigned char)out[o - 1] & 0xc0) == 0x80)
        out[--o] = '\0';
    if (o > 0 && ((unsigned char)out[o - 1] & 0xc0) == 0xc0)
        out[--o] = '\0';
}

int
credit_code_check(const char *code, char *expected)
{
    int i, v, sum = 0, want;

    if (code == NULL || *code == '\0')
        return CREDIT_CODE_EMPTY;
    if (strlen(code) != CREDIT_CODE_LEN)
        return CREDIT_CODE_LENGTH;
    for (i = 0; i < CREDIT_CODE_LEN; i++) {
        if ((v = credit_code_value(code[i])) < 0)
            return CREDIT_CODE_CHAR;
        if (i < 17)
            sum += v * credit_code_weights[i];
    }
    want = (31 - sum % 31) % 31;
    if (credit_code_alphabet[want] == code[17])
        return CREDIT_CODE_OK;
    if (expected)
        *expected = credit_code_alphabet[want];
    return CREDIT_CODE_CHECK;
}

const char *
credit_code_explain(int result, const char *code, char expected, char *out, size_t n)
{
    size_t len = code ? strlen(code) : 0;

    switch (result) {
    case CREDIT_CODE_OK:
        snprintf(out, n, "统一社会信用代码校验通过。");
        break;
    case CREDIT_CODE_EMPTY:
        snprintf(out, n, "未填写统一社会信用代码。");
        break;
    case CREDIT_CODE_LENGTH:
        snprintf(out, n, "统一社会信用代码应为18位，这里是%zu位。", len);
        break;
    case CREDIT_CODE_CHAR:
        snprintf(out, n, "统一社会信用代码只能含数字和大写字母（不含 I、O、S、V、Z）。");
        break;
    default:
        snprintf(out, n, "信用代码校验位不符（按前17位应为“%c”而非“%c”），请核对或标为“已核实”。",
                 expected, len ? code[len - 1] : '?');
    }
    return out;
}
