/*
 * task.h — storage of the actions' tasks and what hangs on them: the
 * responsible units (one lead, any co-responsible), links to enterprises
 * and institutions, milestones, monthly progress reports; the pages and
 * tallies lists and summaries read; a task's history from the change log.
 *
 * No business rules here: src/task*.c validates and decides, then calls
 * the writers below inside db_write(). The one rule the queries must know,
 * which tasks are overdue or stale, comes in as plain dates in struct
 * db_task_rules (src/task_rules.h computes them), so the definition lives
 * in src/ and the SQL only compares.
 *
 * Strings in returned structs are the caller's, freed with the matching
 * _free; fixed-size fields ("" when unset) need no freeing.
 */
#ifndef TUWEI_DB_TASK_H
#define TUWEI_DB_TASK_H

#include <stddef.h>

#include "db/db.h"

#define DB_TASK_ID 40   /* a UUID and its NUL, with room to spare */
#define DB_TASK_DATE 11 /* YYYY-MM-DD */
#define DB_TASK_TIME 24 /* YYYY-MM-DDTHH:MM:SSZ */

/* The dates the overdue and stale rules compare against. A live task whose
 * status is not a done one is overdue when its due date or an undone
 * milestone's is before today, and stale when its latest report (or, with
 * none, its start date, or else the day it was created) is before
 * stale_before. */
struct db_task_rules {
    char today[DB_TASK_DATE];
    char stale_before[DB_TASK_DATE];
};

struct db_task_status {
    char id[DB_TASK_ID];
    char code[32];
    char name[64];
    int is_done;
};

/* One task as stored. For writing, the caller owns the strings. */
struct db_task {
    char id[DB_TASK_ID];
    char action_id[DB_TASK_ID];
    int action_no, no;
    char *action_name; /* read only */
    char *title, *body;
    char status_id[DB_TASK_ID];
    char status[64]; /* its name (read only) */
    int status_done; /* read only */
    char start_date[DB_TASK_DATE], due_date[DB_TASK_DATE];
    int percent;
    char report_last[DB_TASK_DATE], milestone_due[DB_TASK_DATE]; /* caches, read only */
    char archived_at[DB_TASK_TIME];
    char created_at[DB_TASK_TIME], updated_at[DB_TASK_TIME];
    char *created_by, *updated_by; /* read only */
};

struct db_task_unit {
    char unit_id[DB_TASK_ID];
    char *name;
    int lead; /* 1 for the lead unit, 0 for a co-responsible one */
};

enum db_task_link_kind {
    DB_TASK_LINK_ENTERPRISE,
    DB_TASK_LINK_INSTITUTION,
};

struct db_task_link {
    char id[DB_TASK_ID]; /* the enterprise's or institution's */
    char *name;
};

struct db_milestone {
    char id[DB_TASK_ID];
    char task_id[DB_TASK_ID];
    char *title;
    char due_date[DB_TASK_DATE], done_date[DB_TASK_DATE];
    char archived_at[DB_TASK_TIME];
};

struct db_report {
    char id[DB_TASK_ID];
    char task_id[DB_TASK_ID];
    char report_date[DB_TASK_DATE];
    char period[8];
    char *progress, *problems, *next_steps;
    char unit_id[DB_TASK_ID];
    char *unit; /* the unit's name (read only) */
    char *person;
    char archived_at[DB_TASK_TIME];
    char *created_by; /* read only */
};

/* --- reading one task ------------------------------------------------ */

/* The task with key id, archived or not; ERR_NOTFOUND when none. */
int db_task_get(struct db *db, const char *id, struct db_task *out, struct err *e);
void db_task_free(struct db_task *t);

/* Keys of tasks (archived too) whose key starts with prefix: up to max into
 * ids, the total matching into *n. */
int db_task_by_prefix(struct db *db, const char *prefix, char ids[][DB_TASK_ID], size_t max,
                      size_t *n, struct err *e);

/* The task numbered action_no.no in the latest plan; ERR_NOTFOUND when none. */
int db_task_by_number(struct db *db, int action_no, int no, char id[DB_TASK_ID], struct err *e);

/* The next free task number in an action (archived tasks keep theirs). */
int db_task_next_no(struct db *db, const char *action_id, int *no, struct err *e);

/* The action numbered no in the latest plan: its key; ERR_NOTFOUND when none. */
int db_task_action_by_no(struct db *db, int no, char id[DB_TASK_ID], struct err *e);

/* The task statuses in their order. */
int db_task_statuses(struct db *db, struct db_task_status **out, size_t *n, struct err *e);

/* The task's units, the lead first, then the others in the order given. */
int db_task_units(struct db *db, const char *task_id, struct db_task_unit **out, size_t *n,
                  struct err *e);
void db_task_units_free(struct db_task_unit *u, size_t n);

/* The task's linked enterprises or institutions, by name. */
int db_task_links(struct db *db, const char *task_id, enum db_task_link_kind kind,
                  struct db_task_link **out, size_t *n, struct err *e);
void db_task_links_free(struct db_task_link *l, size_t n);

/* --- names --------------------------------------------------------- */

/* The live unit called name or known by it as an alias: its key and
 * official name (name_out, size bytes). ERR_NOTFOUND when none. */
int db_unit_lookup(struct db *db, const char *name, char id[DB_TASK_ID], char *name_out,
                   size_t size, struct err *e);

/* Every live unit's name, in the plan's order; the caller frees each and the array. */
int db_unit_names(struct db *db, char ***out, size_t *n, struct err *e);

/* The name of the unit with key id (archived too) into name (size bytes). */
int db_unit_name(struct db *db, const char *id, char *name, size_t size, struct err *e);

/* The name of the enterprise or institution with key id into name. */
int db_task_link_name(struct db *db, enum db_task_link_kind kind, const char *id, char *name,
                      size_t size, struct err *e);

/* The live enterprise (by name or short name) or institution called name. */
int db_task_link_lookup(struct db *db, enum db_task_link_kind kind, const char *name,
                        char id[DB_TASK_ID], struct err *e);

/* --- writing (inside db_write) ------------------------------------- */

/* Inserts t (id, action_id, no, title, body, status_id, dates, percent). */
int db_task_insert(struct db *db, const struct db_task *t, struct err *e);

/* Updates the editable columns of t (title, body, status, dates, percent). */
int db_task_update(struct db *db, const struct db_task *t, struct err *e);

/* Archives the task (at = a timestamp) or, with at NULL, restores it. */
int db_task_archive(struct db *db, const char *id, const char *at, struct err *e);

/* Makes lead_id the lead and co_ids[0..nco) the co-responsible units of the
 * task, adding, changing and removing rows only where they differ. */
int db_task_set_units(struct db *db, const char *task_id, const char *lead_id,
                      const char *const *co_ids, size_t nco, struct err *e);

/* Makes ids[0..n) the task's links of kind, adding and removing rows as needed. */
int db_task_set_links(struct db *db, const char *task_id, enum db_task_link_kind kind,
                      const char *const *ids, size_t n, struct err *e);

/* --- milestones and reports ---------------------------------------- */

/* The task's milestones by due date (undated last); archived ones only
 * when with_archived. */
int db_milestones(struct db *db, const char *task_id, int with_archived, struct db_milestone **out,
                  size_t *n, struct err *e);
int db_milestone_get(struct db *db, const char *id, struct db_milestone *out, struct err *e);
void db_milestone_free(struct db_milestone *m);
void db_milestones_free(struct db_milestone *m, size_t n);

/* Inside db_write: insert or update (title, dates) m, or archive it (at)
 * or restore it (at NULL). Each keeps the task's milestone_due current. */
int db_milestone_insert(struct db *db, const struct db_milestone *m, struct err *e);
int db_milestone_update(struct db *db, const struct db_milestone *m, struct err *e);
int db_milestone_archive(struct db *db, const char *id, const char *at, struct err *e);

/* How many live reports the task has. */
int db_reports_count(struct db *db, const char *task_id, long *n, struct err *e);

/* A page of the task's live reports, the latest first. */
int db_reports_page(struct db *db, const char *task_id, long offset, int limit,
                    struct db_report **out, size_t *n, struct err *e);
int db_report_get(struct db *db, const char *id, struct db_report *out, struct err *e);
void db_report_free(struct db_report *r);
void db_reports_free(struct db_report *r, size_t n);

/* Inside db_write: insert, update or archive (at) / restore (at NULL) a
 * report. Each keeps the task's report_last current. */
int db_report_insert(struct db *db, const struct db_report *r, struct err *e);
int db_report_update(struct db *db, const struct db_report *r, struct err *e);
int db_report_archive(struct db *db, const char *id, const char *at, struct err *e);

/* Keys of reports / milestones (archived too) starting with prefix: up to
 * max into ids, the total matching into *n. */
int db_report_by_prefix(struct db *db, const char *prefix, char ids[][DB_TASK_ID], size_t max,
                        size_t *n, struct err *e);
int db_milestone_by_prefix(struct db *db, const char *prefix, char ids[][DB_TASK_ID], size_t max,
                           size_t *n, struct err *e);

/* Which kind of record the key id is: "task", "task_milestone",
 * "task_report" (static strings), or NULL when none of them. */
const char *db_task_record_kind(struct db *db, const char *id);

/* --- lists and tallies --------------------------------------------- */

enum db_task_sort {
    DB_TASK_SORT_PLAN,   /* action, then number */
    DB_TASK_SORT_DUE,    /* due date, undated last */
    DB_TASK_SORT_STATUS, /* status order, then number */
    DB_TASK_SORT_UNIT,   /* lead unit's name */
    DB_TASK_SORT_LATE,   /* overdue first, then stale, then due date */
};

/* Which tasks a list shows. NULL or 0 members do not filter. */
struct db_task_query {
    const char *action_id;
    const char *unit_id; /* leads or shares the task */
    const char *status_id;
    int overdue, stale; /* only overdue / only stale ones */
    const char *search; /* text in the title or text */
    int archived;       /* 1: the archived tasks instead of the live ones */
    enum db_task_sort sort;
    struct db_task_rules rules;
};

struct db_task_item {
    char id[DB_TASK_ID];
    int action_no, no;
    char *title;
    char status[64];
    int status_done;
    char *lead_unit; /* NULL when none */
    char due_date[DB_TASK_DATE];
    int percent;
    int overdue, stale;
    char report_last[DB_TASK_DATE];
    int lead; /* with a unit filter: 1 when that unit leads the task */
};

/* How many tasks q selects. */
int db_task_count(struct db *db, const struct db_task_query *q, long *n, struct err *e);

/* Rows offset .. offset+limit of q's list, in q's order. */
int db_task_page(struct db *db, const struct db_task_query *q, long offset, int limit,
                 struct db_task_item **out, size_t *n, struct err *e);
void db_task_items_free(struct db_task_item *t, size_t n);

#define DB_TASK_STATUS_MAX 16

/* Counts of live tasks for one action (or one unit). by_status follows the
 * order of db_task_statuses. */
struct db_task_tally {
    char id[DB_TASK_ID]; /* the action's or unit's */
    int no;              /* the action's number; 0 for a unit */
    char *name;
    long total, overdue, stale, done;
    long by_status[DB_TASK_STATUS_MAX];
    long lead, co;    /* units: tasks led and shared */
    long percent_sum; /* for the average */
};

/* Both tallies below from one pass over the tasks; either output may be NULL. */
int db_task_tally(struct db *db, const struct db_task_rules *rules, struct db_task_tally **acts,
                  size_t *nacts, struct db_task_tally **units, size_t *nunits, struct err *e);

/* Every action of the latest plan with its counts, in order. */
int db_task_tally_actions(struct db *db, const struct db_task_rules *rules,
                          struct db_task_tally **out, size_t *n, struct err *e);

/* Every live unit with its counts, the most overdue and stale first. */
int db_task_tally_units(struct db *db, const struct db_task_rules *rules,
                        struct db_task_tally **out, size_t *n, struct err *e);
void db_task_tallies_free(struct db_task_tally *t, size_t n);

/* --- history -------------------------------------------------------- */

struct db_task_change_field {
    char *key;
    char *old_value, *new_value; /* NULL when null or absent */
};

/* One change-log entry of a task or one of its rows. */
struct db_task_change {
    long long seq;
    char at[DB_TASK_TIME];
    char *user;
    char tbl[32];
    char row_key[DB_TASK_ID];
    char op[8]; /* insert, update, delete */
    struct db_task_change_field *f;
    size_t nf;
};

/* Every change to the task and to its units, links, milestones and
 * reports, oldest first. */
int db_task_history(struct db *db, const char *task_id, struct db_task_change **out, size_t *n,
                    struct err *e);
void db_task_history_free(struct db_task_change *h, size_t n);

#endif
