/*
 * hash.h — one string hash for the program's lookup tables and name keys.
 */
#ifndef TUWEI_HASH_H
#define TUWEI_HASH_H

#define HASH_SEED 0xcbf29ce484222325ULL /* FNV-1a's offset basis */

/* 64-bit FNV-1a over s from seed, then splitmix64's finish, so that every
 * bit of the result depends on every byte (keys that differ only in their
 * last characters land far apart in a table). */
unsigned long long hash_str(const char *s, unsigned long long seed);

#endif
