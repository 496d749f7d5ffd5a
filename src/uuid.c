/* uuid.c — random and name-based record keys. */
#include "src/uuid.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "src/hash.h"

static void
uuid_format(const unsigned char b[16], char out[UUID_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    int i, o = 0;

    for (i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[b[i] >> 4];
        out[o++] = hex[b[i] & 15];
    }
    out[o] = '\0';
}

/* Fills b with random bytes; falls back to a time-seeded mix if the kernel refuses. */
static void
uuid_random_bytes(unsigned char *b, size_t n)
{
    size_t got = 0;
    ssize_t r;
    uint64_t x;

    while (got < n) {
        r = getrandom(b + got, n - got, 0);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (got == n)
        return;
    x = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) ^ (uint64_t)clock();
    for (; got < n; got++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        b[got] = (unsigned char)(x >> 24);
    }
}

/* The next 16 random bytes from a pool filled by the kernel 64 keys at a
 * time (an import makes one key per row; a system call each was a tenth
 * of its time). */
static void
uuid_take(unsigned char b[16])
{
    static unsigned char pool[16 * 64];
    static size_t used = sizeof pool;

    if (used == sizeof pool) {
        uuid_random_bytes(pool, sizeof pool);
        used = 0;
    }
    memcpy(b, pool + used, 16);
    memset(pool + used, 0, 16);
    used += 16;
}

void
uuid_new(char out[UUID_LEN + 1])
{
    unsigned char b[16];

    uuid_take(b);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    uuid_format(b, out);
}

void
uuid_new_ordered(char out[UUID_LEN + 1])
{
    static uint64_t last_ms, seq;
    struct timespec ts;
    unsigned char b[16];
    uint64_t ms;
    int i;

    uuid_take(b);
    clock_gettime(CLOCK_REALTIME, &ts);
    ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
    /* Within one millisecond (or if the clock steps back) the 12 bits
     * after the version count up from a random start below 1024; when
     * they run out the key borrows the next millisecond. */
    if (ms > last_ms) {
        last_ms = ms;
        seq = (uint64_t)(b[6] & 0x03) << 8 | b[7];
    } else if (++seq > 0xfff) {
        last_ms++;
        seq = 0;
    }
    for (i = 0; i < 6; i++)
        b[i] = (unsigned char)(last_ms >> (40 - 8 * i));
    b[6] = (unsigned char)(0x70 | (seq >> 8));
    b[7] = (unsigned char)seq;
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    uuid_format(b, out);
}

void
uuid_from_name(const char *name, char out[UUID_LEN + 1])
{
    unsigned char b[16];
    uint64_t h1 = hash_str(name, HASH_SEED);
    uint64_t h2 = hash_str(name, h1 ^ 0x9e3779b97f4a7c15ULL);
    int i;

    for (i = 0; i < 8; i++) {
        b[i] = (unsigned char)(h1 >> (56 - 8 * i));
        b[8 + i] = (unsigned char)(h2 >> (56 - 8 * i));
    }
    /* Version 8 (custom), RFC 9562 variant. */
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x80);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    uuid_format(b, out);
}

int
uuid_valid(const char *s)
{
    int i;

    if (s == NULL || strlen(s) != UUID_LEN)
        return 0;
    for (i = 0; i < UUID_LEN; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return 0;
        } else if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) {
            return 0;
        }
    }
    return 1;
}
