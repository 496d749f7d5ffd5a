/*
 * enterprise.c — the writes of the enterprise register: enterprises,
 * yearly figures, tier changes, service log and subsidies. Each checks its
 * input, then writes in one transaction.
 */
#include "src/enterprise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/ent_list.h"
#include "src/credit_code.h"
#include "src/date.h"
#include "src/ent_eval.h"
#include "src/ent_fig.h"
#include "src/ent_tier.h"
#include "src/field.h"
#include "src/strbuf.h"
#include "src/textw.h"
#include "src/uuid.h"

int
enterprise_bool(const char *s)
{
    static const char *const yes[] = {"是",   "有", "yes", "y",    "1",    "true", "√",
                                      "规上", "Y",  "YES", "True", "TRUE", "是的", NULL};
    static const char *const no[] = {"否",   "无", "no", "n",     "0",     "false", "×",
                                     "规下", "N",  "NO", "False", "FALSE", "不是",  NULL};
    size_t i;

    for (i = 0; s && yes[i]; i++) {
        if (strcmp(s, yes[i]) == 0)
            return 1;
    }
    for (i = 0; s && no[i]; i++) {
        if (strcmp(s, no[i]) == 0)
            return 0;
    }
    return -1;
}

/* Removes ASCII and ideographic spaces around s, in place; NULL stays NULL. */
static void
ent_trim(char *s)
{
    size_t n, start = 0;

    if (s == NULL)
        return;
    n = strlen(s);
    for (;;) {
        if (start < n &&
            (s[start] == ' ' || s[start] == '\t' || s[start] == '\r' || s[start] == '\n'))
            start++;
        else if (n - start >= 3 && strncmp(s + start, "　", 3) == 0)
            start += 3;
        else
            break;
    }
    for (;;) {
        if (n > start &&
            (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
            n--;
        else if (n - start >= 3 && strncmp(s + n - 3, "　", 3) == 0)
            n -= 3;
        else
            break;
    }
    memmove(s, s + start, n - start);
    s[n - start] = '\0';
}

int
enterprise_field_id(struct db *db, const char *name, char id[DB_ID_LEN], struct err *e)
{
    struct db_field *f;
    struct strbuf b = STRBUF_INIT;
    size_t n, i;
    int rc;

    id[0] = '\0';
    if (name == NULL || *name == '\0')
        return ERR_OK;
    if ((rc = db_field_list(db, &f, &n, e)) != ERR_OK)
        return rc;
    for (i = 0; i < n && strcmp(f[i].name, name) != 0 && strcmp(f[i].id, name) != 0; i++)
        ;
    if (i < n) {
        snprintf(id, DB_ID_LEN, "%s", f[i].id);
    } else {
        for (i = 0; i < n; i++)
            strbuf_printf(&b, "%s%s", i ? "、" : "", f[i].name);
        rc = err_field(e, ERR_INVALID, "field", "行业领域“%s”不在列表中，可选：%s。", name,
                       strbuf_str(&b));
    }
    strbuf_free(&b);
    db_field_list_free(f, n);
    return rc;
}

/* The one live enterprise whose name, short name or code contains ref. */
static int
ent_resolve_search(struct db *db, const char *ref, char id[DB_ID_LEN], struct err *e)
{
    struct db_ent_asof a = {0};
    struct db_ent_filter f = {0};
    struct db_ent_row *rows;
    size_t n;
    long count;
    int rc;

    f.asof = &a;
    f.above_scale = -1;
    f.search = ref;
    if ((count = db_ent_list_count(db, &f, e)) < 0)
        return ERR_DB;
    if (count == 0)
        return err_set(e, ERR_NOTFOUND, "没有找到企业“%s”。", ref);
    if (count > 1)
        return err_set(e, ERR_INVALID, "有 %ld 家企业与“%s”相符，请写企业全称或统一社会信用代码。",
                       count, ref);
    if ((rc = db_ent_list_page(db, &f, 0, 1, &rows, &n, e)) != ERR_OK)
        return rc;
    snprintf(id, DB_ID_LEN, "%s", n ? rows[0].id : "");
    db_ent_rows_free(rows, n);
    return n ? ERR_OK : err_set(e, ERR_NOTFOUND, "没有找到企业“%s”。", ref);
}

int
enterprise_resolve(struct db *db, const char *ref, char id[DB_ID_LEN], struct err *e)
{
    char code[64];
    int r;

    id[0] = '\0';
    if (ref == NULL || *ref == '\0')
        return err_field(e, ERR_INVALID, "-", "请指明企业（名称、简称或统一社会信用代码）。");
    if (uuid_valid(ref)) {
        snprintf(id, DB_ID_LEN, "%s", ref);
        return ERR_OK;
    }
    credit_code_normalize(ref, code, sizeof code);
    if (strlen(code) == CREDIT_CODE_LEN && (r = db_ent_find_code(db, code, id, e)) != 0)
        return r < 0 ? ERR_DB : ERR_OK;
    if ((r = db_ent_find_name(db, ref, id, e)) != 0)
        return r < 0 ? ERR_DB : ERR_OK;
    return ent_resolve_search(db, ref, id, e);
}

/* Refuses text longer than max characters (2 * max columns). No text is
 * wider than its bytes, so most need no counting. */
static int
ent_check_len(const char *s, int max, const char *field, const char *label, struct err *e)
{
    int multi = strcmp(field, "notes") == 0 || strcmp(field, "address") == 0;
    int rc = field_check_text(field, label, s, multi ? FIELD_MULTILINE | FIELD_TABS : 0, e);

    if (rc != ERR_OK)
        return rc;
    if (s && strlen(s) > 2 * (size_t)max && textw_width(s) > 2 * max)
        return err_field(e, ERR_INVALID, field, "%s太长：最多约 %d 个汉字。", label, max);
    return ERR_OK;
}

int
enterprise_code_confirm(const char *role, int want)
{
    if (!want)
        return ENT_CODE_CHECK;
    if (role && (strcmp(role, "supervisor") == 0 || strcmp(role, "admin") == 0))
        return ENT_CODE_CONFIRMED;
    return ENT_CODE_ASKED_BY_CLERK;
}

/* The credit code: normalised in place, checked, unique. */
static int
ent_check_code(struct db *db, struct db_enterprise *x, int confirm_code, struct err *e)
{
    char norm[64], expected = '?', other[DB_ID_LEN], why[256];
    struct db_enterprise old;
    int res, r, keep = 0;

    if (x->credit_code == NULL || *x->credit_code == '\0') {
        x->credit_code_confirmed = 0;
        return ERR_OK;
    }
    credit_code_normalize(x->credit_code, norm, sizeof norm);
    snprintf(x->credit_code, strlen(x->credit_code) + 1, "%s", norm);
    res = credit_code_check(x->credit_code, &expected);
    if (res != CREDIT_CODE_OK && x->id[0] && db_ent_get(db, x->id, &old, NULL) == ERR_OK) {
        keep = old.credit_code_confirmed && old.credit_code &&
               strcmp(old.credit_code, x->credit_code) == 0;
        db_ent_free(&old);
    }
    if (res != CREDIT_CODE_OK && confirm_code == ENT_CODE_ASKED_BY_CLERK && !keep)
        return err_field(e, ERR_INVALID, "credit_code",
                         "%s 校验不符的代码只能由主管核对营业执照后确认登记（当前身份：办事员）。",
                         credit_code_explain(res, x->credit_code, expected, why, sizeof why));
    if (res != CREDIT_CODE_OK && confirm_code != ENT_CODE_CONFIRMED && !keep)
        return err_field(e, ERR_INVALID, "credit_code", "%s",
                         credit_code_explain(res, x->credit_code, expected, why, sizeof why));
    x->credit_code_confirmed = res != CREDIT_CODE_OK;
    if ((r = db_ent_find_code(db, x->credit_code, other, e)) < 0)
        return ERR_DB;
    if (r > 0 && strcmp(other, x->id) != 0 && db_ent_get(db, other, &old, NULL) == ERR_OK) {
        r = err_field(e, ERR_CONFLICT, "credit_code", "统一社会信用代码 %s 已登记为“%s”%s。",
                      x->credit_code, old.name, old.archived_at[0] ? "（已删除，可恢复）" : "");
        db_ent_free(&old);
        return r;
    }
    return ERR_OK;
}

/* The name: present, not too long, not another live enterprise's. */
static int
ent_check_name(struct db *db, struct db_enterprise *x, struct err *e)
{
    char other[DB_ID_LEN];
    struct db_enterprise old;
    int r;

    if (x->name == NULL || *x->name == '\0')
        return err_field(e, ERR_INVALID, "name", "请填写企业名称。");
    if ((r = ent_check_len(x->name, 100, "name", "企业名称", e)) != ERR_OK)
        return r;
    if ((r = db_ent_find_name(db, x->name, other, e)) < 0)
        return ERR_DB;
    if (r > 0 && strcmp(other, x->id) != 0 && db_ent_get(db, other, &old, NULL) == ERR_OK) {
        r = old.archived_at[0] ? ERR_OK
                               : err_field(e, ERR_CONFLICT, "name", "已有同名企业“%s”。", x->name);
        db_ent_free(&old);
        return r;
    }
    return ERR_OK;
}

/* The facts used by the high-tech rules. */
static int
ent_check_facts(const struct db_enterprise *x, struct err *e)
{
    size_t i;

    if (x->established[0] && !date_valid(x->established))
        return err_field(e, ERR_INVALID, "established", "成立日期“%s”不对，应写作 YYYY-MM-DD。",
                         x->established);
    if (x->ht_domain && *x->ht_domain && strcmp(x->ht_domain, "不属于") != 0) {
        for (i = 0; ent_eval_ht_domains[i] && strcmp(ent_eval_ht_domains[i], x->ht_domain); i++)
            ;
        if (ent_eval_ht_domains[i] == NULL)
            return err_field(
                e, ERR_INVALID, "ht_domain",
                "高新技术领域应为电子信息、生物与新医药、航空航天、新材料、高技术服务、"
                "新能源与节能、资源与环境、先进制造与自动化之一，或“不属于”。");
    }
    if (x->award_year && (x->award_year < 1950 || x->award_year > 2100))
        return err_field(e, ERR_INVALID, "award_year", "获奖年份应为四位年份。");
    if (x->standard_year && (x->standard_year < 1950 || x->standard_year > 2100))
        return err_field(e, ERR_INVALID, "standard_year", "主导制定标准的年份应为四位年份。");
    return ERR_OK;
}

int
enterprise_check_record(struct db_enterprise *x, struct err *e)
{
    int rc;

    ent_trim(x->name);
    ent_trim(x->short_name);
    ent_trim(x->township);
    ent_trim(x->address);
    ent_trim(x->contact);
    ent_trim(x->ht_domain);
    if (x->name == NULL || *x->name == '\0')
        return err_field(e, ERR_INVALID, "name", "请填写企业名称。");
    if ((rc = ent_check_len(x->name, 100, "name", "企业名称", e)) != ERR_OK ||
        (rc = ent_check_len(x->short_name, 30, "short_name", "企业简称", e)) != ERR_OK ||
        (rc = ent_check_len(x->township, 50, "township", "所属园区/苏木镇", e)) != ERR_OK ||
        (rc = ent_check_len(x->address, 100, "address", "地址", e)) != ERR_OK ||
        (rc = ent_check_len(x->contact, 60, "contact", "联系人", e)) != ERR_OK ||
        (rc = ent_check_len(x->notes, 1000, "notes", "备注", e)) != ERR_OK)
        return rc;
    if (x->field_id[0] && !uuid_valid(x->field_id))
        return err_field(e, ERR_INVALID, "field", "行业领域无效。");
    x->above_scale = x->above_scale != 0;
    x->manufacturing = x->manufacturing != 0;
    return ent_check_facts(x, e);
}

int
enterprise_check(struct db *db, struct db_enterprise *x, int confirm_code, struct err *e)
{
    int rc;

    if ((rc = enterprise_check_record(x, e)) != ERR_OK || (rc = ent_check_name(db, x, e)) != ERR_OK)
        return rc;
    return ent_check_code(db, x, confirm_code, e);
}

static int
ent_save_tx(struct db *db, void *arg, struct err *e)
{
    struct db_enterprise *x = arg;

    if (x->id[0] == '\0') {
        uuid_new(x->id);
        return db_ent_insert(db, x, e);
    }
    return db_ent_update(db, x, e);
}

int
enterprise_save(struct db *db, const char *user, struct db_enterprise *x, int confirm_code,
                struct err *e)
{
    int rc, fresh = x->id[0] == '\0';

    if ((rc = enterprise_check(db, x, confirm_code, e)) != ERR_OK)
        return rc;
    if ((rc = db_write(db, user, ent_save_tx, x, e)) != ERR_OK && fresh)
        x->id[0] = '\0';
    return rc;
}

struct ent_archive_arg {
    const char *id;
    int archived;
};

static int
ent_archive_tx(struct db *db, void *arg, struct err *e)
{
    struct ent_archive_arg *a = arg;

    return db_ent_archive(db, a->id, a->archived, e);
}

int
enterprise_archive(struct db *db, const char *user, const char *id, int archived, struct err *e)
{
    struct ent_archive_arg a = {id, archived};
    struct db_enterprise x;
    int rc;

    if ((rc = db_ent_get(db, id, &x, e)) != ERR_OK)
        return rc;
    if ((x.archived_at[0] != '\0') == (archived != 0))
        rc = err_set(e, ERR_INVALID, archived ? "“%s”已经删除。" : "“%s”没有被删除。", x.name);
    db_ent_free(&x);
    return rc == ERR_OK ? db_write(db, user, ent_archive_tx, &a, e) : rc;
}
