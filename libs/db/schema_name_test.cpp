// rename_schema and is_valid_schema_name (migrate_renamed is exercised by every service's store tests).
#include "db/schema_name.hpp"

#include <gtest/gtest.h>

namespace {

using dt::db::is_valid_schema_name;
using dt::db::rename_schema;

TEST(RenameSchemaTest, ReplacesTheWrittenSchemaOfOurObjectsOnly) {
  EXPECT_EQ(rename_schema("SELECT * FROM catalog.questions JOIN catalog.topics", "catalog", "catalog_test_1"),
            "SELECT * FROM catalog_test_1.questions JOIN catalog_test_1.topics");
  EXPECT_EQ(rename_schema("SELECT pg_catalog.lower(x), mycatalog.f() FROM catalog.t", "catalog", "s"),
            "SELECT pg_catalog.lower(x), mycatalog.f() FROM s.t");
  EXPECT_EQ(rename_schema("pg_get_serial_sequence('catalog.questions', 'id')", "catalog", "s"),
            "pg_get_serial_sequence('s.questions', 'id')");
  EXPECT_EQ(rename_schema("catalog.x", "catalog", "catalog"), "catalog.x");
  EXPECT_EQ(rename_schema("no schema here", "catalog", "s"), "no schema here");
  EXPECT_EQ(rename_schema("INSERT INTO account.outbox SELECT * FROM catalog.x", "account", "a1"),
            "INSERT INTO a1.outbox SELECT * FROM catalog.x");
}

TEST(RenameSchemaTest, SchemaNamesAreSafeIdentifiers) {
  EXPECT_TRUE(is_valid_schema_name("catalog"));
  EXPECT_TRUE(is_valid_schema_name("catalog_test_123"));
  EXPECT_FALSE(is_valid_schema_name(""));
  EXPECT_FALSE(is_valid_schema_name("Catalog"));
  EXPECT_FALSE(is_valid_schema_name("1catalog"));
  EXPECT_FALSE(is_valid_schema_name("catalog; DROP TABLE x"));
  EXPECT_FALSE(is_valid_schema_name(std::string(64, 'a')));
}

}  // namespace
