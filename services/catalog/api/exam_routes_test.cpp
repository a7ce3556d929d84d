// The exam flow over HTTP against the real PostgreSQL and Redis, with the demo banks imported.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <set>
#include <thread>

#include "catalog/api/test_support/catalog_harness.hpp"

namespace {

using dt::catalog::testing::CatalogHarness;
using dt::catalog::testing::mentions;
using dt::catalog::testing::Reply;
namespace json = boost::json;

// What the bank file says about a question, found by its Vietnamese text and media (road-sign questions share a
// text and differ by their image).
struct Key {
  std::vector<std::int64_t> correct;
  bool critical = false;
};

std::string identity(const json::value& text, const json::value* media) {
  std::string id(text.as_string());
  if (media) {
    for (const auto& m : media->as_array()) id += "|" + std::string(m.at("key").as_string());
  }
  return id;
}

std::string identity_in_exam(const json::value& question) {
  return identity(question.at("text"), question.as_object().if_contains("media"));
}

std::map<std::string, Key> answer_key(const std::string& file) {
  std::map<std::string, Key> key;
  const auto doc = json::parse(dt::catalog::testing::read_data_file(file));
  for (const auto& q : doc.at("questions").as_array()) {
    Key k;
    const auto& options = q.at("options").as_array();
    for (std::size_t i = 0; i < options.size(); ++i) {
      if (options[i].at("correct").as_bool()) k.correct.push_back(static_cast<std::int64_t>(i));
    }
    k.critical = q.as_object().contains("critical") && q.at("critical").as_bool();
    key[identity(q.at("text").at("vi"), q.as_object().if_contains("media"))] = k;
  }
  return key;
}

std::string id_of(const Reply& r) { return std::string(r.body.at("id").as_string()); }

std::string answer_body(const std::vector<std::int64_t>& selected) {
  json::array ids;
  for (auto i : selected) ids.push_back(i);
  return json::serialize(json::object{{"selected", ids}});
}

class ExamRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new CatalogHarness({"vn-bank.json"}); }
  static void TearDownTestSuite() { delete harness_; }
  static CatalogHarness& h() { return *harness_; }
  static Reply start(const std::string& licence_class = "B", std::optional<std::string> user = std::nullopt) {
    return h().call("POST", "/api/catalog/exams", R"({"jurisdiction":"vn","licence_class":")" + licence_class + "\"}",
                    std::move(user));
  }
  static inline CatalogHarness* harness_ = nullptr;
};

TEST_F(ExamRoutes, StartsAClassBExamAsTheBlueprintSays) {
  auto r = start();
  ASSERT_EQ(r.status, 201) << r.text;
  EXPECT_EQ(r.header("location"), "/api/catalog/exams/" + id_of(r));
  const auto& questions = r.body.at("questions").as_array();
  EXPECT_EQ(questions.size(), 30u);
  EXPECT_EQ(r.body.at("remaining_seconds").as_int64(), 1200);
  EXPECT_EQ(r.body.at("blueprint").at("code").as_string(), "vn-2025-B");
  std::set<std::string> texts;
  for (const auto& q : questions) texts.insert(identity_in_exam(q));
  EXPECT_EQ(texts.size(), 30u) << "no question twice";
}

TEST_F(ExamRoutes, NeverSendsAnswersBeforeSubmit) {
  auto r = start();
  ASSERT_EQ(r.status, 201);
  EXPECT_FALSE(mentions(r.body, "correct"));
  EXPECT_FALSE(mentions(r.body, "explanation"));
  EXPECT_FALSE(mentions(r.body, "critical"));
  auto again = h().get("/api/catalog/exams/" + id_of(r));
  ASSERT_EQ(again.status, 200);
  EXPECT_FALSE(mentions(again.body, "correct"));
  EXPECT_FALSE(mentions(again.body, "explanation"));
}

TEST_F(ExamRoutes, ExactlyOneCriticalQuestionAndItsRuleIsVisibleInTheResult) {
  const auto key = answer_key("vn-bank.json");
  auto r = start();
  ASSERT_EQ(r.status, 201);
  const auto id = id_of(r);
  int critical = 0;
  const auto& questions = r.body.at("questions").as_array();
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto& k = key.at(identity_in_exam(questions[i]));
    critical += k.critical;
    std::vector<std::int64_t> selected = k.correct;
    if (k.critical) {  // answer the critical question wrong, everything else right
      selected.clear();
      for (const auto& option : questions[i].at("options").as_array()) {
        const auto option_id = option.at("id").as_int64();
        if (std::find(k.correct.begin(), k.correct.end(), option_id) == k.correct.end()) {
          selected.push_back(option_id);
          break;
        }
      }
    }
    auto a = h().call("PUT", "/api/catalog/exams/" + id + "/answers/" + std::to_string(i + 1), answer_body(selected));
    ASSERT_EQ(a.status, 200) << a.text;
  }
  EXPECT_EQ(critical, 1);
  auto result = h().call("POST", "/api/catalog/exams/" + id + "/submit");
  ASSERT_EQ(result.status, 200) << result.text;
  EXPECT_EQ(result.body.at("score").as_int64(), 29) << "partial scores count: not 0% unless all right";
  EXPECT_FALSE(result.body.at("passed").as_bool()) << "29/30 fails with a wrong critical answer";
  const auto& reasons = result.body.at("fail_reasons").as_array();
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].at("kind").as_string(), "critical_question_wrong");
  EXPECT_TRUE(mentions(result.body, "explanation")) << "the review shows explanations after submit";
}

TEST_F(ExamRoutes, AllRightPassesAndSubmitIsIdempotent) {
  const auto key = answer_key("vn-bank.json");
  auto r = start();
  const auto id = id_of(r);
  const auto& questions = r.body.at("questions").as_array();
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto& k = key.at(identity_in_exam(questions[i]));
    h().call("PUT", "/api/catalog/exams/" + id + "/answers/" + std::to_string(i + 1), answer_body(k.correct));
  }
  auto first = h().call("POST", "/api/catalog/exams/" + id + "/submit");
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(first.body.at("passed").as_bool());
  EXPECT_EQ(first.body.at("score").as_int64(), 30);
  auto second = h().call("POST", "/api/catalog/exams/" + id + "/submit");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.body, first.body);
  auto late = h().call("PUT", "/api/catalog/exams/" + id + "/answers/1", answer_body({0}));
  EXPECT_EQ(late.status, 409) << "no answers after submit";
  auto result = h().get("/api/catalog/exams/" + id + "/result");
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body, first.body);
}

TEST_F(ExamRoutes, GradingASignedInExamRecordsExamCompletedOnce) {
  auto r = start("B", "completer");
  ASSERT_EQ(r.status, 201);
  const auto id = id_of(r);
  const std::string events =
      "SELECT count(*) FROM catalog.outbox WHERE type = 'exam.completed' AND subject = 'completer'";
  EXPECT_EQ(h().query_int(events), 0);
  ASSERT_EQ(h().call("POST", "/api/catalog/exams/" + id + "/submit", "", "completer").status, 200);
  ASSERT_EQ(h().call("POST", "/api/catalog/exams/" + id + "/submit", "", "completer").status, 200);
  EXPECT_EQ(h().query_int(events), 1);
  EXPECT_EQ(h().query_int("SELECT count(*) FROM catalog.outbox WHERE data->>'exam_id' = '" + id +
                          "' AND data->>'passed' = 'false' AND data->>'finish' = 'submitted'"),
            1);
  // Anonymous exams announce nothing: there is nobody to tell.
  const auto anonymous = id_of(start());
  ASSERT_EQ(h().call("POST", "/api/catalog/exams/" + anonymous + "/submit").status, 200);
  EXPECT_EQ(h().query_int("SELECT count(*) FROM catalog.outbox WHERE data->>'exam_id' = '" + anonymous + "'"), 0);
}

TEST_F(ExamRoutes, TheServerKeepsTime) {
  auto r = start();
  const auto id = id_of(r);
  ASSERT_EQ(h().call("PUT", "/api/catalog/exams/" + id + "/answers/1", answer_body({0})).status, 200);
  EXPECT_EQ(h().get("/api/catalog/exams/" + id + "/result").status, 409) << "no result before the end";
  h().advance_clock(std::chrono::seconds(1201));
  auto late = h().call("PUT", "/api/catalog/exams/" + id + "/answers/2", answer_body({0}));
  EXPECT_EQ(late.status, 409) << late.text;
  h().advance_clock(std::chrono::seconds(10));
  auto shown = h().get("/api/catalog/exams/" + id);
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.body.at("status").as_string(), "expired") << "an exam never submitted is graded at its deadline";
  EXPECT_EQ(shown.body.at("result").at("answered").as_int64(), 1);
}

TEST_F(ExamRoutes, AnExamNobodyReadsIsGradedWhenItsTimeIsUp) {
  auto r = start("B", "sleeper");
  ASSERT_EQ(r.status, 201);
  h().advance_clock(std::chrono::seconds(1200 + 6));
  std::string status;
  for (int i = 0; i < 100 && status != "expired"; ++i) {  // the sweeper runs every 100 ms in the harness
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto history = h().get("/api/catalog/me/history", "sleeper");
    ASSERT_EQ(history.status, 200);
    status = history.body.at("items").as_array().at(0).at("status").as_string();
  }
  EXPECT_EQ(status, "expired") << "graded by the sweeper without anyone reading the exam";
}

TEST_F(ExamRoutes, BadInputGets4xxNamingTheProblem) {
  EXPECT_EQ(h().call("POST", "/api/catalog/exams", "{not json").status, 400);
  auto wrong_type = h().call("POST", "/api/catalog/exams", R"({"jurisdiction":5,"licence_class":"B"})");
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(wrong_type.body.at("field").as_string(), "jurisdiction");
  auto unknown = h().call("POST", "/api/catalog/exams", R"({"jurisdiction":"vn","licence_class":"Z9"})");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(h().call("POST", "/api/catalog/exams", std::string(2 * 1024 * 1024, ' ')).status, 413);

  auto r = start();
  const auto id = id_of(r);
  EXPECT_EQ(h().call("PUT", "/api/catalog/exams/" + id + "/answers/31", answer_body({0})).status, 404);
  EXPECT_EQ(h().call("PUT", "/api/catalog/exams/" + id + "/answers/x", answer_body({0})).status, 400);
  auto bad_option = h().call("PUT", "/api/catalog/exams/" + id + "/answers/1", answer_body({99}));
  EXPECT_EQ(bad_option.status, 400);
  EXPECT_EQ(bad_option.body.at("field").as_string(), "body.selected[0]");
  EXPECT_EQ(h().call("PUT", "/api/catalog/exams/" + id + "/answers/1", R"({"selected":"0"})").status, 400);
  EXPECT_EQ(h().call("PUT", "/api/catalog/exams/" + id + "/flags/1", R"({"flagged":"yes"})").status, 400);
  EXPECT_EQ(h().get("/api/catalog/exams/00000000-0000-4000-8000-000000000000").status, 404);
  EXPECT_EQ(h().get("/api/catalog/exams/not-a-uuid").status, 404);
}

TEST_F(ExamRoutes, ASignedInExamIsOnlyVisibleToItsOwner) {
  auto r = start("B", "learner-1");
  ASSERT_EQ(r.status, 201);
  const auto id = id_of(r);
  EXPECT_EQ(h().get("/api/catalog/exams/" + id, "learner-1").status, 200);
  EXPECT_EQ(h().get("/api/catalog/exams/" + id, "learner-2").status, 404);
  EXPECT_EQ(h().get("/api/catalog/exams/" + id).status, 404);
}

TEST_F(ExamRoutes, FlagsAreKept) {
  auto r = start();
  const auto id = id_of(r);
  ASSERT_EQ(h().call("PUT", "/api/catalog/exams/" + id + "/flags/3", R"({"flagged":true})").status, 200);
  auto shown = h().get("/api/catalog/exams/" + id);
  EXPECT_TRUE(shown.body.at("questions").as_array()[2].at("flagged").as_bool());
}

}  // namespace
