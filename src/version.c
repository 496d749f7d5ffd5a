/* version.c — the program's version string (linked with the ui library). */
#include "src/version.h"

const char *
version_string(void)
{
    return "tuwei " TUWEI_VERSION;
}
