// Questions: revisions on edit, soft delete, the published bank, the admin table, exact text round trips.
#include "catalog/io/bank_document.hpp"
#include "catalog/store/store_test_support.hpp"

namespace {

using dt::Awaitable;
using dt::Problem;
using dt::catalog::JurisdictionCode;
using dt::catalog::MediaKind;
using dt::catalog::MediaRef;
using dt::catalog::Question;
using dt::catalog::QuestionId;
using dt::catalog::QuestionStatus;
using dt::catalog::TopicCode;
using dt::catalog::store::CatalogStore;
using dt::catalog::store::Conflict;
using dt::catalog::store::NotFound;
using dt::catalog::store::QuestionFilter;
using dt::catalog::store::QuestionRef;
using dt::catalog::store::testing::choice_question;
using dt::catalog::store::testing::require;
using dt::catalog::store::testing::sample_bank;
using dt::catalog::store::testing::StoreTest;
namespace db = dt::db;

class QuestionStoreTest : public StoreTest {
 protected:
  // The sample bank's reference data only.
  static dt::catalog::io::BankDocument reference_only() {
    auto doc = sample_bank();
    doc.questions.clear();
    doc.blueprints.clear();
    return doc;
  }
};

TEST_F(QuestionStoreTest, EditingCreatesARevisionAndKeepsTheOldOne) {
  const auto refs = reference_only();
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    co_await store.import_bank(refs, "admin");
    const Question original = choice_question("vn-0100", "vn", "vn.1", "Biển báo cấm", "No entry sign");
    const QuestionId id = co_await store.create_question(original, "alice");
    const std::int64_t version = co_await store.bank_version();

    Question edited = original;
    edited.options[1].correct = true;
    EXPECT_EQ(co_await store.update_question(id, edited, "bob"), 2);
    EXPECT_EQ(co_await store.bank_version(), version + 1);
    EXPECT_EQ(co_await store.update_question(id, edited, "bob"), 2);  // same content: nothing new
    EXPECT_EQ(co_await store.bank_version(), version + 1);

    const auto current = co_await store.question(id);
    require(current.has_value(), "current revision");
    EXPECT_EQ(current->revision, 2);
    EXPECT_EQ(current->correct_option_count(), 2);
    const auto first = co_await store.question_revision(id, 1);
    require(first.has_value(), "revision 1");
    Question expected = original;
    expected.id = id;
    expected.revision = 1;
    EXPECT_EQ(*first, expected);
    const auto revisions = co_await store.question_revisions(id);
    require(revisions.size() == 2, "two revisions");
    EXPECT_EQ(revisions[0].created_by, "alice");
    EXPECT_EQ(revisions[1].created_by, "bob");
    EXPECT_LE(revisions[0].created_at, revisions[1].created_at);
    EXPECT_FALSE((co_await store.question_revision(id, 3)).has_value());
  });
}

TEST_F(QuestionStoreTest, VietnameseTextRoundTripsByteExact) {
  const auto refs = reference_only();
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    co_await store.import_bank(refs, "admin");
    Question q = choice_question("vn-0200", "vn", "vn.5", "Biển báo “Đường người đi bộ cắt ngang” — đặt ở đâu?",
                                 "Where is the “pedestrian crossing” sign placed?");
    // NFD (decomposed) Vietnamese stays NFD; emoji, tabs and trailing spaces stay too.
    q.options[2].text.set("vi", "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t  \t🚦 ");
    q.explanation.set("vi", "Ở nơi có vạch kẻ đường dành cho người đi bộ; xe phải nhường đường.");
    q.media = {MediaRef{"signs/vn/đường-423b.png", MediaKind::image}};
    q.tags = {"biển-báo", "road-sign"};
    q.pools = {"vn-motorcycle"};
    q.group = "nhóm-1";
    const QuestionId id = co_await store.create_question(q, "admin");
    const auto stored = co_await store.question(id);
    require(stored.has_value(), "stored");
    q.id = id;
    q.revision = 1;
    EXPECT_EQ(*stored, q);
    EXPECT_EQ(stored->options[2].text.get("vi"), "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t  \t🚦 ");
  });
}

TEST_F(QuestionStoreTest, CreateAssignsIdsAndRefusesTakenExternalIdsAndUnknownTopics) {
  const auto refs = reference_only();
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    co_await store.import_bank(refs, "admin");
    Question q = choice_question("", "uk", "uk.signs", "", "Unnamed");
    const QuestionId id = co_await store.create_question(q, "admin");
    const auto stored = co_await store.question(id);
    require(stored.has_value(), "stored");
    EXPECT_EQ(stored->external_id, "q-" + std::to_string(id));

    q.external_id = stored->external_id;
    bool conflict = false;
    try {
      co_await store.create_question(q, "admin");
    } catch (const Conflict&) {
      conflict = true;
    }
    EXPECT_TRUE(conflict);

    q.external_id = "uk-9999";
    q.topic = TopicCode("vn.1");  // a Vietnamese topic for a UK question
    int status = 0;
    try {
      co_await store.create_question(q, "admin");
    } catch (const Problem& e) {
      status = e.status();
    }
    EXPECT_EQ(status, 400);
  });
}

TEST_F(QuestionStoreTest, SoftDeleteHidesTheQuestionButKeepsItsRevisions) {
  const auto doc = sample_bank();
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    co_await store.import_bank(doc, "admin");
    auto bank = co_await store.published_bank(JurisdictionCode("vn"));
    EXPECT_EQ(bank.size(), 5u);  // vn-0303 is a draft
    const Question victim = bank[0];
    const std::int64_t version = co_await store.bank_version();
    co_await store.delete_question(victim.id, "admin");
    EXPECT_EQ(co_await store.bank_version(), version + 1);

    EXPECT_FALSE((co_await store.question(victim.id)).has_value());
    EXPECT_EQ(co_await store.question_revision(victim.id, victim.revision), victim);
    bank = co_await store.published_bank(JurisdictionCode("vn"));
    EXPECT_EQ(bank.size(), 4u);
    const QuestionFilter everything;
    const auto page = co_await store.list_questions(everything);
    EXPECT_EQ(page.total, 7);

    bool missing = false;
    try {
      co_await store.delete_question(victim.id, "admin");
    } catch (const NotFound&) {
      missing = true;
    }
    EXPECT_TRUE(missing);
    missing = false;
    try {
      co_await store.update_question(victim.id, victim, "admin");
    } catch (const NotFound&) {
      missing = true;
    }
    EXPECT_TRUE(missing);

    // Importing the document again brings it back (same content: the same revision).
    const auto summary = co_await store.import_bank(doc, "admin");
    EXPECT_EQ(summary.questions.revised, 1);
    const auto back = co_await store.question(victim.id);
    require(back.has_value(), "restored");
    EXPECT_EQ(back->revision, victim.revision);
  });
}

TEST_F(QuestionStoreTest, QuestionsByIdsFollowTheOrderAskedAndRefuseMissingRevisions) {
  const auto doc = sample_bank();
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    co_await store.import_bank(doc, "admin");
    const auto bank = co_await store.published_bank(JurisdictionCode("vn"));
    const std::vector<QuestionRef> refs{{bank[3].id, 1}, {bank[0].id, 1}, {bank[2].id, 1}};
    const auto content = co_await store.questions_by_ids(refs);
    require(content.size() == 3, "three questions");
    EXPECT_EQ(content[0], bank[3]);
    EXPECT_EQ(content[1], bank[0]);
    EXPECT_EQ(content[2], bank[2]);
    const std::vector<QuestionRef> none;
    EXPECT_TRUE((co_await store.questions_by_ids(none)).empty());

    const std::vector<QuestionRef> missing{{bank[0].id, 1}, {bank[0].id, 2}};
    bool not_found = false;
    try {
      co_await store.questions_by_ids(missing);
    } catch (const NotFound&) {
      not_found = true;
    }
    EXPECT_TRUE(not_found);
  });
}

TEST_F(QuestionStoreTest, ListQuestionsFiltersAndPages) {
  const auto doc = sample_bank();
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    co_await store.import_bank(doc, "admin");
    QuestionFilter filter;
    filter.jurisdiction = JurisdictionCode("vn");
    filter.size = 4;
    auto page = co_await store.list_questions(filter);
    EXPECT_EQ(page.total, 6);
    require(page.items.size() == 4, "a full first page");
    EXPECT_EQ(page.items[0].external_id, "vn-0001");
    EXPECT_EQ(page.items[3].external_id, "vn-0301");
    filter.page = 2;
    page = co_await store.list_questions(filter);
    EXPECT_EQ(page.total, 6);
    require(page.items.size() == 2, "the rest on page 2");
    EXPECT_EQ(page.items[1].external_id, "vn-0303");
    filter.page = 3;
    page = co_await store.list_questions(filter);
    EXPECT_EQ(page.total, 6);
    EXPECT_TRUE(page.items.empty());

    QuestionFilter drafts;
    drafts.status = QuestionStatus::draft;
    page = co_await store.list_questions(drafts);
    require(page.items.size() == 1, "one draft");
    EXPECT_EQ(page.items[0].external_id, "vn-0303");

    QuestionFilter topic;
    topic.jurisdiction = JurisdictionCode("vn");
    topic.topic = TopicCode("vn.5");
    topic.text = "bien bao";
    page = co_await store.list_questions(topic);
    EXPECT_EQ(page.total, 2);

    QuestionFilter by_external_id;
    by_external_id.text = "uk-0002";
    page = co_await store.list_questions(by_external_id);
    require(page.items.size() == 1, "found by external_id");
    EXPECT_EQ(page.items[0].external_id, "uk-0002");
  });
}

}  // namespace
