/*
 * credit_code.h — the unified social credit code (统一社会信用代码,
 * GB 32100-2015): 18 characters over 0-9 and A-Y without I O S V Z, the
 * last a check character computed from the first 17.
 */
#ifndef TUWEI_CREDIT_CODE_H
#define TUWEI_CREDIT_CODE_H

#include <stddef.h>

#define CREDIT_CODE_LEN 18

enum credit_code_result {
    CREDIT_CODE_OK = 0,
    CREDIT_CODE_EMPTY,  /* nothing given */
    CREDIT_CODE_LENGTH, /* not 18 characters */
    CREDIT_CODE_CHAR,   /* a character outside the code's alphabet */
    CREDIT_CODE_CHECK,  /* the check character does not match */
};

/* Writes s as a code would be stored into out (size n): spaces removed,
 * full-width digits and letters folded to ASCII, letters upper-cased.
 * Other characters are kept, so the check can name them. */
void credit_code_normalize(const char *s, char *out, size_t n);

/* Checks the normalised code; on CREDIT_CODE_CHECK *expected (when not
 * NULL) gets the check character the first 17 call for. */
int credit_code_check(const char *code, char *expected);

/* A clerk's sentence for a result of credit_code_check about code. The
 * caller's buffer out (size n) receives it; returns out. */
const char *credit_code_explain(int result, const char *code, char expected, char *out, size_t n);

#endif
