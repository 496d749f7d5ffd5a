/*
 * replay.c — runs a fuzz target over files, so its corpus is a test on
 * every build. With clang's -fsanitize=fuzzer the target links against
 * libFuzzer instead and this file is left out.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int main(int argc, char **argv);

static int
replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    long n;
    uint8_t *buf;

    if (f == NULL)
        return 1;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc(n > 0 ? (size_t)n : 1);
    if (n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return 1;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(buf, n > 0 ? (size_t)n : 0);
    free(buf);
    return 0;
}

int
main(int argc, char **argv)
{
    int i, count = 0;
    struct stat sb;
    DIR *d;
    struct dirent *de;
    char path[4096];

    for (i = 1; i < argc; i++) {
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode) && (d = opendir(argv[i]))) {
            while ((de = readdir(d)) != NULL) {
                if (de->d_name[0] == '.')
                    continue;
                snprintf(path, sizeof path, "%s/%s", argv[i], de->d_name);
                count += replay_file(path) == 0;
            }
            closedir(d);
        } else {
            count += replay_file(argv[i]) == 0;
        }
    }
    printf("replayed %d inputs\n", count);
    return count > 0 ? 0 : 1; /* an empty or missing corpus is a broken test */
}
