/*
 * task.h — the tasks of the seven actions: finding one, adding and editing
 * one with its responsible units and links, changing its status, deleting
 * (archiving) and restoring.
 *
 * Input is text as a clerk typed it (a form or the command line); every
 * function checks it and answers a mistake with ERR_INVALID, a Chinese
 * message and the field at fault (e->field: "action", "title", "body",
 * "lead", "co", "enterprises", "institutions", "start_date", "due_date",
 * "status", "percent"). Each write is one db_write transaction, so the
 * change log records it with the acting user.
 */
#ifndef TUWEI_TASK_H
#define TUWEI_TASK_H

#include <stddef.h>

#include "db/db.h"
#include "db/task.h"

/* What a clerk typed. For task_update, NULL leaves a field as it is and ""
 * clears it (title and lead cannot be cleared); for task_add, NULL is
 * empty. Unit, enterprise and institution lists are names separated by
 * 、 ， , ; ； or line breaks; a unit may be named by an alias. Dates take
 * any form date_parse reads. Status is a name (推进中) or a code. */
struct task_input {
    const char *action; /* task_add only: the action's number, 1-7 */
    const char *title;
    const char *body;
    const char *lead;
    const char *co;
    const char *enterprises;
    const char *institutions;
    const char *start_date;
    const char *due_date;
    const char *status;  /* default for a new task: the first status (未启动) */
    const char *percent; /* 0-100; a done status with no percent given sets 100 */
};

/* Finds a task by its key, a unique prefix of it (4 characters at least),
 * or its number in the plan ("6.5"); archived tasks too. The key goes to
 * id; ERR_NOTFOUND or ERR_INVALID (ambiguous, malformed) with a message. */
int task_find(struct db *db, const char *ref, char id[DB_TASK_ID], struct err *e);

/* A db/ function listing keys that start with a prefix (db_task_by_prefix …). */
typedef int (*task_prefix_fn)(struct db *db, const char *prefix, char ids[][DB_TASK_ID], size_t max,
                              size_t *n, struct err *e);

/* Finds the one record whose key starts with ref (4 characters at least)
 * through fn; what names the kind of record in messages ("进展报送"). */
int task_find_key(struct db *db, task_prefix_fn fn, const char *ref, const char *what,
                  char id[DB_TASK_ID], struct err *e);

/* Adds a task as user; its key goes to id (may be NULL). */
int task_add(struct db *db, const char *user, const struct task_input *in, char id[DB_TASK_ID],
             struct err *e);

/* Changes the fields in given for the live task id. */
int task_update(struct db *db, const char *user, const char *id, const struct task_input *in,
                struct err *e);

/* Sets the status (name or code) of the live task id; a done status also
 * sets the percent to 100. */
int task_set_status(struct db *db, const char *user, const char *id, const char *status,
                    struct err *e);

/* Deletes the task: archives it with its milestones and reports kept, so
 * task_restore brings it back whole. */
int task_archive(struct db *db, const char *user, const char *id, struct err *e);

/* Brings back an archived task, milestone or progress report by its key;
 * ERR_INVALID when it is not archived. *what (may be NULL) gets "任务",
 * "里程碑" or "进展报送". */
int task_restore(struct db *db, const char *user, const char *id, const char **what, struct err *e);

/* Resolves one unit name (or alias) to its key and official name; an
 * unknown name gets a message naming field and, when one unit's name
 * contains the text, suggesting it. */
int task_unit_resolve(struct db *db, const char *name, const char *field, char id[DB_TASK_ID],
                      char *official, size_t size, struct err *e);

/* The status called name (or with code name) among the rows; ERR_INVALID
 * listing the statuses otherwise. */
int task_status_resolve(struct db *db, const char *name, const char *field,
                        struct db_task_status *out, struct err *e);

/* Splits a typed list of names at 、 ， , ; ； and line breaks, trimming
 * spaces and dropping empty and repeated names. The caller frees each
 * name and the array. */
char **task_split_names(const char *text, size_t *n);

/* Frees what task_split_names returned. */
void task_names_free(char **names, size_t n);

/* A copy of s without blanks (spaces, tabs, line breaks, U+3000) at
 * either end; the caller frees it. */
char *task_trim(const char *s);

/* Reads a typed percent, 0-100 (a trailing % is allowed), into *out;
 * ERR_INVALID at field "percent" otherwise. */
int task_parse_percent(const char *text, int *out, struct err *e);

/* Turns the error in e into ERR_INVALID at field, keeping its message;
 * returns ERR_INVALID. */
int task_refield(struct err *e, const char *field);

/* Writes the task's plan number ("6.5") into buf. */
void task_number(const struct db_task *t, char *buf, size_t size);

#endif
