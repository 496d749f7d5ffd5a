/*
 * pilot.c — moving pilot projects through their stages: the gate of
 * required items, the run limit and its one extension, exits, corrections.
 */
#include "src/pilot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/reg.h"
#include "src/strbuf.h"
#include "src/field.h"
#include "src/textw.h"
#include "src/xmalloc.h"
#include "src/date.h"

#define PILOT_WARN_DAYS 90
#define PILOT_TEXT_MAX 3000 /* bytes of an item value or a note: 1,000 汉字 */

void
pilot_rules_from_config(const struct config *cfg, struct pilot_rules *r)
{
    r->run_years = 2;
    r->ext_years = 1;
    r->warn_days = PILOT_WARN_DAYS;
    if (cfg == NULL)
        return;
    if (config_get(cfg, "rules:pilot_run_years"))
        r->run_years = (int)config_get_int(cfg, "rules:pilot_run_years");
    if (config_get(cfg, "rules:pilot_extension_years"))
        r->ext_years = (int)config_get_int(cfg, "rules:pilot_extension_years");
    if (config_get(cfg, "rules:pilot_warn_days"))
        r->warn_days = (int)config_get_int(cfg, "rules:pilot_warn_days");
}

/* 1 for a stage a project can still move on from (not final, not exit). */
static int
pilot_kind_open(const char *kind)
{
    return kind && (strcmp(kind, "step") == 0 || strcmp(kind, "run") == 0);
}

/* The flags for a project with missing items at a stage of kind, and a deadline. */
static int
pilot_flags(const struct pilot_rules *r, const char *today, const char *kind, long missing,
            const char *deadline)
{
    int flags = 0;
    long left;

    if (missing > 0 && pilot_kind_open(kind))
        flags |= PILOT_HELD;
    if (deadline && date_valid(deadline) && date_valid(today)) {
        left = date_diff(today, deadline);
        if (left < 0)
            flags |= PILOT_PAST;
        else if (left <= r->warn_days)
            flags |= PILOT_NEAR;
    }
    return flags;
}

int
pilot_row_flags(const struct pilot_rules *r, const char *today, const struct db_pilot_row *row)
{
    return pilot_flags(r, today, row->stage_kind, row->missing, row->deadline);
}

/* Fills cur, next and the missing count of s from its stages. */
static void
pilot_place(struct pilot_status *s)
{
    size_t i;

    s->cur = -1;
    s->next = -1;
    for (i = 0; i < s->nstages; i++) {
        if (strcmp(s->stages[i].id, s->st.stage_id) == 0)
            s->cur = (long)i;
    }
    if (s->cur >= 0 && !pilot_kind_open(s->stages[s->cur].kind))
        return;
    for (i = s->cur < 0 ? 0 : (size_t)s->cur + 1; i < s->nstages; i++) {
        if (strcmp(s->stages[i].kind, "exit") != 0) {
            s->next = (long)i;
            break;
        }
    }
    for (i = 0; s->cur >= 0 && i < s->stages[s->cur].nitems; i++)
        s->nmissing += s->stages[s->cur].items[i].value == NULL;
}

int
pilot_status_get(struct db *db, const struct pilot_rules *r, const char *today, const char *id,
                 struct pilot_status *out, struct err *e)
{
    int rc;

    memset(out, 0, sizeof *out);
    out->cur = out->next = -1;
    if ((rc = db_pilot_state(db, id, r->run_years, &out->st, e)) != ERR_OK ||
        (rc = db_pilot_stages(db, out->st.id, &out->stages, &out->nstages, e)) != ERR_OK)
        return rc;
    pilot_place(out);
    if (out->st.deadline && date_valid(today))
        out->days_left = date_diff(today, out->st.deadline);
    out->flags = pilot_flags(r, today, out->cur >= 0 ? out->stages[out->cur].kind : NULL,
                             (long)out->nmissing, out->st.deadline);
    return ERR_OK;
}

void
pilot_status_free(struct pilot_status *s)
{
    if (s == NULL)
        return;
    db_pilot_state_free(&s->st);
    db_pilot_stages_free(s->stages, s->nstages);
    memset(s, 0, sizeof *s);
}

char *
pilot_missing_text(const struct pilot_status *s)
{
    struct strbuf b = STRBUF_INIT;
    const struct db_pilot_stage *st;
    size_t i;

    if (s->cur < 0)
        return xstrdup("");
    st = &s->stages[s->cur];
    for (i = 0; i < st->nitems; i++) {
        if (st->items[i].value == NULL)
            strbuf_printf(&b, "%s%s", b.len ? "、" : "", st->items[i].name);
    }
    return b.len ? strbuf_take(&b) : xstrdup("");
}

char *
pilot_gate_message(const struct pilot_status *s)
{
    char *missing, *m;

    if (s->nmissing == 0 || s->cur < 0 || s->next < 0)
        return NULL;
    missing = pilot_missing_text(s);
    m = xasprintf("“%s”阶段还缺少：%s。补齐后才能进入“%s”。", s->stages[s->cur].name, missing,
                  s->stages[s->next].name);
    free(missing);
    return m;
}

/* Refuses to change an archived project. */
static int
pilot_live(const struct pilot_status *s, struct err *e)
{
    if (s->st.archived_at)
        return err_set(e, ERR_INVALID, "中试项目“%s”已删除（归档），请先恢复。", s->st.name);
    return ERR_OK;
}

/* The date of a move into out: typed (today when empty) as a clerk may
 * write it, not after today, not before since. */
static int
pilot_date(const char *typed, const char *today, const char *since, char out[DATE_LEN + 1],
           struct err *e)
{
    struct err why = {0};

    if (date_parse(typed && *typed ? typed : today, out, &why) != ERR_OK)
        return err_field(e, ERR_INVALID, "date", "%s", why.msg);
    if (date_valid(today) && strcmp(out, today) > 0)
        return err_field(e, ERR_INVALID, "date", "日期 %s 晚于今天（%s），不能预先登记。", out,
                         today);
    if (since && strcmp(out, since) < 0)
        return err_field(e, ERR_INVALID, "date", "日期 %s 早于项目进入当前阶段的日期 %s。", out,
                         since);
    return ERR_OK;
}

/* A move to write: the new state and the event. */
struct pilot_move {
    struct db_pilot_state *st;
    const char *kind, *from, *to, *on, *note;
};

static int
pilot_move_tx(struct db *db, void *arg, struct err *e)
{
    struct pilot_move *m = arg;
    int rc = db_pilot_state_put(db, m->st, e);

    if (rc == ERR_OK)
        rc = db_pilot_event_add(db, m->st->id, m->kind, m->from, m->to, m->on, m->note, e);
    return rc;
}

/* Replaces *slot with a copy of v (NULL clears it). */
static void
pilot_set(char **slot, const char *v)
{
    free(*slot);
    *slot = v ? xstrdup(v) : NULL;
}

/* Refuses text typed for field (label for the message) that is not UTF-8,
 * holds control characters other than line breaks, or is longer than a
 * page of notes: what is stored is shown on every screen and report. */
static int
pilot_check_text(const char *field, const char *label, const char *text, struct err *e)
{
    int rc = field_check_text(field, label, text, FIELD_MULTILINE, e);

    if (rc != ERR_OK)
        return rc;
    if (text && strlen(text) > PILOT_TEXT_MAX)
        return err_field(e, ERR_INVALID, field, "%s太长了（最多约 %d 个汉字）。", label,
                         PILOT_TEXT_MAX / 3);
    return ERR_OK;
}

/* Writes s->st moved (a move of kind) to stage to on date, as user, with the event. */
static int
pilot_write_move(struct db *db, const char *user, struct pilot_status *s, const char *kind,
                 const char *to, const char *on, const char *note, struct err *e)
{
    char from[40];
    struct pilot_move m = {&s->st, kind, from, to, on, note};
    int rc;

    if ((rc = pilot_check_text("note", "说明", note, e)) != ERR_OK)
        return rc;
    snprintf(from, sizeof from, "%s", s->st.stage_id);
    if (from[0] == '\0')
        m.from = NULL;
    snprintf(s->st.stage_id, sizeof s->st.stage_id, "%s", to);
    return db_write(db, user, pilot_move_tx, &m, e);
}

/* Refuses a move out of a stage that has none after it. */
static int
pilot_can_move(const struct pilot_status *s, struct err *e)
{
    const struct db_pilot_stage *cur = s->cur >= 0 ? &s->stages[s->cur] : NULL;

    if (cur && strcmp(cur->kind, "final") == 0)
        return err_set(e, ERR_INVALID, "“%s”已是最后阶段，不能再推进。", cur->name);
    if (cur && strcmp(cur->kind, "exit") == 0)
        return err_set(e, ERR_INVALID, "项目已退出基地，不能推进；如属误操作，请先退回。");
    if (s->next < 0)
        return err_set(e, ERR_INVALID, "没有可以进入的下一阶段。");
    return ERR_OK;
}

int
pilot_advance(struct db *db, const char *user, const struct pilot_rules *r, const char *today,
              const char *id, const char *date, const char *note, struct err *e)
{
    struct pilot_status s;
    const struct db_pilot_stage *cur, *next;
    char *missing, on[DATE_LEN + 1];
    int rc;

    if ((rc = pilot_status_get(db, r, today, id, &s, e)) != ERR_OK ||
        (rc = pilot_live(&s, e)) != ERR_OK || (rc = pilot_can_move(&s, e)) != ERR_OK)
        goto out;
    cur = s.cur >= 0 ? &s.stages[s.cur] : NULL;
    next = &s.stages[s.next];
    if ((missing = pilot_gate_message(&s)) != NULL) {
        rc = err_field(e, ERR_INVALID, "items", "%s", missing);
        free(missing);
        goto out;
    }
    if ((rc = pilot_date(date, today, s.st.stage_since, on, e)) != ERR_OK)
        goto out;
    pilot_set(&s.st.stage_since, on);
    if (strcmp(next->kind, "run") == 0 && s.st.run_start == NULL)
        pilot_set(&s.st.run_start, on);
    if (cur && strcmp(cur->kind, "run") == 0)
        pilot_set(&s.st.run_end, on);
    rc = pilot_write_move(db, user, &s, "advance", next->id, on, note, e);
out:
    pilot_status_free(&s);
    return rc;
}

/* The stage project s returns to: where its last move came from, else the
 * stage before its own. -1 when there is none. */
static long
pilot_back_target(struct db *db, const struct pilot_status *s, struct err *e, int *rc)
{
    char from[40];
    long i;

    if ((*rc = db_pilot_last_from(db, s->st.id, from, e)) != ERR_OK)
        return -1;
    for (i = 0; from[0] && i < (long)s->nstages; i++) {
        if (strcmp(s->stages[i].id, from) == 0)
            return i;
    }
    for (i = s->cur - 1; i >= 0; i--) {
        if (strcmp(s->stages[i].kind, "exit") != 0)
            return i;
    }
    return -1;
}

int
pilot_back(struct db *db, const char *user, const char *today, const char *id, const char *date,
           const char *note, struct err *e)
{
    struct pilot_rules r = {2, 1, PILOT_WARN_DAYS};
    struct pilot_status s;
    const char *kind;
    char *why = NULL, on[DATE_LEN + 1];
    long to;
    int rc;

    if ((rc = pilot_status_get(db, &r, today, id, &s, e)) != ERR_OK ||
        (rc = pilot_live(&s, e)) != ERR_OK)
        goto out;
    to = s.cur < 0 ? -1 : pilot_back_target(db, &s, e, &rc);
    if (rc != ERR_OK)
        goto out;
    if (to < 0) {
        rc = err_set(e, ERR_INVALID, "项目在第一阶段，无处可退。");
        goto out;
    }
    if ((rc = pilot_date(date, today, NULL, on, e)) != ERR_OK)
        goto out;
    kind = s.stages[s.cur].kind;
    if (strcmp(kind, "run") == 0)
        pilot_set(&s.st.run_start, NULL); /* the run had not really begun */
    if (strcmp(s.stages[to].kind, "run") == 0)
        pilot_set(&s.st.run_end, NULL);
    if (strcmp(kind, "exit") == 0) {
        pilot_set(&s.st.exit_mode, NULL);
        pilot_set(&s.st.exit_date, NULL);
    }
    pilot_set(&s.st.stage_since, on);
    why = xasprintf("退回%s%s", note && *note ? "：" : "", note ? note : "");
    rc = pilot_write_move(db, user, &s, "back", s.stages[to].id, on, why, e);
out:
    free(why);
    pilot_status_free(&s);
    return rc;
}

/* The item of s that text names (name or code): its stage's first, then any. */
static const struct db_pilot_item *
pilot_find_item(const struct pilot_status *s, const char *text)
{
    const struct db_pilot_stage *st;
    size_t j, k;

    for (k = 0; k <= s->nstages; k++) {
        if (k == 0 && s->cur < 0)
            continue;
        st = k == 0 ? &s->stages[s->cur] : &s->stages[k - 1];
        for (j = 0; j < st->nitems; j++) {
            if (strcmp(st->items[j].name, text) == 0 || strcmp(st->items[j].code, text) == 0)
                return &st->items[j];
        }
    }
    return NULL;
}

struct pilot_item_job {
    const char *project, *item, *value;
};

static int
pilot_item_tx(struct db *db, void *arg, struct err *e)
{
    struct pilot_item_job *j = arg;

    return db_pilot_item_put(db, j->project, j->item, j->value, e);
}

/* Refuses an item a project does not have, listing those of its stage. */
static int
pilot_no_item(const struct pilot_status *s, const char *item, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    const struct db_pilot_stage *st = s->cur >= 0 ? &s->stages[s->cur] : NULL;
    size_t i;

    for (i = 0; st && i < st->nitems; i++)
        strbuf_printf(&b, "%s%s", i ? "、" : "", st->items[i].name);
    err_field(e, ERR_INVALID, "item", "没有名为“%s”的材料项%s%s%s", item,
              b.len ? "；当前阶段需要：" : "。", strbuf_str(&b), b.len ? "。" : "");
    strbuf_free(&b);
    return ERR_INVALID;
}

int
pilot_item_set(struct db *db, const char *user, const char *id, const char *item, const char *value,
               struct err *e)
{
    struct pilot_rules r = {2, 1, PILOT_WARN_DAYS};
    struct pilot_status s;
    const struct db_pilot_item *it;
    struct pilot_item_job j;
    struct err why = {0};
    char day[DATE_LEN + 1];
    int rc;

    if ((rc = pilot_status_get(db, &r, "", id, &s, e)) != ERR_OK ||
        (rc = pilot_live(&s, e)) != ERR_OK)
        goto out;
    if ((it = pilot_find_item(&s, item)) == NULL) {
        rc = pilot_no_item(&s, item, e);
        goto out;
    }
    if (value && *value == '\0')
        value = NULL;
    if (value && strcmp(it->kind, "date") == 0) {
        if (date_parse(value, day, &why) != ERR_OK) {
            rc = err_field(e, ERR_INVALID, "value", "%s：%s", it->name, why.msg);
            goto out;
        }
        value = day;
    } else if (value && (rc = pilot_check_text("value", it->name, value, e)) != ERR_OK)
        goto out;
    j.project = s.st.id;
    j.item = it->id;
    j.value = value;
    rc = db_write(db, user, pilot_item_tx, &j, e);
out:
    pilot_status_free(&s);
    return rc;
}

/* 1 when a stage up to and including s's own has plant on the base. */
static int
pilot_has_plant(const struct pilot_status *s)
{
    long i;

    for (i = 0; i <= s->cur; i++) {
        if (s->stages[i].facilities)
            return 1;
    }
    return 0;
}

/* Checks an exit mode against the exit_mode vocabulary. */
static int
pilot_check_mode(struct db *db, const char *mode, int required, struct err *e)
{
    struct strbuf b = STRBUF_INIT;
    char **names;
    size_t n, i;
    int rc, found = 0;

    if ((rc = db_vocab_list(db, "exit_mode", &names, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n; i++) {
        found |= mode && strcmp(mode, names[i]) == 0;
        strbuf_printf(&b, "%s%s", i ? "、" : "", names[i]);
    }
    if (mode == NULL && required)
        rc = err_field(e, ERR_INVALID, "mode",
                       "项目已在基地建有设施，退出时请注明设施如何处置（%s）。", strbuf_str(&b));
    else if (mode && !found)
        rc = err_field(e, ERR_INVALID, "mode", "退出方式不能是“%s”，可选：%s。", mode,
                       strbuf_str(&b));
    strbuf_free(&b);
    db_strings_free(names, n);
    return rc;
}

int
pilot_exit(struct db *db, const char *user, const char *today, const char *id, const char *mode,
           const char *date, const char *note, struct err *e)
{
    struct pilot_rules r = {2, 1, PILOT_WARN_DAYS};
    struct pilot_status s;
    char exit_id[40], on[DATE_LEN + 1];
    int rc;

    if (mode && *mode == '\0')
        mode = NULL;
    if ((rc = pilot_status_get(db, &r, today, id, &s, e)) != ERR_OK ||
        (rc = pilot_live(&s, e)) != ERR_OK)
        goto out;
    if (s.cur >= 0 && !pilot_kind_open(s.stages[s.cur].kind)) {
        rc = err_set(e, ERR_INVALID, "项目处于“%s”，不能再办理退出。", s.stages[s.cur].name);
        goto out;
    }
    if ((rc = pilot_check_mode(db, mode, pilot_has_plant(&s), e)) != ERR_OK ||
        (rc = pilot_date(date, today, s.st.stage_since, on, e)) != ERR_OK ||
        (rc = db_pilot_stage_first(db, "exit", exit_id, e)) != ERR_OK)
        goto out;
    if (exit_id[0] == '\0') {
        rc = err_set(e, ERR_INVALID, "阶段表中没有“退出”阶段，无法办理退出。");
        goto out;
    }
    if (s.cur >= 0 && strcmp(s.stages[s.cur].kind, "run") == 0)
        pilot_set(&s.st.run_end, on);
    pilot_set(&s.st.exit_mode, mode);
    pilot_set(&s.st.exit_date, on);
    pilot_set(&s.st.stage_since, on);
    rc = pilot_write_move(db, user, &s, "exit", exit_id, on, note, e);
out:
    pilot_status_free(&s);
    return rc;
}

/* Refuses an extension the rules do not allow for s. */
static int
pilot_check_extend(const struct pilot_rules *r, const struct pilot_status *s, int years,
                   const char *date, struct err *e)
{
    if (s->cur < 0 || strcmp(s->stages[s->cur].kind, "run") != 0)
        return err_set(e, ERR_INVALID, "只有处于中试运行阶段的项目才能延期。");
    if (r->ext_years <= 0)
        return err_set(e, ERR_INVALID,
                       "按现行规定，中试运行不能延期（rules:pilot_extension_years = 0）。");
    if (s->st.extension_years > 0)
        return err_set(e, ERR_INVALID, "已于 %s 延期 %d 年；中试运行只能延期一次。",
                       s->st.extended_on ? s->st.extended_on : "此前", s->st.extension_years);
    if (years < 1 || years > r->ext_years)
        return err_field(e, ERR_INVALID, "years", "延期年数应为 1 到 %d 年。", r->ext_years);
    if (s->st.deadline && strcmp(date, s->st.deadline) > 0)
        return err_field(e, ERR_INVALID, "date", "中试运行已于 %s 到期，到期后不能再延期。",
                         s->st.deadline);
    return ERR_OK;
}

int
pilot_extend(struct db *db, const char *user, const struct pilot_rules *r, const char *today,
             const char *id, int years, const char *date, struct err *e)
{
    struct pilot_status s;
    char *why = NULL, stage[40], on[DATE_LEN + 1];
    int rc;

    if ((rc = pilot_status_get(db, r, today, id, &s, e)) != ERR_OK ||
        (rc = pilot_live(&s, e)) != ERR_OK ||
        (rc = pilot_date(date, today, s.st.run_start, on, e)) != ERR_OK ||
        (rc = pilot_check_extend(r, &s, years, on, e)) != ERR_OK)
        goto out;
    s.st.extension_years = years;
    pilot_set(&s.st.extended_on, on);
    why = xasprintf("中试运行延期 %d 年", years);
    snprintf(stage, sizeof stage, "%s", s.st.stage_id);
    rc = pilot_write_move(db, user, &s, "extend", stage, on, why, e);
out:
    free(why);
    pilot_status_free(&s);
    return rc;
}

/* The storage query for f on today; the stage named is resolved into stage. */
static int
pilot_query(struct db *db, const struct pilot_rules *r, const char *today,
            const struct pilot_filter *f, struct db_pilot_query *q, char stage[40], char near[11],
            struct err *e)
{
    char ids[2][40];
    int n, rc;

    memset(q, 0, sizeof *q);
    q->run_years = r->run_years;
    if (f == NULL)
        return ERR_OK;
    q->search = f->search && *f->search ? f->search : NULL;
    q->archived = f->archived;
    q->held = (f->flags & PILOT_HELD) != 0;
    if ((f->flags & PILOT_PAST) && date_valid(today))
        q->past = today;
    if ((f->flags & PILOT_NEAR) && date_valid(today)) {
        date_from_days(date_to_days(today) + r->warn_days, near);
        q->near = near;
    }
    if (f->stage && *f->stage) {
        if ((rc = db_reg_find(db, &db_ref_pilot_stage, f->stage, ids, 2, &n, e)) != ERR_OK)
            return rc;
        if (n != 1)
            return err_field(e, ERR_INVALID, "stage", "没有名为“%s”的阶段。", f->stage);
        memcpy(stage, ids[0], 40);
        q->stage_id = stage;
    }
    return ERR_OK;
}

int
pilot_count(struct db *db, const struct pilot_rules *r, const char *today,
            const struct pilot_filter *f, long *n, struct err *e)
{
    struct db_pilot_query q;
    char stage[40], near[11];
    int rc;

    *n = 0;
    if ((rc = pilot_query(db, r, today, f, &q, stage, near, e)) != ERR_OK)
        return rc;
    return db_pilot_count(db, &q, n, e);
}

int
pilot_page(struct db *db, const struct pilot_rules *r, const char *today,
           const struct pilot_filter *f, long offset, int limit, struct db_pilot_row *out, int *got,
           struct err *e)
{
    struct db_pilot_query q;
    char stage[40], near[11];
    int rc;

    *got = 0;
    if ((rc = pilot_query(db, r, today, f, &q, stage, near, e)) != ERR_OK)
        return rc;
    return db_pilot_page(db, &q, offset, limit, out, got, e);
}

int
pilot_board(struct db *db, const struct pilot_rules *r, const char *today,
            struct db_pilot_board **out, size_t *n, struct err *e)
{
    char near[11];

    *out = NULL;
    *n = 0;
    if (!date_valid(today))
        return err_set(e, ERR_INVALID, "今天的日期“%s”不对。", today);
    date_from_days(date_to_days(today) + r->warn_days, near);
    return db_pilot_board(db, r->run_years, today, near, out, n, e);
}
