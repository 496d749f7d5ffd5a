/*
 * msg.h — the message catalogue: every string the interface shows.
 *
 * The texts live in assets/i18n/messages.csv (columns key,zh_CN,en),
 * compiled into the binary and read once on first use. Screen code asks
 * for a key and never writes a sentence inline, so a language is a column.
 * Placeholders in a text are {1}..{9}, filled by msg_format.
 */
#ifndef TUWEI_MSG_H
#define TUWEI_MSG_H

#include <stddef.h>

/* Marks a string literal as a catalogue key where it is stored rather
 * than looked up at once (in tables); the catalogue test finds it. */
#define MSG_KEY(k) (k)

/* Chooses the language: "zh_CN" (the default) or "en". Returns 0, or -1
 * for a language the catalogue does not have (nothing changes then). */
int msg_set_language(const char *lang);

/* The language in use ("zh_CN" or "en"; static). */
const char *msg_language(void);

/* The text of key in the language in use, else in Chinese, else the key
 * itself, so a missing entry shows up on screen rather than crashing.
 * Borrowed: valid for the life of the program. */
const char *msg(const char *key);

/* The text of key in lang, or NULL when the catalogue lacks it or it is
 * empty (for checks and tests). */
const char *msg_lookup(const char *key, const char *lang);

/* msg(key) with {1}, {2} … replaced by the string arguments, which end
 * with a NULL. The caller frees the result. */
char *msg_format(const char *key, ...);

/* Number of keys in the catalogue, and the i-th key (borrowed). */
size_t msg_count(void);
const char *msg_key(size_t i);

#endif
