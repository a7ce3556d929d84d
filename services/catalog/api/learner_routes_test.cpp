// The signed-in learner's routes over HTTP against the real PostgreSQL and Redis, with the Vietnamese demo bank:
// practice answers feeding mistakes and the review queue, exam history, statistics and bookmarks.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <set>

#include "catalog/api/test_support/catalog_harness.hpp"

namespace {

using dt::catalog::testing::CatalogHarness;
using dt::catalog::testing::mentions;
using dt::catalog::testing::Reply;
namespace json = boost::json;

struct Key {
  std::string external_id;
  std::vector<std::int64_t> correct;
  std::int64_t wrong = 0;  // an option that is not correct
  bool critical = false;
};

// A question's identity across the bank file and the API: its Vietnamese text and its media (several road-sign
// questions share the text "Biển này có ý nghĩa gì?" and differ by the sign shown).
std::string identity(const json::value& question) {
  const auto& text = question.at("text");
  std::string id(text.is_string() ? text.as_string() : text.at("vi").as_string());
  for (const auto& m : question.at("media").as_array()) id += "|" + std::string(m.at("key").as_string());
  return id;
}

// The Vietnamese bank's answers, by identity().
std::map<std::string, Key> answer_key() {
  std::map<std::string, Key> key;
  const auto doc = json::parse(dt::catalog::testing::read_data_file("vn-bank.json"));
  for (const auto& q : doc.at("questions").as_array()) {
    Key k;
    k.external_id = std::string(q.at("external_id").as_string());
    const auto& options = q.at("options").as_array();
    for (std::size_t i = 0; i < options.size(); ++i) {
      if (options[i].at("correct").as_bool()) {
        k.correct.push_back(static_cast<std::int64_t>(i));
      } else {
        k.wrong = static_cast<std::int64_t>(i);
      }
    }
    k.critical = q.as_object().contains("critical") && q.at("critical").as_bool();
    key[identity(q)] = k;
  }
  return key;
}

const json::array& items_of(const Reply& r) { return r.body.at("items").as_array(); }
std::string field_of(const Reply& r) {
  const auto* o = r.body.if_object();
  const auto* f = o ? o->if_contains("field") : nullptr;
  return f && f->is_string() ? std::string(f->as_string()) : "";
}
std::string selected(const std::vector<std::int64_t>& ids) {
  json::array list;
  for (auto id : ids) list.push_back(id);
  return json::serialize(json::object{{"selected", list}});
}

class LearnerRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    harness_ = new CatalogHarness({"vn-bank.json"});
    key_ = new std::map<std::string, Key>(answer_key());
  }
  static void TearDownTestSuite() {
    delete harness_;
    delete key_;
  }
  static CatalogHarness& h() { return *harness_; }
  static const Key& key_of(const json::value& question) { return key_->at(identity(question)); }

  // The id of the demo question with this external id, through the public practice list.
  static std::int64_t question_id(const std::string& external_id) {
    for (int page = 1; page <= 3; ++page) {
      auto r = h().get("/api/catalog/practice/questions?jurisdiction=vn&lang=vi&size=100&page=" + std::to_string(page));
      for (const auto& q : items_of(r)) {
        if (key_of(q).external_id == external_id) return q.at("id").as_int64();
      }
    }
    ADD_FAILURE() << "no question " << external_id;
    return 0;
  }
  static Reply practise(const std::string& user, std::int64_t id, const std::vector<std::int64_t>& answer) {
    const std::string body = R"({"question_id":)" + std::to_string(id) + R"(,"answer":)" + selected(answer) + "}";
    return h().call("POST", "/api/catalog/practice/answers", body, user);
  }
  static Reply start_exam(const std::string& user, const std::string& licence_class) {
    return h().call("POST", "/api/catalog/exams", R"({"jurisdiction":"vn","licence_class":")" + licence_class + "\"}",
                    user);
  }
  // Answers every question of a started exam, `wrong` of the non-critical ones wrongly, and submits it.
  static Reply take_exam(const std::string& user, const Reply& started, int wrong) {
    const std::string id(started.body.at("id").as_string());
    const auto& questions = started.body.at("questions").as_array();
    for (std::size_t i = 0; i < questions.size(); ++i) {
      const auto& k = key_of(questions[i]);
      std::vector<std::int64_t> answer = k.correct;
      if (!k.critical && wrong > 0) {
        answer = {k.wrong};
        --wrong;
      }
      auto a =
          h().call("PUT", "/api/catalog/exams/" + id + "/answers/" + std::to_string(i + 1), selected(answer), user);
      EXPECT_EQ(a.status, 200) << a.text;
    }
    return h().call("POST", "/api/catalog/exams/" + id + "/submit", "", user);
  }

  static inline CatalogHarness* harness_ = nullptr;
  static inline std::map<std::string, Key>* key_ = nullptr;
};

TEST_F(LearnerRoutes, EveryMeRouteIs401WhenAnonymous) {
  for (const char* target :
       {"/api/catalog/me/history", "/api/catalog/me/statistics", "/api/catalog/me/mistakes",
        "/api/catalog/me/review-queue", "/api/catalog/me/bookmarks", "/api/catalog/me/history?page=0"}) {
    EXPECT_EQ(h().get(target).status, 401) << target;
  }
  EXPECT_EQ(h().call("PUT", "/api/catalog/me/bookmarks/1").status, 401);
  EXPECT_EQ(h().call("DELETE", "/api/catalog/me/bookmarks/1").status, 401);
  EXPECT_EQ(h().call("PUT", "/api/catalog/me/bookmarks/abc").status, 401);
}

TEST_F(LearnerRoutes, AWrongAnswerIsAMistakeToReviewTomorrowUntilAnsweredRight) {
  const std::string user = "learner-mistakes";
  const auto id = question_id("vn-0001");  // correct: option 0
  auto wrong = practise(user, id, {1});
  ASSERT_EQ(wrong.status, 200) << wrong.text;
  EXPECT_FALSE(wrong.body.at("correct").as_bool());
  EXPECT_TRUE(wrong.body.at("recorded").as_bool());
  EXPECT_EQ(wrong.body.at("review").at("box").as_int64(), 1);

  auto mistakes = h().get("/api/catalog/me/mistakes", user);
  ASSERT_EQ(mistakes.status, 200) << mistakes.text;
  ASSERT_EQ(items_of(mistakes).size(), 1u);
  const auto& mistake = items_of(mistakes)[0];
  EXPECT_EQ(mistake.at("id").as_int64(), id);
  EXPECT_EQ(mistake.at("times_wrong").as_int64(), 1);
  EXPECT_TRUE(mistake.as_object().contains("last_wrong_at"));
  EXPECT_FALSE(mentions(mistakes.body, "correct") || mentions(mistakes.body, "explanation"));

  auto today = h().get("/api/catalog/me/review-queue", user);
  ASSERT_EQ(today.status, 200) << today.text;
  EXPECT_TRUE(items_of(today).empty()) << "a wrong answer is due the next day";
  EXPECT_NE(wrong.body.at("review").at("due"), today.body.at("date"));

  h().advance_clock(std::chrono::hours(24));
  auto tomorrow = h().get("/api/catalog/me/review-queue", user);
  ASSERT_EQ(tomorrow.status, 200);
  ASSERT_EQ(items_of(tomorrow).size(), 1u);
  EXPECT_EQ(items_of(tomorrow)[0].at("id").as_int64(), id);
  EXPECT_EQ(items_of(tomorrow)[0].at("box").as_int64(), 1);
  EXPECT_EQ(items_of(tomorrow)[0].at("due").as_string(), wrong.body.at("review").at("due").as_string());
  EXPECT_EQ(tomorrow.body.at("date").as_string(), wrong.body.at("review").at("due").as_string());
  EXPECT_FALSE(mentions(tomorrow.body, "correct") || mentions(tomorrow.body, "explanation"));

  practise(user, id, {1});
  EXPECT_EQ(items_of(h().get("/api/catalog/me/mistakes", user))[0].at("times_wrong").as_int64(), 2);

  auto right = practise(user, id, {0});
  ASSERT_EQ(right.status, 200);
  EXPECT_TRUE(right.body.at("correct").as_bool());
  EXPECT_EQ(right.body.at("review").at("box").as_int64(), 2) << "up one box";
  EXPECT_TRUE(items_of(h().get("/api/catalog/me/mistakes", user)).empty()) << "answered right since";
  EXPECT_TRUE(items_of(h().get("/api/catalog/me/review-queue", user)).empty()) << "due in two days now";

  auto other = h().get("/api/catalog/me/mistakes", "someone-else");
  EXPECT_TRUE(items_of(other).empty()) << "mistakes are per learner";
  auto fresh = practise("learner-right-first", id, {0});
  EXPECT_TRUE(fresh.body.at("review").is_null()) << "a right answer does not enter the queue";
}

TEST_F(LearnerRoutes, HistoryAfterExamsWithFiltersAndPaging) {
  const std::string user = "learner-history";
  auto b1 = start_exam(user, "B");
  ASSERT_EQ(b1.status, 201) << b1.text;
  auto submitted = take_exam(user, b1, 2);
  ASSERT_EQ(submitted.status, 200) << submitted.text;
  auto a1 = start_exam(user, "A1");
  ASSERT_EQ(a1.status, 201);
  auto b2 = start_exam(user, "B");
  ASSERT_EQ(b2.status, 201);
  ASSERT_EQ(start_exam("someone-else", "B").status, 201);

  auto all = h().get("/api/catalog/me/history", user);
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_EQ(all.body.at("total").as_int64(), 3);
  ASSERT_EQ(items_of(all).size(), 3u);
  EXPECT_EQ(items_of(all)[0].at("id"), b2.body.at("id")) << "newest first";
  const auto& first = items_of(all)[2];
  EXPECT_EQ(first.at("id"), b1.body.at("id"));
  EXPECT_EQ(first.at("status").as_string(), "submitted");
  EXPECT_EQ(first.at("score").as_int64(), 28);
  EXPECT_EQ(first.at("max_score").as_int64(), 30);
  EXPECT_TRUE(first.at("passed").as_bool());
  EXPECT_EQ(first.at("blueprint").at("code").as_string(), "vn-2025-B");
  EXPECT_FALSE(first.at("finished_at").is_null());
  EXPECT_EQ(items_of(all)[0].at("status").as_string(), "in_progress");
  EXPECT_TRUE(items_of(all)[0].at("score").is_null());

  EXPECT_EQ(h().get("/api/catalog/me/history?licence_class=B", user).body.at("total").as_int64(), 2);
  EXPECT_EQ(h().get("/api/catalog/me/history?licence_class=A1", user).body.at("total").as_int64(), 1);
  EXPECT_EQ(h().get("/api/catalog/me/history?licence_class=C", user).body.at("total").as_int64(), 0);

  auto page2 = h().get("/api/catalog/me/history?size=1&page=2", user);
  ASSERT_EQ(page2.status, 200);
  EXPECT_EQ(page2.body.at("total").as_int64(), 3);
  ASSERT_EQ(items_of(page2).size(), 1u);
  EXPECT_EQ(items_of(page2)[0].at("id"), a1.body.at("id"));
  EXPECT_TRUE(items_of(h().get("/api/catalog/me/history?size=1&page=4", user)).empty());

  const std::string day = std::string(first.at("started_at").as_string()).substr(0, 10);
  EXPECT_EQ(h().get("/api/catalog/me/history?from=" + day + "&to=" + day, user).body.at("total").as_int64(), 3)
      << "both days included";
  EXPECT_EQ(h().get("/api/catalog/me/history?to=2020-01-01", user).body.at("total").as_int64(), 0);
  EXPECT_EQ(h().get("/api/catalog/me/history?from=2199-12-31", user).body.at("total").as_int64(), 0);

  const std::vector<std::pair<std::string, std::string>> bad{
      {"?from=2025-13-01", "from"},
      {"?to=yesterday", "to"},
      {"?from=2025-06-02&to=2025-06-01", "to"},
      {"?from=2999-01-01", "from"},
      {"?to=1969-12-31", "to"},
      {"?page=0", "page"},
      {"?size=101", "size"},
      {"?licence_class=b%20b", "licence_class"},
  };
  for (const auto& [query, field] : bad) {
    auto r = h().get("/api/catalog/me/history" + query, user);
    EXPECT_EQ(r.status, 400) << query << ": " << r.text;
    EXPECT_EQ(field_of(r), field) << query;
  }
}

TEST_F(LearnerRoutes, StatisticsAgreeWithOneSubmittedExam) {
  const std::string user = "learner-stats";
  auto empty = h().get("/api/catalog/me/statistics", user);
  ASSERT_EQ(empty.status, 200) << empty.text;
  EXPECT_EQ(empty.body.at("exams").as_int64(), 0);
  EXPECT_EQ(empty.body.at("readiness").as_int64(), 0);
  EXPECT_TRUE(empty.body.at("topics").as_array().empty());

  auto started = start_exam(user, "B");
  ASSERT_EQ(started.status, 201);
  auto result = take_exam(user, started, 4);
  ASSERT_EQ(result.status, 200) << result.text;
  ASSERT_EQ(result.body.at("score").as_int64(), 26);
  ASSERT_FALSE(result.body.at("passed").as_bool());

  auto stats = h().get("/api/catalog/me/statistics?lang=en", user);
  ASSERT_EQ(stats.status, 200) << stats.text;
  const auto& s = stats.body;
  EXPECT_EQ(s.at("exams").as_int64(), 1);
  EXPECT_EQ(s.at("exams_passed").as_int64(), 0);
  EXPECT_EQ(s.at("pass_rate_percent").as_int64(), 0);
  EXPECT_EQ(s.at("practice_answers").as_int64(), 0);
  const auto& trend = s.at("trend").as_array();
  ASSERT_EQ(trend.size(), 1u);
  EXPECT_EQ(trend[0].at("score").as_int64(), 26);
  EXPECT_EQ(trend[0].at("max_score").as_int64(), 30);
  EXPECT_EQ(trend[0].at("percent").as_int64(), 86);
  EXPECT_FALSE(trend[0].at("passed").as_bool());

  std::map<std::string, std::pair<std::int64_t, std::int64_t>> expected;  // the result's topic scores
  for (const auto& t : result.body.at("topics").as_array()) {
    expected[std::string(t.at("topic").as_string())] = {t.at("correct").as_int64(), t.at("total").as_int64()};
  }
  std::int64_t correct = 0;
  std::int64_t total = 0;
  std::optional<std::int64_t> weakest;
  std::set<std::string> weak;
  for (const auto& t : s.at("topics").as_array()) {
    const std::string code(t.at("topic").as_string());
    const auto c = t.at("correct").as_int64();
    const auto n = t.at("total").as_int64();
    EXPECT_EQ(expected.at(code), std::make_pair(c, n)) << code;
    EXPECT_EQ(t.at("percent").as_int64(), c * 100 / n);
    EXPECT_TRUE(t.at("name").is_string()) << "topic names in the request's language";
    correct += c;
    total += n;
    if (n >= 5) weakest = std::min(weakest.value_or(100), c * 100 / n);
    if (n >= 5 && c * 100 / n < 80) weak.insert(code);
  }
  EXPECT_EQ(correct, 26);
  EXPECT_EQ(total, 30);
  EXPECT_EQ(s.at("topics").as_array().at(0).at("topic").as_string(), "vn.1");
  EXPECT_EQ(s.at("topics").as_array().at(0).at("name").as_string(), "General provisions and rules of road traffic");
  std::set<std::string> weak_listed;
  for (const auto& t : s.at("weak_topics").as_array()) weak_listed.insert(std::string(t.at("topic").as_string()));
  EXPECT_EQ(weak_listed, weak);
  // readiness = (40 * pass% + 30 * score% + 30 * weakest topic%) / 100 over the one exam.
  const std::int64_t topic_part = weakest.value_or(correct * 100 / total);
  EXPECT_EQ(s.at("readiness").as_int64(), (40 * 0 + 30 * 86 + 30 * topic_part) / 100);

  auto mistakes = h().get("/api/catalog/me/mistakes", user);
  EXPECT_EQ(items_of(mistakes).size(), 4u) << "exam answers count as mistakes too";

  const auto id = question_id("vn-0001");
  practise(user, id, {1});
  auto with_practice = h().get("/api/catalog/me/statistics", user);
  EXPECT_EQ(with_practice.body.at("practice_answers").as_int64(), 1);
  EXPECT_EQ(with_practice.body.at("exams").as_int64(), 1) << "practice is not an exam";
  EXPECT_EQ(h().get("/api/catalog/me/statistics?blueprint=vn-2025-A1", user).body.at("exams").as_int64(), 0);
  EXPECT_EQ(field_of(h().get("/api/catalog/me/statistics?blueprint=a%20b", user)), "blueprint");
}

TEST_F(LearnerRoutes, BookmarksRoundTrip) {
  const std::string user = "learner-bookmarks";
  const auto id = question_id("vn-0002");
  const auto path = "/api/catalog/me/bookmarks/" + std::to_string(id);
  auto added = h().call("PUT", path, "", user);
  ASSERT_EQ(added.status, 201) << added.text;
  EXPECT_EQ(added.header("location"), path);
  EXPECT_EQ(h().call("PUT", path, "", user).status, 200) << "already bookmarked";

  auto list = h().get("/api/catalog/me/bookmarks", user);
  ASSERT_EQ(list.status, 200) << list.text;
  EXPECT_EQ(list.body.at("total").as_int64(), 1);
  ASSERT_EQ(items_of(list).size(), 1u);
  EXPECT_EQ(items_of(list)[0].at("question_id").as_int64(), id);
  EXPECT_EQ(items_of(list)[0].at("question").at("id").as_int64(), id);
  EXPECT_FALSE(mentions(list.body, "correct") || mentions(list.body, "explanation"));
  EXPECT_TRUE(items_of(h().get("/api/catalog/me/bookmarks", "someone-else")).empty());

  EXPECT_EQ(h().call("DELETE", path, "", user).status, 204);
  EXPECT_EQ(h().call("DELETE", path, "", user).status, 404) << "no longer bookmarked";
  EXPECT_TRUE(items_of(h().get("/api/catalog/me/bookmarks", user)).empty());

  EXPECT_EQ(h().call("PUT", "/api/catalog/me/bookmarks/99999999", "", user).status, 404);
  for (const char* bad : {"abc", "0", "-1", "1.5", "99999999999999999999"}) {
    auto put = h().call("PUT", std::string("/api/catalog/me/bookmarks/") + bad, "", user);
    EXPECT_EQ(put.status, 400) << bad;
    EXPECT_EQ(field_of(put), "question_id");
    EXPECT_EQ(h().call("DELETE", std::string("/api/catalog/me/bookmarks/") + bad, "", user).status, 400) << bad;
  }
}

TEST_F(LearnerRoutes, RejectedAnswersAreNotRecorded) {
  const std::string user = "learner-rejected";
  const auto id = question_id("vn-0003");
  auto bad = practise(user, id, {99});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(field_of(bad), "answer.selected[0]");
  EXPECT_EQ(practise(user, 99999999, {0}).status, 404);
  auto mistakes = h().get("/api/catalog/me/mistakes", user);
  ASSERT_EQ(mistakes.status, 200);
  EXPECT_EQ(mistakes.body.at("total").as_int64(), 0);
  EXPECT_EQ(h().get("/api/catalog/me/statistics", user).body.at("practice_answers").as_int64(), 0);
  h().advance_clock(std::chrono::hours(24));
  EXPECT_TRUE(items_of(h().get("/api/catalog/me/review-queue", user)).empty());
}

TEST_F(LearnerRoutes, HostileInputIsAClientErrorNeverA500) {
  const std::string user = "learner-hostile";
  const std::vector<std::string> targets{
      "/api/catalog/me/history?page=1000000&size=100", "/api/catalog/me/history?from=0000-01-01",
      "/api/catalog/me/history?licence_class=" + std::string(65, 'B'), "/api/catalog/me/statistics?blueprint=%00",
      "/api/catalog/me/history?to=9999-12-31"};
  for (const auto& target : targets) {
    auto r = h().get(target, user);
    EXPECT_LT(r.status, 500) << target << ": " << r.text;
  }
  for (const char* id : {"999999999999999999", "9223372036854775807", "%00", "1%2F2"}) {
    for (const char* method : {"PUT", "DELETE"}) {
      auto r = h().call(method, std::string("/api/catalog/me/bookmarks/") + id, "", user);
      EXPECT_GE(r.status, 400) << method << " " << id;
      EXPECT_LT(r.status, 500) << method << " " << id << ": " << r.text;
    }
  }
  // The user id is the signed token's subject: an unusual one is still just an id.
  auto long_subject = h().get("/api/catalog/me/history", std::string(200, 'u'));
  EXPECT_EQ(long_subject.status, 200) << long_subject.text;
}

}  // namespace
