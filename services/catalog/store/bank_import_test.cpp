// import_bank: all or nothing, idempotent, revisions for changed content, safe when run twice at once.
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/json/parse.hpp>

#include <fstream>
#include <sstream>

#include "catalog/io/bank_document.hpp"
#include "catalog/io/bank_parse.hpp"
#include "catalog/store/store_test_support.hpp"

namespace {

using namespace boost::asio::experimental::awaitable_operators;
using dt::Awaitable;
using dt::Problem;
using dt::catalog::JurisdictionCode;
using dt::catalog::LicenceClassCode;
using dt::catalog::Question;
using dt::catalog::TopicCode;
using dt::catalog::io::BankDocument;
using dt::catalog::store::CatalogStore;
using dt::catalog::store::Conflict;
using dt::catalog::store::ImportSummary;
using dt::catalog::store::SectionSummary;
using dt::catalog::store::testing::make_exam;
using dt::catalog::store::testing::require;
using dt::catalog::store::testing::sample_bank;
using dt::catalog::store::testing::StoreTest;
namespace db = dt::db;

class BankImportTest : public StoreTest {
 protected:
  static Awaitable<std::int64_t> count(db::Database& db, const std::string& table) {
    const db::Result rows = co_await db.query("SELECT count(*) FROM " + table);
    co_return rows[0].get<std::int64_t>(0);
  }
};

TEST_F(BankImportTest, CreatesEverythingThenChangesNothingOnReimport) {
  const BankDocument doc = sample_bank();
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const ImportSummary first = co_await store.import_bank(doc, "admin");
    EXPECT_EQ(first.jurisdictions, (SectionSummary{2, 0, 0}));
    EXPECT_EQ(first.topics, (SectionSummary{3, 0, 0}));
    EXPECT_EQ(first.licence_classes, (SectionSummary{2, 0, 0}));
    EXPECT_EQ(first.questions, (SectionSummary{8, 0, 0}));
    EXPECT_EQ(first.blueprints, (SectionSummary{2, 0, 0}));
    EXPECT_EQ(first.bank_version, 2);

    const ImportSummary second = co_await store.import_bank(doc, "admin");
    EXPECT_FALSE(second.changed());
    EXPECT_EQ(second.questions, (SectionSummary{0, 0, 8}));
    EXPECT_EQ(second.topics, (SectionSummary{0, 0, 3}));
    EXPECT_EQ(second.blueprints, (SectionSummary{0, 0, 2}));
    EXPECT_EQ(second.bank_version, 2);
    EXPECT_EQ(co_await store.bank_version(), 2);
  });
}

TEST_F(BankImportTest, ChangedRowsAreRevisedAndQuestionsGetANewRevision) {
  BankDocument doc = sample_bank();
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    co_await store.import_bank(doc, "admin");
    const std::vector<Question> before = co_await store.published_bank(JurisdictionCode("vn"));
    doc.questions[0].text.set("vi", "Câu hỏi đã sửa");
    doc.topics[0].name.set("en", "General provisions");
    doc.questions.push_back(dt::catalog::store::testing::choice_question("vn-0004", "vn", "vn.1", "Mới", "New"));
    const ImportSummary summary = co_await store.import_bank(doc, "editor");
    EXPECT_EQ(summary.questions, (SectionSummary{1, 1, 7}));
    EXPECT_EQ(summary.topics, (SectionSummary{0, 1, 2}));
    EXPECT_EQ(summary.jurisdictions, (SectionSummary{0, 0, 2}));
    EXPECT_EQ(summary.bank_version, 3);

    const auto revised = co_await store.question(before[0].id);
    require(revised.has_value(), "the question is still there");
    EXPECT_EQ(revised->revision, 2);
    EXPECT_EQ(revised->text.get("vi"), "Câu hỏi đã sửa");
    const auto revisions = co_await store.question_revisions(before[0].id);
    require(revisions.size() == 2, "two revisions");
    EXPECT_EQ(revisions[0].question, before[0]);
    EXPECT_EQ(revisions[1].created_by, "editor");
    const auto topics = co_await store.topics(JurisdictionCode("vn"));
    EXPECT_EQ(topics[0].name.get("en"), "General provisions");
  });
}

TEST_F(BankImportTest, AFailingImportLeavesNothingBehind) {
  BankDocument doc = sample_bank();
  doc.questions.back().topic = TopicCode("uk.nonexistent");  // skipped parse_bank's cross checks
  run([&](CatalogStore& store, db::Database& db) -> Awaitable<void> {
    bool refused = false;
    try {
      co_await store.import_bank(doc, "admin");
    } catch (const Problem& e) {
      refused = e.status() == 400;
    }
    EXPECT_TRUE(refused);
    EXPECT_EQ(co_await count(db, schema_ + ".jurisdictions"), 0);
    EXPECT_EQ(co_await count(db, schema_ + ".questions"), 0);
    EXPECT_EQ(co_await count(db, schema_ + ".question_revisions"), 0);
    EXPECT_EQ(co_await count(db, schema_ + ".blueprints"), 0);
    EXPECT_EQ(co_await store.bank_version(), 1);
  });
}

TEST_F(BankImportTest, AUsedBlueprintVersionCanNotChangeAndTheWholeImportIsRefused) {
  BankDocument doc = sample_bank();
  run([&](CatalogStore& store, db::Database& db) -> Awaitable<void> {
    co_await store.import_bank(doc, "admin");
    const auto bank = co_await store.published_bank(JurisdictionCode("vn"));
    const auto blueprint = dt::catalog::store::testing::vn_blueprint();
    const std::vector<Question> content{bank[0], bank[2]};
    const auto exam =
        make_exam(blueprint, content, dt::catalog::store::testing::instant("2025-07-01T08:00:00Z"), "user-1");
    co_await store.create_exam(exam);

    doc.questions[1].text.set("en", "Changed along with the blueprint");
    doc.blueprints[0].time_limit = std::chrono::seconds{90};
    bool conflict = false;
    try {
      co_await store.import_bank(doc, "admin");
    } catch (const Conflict&) {
      conflict = true;
    }
    EXPECT_TRUE(conflict);
    EXPECT_EQ(co_await count(db, schema_ + ".question_revisions"), 8);  // the question edit was rolled back too
    EXPECT_EQ(co_await store.bank_version(), 2);
    const auto stored = co_await store.blueprint("vn-2025-B", 1);
    EXPECT_EQ(stored, blueprint);

    // An unused version is simply overwritten.
    doc = sample_bank();
    doc.blueprints[1].time_limit = std::chrono::seconds{3000};
    const ImportSummary summary = co_await store.import_bank(doc, "admin");
    EXPECT_EQ(summary.blueprints, (SectionSummary{0, 1, 1}));
    const auto uk = co_await store.blueprint("uk-car", 1);
    require(uk.has_value(), "uk blueprint");
    EXPECT_EQ(uk->time_limit, std::chrono::seconds{3000});
  });
}

TEST_F(BankImportTest, TwoConcurrentImportsOfTheSameDocumentCreateNoDuplicates) {
  const BankDocument doc = sample_bank();
  run([&](CatalogStore& store, db::Database& db) -> Awaitable<void> {
    const auto [a, b] = co_await (store.import_bank(doc, "a") && store.import_bank(doc, "b"));
    EXPECT_EQ(a.questions.created + b.questions.created, 8);
    EXPECT_EQ(a.questions.unchanged + b.questions.unchanged, 8);
    EXPECT_EQ(a.blueprints.created + b.blueprints.created, 2);
    EXPECT_EQ(co_await count(db, schema_ + ".questions"), 8);
    EXPECT_EQ(co_await count(db, schema_ + ".question_revisions"), 8);
    EXPECT_EQ(co_await store.bank_version(), 2);
  });
}

TEST_F(BankImportTest, ReferenceDataReadsBackByteExact) {
  const BankDocument doc = sample_bank();
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    co_await store.import_bank(doc, "admin");
    const auto jurisdictions = co_await store.jurisdictions();
    require(jurisdictions.size() == 2, "two jurisdictions");
    EXPECT_EQ(jurisdictions[1].code, JurisdictionCode("vn"));
    EXPECT_EQ(jurisdictions[1].name, doc.jurisdictions[0].name);
    const auto topics = co_await store.topics(JurisdictionCode("vn"));
    require(topics.size() == 2, "two Vietnamese topics");
    EXPECT_EQ(topics[1].code, TopicCode("vn.5"));
    EXPECT_EQ(topics[1].ordinal, 5);
    EXPECT_EQ(topics[1].name.get("vi"), "Báo hiệu đường bộ");
    const auto classes = co_await store.licence_classes(JurisdictionCode("uk"));
    require(classes.size() == 1, "one UK class");
    EXPECT_EQ(classes[0].name.get("en"), "Car");

    const auto known = co_await store.known_references();
    EXPECT_EQ(known.jurisdictions.size(), 2u);
    EXPECT_TRUE(known.topics.contains({JurisdictionCode("uk"), TopicCode("uk.signs")}));
    EXPECT_FALSE(known.topics.contains({JurisdictionCode("vn"), TopicCode("uk.signs")}));
    EXPECT_TRUE(known.licence_classes.contains({JurisdictionCode("vn"), LicenceClassCode("B")}));
    EXPECT_TRUE(known.licence_classes.contains({JurisdictionCode("uk"), LicenceClassCode("B")}));
  });
}

}  // namespace

namespace {

using dt::catalog::io::BankParse;

BankDocument demo_bank(const std::string& file) {
  std::ifstream in(std::string(DT_DEFAULT_SOURCE_DIR) + "/services/catalog/data/" + file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const BankParse parsed = dt::catalog::io::parse_bank(boost::json::parse(text.str()));
  if (!parsed.report.ok()) throw std::runtime_error(file + " does not parse cleanly");
  return parsed.accepted;
}

TEST_F(BankImportTest, TheDemoBanksImportOnceAndReimportAsUnchanged) {
  const BankDocument vn = demo_bank("vn-bank.json");
  const BankDocument uk = demo_bank("uk-bank.json");
  run([&](CatalogStore& store, db::Database& db) -> Awaitable<void> {
    const ImportSummary first = co_await store.import_bank(vn, "seed");
    EXPECT_EQ(first.questions.created, static_cast<int>(vn.questions.size()));
    EXPECT_EQ(first.blueprints.created, static_cast<int>(vn.blueprints.size()));
    co_await store.import_bank(uk, "seed");
    const std::int64_t version = co_await store.bank_version();

    const ImportSummary again = co_await store.import_bank(vn, "seed");
    EXPECT_FALSE(again.changed());
    EXPECT_EQ(again.questions.unchanged, static_cast<int>(vn.questions.size()));
    EXPECT_EQ(co_await store.bank_version(), version);
    EXPECT_EQ(co_await count(db, schema_ + ".question_revisions"),
              static_cast<std::int64_t>(vn.questions.size() + uk.questions.size()));

    // What the store gives back is what the document said.
    const auto listed = co_await store.blueprints(JurisdictionCode("vn"));
    EXPECT_EQ(listed.size(), vn.blueprints.size());
    const auto first_question = co_await store.question(1);
    require(first_question.has_value(), "question 1");
    Question expected = vn.questions[0];
    expected.id = 1;
    expected.revision = 1;
    EXPECT_EQ(*first_question, expected);
  });
}

}  // namespace
