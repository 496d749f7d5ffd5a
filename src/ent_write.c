/*
 * ent_write.c — the writes that hang off an enterprise: yearly figures,
 * tier changes with their evidence, the service log and subsidies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/date.h"
#include "src/ent_fig.h"
#include "src/ent_tier.h"
#include "src/enterprise.h"
#include "src/textw.h"
#include "src/uuid.h"
#include "src/xmalloc.h"

/* The enterprise must exist and not be archived. */
static int
write_live(struct db *db, const char *id, struct err *e)
{
    struct db_enterprise x;
    int rc = db_ent_get(db, id, &x, e);

    if (rc == ERR_OK && x.archived_at[0])
        rc = err_set(e, ERR_INVALID, "“%s”已删除，请先恢复。", x.name);
    db_ent_free(&x);
    return rc;
}

int
enterprise_figures_check(const struct db_ent_year *y, struct err *e)
{
    static const long long max[] = {
        [ENT_FIG_PEOPLE] = 10000000, [ENT_FIG_MONEY] = 900000000000000LL,
        [ENT_FIG_ITEMS] = 1000000,   [ENT_FIG_LEVEL] = 2,
        [ENT_FIG_SCORE] = 100,       [ENT_FIG_FLAG] = 1,
    };
    int i;

    if (y->year < 1990 || y->year > 2100)
        return err_field(e, ERR_INVALID, "year", "年度应为四位年份（1990-2100）。");
    for (i = 0; i < DB_FIG_COUNT; i++) {
        if (y->v[i] < DB_ENT_UNKNOWN || y->v[i] > max[ent_fig_info[i].kind])
            return err_field(e, ERR_INVALID, db_ent_fig_columns[i], "%s的数值超出范围。",
                             ent_fig_info[i].label);
    }
    if (y->v[DB_FIG_STAFF] >= 0 && y->v[DB_FIG_ST_STAFF] > y->v[DB_FIG_STAFF])
        return err_field(e, ERR_INVALID, "st_staff",
                         "科技人员（%lld人）不能多于职工总数（%lld人）。", y->v[DB_FIG_ST_STAFF],
                         y->v[DB_FIG_STAFF]);
    if (y->v[DB_FIG_RD] >= 0 && y->v[DB_FIG_RD_DOMESTIC] > y->v[DB_FIG_RD])
        return err_field(e, ERR_INVALID, "rd_domestic", "境内研发费用不能多于研发费用。");
    if (y->v[DB_FIG_SALES] >= 0 && y->v[DB_FIG_HT_REVENUE] > y->v[DB_FIG_SALES])
        return err_field(e, ERR_INVALID, "ht_revenue", "高新技术产品收入不能多于销售收入。");
    return ERR_OK;
}

struct write_year {
    const char *id;
    const struct db_ent_year *y;
    int changed;
    int remove;
};

static int
write_year_tx(struct db *db, void *arg, struct err *e)
{
    struct write_year *w = arg;

    if (w->remove)
        return db_ent_year_archive(db, w->id, w->y->year, e);
    return db_ent_year_put(db, w->id, w->y, &w->changed, e);
}

int
enterprise_figures_save(struct db *db, const char *user, const char *id,
                        const struct db_ent_year *y, int *changed, struct err *e)
{
    struct db_ent_year copy = *y;
    struct write_year w = {id, &copy, 0, 0};
    int rc;

    if ((rc = enterprise_figures_check(y, e)) != ERR_OK || (rc = write_live(db, id, e)) != ERR_OK)
        return rc;
    if (!uuid_valid(copy.id))
        uuid_new(copy.id);
    rc = db_write(db, user, write_year_tx, &w, e);
    if (changed)
        *changed = w.changed;
    return rc;
}

int
enterprise_figures_remove(struct db *db, const char *user, const char *id, int year, struct err *e)
{
    struct db_ent_year y = {.year = year};
    struct write_year w = {id, &y, 0, 1};

    return db_write(db, user, write_year_tx, &w, e);
}

/* ---- tiers ---- */

/* Checks a drop: the enterprise must hold the tier on the day. */
static int
write_check_drop(struct db *db, const struct enterprise_tier_change *c, const struct db_tier *t,
                 struct err *e)
{
    struct db_tier_event *ev;
    size_t n;
    int rc, held;

    if ((c->number == NULL || !*c->number) && (c->note == NULL || !*c->note))
        return err_field(e, ERR_INVALID, "note", "请填写调出的原因或文件编号。");
    if ((rc = db_tier_events(db, c->enterprise_id, &ev, &n, e)) != ERR_OK)
        return rc;
    held = ent_tier_holds(ev, n, t->id, c->date, NULL);
    db_tier_events_free(ev, n);
    if (!held)
        return err_field(e, ERR_INVALID, "tier", "该企业在 %s 不是%s，无需调出。", c->date,
                         t->name);
    return ERR_OK;
}

/* Checks an entry's evidence: a number where the tier has numbers, not used twice. */
static int
write_check_enter(struct db *db, const struct enterprise_tier_change *c, const struct db_tier *t,
                  struct err *e)
{
    struct db_tier_event *ev;
    size_t n, i;
    int rc = ERR_OK;

    if (t->number_pattern && *t->number_pattern && (c->number == NULL || !*c->number))
        return err_field(e, ERR_INVALID, "number", "请填写%s的%s。", t->name,
                         strcmp(t->validity, "calendar_year") == 0 ? "登记编号" : "证书编号");
    if (c->number && textw_width(c->number) > 80)
        return err_field(e, ERR_INVALID, "number", "编号太长。");
    if ((rc = db_tier_events(db, c->enterprise_id, &ev, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n && rc == ERR_OK; i++) {
        if (strcmp(ev[i].kind, "enter") == 0 && strcmp(ev[i].tier_id, t->id) == 0 && c->number &&
            *c->number && ev[i].evidence_no && strcmp(ev[i].evidence_no, c->number) == 0)
            rc = err_field(e, ERR_CONFLICT, "number", "编号 %s 已于 %s 登记过。", c->number,
                           ev[i].event_date);
    }
    db_tier_events_free(ev, n);
    return rc;
}

/* Fills the event's validity: given dates checked, missing ones computed. */
static int
write_validity(const struct enterprise_tier_change *c, const struct db_tier *t,
               struct db_tier_event *ev, struct err *e)
{
    ent_tier_validity(t, c->date, c->number, ev->valid_from, ev->valid_to);
    if (c->valid_from && *c->valid_from) {
        if (!date_valid(c->valid_from))
            return err_field(e, ERR_INVALID, "valid_from",
                             "有效期起始日“%s”不对，应写作 YYYY-MM-DD。", c->valid_from);
        snprintf(ev->valid_from, sizeof ev->valid_from, "%s", c->valid_from);
    }
    if (c->valid_to && *c->valid_to) {
        if (!date_valid(c->valid_to))
            return err_field(e, ERR_INVALID, "valid_to",
                             "有效期截止日“%s”不对，应写作 YYYY-MM-DD。", c->valid_to);
        snprintf(ev->valid_to, sizeof ev->valid_to, "%s", c->valid_to);
    }
    if (ev->valid_to[0] && strcmp(ev->valid_to, ev->valid_from) < 0)
        return err_field(e, ERR_INVALID, "valid_to", "有效期截止日早于起始日。");
    return ERR_OK;
}

static int
write_tier_tx(struct db *db, void *arg, struct err *e)
{
    return db_tier_event_insert(db, arg, e);
}

/* Checks c against tier t and builds the event. */
static int
write_tier_event(struct db *db, const struct enterprise_tier_change *c, const struct db_tier *t,
                 struct db_tier_event *ev, struct err *e)
{
    int rc;

    memset(ev, 0, sizeof *ev);
    if ((rc = c->drop ? write_check_drop(db, c, t, e) : write_check_enter(db, c, t, e)) != ERR_OK)
        return rc;
    if (!c->drop && (rc = write_validity(c, t, ev, e)) != ERR_OK)
        return rc;
    uuid_new(ev->id);
    snprintf(ev->enterprise_id, sizeof ev->enterprise_id, "%s", c->enterprise_id);
    snprintf(ev->tier_id, sizeof ev->tier_id, "%s", t->id);
    snprintf(ev->kind, sizeof ev->kind, "%s", c->drop ? "drop" : "enter");
    snprintf(ev->event_date, sizeof ev->event_date, "%s", c->date);
    ev->evidence_no = c->number && *c->number ? xstrdup(c->number) : NULL;
    ev->note = c->note && *c->note ? xstrdup(c->note) : NULL;
    return ERR_OK;
}

int
enterprise_tier_change(struct db *db, const char *user, const struct enterprise_tier_change *c,
                       char *warning, size_t n, struct err *e)
{
    struct db_tier *tiers;
    const struct db_tier *t;
    struct db_tier_event ev;
    size_t nt;
    int rc;

    if (warning && n)
        warning[0] = '\0';
    if ((rc = write_live(db, c->enterprise_id, e)) != ERR_OK)
        return rc;
    if (c->date == NULL || !date_valid(c->date))
        return err_field(e, ERR_INVALID, "date", "日期“%s”不对，应写作 YYYY-MM-DD。",
                         c->date ? c->date : "");
    if ((rc = db_tier_list(db, &tiers, &nt, e)) != ERR_OK)
        return rc;
    if ((t = ent_tier_find(tiers, nt, c->tier)) == NULL)
        rc = err_field(e, ERR_INVALID, "tier", "没有名为“%s”的梯度。", c->tier ? c->tier : "");
    if (rc == ERR_OK)
        rc = write_tier_event(db, c, t, &ev, e);
    if (rc == ERR_OK && !c->drop && warning && n)
        ent_tier_number_warning(t, c->number, c->date, warning, n);
    if (rc == ERR_OK) {
        rc = db_write(db, user, write_tier_tx, &ev, e);
        free(ev.evidence_no);
        free(ev.note);
    }
    db_tier_list_free(tiers, nt);
    return rc;
}

static int
write_undo_tx(struct db *db, void *arg, struct err *e)
{
    return db_tier_event_archive(db, arg, e);
}

int
enterprise_tier_undo(struct db *db, const char *user, const char *event_id, struct err *e)
{
    char id[DB_ID_LEN];

    snprintf(id, sizeof id, "%s", event_id);
    return db_write(db, user, write_undo_tx, id, e);
}

/* ---- service log and subsidies ---- */

static int
write_service_tx(struct db *db, void *arg, struct err *e)
{
    return db_ent_service_insert(db, arg, e);
}

int
enterprise_service_add(struct db *db, const char *user, struct db_ent_service *s, struct err *e)
{
    int rc;

    if ((rc = write_live(db, s->enterprise_id, e)) != ERR_OK)
        return rc;
    if (!date_valid(s->service_date))
        return err_field(e, ERR_INVALID, "service_date", "服务日期不对，应写作 YYYY-MM-DD。");
    if (s->follow_up[0] && !date_valid(s->follow_up))
        return err_field(e, ERR_INVALID, "follow_up", "回访日期不对，应写作 YYYY-MM-DD。");
    if (s->follow_up[0] && strcmp(s->follow_up, s->service_date) < 0)
        return err_field(e, ERR_INVALID, "follow_up", "回访日期早于服务日期。");
    if ((s->asked == NULL || !*s->asked) && (s->done == NULL || !*s->done))
        return err_field(e, ERR_INVALID, "asked", "请至少填写企业诉求或办理情况之一。");
    if (s->asked && textw_width(s->asked) > 2000)
        return err_field(e, ERR_INVALID, "asked", "企业诉求太长：最多约 1000 个汉字。");
    if (s->done && textw_width(s->done) > 2000)
        return err_field(e, ERR_INVALID, "done", "办理情况太长：最多约 1000 个汉字。");
    uuid_new(s->id);
    return db_write(db, user, write_service_tx, s, e);
}

static int
write_subsidy_tx(struct db *db, void *arg, struct err *e)
{
    return db_ent_subsidy_insert(db, arg, e);
}

int
enterprise_subsidy_add(struct db *db, const char *user, struct db_ent_subsidy *s, struct err *e)
{
    int rc;

    if ((rc = write_live(db, s->enterprise_id, e)) != ERR_OK)
        return rc;
    if (!date_valid(s->paid_date))
        return err_field(e, ERR_INVALID, "paid_date", "兑现日期不对，应写作 YYYY-MM-DD。");
    if (s->kind == NULL || *s->kind == '\0')
        return err_field(e, ERR_INVALID, "kind", "请填写奖补类别（如 高企认定奖励）。");
    if (textw_width(s->kind) > 80)
        return err_field(e, ERR_INVALID, "kind", "奖补类别太长：最多约 40 个汉字。");
    if (s->amount < 0)
        return err_field(e, ERR_INVALID, "amount", "请填写金额（元或万元，如 20万元）。");
    uuid_new(s->id);
    return db_write(db, user, write_subsidy_tx, s, e);
}

struct write_remove {
    const char *which, *id;
};

static int
write_remove_tx(struct db *db, void *arg, struct err *e)
{
    struct write_remove *w = arg;

    return db_ent_record_archive(db, w->which, w->id, e);
}

int
enterprise_record_remove(struct db *db, const char *user, const char *which, const char *id,
                         struct err *e)
{
    struct write_remove w = {which, id};

    return db_write(db, user, write_remove_tx, &w, e);
}
