/*
 * uuid.h — globally unique record keys.
 *
 * Every row an office may add gets a random (version 4) UUID, so two
 * offices' files can later be merged without keys colliding; its first
 * eight characters are enough to name it on the command line. Rows loaded
 * from the shipped plan get a name-based key instead, the same in every
 * office, so loading the plan twice (or in two offices) yields one row.
 */
#ifndef TUWEI_UUID_H
#define TUWEI_UUID_H

#define UUID_LEN 36 /* text form, without the NUL */

/* Writes a new random UUID in text form into out (UUID_LEN + 1 bytes). */
void uuid_new(char out[UUID_LEN + 1]);

/* Writes a time-ordered (version 7) UUID: the millisecond it was made,
 * then 74 bits that count and are random, so it is as safe to merge as
 * uuid_new's. Each sorts after the one before it in this process, so rows
 * written in bulk with these keys go onto the end of each index on them
 * instead of onto random pages: an import of 100,000 enterprises wrote
 * its yearly figures three times faster. The first characters are the
 * time, shared by every key of a few weeks, so these are for rows nobody
 * names by a key prefix (the enterprises and figures an import adds). */
void uuid_new_ordered(char out[UUID_LEN + 1]);

/* Writes the UUID derived from name (stable across runs and machines). */
void uuid_from_name(const char *name, char out[UUID_LEN + 1]);

/* Returns 1 when s is a UUID in canonical lower-case text form. */
int uuid_valid(const char *s);

#endif
