// Blueprint versions: create, list, overwrite while unused, frozen once used, soft delete, bank_version bumps.
#include "catalog/io/bank_document.hpp"
#include "catalog/store/store_test_support.hpp"

namespace {

using namespace std::chrono_literals;
using dt::Awaitable;
using dt::Problem;
using dt::catalog::Blueprint;
using dt::catalog::JurisdictionCode;
using dt::catalog::LicenceClassCode;
using dt::catalog::Question;
using dt::catalog::store::CatalogStore;
using dt::catalog::store::Conflict;
using dt::catalog::store::NotFound;
using dt::catalog::store::StoredExam;
using dt::catalog::store::testing::instant;
using dt::catalog::store::testing::make_exam;
using dt::catalog::store::testing::require;
using dt::catalog::store::testing::sample_bank;
using dt::catalog::store::testing::StoreTest;
using dt::catalog::store::testing::uk_blueprint;
using dt::catalog::store::testing::vn_blueprint;
namespace db = dt::db;

class BlueprintStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    auto doc = sample_bank();
    doc.blueprints.clear();
    run([&](CatalogStore& store, db::Database&) -> Awaitable<void> { co_await store.import_bank(doc, "admin"); });
  }

  template <class E, class A>
  static Awaitable<bool> throws(A operation) {
    try {
      co_await std::move(operation);
    } catch (const E&) {
      co_return true;
    }
    co_return false;
  }
};

TEST_F(BlueprintStoreTest, VersionsAreCreatedListedAndBumpTheBankVersion) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const std::int64_t start = co_await store.bank_version();
    const Blueprint v1 = vn_blueprint();
    Blueprint v2 = vn_blueprint();
    v2.version = 2;
    v2.valid_from = dt::catalog::make_date(2026, 1, 1);
    const Blueprint uk = uk_blueprint();
    co_await store.create_blueprint(v2, "admin");
    co_await store.create_blueprint(v1, "admin");
    co_await store.create_blueprint(uk, "admin");
    EXPECT_EQ(co_await store.bank_version(), start + 3);

    const auto all = co_await store.blueprints();
    const std::vector<Blueprint> expected{uk, v1, v2};  // by jurisdiction, class, code, version
    EXPECT_EQ(all, expected);
    const std::optional<JurisdictionCode> vn = JurisdictionCode("vn");
    const std::vector<Blueprint> vn_only{v1, v2};
    EXPECT_EQ(co_await store.blueprints(vn), vn_only);
    EXPECT_EQ(co_await store.blueprint("vn-2025-B", 2), v2);
    EXPECT_FALSE((co_await store.blueprint("vn-2025-B", 3)).has_value());

    EXPECT_TRUE(co_await throws<Conflict>(store.create_blueprint(v1, "admin")));
    Blueprint unknown_class = v1;
    unknown_class.code = "vn-2025-Z";
    unknown_class.licence_class = LicenceClassCode("Z");
    EXPECT_TRUE(co_await throws<Problem>(store.create_blueprint(unknown_class, "admin")));
    EXPECT_EQ(co_await store.bank_version(), start + 3);
  });
}

TEST_F(BlueprintStoreTest, AnUnusedVersionIsOverwrittenAUsedOneIsFrozen) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const Blueprint v1 = vn_blueprint();
    co_await store.create_blueprint(v1, "admin");
    Blueprint corrected = v1;
    corrected.time_limit = 120s;
    co_await store.update_blueprint(corrected, "admin");
    EXPECT_EQ(co_await store.blueprint(v1.code, 1), corrected);
    const std::int64_t version = co_await store.bank_version();
    co_await store.update_blueprint(corrected, "admin");  // same content: nothing to do
    EXPECT_EQ(co_await store.bank_version(), version);

    const auto bank = co_await store.published_bank(JurisdictionCode("vn"));
    const std::vector<Question> content{bank[0], bank[3]};
    const StoredExam exam = make_exam(corrected, content, instant("2025-07-01T08:00:00Z"), "user-1");
    co_await store.create_exam(exam);

    Blueprint again = corrected;
    again.time_limit = 180s;
    EXPECT_TRUE(co_await throws<Conflict>(store.update_blueprint(again, "admin")));
    EXPECT_EQ(co_await store.blueprint(v1.code, 1), corrected);
    co_await store.update_blueprint(corrected, "admin");  // unchanged content is fine

    Blueprint missing = corrected;
    missing.version = 9;
    EXPECT_TRUE(co_await throws<NotFound>(store.update_blueprint(missing, "admin")));
  });
}

TEST_F(BlueprintStoreTest, DeletingHidesAVersionButExamsStillLoadIt) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const Blueprint v1 = vn_blueprint();
    co_await store.create_blueprint(v1, "admin");
    const std::int64_t version = co_await store.bank_version();
    co_await store.delete_blueprint(v1.code, 1, "admin");
    EXPECT_EQ(co_await store.bank_version(), version + 1);
    EXPECT_TRUE((co_await store.blueprints()).empty());
    EXPECT_EQ(co_await store.blueprint(v1.code, 1), v1);
    EXPECT_TRUE(co_await throws<NotFound>(store.delete_blueprint(v1.code, 1, "admin")));
    EXPECT_TRUE(co_await throws<NotFound>(store.update_blueprint(v1, "admin")));
    co_await store.create_blueprint(v1, "admin");  // a deleted, unused version may be published again
    EXPECT_EQ((co_await store.blueprints()).size(), 1u);
  });
}

}  // namespace
