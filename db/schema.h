/* schema.h — the ordered list of migrations. A shipped one is never edited. */
#ifndef TUWEI_SCHEMA_H
#define TUWEI_SCHEMA_H

/* How many migrations there are: the latest schema version. */
int db_schema_count(void);

/* The statements (NULL-terminated) that take the schema from version
 * v - 1 to v (1-based). */
const char *const *db_schema_step(int v);

#endif
