/* version.h — the program's name and version, for --version and the title line. */
#ifndef TUWEI_VERSION_H
#define TUWEI_VERSION_H

/* "tuwei 0.1.0" (static). */
const char *version_string(void);

#endif
