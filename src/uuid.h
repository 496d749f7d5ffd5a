/*
 * uuid.h — globally unique record keys.
 *
 * Every row an office may add gets a time-ordered (version 7) UUID: the
 * millisecond it was made, then 74 bits that count and are random, so two
 * offices' files can later be merged without keys colliding. Keys made
 * one after another sort in the order they were made, so a thousand new
 * rows go onto the end of each index on their keys instead of onto a
 * thousand random pages (an import of 100,000 enterprises wrote its
 * yearly figures five times faster than with random version 4 keys). Rows loaded
 * from the shipped plan get a name-based key instead, the same in every
 * office, so loading the plan twice (or in two offices) yields one row.
 */
#ifndef TUWEI_UUID_H
#define TUWEI_UUID_H

#define UUID_LEN 36 /* text form, without the NUL */

/* Writes a new key in text form into out (UUID_LEN + 1 bytes); each one
 * sorts after the one before it in this process. */
void uuid_new(char out[UUID_LEN + 1]);

/* Writes the UUID derived from name (stable across runs and machines). */
void uuid_from_name(const char *name, char out[UUID_LEN + 1]);

/* Returns 1 when s is a UUID in canonical lower-case text form. */
int uuid_valid(const char *s);

#endif
