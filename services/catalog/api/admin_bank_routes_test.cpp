// The admin's whole-bank routes (import, export, bank report) over HTTP against the real PostgreSQL and Redis,
// starting from an empty catalogue. Tests use jurisdictions of their own, so they do not see each other's rows.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "catalog/api/test_support/catalog_harness.hpp"
#include "http/test_support/raw_client.hpp"

namespace {

using dt::catalog::testing::CatalogHarness;
using dt::catalog::testing::Reply;
namespace json = boost::json;

constexpr const char* kAdmin = "admin-1";

json::object question(const std::string& j, int n, const std::string& text) {
  return {{"external_id", j + "-" + std::to_string(n)},
          {"jurisdiction", j},
          {"topic", j + ".1"},
          {"kind", "choice"},
          {"text", {{"vi", text}, {"en", "Question " + std::to_string(n)}}},
          {"options", json::array{json::object{{"text", {{"vi", "Đúng"}}}, {"correct", true}},
                                  json::object{{"text", {{"vi", "Sai"}}}, {"correct", false}}}},
          {"status", "published"}};
}

// Jurisdiction `j` with topic "<j>.1", class B, `questions` published questions ("Câu 1 của <j>?", ...) and, when
// count > 0, blueprint "<j>-B" drawing `count` questions of the topic.
json::object small_bank(const std::string& j, int questions, int count) {
  json::array qs;
  for (int n = 1; n <= questions; ++n) qs.push_back(question(j, n, "Câu " + std::to_string(n) + " của " + j + "?"));
  json::array blueprints;
  if (count > 0) {
    blueprints.push_back(json::object{
        {"code", j + "-B"},
        {"jurisdiction", j},
        {"licence_class", "B"},
        {"version", 1},
        {"valid_from", "2020-01-01"},
        {"valid_to", nullptr},
        {"question_count", count},
        {"time_limit_seconds", 600},
        {"pool", nullptr},
        {"quotas", json::array{json::object{{"topics", json::array{json::value(j + ".1")}}, {"count", count}}}},
        {"critical", {{"count", 0}, {"fail_on_wrong", false}}},
        {"scoring", {{"policy", "count_correct"}, {"pass_mark", count}}},
        {"navigation", {{"flag", true}, {"revisit", true}}}});
  }
  return {
      {"format", "drivetest-bank/1"},
      {"jurisdictions", json::array{json::object{{"code", j}, {"name", {{"vi", "Xứ " + j}}}}}},
      {"topics", json::array{json::object{
                     {"code", j + ".1"}, {"jurisdiction", j}, {"ordinal", 1}, {"name", {{"vi", "Chủ đề một"}}}}}},
      {"licence_classes", json::array{json::object{{"code", "B"}, {"jurisdiction", j}, {"name", {{"vi", "Hạng B"}}}}}},
      {"questions", std::move(qs)},
      {"blueprints", std::move(blueprints)}};
}

class AdminBankRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new CatalogHarness(std::vector<std::string>{}); }
  static void TearDownTestSuite() { delete harness_; }
  static CatalogHarness& h() { return *harness_; }
  static inline CatalogHarness* harness_ = nullptr;

  static Reply admin(const std::string& method, const std::string& target, const std::string& body = "") {
    return h().call(method, target, body, kAdmin, true);
  }
  static Reply post_bank(const json::object& document) {
    return admin("POST", "/api/catalog/admin/import", json::serialize(document));
  }
  // A body with a Content-Type of our choosing (the harness sends application/json).
  static dt::http::testing::RawResponse send(const std::string& body, const std::string& content_type) {
    dt::http::testing::RawClient client(h().port());
    std::string headers = "Authorization: Bearer " + h().token_for("admin-1", true) + "\r\n";
    if (!content_type.empty()) headers += "Content-Type: " + content_type + "\r\n";
    auto r = client.request("POST", "/api/catalog/admin/import", body, headers);
    if (!r) throw std::runtime_error("no response");
    return *r;
  }
  static Reply start_exam(const std::string& jurisdiction) {
    return h().call("POST", "/api/catalog/exams?lang=vi",
                    R"({"jurisdiction":")" + jurisdiction + R"(","licence_class":"B"})");
  }
  static std::set<std::string> texts(const Reply& exam) {
    std::set<std::string> out;
    for (const auto& q : exam.body.at("questions").as_array()) out.insert(std::string(q.at("text").as_string()));
    return out;
  }
  static std::int64_t count(const Reply& summary, const char* section, const char* outcome) {
    return summary.body.at(section).at(outcome).as_int64();
  }
};

TEST_F(AdminBankRoutes, ImportingTheVnBankTwiceChangesNothingTheSecondTime) {
  const auto file = dt::catalog::testing::read_data_file("vn-bank.json");
  ASSERT_LT(file.size(), 1024u * 1024u) << "the demo bank fits the default body limit";
  auto first = admin("POST", "/api/catalog/admin/import", file);
  ASSERT_EQ(first.status, 200) << first.text.substr(0, 2000);
  EXPECT_TRUE(first.body.at("changed").as_bool());
  EXPECT_EQ(count(first, "questions", "created"), 256);
  EXPECT_EQ(count(first, "blueprints", "created"), 23);
  EXPECT_EQ(count(first, "licence_classes", "created"), 19);
  auto second = admin("POST", "/api/catalog/admin/import", file);
  ASSERT_EQ(second.status, 200);
  EXPECT_FALSE(second.body.at("changed").as_bool());
  for (const char* section : {"jurisdictions", "topics", "licence_classes", "questions", "blueprints"}) {
    EXPECT_EQ(count(second, section, "created"), 0) << section;
    EXPECT_EQ(count(second, section, "revised"), 0) << section;
  }
  EXPECT_EQ(count(second, "questions", "unchanged"), 256);
  EXPECT_EQ(second.body.at("bank_version"), first.body.at("bank_version"));
  EXPECT_EQ(start_exam("vn").status, 201) << "the imported bank is drawn from";
}

TEST_F(AdminBankRoutes, TheJsonExportReimportsUnchanged) {
  ASSERT_EQ(admin("POST", "/api/catalog/admin/import", dt::catalog::testing::read_data_file("vn-bank.json")).status,
            200);
  auto exported = admin("GET", "/api/catalog/admin/export?format=json&jurisdiction=vn");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.header("content-type"), "application/json");
  EXPECT_EQ(exported.header("content-disposition"), "attachment; filename=\"drivetest-bank-vn.json\"");
  EXPECT_EQ(exported.body.at("format").as_string(), "drivetest-bank/1");
  EXPECT_EQ(exported.body.at("questions").as_array().size(), 256u);
  EXPECT_FALSE(exported.body.at("questions").as_array()[0].as_object().contains("id")) << "external_id is the key";
  auto again = admin("POST", "/api/catalog/admin/import", exported.text);
  ASSERT_EQ(again.status, 200) << again.text;
  EXPECT_FALSE(again.body.at("changed").as_bool()) << again.text;
  EXPECT_EQ(count(again, "questions", "unchanged"), 256);
  EXPECT_EQ(count(again, "blueprints", "unchanged"), 23);
}

TEST_F(AdminBankRoutes, TheCsvExportReimportsUnchanged) {
  ASSERT_EQ(post_bank(small_bank("csvx", 3, 2)).status, 200);
  auto exported = admin("GET", "/api/catalog/admin/export?format=csv&jurisdiction=csvx");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(exported.header("content-disposition"), "attachment; filename=\"drivetest-questions-csvx.csv\"");
  EXPECT_TRUE(
      exported.text.starts_with("\xEF\xBB\xBF"
                                "external_id,"))
      << "a BOM for Excel";
  auto again = send(exported.text, "text/csv");
  ASSERT_EQ(again.status, 200) << again.body;
  const auto summary = json::parse(again.body);
  EXPECT_EQ(summary.at("questions").at("unchanged").as_int64(), 3);
  EXPECT_FALSE(summary.at("changed").as_bool());
}

TEST_F(AdminBankRoutes, ImportsCsvWithQuotesCommasAndNewlines) {
  ASSERT_EQ(post_bank(small_bank("csv", 0, 0)).status, 200);
  const std::string tricky = "Dòng một, có dấu phẩy\r\nDòng \"hai\"\nDòng ba";
  const std::string csv =
      "external_id,jurisdiction,topic,kind,text_vi,text_en,option1_vi,option2_vi,correct,status\r\n"
      "csv-1,csv,csv.1,choice,\"Dòng một, có dấu phẩy\r\nDòng \"\"hai\"\"\nDòng ba\",\"One, "
      "two\",Có,Không,1,published\r\n"
      "csv-2,csv,csv.1,choice,Câu hai,,\"A, B\",\"\"\"C\"\"\",1;2,draft\r\n";
  auto r = send(csv, "text/csv; charset=utf-8");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body).at("questions").at("created").as_int64(), 2);
  auto listed = admin("GET", "/api/catalog/admin/questions?jurisdiction=csv");
  ASSERT_EQ(listed.status, 200);
  const auto& items = listed.body.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("text").at("vi").as_string(), tricky);
  EXPECT_EQ(items[0].at("text").at("en").as_string(), "One, two");
  EXPECT_EQ(items[1].at("options").as_array()[0].at("text").at("vi").as_string(), "A, B");
  EXPECT_EQ(items[1].at("options").as_array()[1].at("text").at("vi").as_string(), "\"C\"");
  EXPECT_TRUE(items[1].at("options").as_array()[1].at("correct").as_bool());

  const std::string bad =
      "external_id,jurisdiction,topic,kind,text_vi,option1_vi,option2_vi,correct\r\n"
      "csv-3,csv,csv.1,choice,Câu ba,Có,Không,1\r\n"
      "csv-4,csv,csv.9,choice,Câu bốn,Có,Không,1\r\n";
  auto rejected = send(bad, "text/csv");
  ASSERT_EQ(rejected.status, 422) << rejected.body;
  const auto report = json::parse(rejected.body);
  ASSERT_EQ(report.at("rejections").as_array().size(), 1u);
  EXPECT_EQ(report.at("rejections").as_array()[0].at("line").as_int64(), 3);
  EXPECT_EQ(report.at("rejections").as_array()[0].at("field").as_string(), "topic");
  EXPECT_EQ(admin("GET", "/api/catalog/admin/questions?q=csv-3").body.at("total").as_int64(), 0) << "all or nothing";
}

TEST_F(AdminBankRoutes, AnImportWithThreeBadRowsIsRejectedWhole) {
  auto doc = small_bank("bad", 5, 2);
  auto& qs = doc["questions"].as_array();
  qs[1].as_object().erase("text");
  qs[3].as_object()["options"].as_array()[0].as_object()["correct"] = false;
  qs[4].as_object()["topic"] = "bad.9";
  auto r = post_bank(doc);
  ASSERT_EQ(r.status, 422) << r.text;
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  EXPECT_EQ(r.body.at("rejection_count").as_int64(), 3);
  const auto& rejections = r.body.at("rejections").as_array();
  ASSERT_EQ(rejections.size(), 3u) << r.text;
  const std::vector<std::pair<std::int64_t, std::string>> expected{
      {1, "questions[1].text"}, {3, "questions[3].options"}, {4, "questions[4].topic"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(rejections[i].at("section").as_string(), "questions");
    EXPECT_EQ(rejections[i].at("index").as_int64(), expected[i].first);
    EXPECT_EQ(rejections[i].at("field").as_string(), expected[i].second);
    EXPECT_FALSE(rejections[i].at("message").as_string().empty());
  }
  EXPECT_EQ(h().get("/api/catalog/jurisdictions/bad/topics").status, 404) << "nothing was imported";
  EXPECT_EQ(admin("GET", "/api/catalog/admin/questions?jurisdiction=bad").body.at("total").as_int64(), 0);
}

TEST_F(AdminBankRoutes, AnExamDrawnAfterAnImportContainsTheNewQuestions) {
  auto doc = small_bank("ex", 2, 2);
  ASSERT_EQ(post_bank(doc).status, 200);
  auto exam = start_exam("ex");
  ASSERT_EQ(exam.status, 201) << exam.text;
  EXPECT_EQ(texts(exam), (std::set<std::string>{"Câu 1 của ex?", "Câu 2 của ex?"}));

  doc["questions"].as_array()[1].as_object()["text"].as_object()["vi"] = "Câu 2 đã sửa?";
  auto revised = post_bank(doc);
  ASSERT_EQ(revised.status, 200);
  EXPECT_EQ(count(revised, "questions", "revised"), 1);
  EXPECT_EQ(count(revised, "questions", "unchanged"), 1);
  auto later = start_exam("ex");
  ASSERT_EQ(later.status, 201);
  EXPECT_EQ(texts(later), (std::set<std::string>{"Câu 1 của ex?", "Câu 2 đã sửa?"}));
}

TEST_F(AdminBankRoutes, AQuestionWrittenThroughTheApiReachesExams) {
  ASSERT_EQ(post_bank(small_bank("one", 0, 1)).status, 200);
  EXPECT_EQ(start_exam("one").status, 503) << "an empty bank cannot feed the blueprint";
  auto created = admin("POST", "/api/catalog/admin/questions", json::serialize(question("one", 1, "Câu mới?")));
  ASSERT_EQ(created.status, 201) << created.text;
  auto exam = start_exam("one");
  ASSERT_EQ(exam.status, 201) << exam.text;
  EXPECT_EQ(texts(exam), (std::set<std::string>{"Câu mới?"}));
  EXPECT_EQ(h().get("/api/catalog/blueprints?jurisdiction=one").status, 200);

  const auto one = "/api/catalog/admin/questions/" + std::to_string(created.body.at("id").as_int64());
  ASSERT_EQ(admin("PUT", one, json::serialize(question("one", 1, "Câu mới, sửa?"))).status, 200);
  EXPECT_EQ(texts(start_exam("one")), (std::set<std::string>{"Câu mới, sửa?"}));
  ASSERT_EQ(admin("DELETE", one).status, 204);
  EXPECT_EQ(start_exam("one").status, 503) << "deleted: no longer drawn";
}

TEST_F(AdminBankRoutes, TheBankReportFlagsAnUnsatisfiableQuota) {
  ASSERT_EQ(post_bank(small_bank("rep", 2, 3)).status, 200);
  auto r = admin("GET", "/api/catalog/admin/bank-report?jurisdiction=rep");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_FALSE(r.body.at("ok").as_bool());
  const auto& reports = r.body.at("jurisdictions").as_array();
  ASSERT_EQ(reports.size(), 1u);
  const auto& blueprint = reports[0].at("blueprints").as_array().at(0);
  EXPECT_EQ(blueprint.at("code").as_string(), "rep-B");
  EXPECT_FALSE(blueprint.at("drawable").as_bool());
  const auto& quota = blueprint.at("quotas").as_array().at(0);
  EXPECT_EQ(quota.at("needed").as_int64(), 3);
  EXPECT_EQ(quota.at("available").as_int64(), 2);
  EXPECT_FALSE(quota.at("satisfiable").as_bool());
  EXPECT_EQ(quota.at("severity").as_string(), "error");

  ASSERT_EQ(post_bank(small_bank("fine", 6, 2)).status, 200);
  auto fine = admin("GET", "/api/catalog/admin/bank-report?jurisdiction=fine");
  ASSERT_EQ(fine.status, 200);
  EXPECT_TRUE(fine.body.at("ok").as_bool()) << fine.text;
  EXPECT_EQ(admin("GET", "/api/catalog/admin/bank-report").status, 200);
  EXPECT_EQ(admin("GET", "/api/catalog/admin/bank-report?jurisdiction=nope").status, 404);
  EXPECT_EQ(admin("GET", "/api/catalog/admin/bank-report?jurisdiction=a%2Fb").status, 400);
}

TEST_F(AdminBankRoutes, BadImportsAndExportsAreClientErrors) {
  EXPECT_EQ(send("{}", "").status, 415);
  EXPECT_EQ(send("{}", "text/plain").status, 415);
  EXPECT_EQ(send("{\"format\": ", "application/json").status, 400);
  EXPECT_EQ(send("[1, 2]", "application/json").status, 422);
  auto wrong_format = send(R"({"format": "drivetest-bank/2"})", "application/json; charset=utf-8");
  EXPECT_EQ(wrong_format.status, 422);
  EXPECT_NE(wrong_format.body.find("\"field\":\"format\""), std::string::npos) << wrong_format.body;
  EXPECT_EQ(send("", "text/csv").status, 422);
  EXPECT_EQ(send(std::string(2 * 1024 * 1024, 'x'), "text/csv").status, 413);
  auto format = admin("GET", "/api/catalog/admin/export?format=xml");
  EXPECT_EQ(format.status, 400);
  EXPECT_EQ(format.body.at("field").as_string(), "format");
  EXPECT_EQ(admin("GET", "/api/catalog/admin/export?jurisdiction=nope").status, 404);
}

}  // namespace
