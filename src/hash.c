/* hash.c — the string hash (see hash.h). */
#include "src/hash.h"

unsigned long long
hash_str(const char *s, unsigned long long seed)
{
    unsigned long long h = seed;

    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}
