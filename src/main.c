/* main.c — placeholder until the command line lands. */
#include <stdio.h>

int main(void);

int
main(void)
{
    puts("tuwei " TUWEI_VERSION);
    return 0;
}
