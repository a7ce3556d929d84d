// The admin's question routes over HTTP against the real PostgreSQL and Redis, with the Vietnamese demo bank.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "catalog/api/test_support/catalog_harness.hpp"

namespace {

using dt::catalog::testing::CatalogHarness;
using dt::catalog::testing::Reply;
namespace json = boost::json;

constexpr const char* kAdmin = "admin-1";
const std::string kQuestions = "/api/catalog/admin/questions";

// Precomposed and decomposed (NFD: "e" + U+0302 + U+0301) Vietnamese, quotes, a backslash, a newline, an emoji:
// stored and given back byte for byte.
const std::string kVietnamese =
    "Người lái xe phải làm gì khi gặp biển \"Cấm đi ngược chiều\"? Ghe\xCC\x82\xCC\x81 \\ ✓\n🚗";

json::object question(const std::string& external_id, const std::string& text) {
  return {{"external_id", external_id},
          {"jurisdiction", "vn"},
          {"topic", "vn.1"},
          {"kind", "choice"},
          {"text", {{"vi", text}, {"en", "What must the driver do?"}}},
          {"options", json::array{json::object{{"text", {{"vi", "Dừng lại"}}}, {"correct", true}},
                                  json::object{{"text", {{"vi", "Đi tiếp"}}}, {"correct", false}}}},
          {"explanation", {{"vi", "Giải thích: phải dừng."}}}};
}

class AdminQuestionRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new CatalogHarness({"vn-bank.json"}); }
  static void TearDownTestSuite() { delete harness_; }
  static CatalogHarness& h() { return *harness_; }
  static inline CatalogHarness* harness_ = nullptr;

  static Reply admin(const std::string& method, const std::string& target, const std::string& body = "") {
    return h().call(method, target, body, kAdmin, true);
  }
  static Reply admin(const std::string& method, const std::string& target, const json::object& body) {
    return admin(method, target, json::serialize(body));
  }
  struct Stored {
    std::int64_t id = 0;
    std::string topic;
  };
  // Every Vietnamese question text -> the questions that have it.
  static std::map<std::string, std::vector<Stored>> questions_by_text() {
    std::map<std::string, std::vector<Stored>> ids;
    for (int page = 1;; ++page) {
      const auto r = admin("GET", kQuestions + "?jurisdiction=vn&size=200&page=" + std::to_string(page));
      EXPECT_EQ(r.status, 200) << r.text;
      const auto& items = r.body.at("items").as_array();
      for (const auto& q : items) {
        ids[std::string(q.at("text").at("vi").as_string())].push_back(
            {q.at("id").as_int64(), std::string(q.at("topic").as_string())});
      }
      if (items.size() < 200) break;
    }
    return ids;
  }
  // The first question of the exam whose text no other question has (outside chapter vn.1 if asked: another
  // test counts that chapter): its position and id.
  static std::pair<std::size_t, std::int64_t> distinct_question(const Reply& exam, bool outside_chapter_1 = false) {
    const auto by_text = questions_by_text();
    for (const auto& q : exam.body.at("questions").as_array()) {
      const auto it = by_text.find(std::string(q.at("text").as_string()));
      if (it == by_text.end() || it->second.size() != 1) continue;
      if (outside_chapter_1 && it->second.front().topic == "vn.1") continue;
      return {static_cast<std::size_t>(q.at("position").as_int64()), it->second.front().id};
    }
    return {0, 0};
  }
};

TEST_F(AdminQuestionRoutes, CreateEditRevisionsDeleteRoundTrip) {
  auto created = admin("POST", kQuestions, question("vn-9001", kVietnamese));
  ASSERT_EQ(created.status, 201) << created.text;
  const auto id = created.body.at("id").as_int64();
  const std::string one = kQuestions + "/" + std::to_string(id);
  EXPECT_EQ(created.header("location"), one);
  EXPECT_EQ(created.body.at("revision").as_int64(), 1);
  EXPECT_EQ(created.body.at("status").as_string(), "draft") << "nothing is published by omission";
  EXPECT_EQ(created.body.at("text").at("vi").as_string(), kVietnamese);

  auto shown = admin("GET", one);
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.body.at("text").at("vi").as_string(), kVietnamese) << "byte for byte";
  EXPECT_TRUE(shown.body.at("options").as_array()[0].at("correct").as_bool()) << "admins see the answers";
  EXPECT_NE(shown.text.find("Ghe\xCC\x82\xCC\x81"), std::string::npos) << "NFD stays NFD, not \\u-escaped or composed";

  auto edited_body = question("vn-9001", kVietnamese + " (sửa)");
  edited_body["status"] = "published";
  auto edited = admin("PUT", one, edited_body);
  ASSERT_EQ(edited.status, 200) << edited.text;
  EXPECT_EQ(edited.body.at("revision").as_int64(), 2);
  auto again = admin("PUT", one, edited_body);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body.at("revision").as_int64(), 2) << "no new revision without a change";

  auto history = admin("GET", one + "/revisions");
  ASSERT_EQ(history.status, 200);
  const auto& items = history.body.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("question").at("text").at("vi").as_string(), kVietnamese);
  EXPECT_EQ(items[1].at("question").at("text").at("vi").as_string(), kVietnamese + " (sửa)");
  EXPECT_EQ(items[1].at("created_by").as_string(), kAdmin);
  EXPECT_TRUE(items[1].at("created_at").is_string());

  EXPECT_EQ(admin("DELETE", one).status, 204);
  EXPECT_EQ(admin("GET", one).status, 404);
  EXPECT_EQ(admin("DELETE", one).status, 404);
  EXPECT_EQ(admin("PUT", one, edited_body).status, 404);
  EXPECT_EQ(admin("GET", one + "/revisions").status, 200) << "the history outlives a delete";
  auto listed = admin("GET", kQuestions + "?q=vn-9001");
  EXPECT_EQ(listed.body.at("total").as_int64(), 0);
}

TEST_F(AdminQuestionRoutes, TheTableFiltersAndPages) {
  auto chapter = admin("GET", kQuestions + "?jurisdiction=vn&topic=vn.1&size=10&page=2");
  ASSERT_EQ(chapter.status, 200) << chapter.text;
  EXPECT_EQ(chapter.body.at("total").as_int64(), 73);
  EXPECT_EQ(chapter.body.at("items").as_array().size(), 10u);
  EXPECT_EQ(chapter.body.at("page").as_int64(), 2);
  auto exact = admin("GET", kQuestions + "?q=vn-0001");
  ASSERT_EQ(exact.status, 200);
  ASSERT_EQ(exact.body.at("total").as_int64(), 1);
  EXPECT_EQ(exact.body.at("items").as_array()[0].at("external_id").as_string(), "vn-0001");

  ASSERT_EQ(admin("POST", kQuestions, question("vn-9002", "Bản nháp?")).status, 201);
  auto drafts = admin("GET", kQuestions + "?jurisdiction=vn&status=draft");
  ASSERT_EQ(drafts.status, 200);
  bool found = false;
  for (const auto& q : drafts.body.at("items").as_array()) found = found || q.at("external_id") == "vn-9002";
  EXPECT_TRUE(found) << "drafts are listed for admins";

  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"size=201", "size"},
                                                        {"size=0", "size"},
                                                        {"page=0", "page"},
                                                        {"page=x", "page"},
                                                        {"status=bogus", "status"},
                                                        {"jurisdiction=v%20n", "jurisdiction"},
                                                        {"topic=a/b", "topic"}}) {
    auto bad = admin("GET", kQuestions + "?" + query);
    EXPECT_EQ(bad.status, 400) << query;
    EXPECT_EQ(bad.body.at("field").as_string(), field) << query;
  }
}

TEST_F(AdminQuestionRoutes, AnExamStartedBeforeAnEditKeepsTheOldRevision) {
  auto exam = h().call("POST", "/api/catalog/exams?lang=vi", R"({"jurisdiction":"vn","licence_class":"B"})");
  ASSERT_EQ(exam.status, 201) << exam.text;
  const auto exam_id = std::string(exam.body.at("id").as_string());
  const auto [position, id] = distinct_question(exam);
  ASSERT_NE(id, 0) << "an exam question with a text of its own";
  const std::string one = kQuestions + "/" + std::to_string(id);

  auto current = admin("GET", one);
  ASSERT_EQ(current.status, 200);
  const std::string old_text(current.body.at("text").at("vi").as_string());
  auto body = current.body.as_object();
  body.erase("revision");
  body["text"].as_object()["vi"] = old_text + " (đã sửa)";
  auto edited = admin("PUT", one, body);
  ASSERT_EQ(edited.status, 200) << edited.text;
  EXPECT_EQ(edited.body.at("revision").as_int64(), current.body.at("revision").as_int64() + 1);

  auto during = h().get("/api/catalog/exams/" + exam_id + "?lang=vi");
  ASSERT_EQ(during.status, 200);
  EXPECT_EQ(during.body.at("questions").as_array()[position - 1].at("text").as_string(), old_text);
  auto result = h().call("POST", "/api/catalog/exams/" + exam_id + "/submit?lang=vi");
  ASSERT_EQ(result.status, 200) << result.text;
  const auto& review = result.body.at("review").as_array()[position - 1];
  EXPECT_EQ(review.at("question_id").as_int64(), id);
  EXPECT_EQ(review.at("revision").as_int64(), current.body.at("revision").as_int64());
  EXPECT_EQ(review.at("text").as_string(), old_text) << "the review shows what the candidate saw";
}

TEST_F(AdminQuestionRoutes, PastExamsKeepWorkingAfterADelete) {
  auto exam = h().call("POST", "/api/catalog/exams?lang=vi", R"({"jurisdiction":"vn","licence_class":"B"})");
  ASSERT_EQ(exam.status, 201);
  const auto exam_id = std::string(exam.body.at("id").as_string());
  const auto id = distinct_question(exam, true).second;
  ASSERT_NE(id, 0);
  ASSERT_EQ(admin("DELETE", kQuestions + "/" + std::to_string(id)).status, 204);
  EXPECT_EQ(h().get("/api/catalog/exams/" + exam_id).status, 200);
  auto result = h().call("POST", "/api/catalog/exams/" + exam_id + "/submit");
  ASSERT_EQ(result.status, 200) << result.text;
  EXPECT_EQ(result.body.at("review").as_array().size(), 30u);
}

TEST_F(AdminQuestionRoutes, BadBodiesAre400NamingTheField) {
  const auto field_of = [](const Reply& r) {
    return r.body.is_object() && r.body.as_object().contains("field") ? std::string(r.body.at("field").as_string())
                                                                      : std::string("<none>");
  };
  EXPECT_EQ(admin("POST", kQuestions, "{\"external_id\": ").status, 400);
  EXPECT_EQ(admin("POST", kQuestions, "[]").status, 400);

  struct Case {
    std::string name;
    json::object body;
    std::string field;
  };
  auto wrong_type = question("vn-9100", "Câu?");
  wrong_type["weight"] = "1";
  auto missing = question("vn-9101", "Câu?");
  missing.erase("text");
  auto typo = question("vn-9102", "Câu?");
  typo["explaination"] = json::object{{"vi", "x"}};
  auto no_correct = question("vn-9103", "Câu?");
  no_correct["options"].as_array()[0].as_object()["correct"] = false;
  auto blank = question("vn-9104", "   ");
  auto unknown_topic = question("vn-9105", "Câu?");
  unknown_topic["topic"] = "vn.99";
  auto unknown_jurisdiction = question("vn-9106", "Câu?");
  unknown_jurisdiction["jurisdiction"] = "zz";
  unknown_jurisdiction["topic"] = "zz.1";
  auto with_id = question("vn-9107", "Câu?");
  with_id["id"] = 5;
  const std::vector<Case> cases{{"wrong type", wrong_type, "weight"},
                                {"missing", missing, "text"},
                                {"typo", typo, "explaination"},
                                {"no correct option", no_correct, "options"},
                                {"blank text", blank, "text.vi"},
                                {"unknown topic", unknown_topic, "topic"},
                                {"unknown jurisdiction", unknown_jurisdiction, "jurisdiction"},
                                {"id", with_id, "id"}};
  for (const auto& c : cases) {
    auto r = admin("POST", kQuestions, c.body);
    EXPECT_EQ(r.status, 400) << c.name << ": " << r.text;
    EXPECT_EQ(field_of(r), c.field) << c.name << ": " << r.text;
  }
  EXPECT_EQ(admin("GET", kQuestions + "?q=vn-91").body.at("total").as_int64(), 0) << "nothing was stored";

  auto taken = admin("POST", kQuestions, question("vn-0001", "Trùng mã?"));
  EXPECT_EQ(taken.status, 409) << taken.text;

  auto created = admin("POST", kQuestions, question("vn-9110", "Câu?"));
  ASSERT_EQ(created.status, 201);
  const auto id = created.body.at("id").as_int64();
  auto other_id = question("vn-9110", "Câu?");
  other_id["id"] = id + 1;
  auto mismatch = admin("PUT", kQuestions + "/" + std::to_string(id), other_id);
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_EQ(field_of(mismatch), "id");
  auto steal = admin("PUT", kQuestions + "/" + std::to_string(id), question("vn-0002", "Câu?"));
  EXPECT_EQ(steal.status, 409) << "another question's external_id";
}

TEST_F(AdminQuestionRoutes, UnknownIdsAre404) {
  const auto body = json::serialize(question("vn-9200", "Câu?"));
  for (const std::string id : {"999999999", "0", "-1", "abc", "1.5", "99999999999999999999"}) {
    EXPECT_EQ(admin("GET", kQuestions + "/" + id).status, 404) << id;
    EXPECT_EQ(admin("GET", kQuestions + "/" + id + "/revisions").status, 404) << id;
    EXPECT_EQ(admin("PUT", kQuestions + "/" + id, body).status, 404) << id;
    EXPECT_EQ(admin("DELETE", kQuestions + "/" + id).status, 404) << id;
  }
}

}  // namespace
