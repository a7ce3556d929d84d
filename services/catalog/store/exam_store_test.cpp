// Exams: exact round trips, pinned revisions, optimistic concurrency, history, the expiry sweep's query.
#include "catalog/io/bank_document.hpp"
#include "catalog/store/store_test_support.hpp"

namespace {

using namespace std::chrono_literals;
using dt::Awaitable;
using dt::catalog::ChoiceAnswer;
using dt::catalog::ExamFinish;
using dt::catalog::JurisdictionCode;
using dt::catalog::LicenceClassCode;
using dt::catalog::Question;
using dt::catalog::QuestionId;
using dt::catalog::TimePoint;
using dt::catalog::store::CatalogStore;
using dt::catalog::store::ConcurrentModification;
using dt::catalog::store::Conflict;
using dt::catalog::store::ExamStatus;
using dt::catalog::store::HistoryFilter;
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

class ExamStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    const auto doc = sample_bank();
    run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
      co_await store.import_bank(doc, "admin");
      vn_ = co_await store.published_bank(JurisdictionCode("vn"));
      uk_ = co_await store.published_bank(JurisdictionCode("uk"));
    });
  }

  // A Vietnamese exam over two questions of the bank, started at `started`.
  StoredExam vn_exam(TimePoint started, std::optional<std::string> user = "user-1", std::size_t first = 0) const {
    const std::vector<Question> content{vn_[first], vn_[3]};
    return make_exam(vn_blueprint(), content, started, std::move(user));
  }

  // Answers the first question right and submits.
  void finish(StoredExam& exam, TimePoint at, const std::vector<Question>& content) const {
    dt::catalog::answer(exam.session, 0, ChoiceAnswer{{0}}, at - 1s);
    dt::catalog::submit(exam.session, vn_blueprint(), content, at);
    exam.status = dt::catalog::store::exam_status(exam.session);
  }

  std::vector<Question> vn_;
  std::vector<Question> uk_;
};

TEST_F(ExamStoreTest, AnExamRoundTripsExactly) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    StoredExam exam = vn_exam(instant("2025-07-01T08:00:00.123456789Z"));
    dt::catalog::answer(exam.session, 1, ChoiceAnswer{{2, 0}}, instant("2025-07-01T08:00:10.5Z"));
    dt::catalog::flag(exam.session, 0, true, instant("2025-07-01T08:00:11Z"));
    const StoredExam created = co_await store.create_exam(exam);
    EXPECT_EQ(created.id.size(), 36u);
    EXPECT_EQ(created.version, 1);
    const auto loaded = co_await store.exam(created.id);
    require(loaded.has_value(), "loaded");
    EXPECT_EQ(*loaded, created);
    EXPECT_EQ(loaded->seed, 0xfedcba9876543210ULL);
    EXPECT_EQ(loaded->status, ExamStatus::in_progress);

    StoredExam anonymous = vn_exam(instant("2025-07-01T09:00:00Z"), std::nullopt);
    anonymous.id = "0b8e7c9e-3f51-4b0c-9d67-2f1f0c1d2e3f";
    const StoredExam stored = co_await store.create_exam(anonymous);
    EXPECT_EQ(stored.id, anonymous.id);
    EXPECT_EQ(co_await store.exam(anonymous.id), stored);
    bool conflict = false;
    try {
      co_await store.create_exam(anonymous);
    } catch (const Conflict&) {
      conflict = true;
    }
    EXPECT_TRUE(conflict);

    EXPECT_FALSE((co_await store.exam("not-a-uuid")).has_value());
    EXPECT_FALSE((co_await store.exam("00000000-0000-0000-0000-000000000000")).has_value());
  });
}

TEST_F(ExamStoreTest, AnExamKeepsTheRevisionItDrewAfterEditsAndDeletes) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const StoredExam fresh = vn_exam(instant("2025-07-01T08:00:00Z"));
    const StoredExam exam = co_await store.create_exam(fresh);
    Question edited = vn_[0];
    edited.text.set("vi", "Nội dung mới");
    EXPECT_EQ(co_await store.update_question(edited.id, edited, "admin"), 2);
    co_await store.delete_question(vn_[3].id, "admin");

    const auto loaded = co_await store.exam(exam.id);
    require(loaded.has_value(), "the exam still loads");
    const auto refs = dt::catalog::store::refs_of(loaded->drawn);
    const auto content = co_await store.questions_by_ids(refs);
    require(content.size() == 2, "both questions");
    EXPECT_EQ(content[0], vn_[0]);  // revision 1, not the edit
    EXPECT_EQ(content[1], vn_[3]);  // deleted since, still there for the exam

    // And it can still be graded with them.
    StoredExam graded = *loaded;
    dt::catalog::submit(graded.session, vn_blueprint(), content, instant("2025-07-01T08:00:30Z"));
    graded.status = dt::catalog::store::exam_status(graded.session);
    EXPECT_EQ(co_await store.save_exam(graded), 2);
  });
}

TEST_F(ExamStoreTest, ASaveFromAStaleVersionIsAConcurrentModification) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const StoredExam fresh = vn_exam(instant("2025-07-01T08:00:00Z"));
    const StoredExam created = co_await store.create_exam(fresh);
    StoredExam first = created;
    StoredExam second = created;
    dt::catalog::answer(first.session, 0, ChoiceAnswer{{0}}, instant("2025-07-01T08:00:05Z"));
    dt::catalog::answer(second.session, 0, ChoiceAnswer{{1}}, instant("2025-07-01T08:00:06Z"));
    EXPECT_EQ(co_await store.save_exam(first), 2);
    bool moved = false;
    try {
      co_await store.save_exam(second);
    } catch (const ConcurrentModification& e) {
      moved = e.status() == 409;
    }
    EXPECT_TRUE(moved);
    const auto loaded = co_await store.exam(created.id);
    require(loaded.has_value(), "loaded");
    EXPECT_EQ(loaded->version, 2);
    EXPECT_EQ(loaded->session, first.session);

    // Retrying from what is stored now succeeds.
    StoredExam retry = *loaded;
    dt::catalog::answer(retry.session, 1, ChoiceAnswer{{1}}, instant("2025-07-01T08:00:07Z"));
    EXPECT_EQ(co_await store.save_exam(retry), 3);

    StoredExam ghost = created;
    ghost.id = "11111111-2222-3333-4444-555555555555";
    bool missing = false;
    try {
      co_await store.save_exam(ghost);
    } catch (const NotFound&) {
      missing = true;
    }
    EXPECT_TRUE(missing);
  });
}

TEST_F(ExamStoreTest, HistoryPagesNewestFirstAndFilters) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const TimePoint day = instant("2025-07-01T08:00:00Z");
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
      StoredExam exam = vn_exam(day + std::chrono::hours(24 * i));
      if (i % 2 == 0) {
        const std::vector<Question> content{vn_[0], vn_[3]};
        finish(exam, day + std::chrono::hours(24 * i) + 30s, content);
      }
      const StoredExam created = co_await store.create_exam(exam);
      ids.push_back(created.id);
    }
    const std::vector<Question> uk_content{uk_[0]};
    StoredExam uk = make_exam(uk_blueprint(), uk_content, day + 1h, "user-1");
    co_await store.create_exam(uk);
    const StoredExam other = vn_exam(day, "someone-else");
    co_await store.create_exam(other);

    const HistoryFilter everything;
    auto page = co_await store.history("user-1", everything, 1, 4);
    EXPECT_EQ(page.total, 6);
    require(page.items.size() == 4, "a full page");
    EXPECT_EQ(page.items[0].id, ids[4]);
    EXPECT_EQ(page.items[0].status, ExamStatus::submitted);
    EXPECT_EQ(page.items[0].passed, false);  // one of two right, pass mark 2
    EXPECT_EQ(page.items[0].score, 1);
    EXPECT_EQ(page.items[0].max_score, 2);
    EXPECT_EQ(page.items[0].started_at, day + std::chrono::hours(96));
    EXPECT_EQ(page.items[0].finished_at, day + std::chrono::hours(96) + 30s);
    EXPECT_EQ(page.items[1].status, ExamStatus::in_progress);
    EXPECT_FALSE(page.items[1].finished_at.has_value());
    EXPECT_FALSE(page.items[1].score.has_value());
    page = co_await store.history("user-1", everything, 2, 4);
    EXPECT_EQ(page.total, 6);
    require(page.items.size() == 2, "the rest");
    EXPECT_EQ(page.items[0].blueprint_code, "uk-car");  // day 0, an hour after the first Vietnamese exam
    EXPECT_EQ(page.items[0].jurisdiction, JurisdictionCode("uk"));
    EXPECT_EQ(page.items[1].id, ids[0]);

    HistoryFilter vn_only;
    vn_only.jurisdiction = JurisdictionCode("vn");
    vn_only.licence_class = LicenceClassCode("B");
    vn_only.from = day + 12h;
    vn_only.to = day + std::chrono::hours(72);  // exclusive
    page = co_await store.history("user-1", vn_only, 1, 10);
    EXPECT_EQ(page.total, 2);
    require(page.items.size() == 2, "days 2 and 3");
    EXPECT_EQ(page.items[0].id, ids[2]);
    EXPECT_EQ(page.items[1].id, ids[1]);

    HistoryFilter uk_only;
    uk_only.jurisdiction = JurisdictionCode("uk");
    uk_only.licence_class = LicenceClassCode("B");
    page = co_await store.history("user-1", uk_only, 1, 10);
    EXPECT_EQ(page.total, 1);
    HistoryFilter all_b;
    all_b.licence_class = LicenceClassCode("B");
    page = co_await store.history("user-1", all_b, 1, 10);
    EXPECT_EQ(page.total, 6);  // class B of both jurisdictions

    page = co_await store.history("nobody", everything, 1, 10);
    EXPECT_EQ(page.total, 0);
    EXPECT_TRUE(page.items.empty());

    const auto records = co_await store.exam_records("user-1");
    require(records.size() == 3, "three graded exams");
    EXPECT_EQ(records[0].finished_at, day + 30s);
    EXPECT_EQ(records[2].blueprint_code, "vn-2025-B");
    EXPECT_EQ(records[2].max_score, 2);
  });
}

TEST_F(ExamStoreTest, DueForExpiryWaitsForTheGraceAfterTheDeadline) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const TimePoint start = instant("2025-07-01T08:00:00Z");  // deadline 08:01:00 (60 s)
    const StoredExam first = vn_exam(start);
    const StoredExam second = vn_exam(start + 10s);
    const StoredExam early = co_await store.create_exam(first);
    const StoredExam late = co_await store.create_exam(second);
    StoredExam done = vn_exam(start);
    const std::vector<Question> content{vn_[0], vn_[3]};
    finish(done, start + 30s, content);
    co_await store.create_exam(done);

    EXPECT_TRUE((co_await store.due_for_expiry(start + 65s, 10)).empty());  // exactly deadline + grace
    const std::vector<std::string> one{early.id};
    EXPECT_EQ(co_await store.due_for_expiry(start + 65s + 1ms, 10), one);
    const std::vector<std::string> both{early.id, late.id};
    EXPECT_EQ(co_await store.due_for_expiry(start + 2min, 10), both);
    EXPECT_EQ(co_await store.due_for_expiry(start + 2min, 1), one);

    // Once expired and saved it is no longer due.
    StoredExam expired = *(co_await store.exam(early.id));
    require(dt::catalog::expire(expired.session, vn_blueprint(), content, start + 2min), "expired");
    expired.status = dt::catalog::store::exam_status(expired.session);
    EXPECT_EQ(expired.status, ExamStatus::expired);
    co_await store.save_exam(expired);
    const std::vector<std::string> rest{late.id};
    EXPECT_EQ(co_await store.due_for_expiry(start + 2min, 10), rest);
  });
}

TEST_F(ExamStoreTest, RecentlySeenListsTheQuestionsOfTheLastExams) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const TimePoint day = instant("2025-07-01T08:00:00Z");
    for (int i = 0; i < 3; ++i) {
      const StoredExam exam = vn_exam(day + std::chrono::hours(i), "user-1", static_cast<std::size_t>(i));
      co_await store.create_exam(exam);
    }
    const std::vector<QuestionId> last_two{vn_[1].id, vn_[2].id, vn_[3].id};
    EXPECT_EQ(co_await store.recently_seen("user-1", 2), last_two);
    EXPECT_EQ((co_await store.recently_seen("user-1", 10)).size(), 4u);
    EXPECT_TRUE((co_await store.recently_seen("user-2", 10)).empty());
  });
}

}  // namespace
