// The learner's answer log, Leitner queue and bookmarks.
#include "catalog/domain/mistakes.hpp"
#include "catalog/io/bank_document.hpp"
#include "catalog/store/store_test_support.hpp"

namespace {

using namespace std::chrono_literals;
using dt::Awaitable;
using dt::catalog::JurisdictionCode;
using dt::catalog::LeitnerCard;
using dt::catalog::make_date;
using dt::catalog::Question;
using dt::catalog::TimePoint;
using dt::catalog::TopicCode;
using dt::catalog::store::AnswerEntry;
using dt::catalog::store::AnswerSource;
using dt::catalog::store::CatalogStore;
using dt::catalog::store::NotFound;
using dt::catalog::store::StoredExam;
using dt::catalog::store::testing::instant;
using dt::catalog::store::testing::make_exam;
using dt::catalog::store::testing::require;
using dt::catalog::store::testing::sample_bank;
using dt::catalog::store::testing::StoreTest;
using dt::catalog::store::testing::vn_blueprint;
namespace db = dt::db;

class LearningStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    const auto doc = sample_bank();
    run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
      co_await store.import_bank(doc, "admin");
      vn_ = co_await store.published_bank(JurisdictionCode("vn"));
    });
  }

  std::vector<Question> vn_;
};

AnswerEntry practice(const Question& q, bool correct, TimePoint at) {
  return AnswerEntry{q.id, q.revision, correct, at, AnswerSource::practice, std::nullopt};
}

TEST_F(LearningStoreTest, TheAnswerLogKeepsOrderAndLogsAnExamOnce) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const TimePoint t = instant("2025-07-01T08:00:00Z");
    const std::vector<Question> content{vn_[0], vn_[3]};
    const StoredExam fresh = make_exam(vn_blueprint(), content, t, "user-1");
    const StoredExam exam = co_await store.create_exam(fresh);

    const std::vector<AnswerEntry> first{practice(vn_[1], false, t + 1s), practice(vn_[1], true, t + 1s),
                                         practice(vn_[0], false, t - 1h)};
    co_await store.record_answers("user-1", first);
    std::vector<AnswerEntry> from_exam{AnswerEntry{vn_[0].id, 1, true, t + 30s, AnswerSource::exam, exam.id},
                                       AnswerEntry{vn_[3].id, 1, false, t + 30s, AnswerSource::exam, exam.id}};
    co_await store.record_answers("user-1", from_exam);
    co_await store.record_answers("user-1", from_exam);  // a retried request
    const std::vector<AnswerEntry> other{practice(vn_[2], false, t)};
    co_await store.record_answers("user-2", other);

    const auto log = co_await store.answer_log("user-1");
    require(log.size() == 5, "five answers");
    EXPECT_EQ(log[0].question, vn_[0].id);  // an hour earlier
    EXPECT_EQ(log[0].answered_at, t - 1h);
    EXPECT_EQ(log[0].topic, TopicCode("vn.1"));
    EXPECT_FALSE(log[1].correct);  // same instant: in the order recorded
    EXPECT_TRUE(log[2].correct);
    EXPECT_EQ(log[3].source, AnswerSource::exam);
    EXPECT_EQ(log[3].exam_id, exam.id);
    EXPECT_EQ(log[4].topic, TopicCode("vn.5"));
    EXPECT_EQ(log[4].source, AnswerSource::exam);
    EXPECT_EQ(log[1].source, AnswerSource::practice);
    EXPECT_FALSE(log[1].exam_id.has_value());

    std::vector<dt::catalog::LoggedAnswer> logged;
    for (const auto& entry : log) logged.push_back({entry.question, entry.correct, entry.answered_at});
    const auto mistakes = dt::catalog::mistakes(logged);
    require(mistakes.size() == 1, "one open mistake");
    EXPECT_EQ(mistakes[0].question, vn_[3].id);

    const std::vector<AnswerEntry> unknown{AnswerEntry{vn_[0].id, 7, true, t, AnswerSource::practice, std::nullopt}};
    bool missing = false;
    try {
      co_await store.record_answers("user-1", unknown);
    } catch (const NotFound&) {
      missing = true;
    }
    EXPECT_TRUE(missing);
  });
}

TEST_F(LearningStoreTest, LeitnerCardsRoundTrip) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    const LeitnerCard a{vn_[0].id, 1, make_date(2025, 7, 2)};
    const LeitnerCard b{vn_[1].id, 3, make_date(2025, 7, 1)};
    co_await store.save_leitner_card("user-1", a);
    co_await store.save_leitner_card("user-1", b);
    const std::vector<LeitnerCard> both{b, a};  // by due date
    EXPECT_EQ(co_await store.leitner_cards("user-1"), both);

    const LeitnerCard promoted{vn_[0].id, 2, make_date(2025, 7, 4)};
    co_await store.save_leitner_card("user-1", promoted);
    const std::vector<LeitnerCard> after{b, promoted};
    EXPECT_EQ(co_await store.leitner_cards("user-1"), after);
    EXPECT_TRUE((co_await store.leitner_cards("user-2")).empty());

    EXPECT_TRUE(co_await store.remove_leitner_card("user-1", vn_[1].id));
    EXPECT_FALSE(co_await store.remove_leitner_card("user-1", vn_[1].id));
    const std::vector<LeitnerCard> one{promoted};
    EXPECT_EQ(co_await store.leitner_cards("user-1"), one);
  });
}

TEST_F(LearningStoreTest, BookmarksRoundTrip) {
  run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
    EXPECT_TRUE(co_await store.add_bookmark("user-1", vn_[2].id));
    EXPECT_TRUE(co_await store.add_bookmark("user-1", vn_[0].id));
    EXPECT_FALSE(co_await store.add_bookmark("user-1", vn_[0].id));
    const auto marks = co_await store.bookmarks("user-1");
    require(marks.size() == 2, "two bookmarks");
    EXPECT_EQ(marks[0].question, vn_[0].id);  // newest first
    EXPECT_EQ(marks[1].question, vn_[2].id);
    EXPECT_GE(marks[0].created_at, marks[1].created_at);

    EXPECT_TRUE(co_await store.remove_bookmark("user-1", vn_[0].id));
    EXPECT_FALSE(co_await store.remove_bookmark("user-1", vn_[0].id));
    EXPECT_EQ((co_await store.bookmarks("user-1")).size(), 1u);
    EXPECT_TRUE((co_await store.bookmarks("user-2")).empty());

    bool missing = false;
    try {
      co_await store.add_bookmark("user-1", 987654321);
    } catch (const NotFound&) {
      missing = true;
    }
    EXPECT_TRUE(missing);
  });
}

}  // namespace
