// Parameters in, rows out: every supported type, NULLs, UTF-8, injection attempts, reading by name.
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "db/db_test_support.hpp"

namespace {

using dt::Awaitable;
using dt::db::Database;
using dt::db::Json;
using dt::db::Result;
using dt::db::testing::expect_throw;

class ResultTest : public dt::db::testing::DbTest {};

TEST_F(ResultTest, EveryTypeRoundTrips) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    const Result r = co_await db.query(
        "SELECT $1 AS s, $2 AS i32, $3 AS i64, $4 AS d, $5 AS yes, $6 AS no, $7 AS j, $8 AS big, $9 AS small",
        std::string("hello"), std::int32_t{-42}, std::int64_t{9'000'000'000}, 0.1, true, false,
        Json(R"({"a": [1, 2]})"), std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int32_t>::min());
    EXPECT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].get<std::string>("s"), "hello");
    EXPECT_EQ(r[0].get<std::int32_t>("i32"), -42);
    EXPECT_EQ(r[0].get<std::int64_t>("i64"), 9'000'000'000);
    EXPECT_EQ(r[0].get<double>("d"), 0.1);
    EXPECT_TRUE(r[0].get<bool>("yes"));
    EXPECT_FALSE(r[0].get<bool>("no"));
    EXPECT_EQ(r[0].get<std::string>("j"), R"({"a": [1, 2]})");  // jsonb's canonical text
    EXPECT_EQ(r[0].get<std::int64_t>("big"), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(r[0].get<std::int32_t>(8), std::numeric_limits<std::int32_t>::min());
  });
}

TEST_F(ResultTest, SpecialDoublesRoundTrip) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    const Result r =
        co_await db.query("SELECT $1, $2, $3", std::numeric_limits<double>::infinity(),
                          -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN());
    EXPECT_EQ(r[0].get<double>(0), std::numeric_limits<double>::infinity());
    EXPECT_EQ(r[0].get<double>(1), -std::numeric_limits<double>::infinity());
    EXPECT_TRUE(std::isnan(r[0].get<double>(2)));
  });
}

TEST_F(ResultTest, NullsAreReadAsNullopt) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await db.query("CREATE TABLE " + table("n") + " (s text, i int, b bigint, d float8, f bool)");
    co_await db.query("INSERT INTO " + table("n") + " VALUES ($1, $2, $3, $4, $5)", std::optional<std::string>{},
                      std::optional<std::int32_t>{}, std::optional<std::int64_t>{}, std::optional<double>{},
                      std::nullopt);
    const Result r = co_await db.query("SELECT s, i, b, d, f FROM " + table("n"));
    EXPECT_EQ(r[0].get<std::optional<std::string>>("s"), std::nullopt);
    EXPECT_EQ(r[0].get<std::optional<std::int32_t>>("i"), std::nullopt);
    EXPECT_EQ(r[0].get<std::optional<std::int64_t>>("b"), std::nullopt);
    EXPECT_EQ(r[0].get<std::optional<double>>("d"), std::nullopt);
    EXPECT_EQ(r[0].get<std::optional<bool>>("f"), std::nullopt);
    EXPECT_TRUE(r[0].is_null("s"));
    EXPECT_THROW(r[0].get<std::string>("s"), dt::db::Error);  // NULL needs an optional

    const Result some = co_await db.query("SELECT $1 AS i", std::optional<std::int32_t>{7});
    EXPECT_EQ(some[0].get<std::optional<std::int32_t>>("i"), 7);
  });
}

TEST_F(ResultTest, VietnameseTextRoundTrips) {
  const std::string sign = "Biển báo cấm đi ngược chiều";
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await db.query("CREATE TABLE " + table("sign") + " (id int PRIMARY KEY, name text NOT NULL)");
    co_await db.query("INSERT INTO " + table("sign") + " VALUES ($1, $2)", 1, sign);
    const Result r =
        co_await db.query("SELECT name, length(name) AS chars FROM " + table("sign") + " WHERE name = $1", sign);
    EXPECT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].get<std::string>("name"), sign);
    EXPECT_EQ(r[0].get<std::int32_t>("chars"), 27);  // characters, not bytes: the server read it as UTF-8
  });
}

TEST_F(ResultTest, SqlInjectionAttemptStaysData) {
  const std::string evil = "x'); DROP TABLE " + table("users") + "; --";
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await db.query("CREATE TABLE " + table("users") + " (name text)");
    co_await db.query("INSERT INTO " + table("users") + " (name) VALUES ($1)", evil);
    const Result stored = co_await db.query("SELECT name FROM " + table("users"));
    EXPECT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].get<std::string>(0), evil);
    const Result matched = co_await db.query("SELECT name FROM " + table("users") + " WHERE name = $1", "' OR '1'='1");
    EXPECT_TRUE(matched.empty());
  });
}

TEST_F(ResultTest, RowsCanBeIteratedAndCounted) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await db.query("CREATE TABLE " + table("q") + " (id int, topic text)");
    const Result inserted =
        co_await db.query("INSERT INTO " + table("q") + " SELECT g, $1 FROM generate_series(1, 5) g", "signs");
    EXPECT_EQ(inserted.affected_rows(), 5);
    const Result updated = co_await db.query("UPDATE " + table("q") + " SET topic = $1 WHERE id > $2", "rules", 3);
    EXPECT_EQ(updated.affected_rows(), 2);
    const Result rows = co_await db.query("SELECT id, topic FROM " + table("q") + " ORDER BY id");
    EXPECT_EQ(rows.column_count(), 2);
    EXPECT_EQ(rows.column_name(1), "topic");
    std::int32_t sum = 0;
    for (const auto& row : rows) sum += row.get<std::int32_t>("id");
    EXPECT_EQ(sum, 15);
    EXPECT_EQ(rows[4].get<std::string>("topic"), "rules");
    EXPECT_THROW(rows[5], dt::db::Error);
    EXPECT_THROW(rows[0].get<std::string>("nope"), dt::db::Error);
    EXPECT_THROW(rows[0].get<bool>("topic"), dt::db::Error);  // "signs" is not a bool
  });
}

TEST_F(ResultTest, StringsTakeTheTypeTheColumnNeeds) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await db.query("CREATE TABLE " + table("typed") +
                      " (id uuid, at timestamptz, doc jsonb, raw json, day date, code varchar(8))");
    co_await db.query("INSERT INTO " + table("typed") + " VALUES ($1, $2, $3, $4, $5, $6)",
                      "6f1c2a8e-3b0d-4e55-9a61-0c1d2e3f4a5b", "2024-05-01T10:00:00Z", Json(R"({"k": "v"})"),
                      Json("[1,2]"), "2024-05-01", "B2");
    const Result r = co_await db.query(
        "SELECT id::text, doc->>'k' AS k, raw::text, day::text, code FROM " + table("typed") + " WHERE id = $1",
        "6f1c2a8e-3b0d-4e55-9a61-0c1d2e3f4a5b");
    EXPECT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].get<std::string>("k"), "v");
    EXPECT_EQ(r[0].get<std::string>("raw"), "[1, 2]");
    EXPECT_EQ(r[0].get<std::string>("day"), "2024-05-01");
    EXPECT_EQ(r[0].get<std::string>("code"), "B2");
  });
}

TEST_F(ResultTest, LargeValuesRoundTrip) {
  std::string big;
  for (int i = 0; big.size() < 8 * 1024 * 1024; ++i) big += "câu hỏi " + std::to_string(i) + "; ";
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await db.query("CREATE TABLE " + table("blob") + " (body text)");
    co_await db.query("INSERT INTO " + table("blob") + " VALUES ($1)", big);  // more than a socket buffer
    const Result r = co_await db.query("SELECT body, octet_length(body) FROM " + table("blob"));
    EXPECT_EQ(r[0].get<std::int64_t>(1), static_cast<std::int64_t>(big.size()));
    EXPECT_TRUE(r[0].get<std::string>(0) == big);  // (EXPECT_EQ would print 8 MB on failure)
  });
}

TEST_F(ResultTest, TextWithANulCharacterIsRefused) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await expect_throw<dt::db::Error>(db.query("SELECT $1", std::string("a\0b", 3)));
    EXPECT_TRUE(co_await db.ping());
  });
}

}  // namespace
