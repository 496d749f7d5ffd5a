/*
 * uuid.h — globally unique record keys.
 *
 * Every row an office may add gets a random (version 4) UUID, so two
 * offices' files can later be merged without keys colliding. Rows loaded
 * from the shipped plan get a name-based key instead, the same in every
 * office, so loading the plan twice (or in two offices) yields one row.
 */
#ifndef TUWEI_UUID_H
#define TUWEI_UUID_H

#define UUID_LEN 36 /* text form, without the NUL */

/* Writes a new random UUID in text form into out (UUID_LEN + 1 bytes). */
void uuid_new(char out[UUID_LEN + 1]);

/* Writes the UUID derived from name (stable across runs and machines). */
void uuid_from_name(const char *name, char out[UUID_LEN + 1]);

/* Returns 1 when s is a UUID in canonical lower-case text form. */
int uuid_valid(const char *s);

#endif
