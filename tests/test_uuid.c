/* test_uuid.c — record keys: random ones differ, name-based ones are stable. */
#include <criterion/criterion.h>
#include <string.h>

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
