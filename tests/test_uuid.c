/* test_uuid.c — record keys: random ones differ, ordered ones sort as made, name-based ones are
 * stable. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "src/uuid.h"

Test(uuid, random_keys_are_valid_version_4_and_distinct)
{
    char a[UUID_LEN + 1], b[UUID_LEN + 1];
    int i;

    for (i = 0; i < 1000; i++) {
        uuid_new(a);
        uuid_new(b);
        cr_assert(uuid_valid(a), "%s", a);
        cr_assert_eq(a[14], '4');
        cr_assert(strchr("89ab", a[19]) != NULL, "%s", a);
        cr_assert_str_neq(a, b);
    }
}

Test(uuid, ordered_keys_are_valid_version_7_and_each_sorts_after_the_last)
{
    char a[UUID_LEN + 1], b[UUID_LEN + 1];
    int i;

    uuid_new_ordered(a);
    for (i = 0; i < 20000; i++) { /* far more than one millisecond's worth */
        uuid_new_ordered(b);
        cr_assert(uuid_valid(b), "%s", b);
        cr_assert_eq(b[14], '7', "%s", b);
        cr_assert(strchr("89ab", b[19]) != NULL, "%s", b);
        cr_assert_gt(strcmp(b, a), 0, "%s came after %s", b, a);
        memcpy(a, b, sizeof a);
    }
}

Test(uuid, ordered_keys_begin_with_the_time_they_were_made)
{
    char a[UUID_LEN + 1], hex[13];
    unsigned long long ms;
    time_t now = time(NULL);

    uuid_new_ordered(a);
    memcpy(hex, a, 8);
    memcpy(hex + 8, a + 9, 4);
    hex[12] = '\0';
    ms = strtoull(hex, NULL, 16);
    cr_assert_geq(ms / 1000, (unsigned long long)now - 1, "%s", a);
    cr_assert_leq(ms / 1000, (unsigned long long)now + 1, "%s", a);
}

Test(uuid, name_based_keys_are_stable_and_distinct)
{
    char a[UUID_LEN + 1], b[UUID_LEN + 1], c[UUID_LEN + 1];

    uuid_from_name("unit:旗能源局", a);
    uuid_from_name("unit:旗能源局", b);
    uuid_from_name("unit:旗水利局", c);
    cr_expect(uuid_valid(a));
    cr_expect_str_eq(a, b);
    cr_expect_str_neq(a, c);
    cr_expect_eq(a[14], '8');
    /* the same in every office and every version: plan rows are found by it */
    cr_expect_str_eq(a, "76dd3d03-dd9d-8054-814d-275cb97c0b8f");
}

Test(uuid, validation_rejects_malformed_text)
{
    cr_expect(uuid_valid("0f8fad5b-d9cb-469f-a165-70867728950e"));
    cr_expect_not(uuid_valid("0F8FAD5B-D9CB-469F-A165-70867728950E"));
    cr_expect_not(uuid_valid("0f8fad5b-d9cb-469f-a165-70867728950"));
    cr_expect_not(uuid_valid("0f8fad5bxd9cb-469f-a165-70867728950e"));
    cr_expect_not(uuid_valid(""));
    cr_expect_not(uuid_valid(NULL));
}
