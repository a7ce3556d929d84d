// Public practice over HTTP against the real PostgreSQL and Redis, with the Vietnamese and German demo banks.
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

// A question's identity across the bank file and the API: its text in the bank's first language (vi or de) and
// its media (several road-sign questions share the text "Biển này có ý nghĩa gì?" and differ by the sign shown).
std::string identity(const json::value& question, const std::string& language) {
  const auto& text = question.at("text");
  std::string id(text.is_string() ? text.as_string() : text.at(language).as_string());
  for (const auto& m : question.at("media").as_array()) id += "|" + std::string(m.at("key").as_string());
  return id;
}

// What the bank file says about a question, by identity().
struct Key {
  std::string external_id;
  std::string topic;
  std::vector<std::int64_t> correct;
  bool critical = false;
  std::set<std::string> pools;
  std::set<std::string> tags;
  std::string explanation;
  std::vector<std::string> option_texts;
};

std::map<std::string, Key> answer_key(const std::string& file, const std::string& language) {
  std::map<std::string, Key> key;
  const auto doc = json::parse(dt::catalog::testing::read_data_file(file));
  for (const auto& item : doc.at("questions").as_array()) {
    const auto& q = item.as_object();
    Key k;
    k.external_id = std::string(q.at("external_id").as_string());
    k.topic = std::string(q.at("topic").as_string());
    if (const auto* options = q.if_contains("options")) {
      const auto& list = options->as_array();
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].at("correct").as_bool()) k.correct.push_back(static_cast<std::int64_t>(i));
        k.option_texts.emplace_back(list[i].at("text").at(language).as_string());
      }
    }
    k.critical = q.contains("critical") && q.at("critical").as_bool();
    for (const auto& p : q.at("pools").as_array()) k.pools.insert(std::string(p.as_string()));
    for (const auto& t : q.at("tags").as_array()) k.tags.insert(std::string(t.as_string()));
    k.explanation = std::string(q.at("explanation").at(language).as_string());
    key[identity(item, language)] = k;
  }
  return key;
}

// Any member named `member` anywhere in the document.
void expect_no_answers(const Reply& r, const std::string& what) {
  ASSERT_EQ(r.status, 200) << what << ": " << r.text;
  for (const char* member : {"correct", "correct_options", "explanation", "numeric_answer", "is_correct"}) {
    EXPECT_FALSE(mentions(r.body, member)) << what << " gives away '" << member << "'";
  }
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string text_of(const json::value& question) { return std::string(question.at("text").as_string()); }
const Key& key_in(const std::map<std::string, Key>& keys, const json::value& question, const std::string& language) {
  return keys.at(identity(question, language));
}
const json::array& items_of(const Reply& r) { return r.body.at("items").as_array(); }
std::string field_of(const Reply& r) {
  const auto* o = r.body.if_object();
  const auto* f = o ? o->if_contains("field") : nullptr;
  return f && f->is_string() ? std::string(f->as_string()) : "";
}

class PracticeRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    harness_ = new CatalogHarness({"vn-bank.json", "de-bank.json"});
    vn_ = new std::map<std::string, Key>(answer_key("vn-bank.json", "vi"));
    de_ = new std::map<std::string, Key>(answer_key("de-bank.json", "de"));
  }
  static void TearDownTestSuite() {
    delete harness_;
    delete vn_;
    delete de_;
  }
  static CatalogHarness& h() { return *harness_; }
  static const std::map<std::string, Key>& vn() { return *vn_; }
  static const std::map<std::string, Key>& de() { return *de_; }

  // Every question of the jurisdiction's practice list, page by page.
  static std::vector<json::value> all_questions(const std::string& query) {
    std::vector<json::value> out;
    for (int page = 1;; ++page) {
      auto r = h().get("/api/catalog/practice/questions?" + query + "&size=100&page=" + std::to_string(page));
      EXPECT_EQ(r.status, 200) << r.text;
      if (r.status != 200 || items_of(r).empty()) break;
      for (const auto& q : items_of(r)) out.push_back(q);
    }
    return out;
  }
  // The question's id in the catalogue and its key, for the first question whose key satisfies `want`.
  template <class Want>
  static std::pair<std::int64_t, Key> find_question(const std::string& jurisdiction, Want want) {
    const auto& keys = jurisdiction == "vn" ? vn() : de();
    for (const auto& q :
         all_questions("jurisdiction=" + jurisdiction + "&lang=" + (jurisdiction == "vn" ? "vi" : "de"))) {
      const auto& k = key_in(keys, q, jurisdiction == "vn" ? "vi" : "de");
      if (want(k)) return {q.at("id").as_int64(), k};
    }
    ADD_FAILURE() << "no such question in " << jurisdiction;
    return {0, {}};
  }
  static Reply answer(std::int64_t id, const json::value& given, std::optional<std::string> user = std::nullopt) {
    const json::object body{{"question_id", id}, {"answer", given}};
    return h().call("POST", "/api/catalog/practice/answers?lang=vi", json::serialize(body), std::move(user));
  }

  static inline CatalogHarness* harness_ = nullptr;
  static inline std::map<std::string, Key>* vn_ = nullptr;
  static inline std::map<std::string, Key>* de_ = nullptr;
};

TEST_F(PracticeRoutes, PracticePagesNeverGiveAnswersAway) {
  expect_no_answers(h().get("/api/catalog/practice/questions?jurisdiction=vn&size=100"), "questions page 1");
  expect_no_answers(h().get("/api/catalog/practice/questions?jurisdiction=vn&size=100&page=3"), "questions page 3");
  expect_no_answers(h().get("/api/catalog/practice/questions?jurisdiction=de&size=100"), "German, numeric included");
  expect_no_answers(h().get("/api/catalog/practice/road-signs?jurisdiction=vn&size=100"), "road signs");
  expect_no_answers(h().get("/api/catalog/practice/random?jurisdiction=vn&licence_class=B&count=100"), "random");
  expect_no_answers(h().get("/api/catalog/practice/random?jurisdiction=de&licence_class=B&count=100"), "random de");
  expect_no_answers(h().get("/api/catalog/practice/critical?jurisdiction=vn"), "critical");
  expect_no_answers(h().get("/api/catalog/search?q=xe&limit=100"), "search");
}

TEST_F(PracticeRoutes, QuestionsShowWhatALearnerNeedsInTheBankOrder) {
  auto r = h().get("/api/catalog/practice/questions?jurisdiction=vn&size=1&lang=en");
  ASSERT_EQ(r.status, 200) << r.text;
  const auto& q = items_of(r).at(0);
  for (const char* member :
       {"position", "id", "revision", "topic", "kind", "text", "options", "media", "weight", "tags", "critical"}) {
    EXPECT_TRUE(q.as_object().contains(member)) << member;
  }
  EXPECT_EQ(q.at("position").as_int64(), 1);
  EXPECT_EQ(q.at("text").as_string(),
            "May a rider or driver of a motorcycle, moped or car take part in traffic if there is any alcohol in their "
            "blood or breath?");
  const auto& options = q.at("options").as_array();
  for (std::size_t i = 0; i < options.size(); ++i) {
    EXPECT_EQ(options[i].at("id").as_int64(), static_cast<std::int64_t>(i)) << "the bank's order, never shuffled";
  }
  EXPECT_EQ(options[0].at("text").as_string(), "No, the law forbids it at any concentration.");
  EXPECT_TRUE(q.at("critical").as_bool());
}

TEST_F(PracticeRoutes, PagingCountsEveryQuestion) {
  auto first = h().get("/api/catalog/practice/questions?jurisdiction=vn");
  ASSERT_EQ(first.status, 200) << first.text;
  EXPECT_EQ(first.body.at("total").as_int64(), 256);
  EXPECT_EQ(items_of(first).size(), 20u) << "default size";
  EXPECT_EQ(first.body.at("page").as_int64(), 1);
  EXPECT_EQ(first.body.at("size").as_int64(), 20);

  auto last = h().get("/api/catalog/practice/questions?jurisdiction=vn&page=13&size=20");
  ASSERT_EQ(last.status, 200);
  EXPECT_EQ(last.body.at("total").as_int64(), 256);
  ASSERT_EQ(items_of(last).size(), 16u);
  EXPECT_EQ(items_of(last).front().at("position").as_int64(), 241);
  EXPECT_EQ(items_of(last).back().at("position").as_int64(), 256);

  auto beyond = h().get("/api/catalog/practice/questions?jurisdiction=vn&page=99");
  ASSERT_EQ(beyond.status, 200);
  EXPECT_TRUE(items_of(beyond).empty());
  EXPECT_EQ(beyond.body.at("total").as_int64(), 256);

  std::set<std::int64_t> ids;
  for (const auto& q : all_questions("jurisdiction=vn")) ids.insert(q.at("id").as_int64());
  EXPECT_EQ(ids.size(), 256u) << "pages neither overlap nor skip";
}

TEST_F(PracticeRoutes, TopicFilter) {
  auto r = h().get("/api/catalog/practice/questions?jurisdiction=vn&topic=vn.5&size=100");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.body.at("total").as_int64(), 84);
  EXPECT_EQ(r.body.at("topic").as_string(), "vn.5");
  for (const auto& q : all_questions("jurisdiction=vn&topic=vn.2")) EXPECT_EQ(q.at("topic").as_string(), "vn.2");
  EXPECT_EQ(all_questions("jurisdiction=vn&topic=vn.2").size(), 12u);
  EXPECT_EQ(h().get("/api/catalog/practice/questions?jurisdiction=vn&topic=vn.99").status, 404);
  EXPECT_EQ(h().get("/api/catalog/practice/questions?jurisdiction=zz").status, 404);
}

TEST_F(PracticeRoutes, RoadSignsAreAllTagged) {
  std::size_t seen = 0;
  std::int64_t total = 0;
  for (int page = 1; page <= 2; ++page) {
    auto r = h().get("/api/catalog/practice/road-signs?jurisdiction=vn&lang=vi&size=50&page=" + std::to_string(page));
    ASSERT_EQ(r.status, 200) << r.text;
    total = r.body.at("total").as_int64();
    for (const auto& q : items_of(r)) {
      ++seen;
      const auto& tags = q.at("tags").as_array();
      EXPECT_NE(std::find(tags.begin(), tags.end(), json::value("road-sign")), tags.end());
      EXPECT_TRUE(key_in(vn(), q, "vi").tags.contains("road-sign"));
    }
  }
  EXPECT_EQ(total, 84);
  EXPECT_EQ(seen, 84u);
}

TEST_F(PracticeRoutes, RandomHonoursCountAndTheClassPool) {
  auto r = h().get("/api/catalog/practice/random?jurisdiction=vn&licence_class=A1&count=40&lang=vi");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.body.at("blueprint").at("code").as_string(), "vn-2025-A1") << "the blueprint in force";
  EXPECT_EQ(r.body.at("pool_size").as_int64(), 109);
  ASSERT_EQ(items_of(r).size(), 40u);
  std::set<std::int64_t> ids;
  for (const auto& q : items_of(r)) {
    ids.insert(q.at("id").as_int64());
    EXPECT_TRUE(key_in(vn(), q, "vi").pools.contains("vn-motorcycle")) << text_of(q);
  }
  EXPECT_EQ(ids.size(), 40u) << "no question twice";

  auto plain = h().get("/api/catalog/practice/random?jurisdiction=vn&licence_class=B");
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(items_of(plain).size(), 20u) << "default count";
  EXPECT_EQ(plain.body.at("pool_size").as_int64(), 256) << "class B draws from the whole bank";

  auto again = h().get("/api/catalog/practice/random?jurisdiction=vn&licence_class=A1&count=40&lang=vi");
  std::set<std::int64_t> other;
  for (const auto& q : items_of(again)) other.insert(q.at("id").as_int64());
  EXPECT_NE(ids, other) << "a fresh set per request";

  auto most = h().get("/api/catalog/practice/random?jurisdiction=vn&licence_class=A1&count=100");
  EXPECT_EQ(items_of(most).size(), 100u);

  for (const char* count : {"0", "101", "x", "-1", ""}) {
    auto bad = h().get(std::string("/api/catalog/practice/random?jurisdiction=vn&licence_class=A1&count=") + count);
    EXPECT_EQ(bad.status, 400) << count;
    EXPECT_EQ(field_of(bad), "count");
  }
  EXPECT_EQ(field_of(h().get("/api/catalog/practice/random?jurisdiction=vn")), "licence_class");
  EXPECT_EQ(h().get("/api/catalog/practice/random?jurisdiction=vn&licence_class=Z9").status, 404);
}

TEST_F(PracticeRoutes, CriticalListsOnlyCriticalQuestions) {
  auto all = h().get("/api/catalog/practice/critical?jurisdiction=vn&lang=vi");
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_EQ(all.body.at("total").as_int64(), 24);
  ASSERT_EQ(items_of(all).size(), 24u);
  for (const auto& q : items_of(all)) {
    EXPECT_TRUE(q.at("critical").as_bool());
    EXPECT_TRUE(key_in(vn(), q, "vi").critical);
  }
  auto a1 = h().get("/api/catalog/practice/critical?jurisdiction=vn&licence_class=A1&lang=vi");
  ASSERT_EQ(a1.status, 200) << a1.text;
  EXPECT_EQ(a1.body.at("total").as_int64(), 14);
  for (const auto& q : items_of(a1)) {
    const auto& k = key_in(vn(), q, "vi");
    EXPECT_TRUE(k.critical && k.pools.contains("vn-motorcycle")) << k.external_id;
  }
  EXPECT_EQ(h().get("/api/catalog/practice/critical?jurisdiction=de").body.at("total").as_int64(), 0);
  EXPECT_EQ(h().get("/api/catalog/practice/critical?jurisdiction=vn&licence_class=Z9").status, 404);
}

TEST_F(PracticeRoutes, SearchFindsVietnameseWithOrWithoutDiacritics) {
  // Questions whose text or an option says "biển báo" (either case of the first letter).
  std::set<std::string> expected;
  for (const auto& [id, k] : vn()) {
    auto says = [](const std::string& s) {
      return s.find("biển báo") != std::string::npos || s.find("Biển báo") != std::string::npos;
    };
    bool hit = says(id);
    for (const auto& option : k.option_texts) hit = hit || says(option);
    if (hit) expected.insert(id);
  }
  ASSERT_FALSE(expected.empty());
  for (const std::string q : {"bien bao", "biển báo", "BIEN BAO"}) {
    auto r = h().get("/api/catalog/search?lang=vi&limit=100&jurisdiction=vn&q=" + percent_encode(q));
    ASSERT_EQ(r.status, 200) << q << ": " << r.text;
    std::set<std::string> found;
    for (const auto& item : items_of(r)) found.insert(identity(item, "vi"));
    for (const auto& id : expected) EXPECT_TRUE(found.contains(id)) << q << " misses: " << id;
    EXPECT_EQ(r.body.at("total").as_int64(), static_cast<std::int64_t>(items_of(r).size()));
  }
  auto plus = h().get("/api/catalog/search?lang=vi&limit=100&q=bien+bao");
  EXPECT_EQ(plus.status, 200);
  EXPECT_GE(items_of(plus).size(), expected.size());
}

TEST_F(PracticeRoutes, SearchLimitAndBadQueries) {
  auto limited = h().get("/api/catalog/search?q=xe&limit=3");
  ASSERT_EQ(limited.status, 200) << limited.text;
  EXPECT_EQ(items_of(limited).size(), 3u);
  EXPECT_EQ(items_of(h().get("/api/catalog/search?q=xe")).size(), 20u) << "default limit";
  EXPECT_TRUE(items_of(h().get("/api/catalog/search?q=xe&jurisdiction=de")).empty());
  EXPECT_EQ(h().get("/api/catalog/search?q=" + percent_encode(std::string(200, 'a'))).status, 200);
  std::string vietnamese_200;
  for (int i = 0; i < 100; ++i) vietnamese_200 += "đ ";
  EXPECT_EQ(h().get("/api/catalog/search?q=" + percent_encode(vietnamese_200)).status, 200)
      << "200 characters, not bytes";

  const std::vector<std::pair<std::string, std::string>> bad{
      {"/api/catalog/search", "q"},
      {"/api/catalog/search?q=", "q"},
      {"/api/catalog/search?q=+++", "q"},
      {"/api/catalog/search?q=" + std::string(201, 'a'), "q"},
      {"/api/catalog/search?q=a%00b", "q"},
      {"/api/catalog/search?q=%C3%28", "q"},
      {"/api/catalog/search?q=a%ZZ", "q"},
      {"/api/catalog/search?q=xe&limit=0", "limit"},
      {"/api/catalog/search?q=xe&limit=101", "limit"},
      {"/api/catalog/search?q=xe&limit=ten", "limit"},
      {"/api/catalog/search?q=xe&jurisdiction=v%20n", "jurisdiction"},
  };
  for (const auto& [target, field] : bad) {
    auto r = h().get(target);
    EXPECT_EQ(r.status, 400) << target << ": " << r.text;
    EXPECT_EQ(field_of(r), field) << target;
  }
}

TEST_F(PracticeRoutes, ARightAnswerAndAWrongOneBothShowTheKeyAndExplanation) {
  const auto [id, key] = find_question("vn", [](const Key& k) { return k.external_id == "vn-0001"; });
  const json::value right = json::object{{"selected", json::array{0}}};
  auto r = answer(id, right);
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_TRUE(r.body.at("correct").as_bool());
  EXPECT_EQ(r.body.at("correct_options"), json::value(json::array{0}));
  EXPECT_EQ(r.body.at("explanation").as_string(), key.explanation);
  EXPECT_EQ(r.body.at("question_id").as_int64(), id);
  EXPECT_FALSE(r.body.at("recorded").as_bool()) << "anonymous answers are not recorded";
  EXPECT_FALSE(r.body.as_object().contains("review"));

  const json::value wrong = json::object{{"selected", json::array{1}}};
  auto w = answer(id, wrong);
  ASSERT_EQ(w.status, 200) << w.text;
  EXPECT_FALSE(w.body.at("correct").as_bool());
  EXPECT_EQ(w.body.at("correct_options"), json::value(json::array{0}));
  EXPECT_EQ(w.body.at("explanation").as_string(), key.explanation);

  const json::value partial = json::object{{"selected", json::array{0, 1}}};
  EXPECT_FALSE(answer(id, partial).body.at("correct").as_bool()) << "all or nothing";
}

TEST_F(PracticeRoutes, NumericAnswers) {
  const auto id = find_question("de", [](const Key& k) { return k.external_id == "de-0012"; }).first;
  const json::value right = json::object{{"value", 130}};
  auto r = answer(id, right);
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_TRUE(r.body.at("correct").as_bool());
  EXPECT_EQ(r.body.at("numeric_answer").at("value").as_int64(), 130);
  EXPECT_FALSE(r.body.as_object().contains("correct_options"));
  const json::value wrong = json::object{{"value", 120}};
  EXPECT_FALSE(answer(id, wrong).body.at("correct").as_bool());
  const json::value choice = json::object{{"selected", json::array{0}}};
  auto bad = answer(id, choice);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(field_of(bad), "answer.selected");
}

TEST_F(PracticeRoutes, BadAnswersAre4xxNamingTheField) {
  const auto id = find_question("vn", [](const Key& k) { return k.external_id == "vn-0001"; }).first;
  const auto post = [](const std::string& body) { return h().call("POST", "/api/catalog/practice/answers", body); };
  const auto sid = std::to_string(id);
  const std::vector<std::tuple<std::string, int, std::string>> cases{
      {R"({"question_id":)" + sid + R"(,"answer":{"selected":[99]}})", 400, "answer.selected[0]"},
      {R"({"question_id":)" + sid + R"(,"answer":{"selected":[0,0]}})", 400, "answer.selected[1]"},
      {R"({"question_id":)" + sid + R"(,"answer":{"selected":[]}})", 400, "answer.selected"},
      {R"({"question_id":)" + sid + R"(,"answer":{"value":3}})", 400, "answer.value"},
      {R"({"question_id":)" + sid + R"(,"answer":[0]})", 400, "answer"},
      {R"({"question_id":)" + sid + "}", 400, "answer"},
      {R"({"question_id":"one","answer":{"selected":[0]}})", 400, "question_id"},
      {R"({"question_id":0,"answer":{"selected":[0]}})", 400, "question_id"},
      {R"({"answer":{"selected":[0]}})", 400, "question_id"},
      {R"({"question_id":)" + sid + R"(,"answer":{"selected":[0]},"extra":1})", 400, "extra"},
      {R"({"question_id":)" + sid + R"(,"revision":0,"answer":{"selected":[0]}})", 400, "revision"},
      {R"({"question_id":)" + sid + R"(,"revision":999,"answer":{"selected":[0]}})", 404, ""},
      {R"({"question_id":99999999,"answer":{"selected":[0]}})", 404, ""},
      {"{not json", 400, ""},
      {"", 400, ""},
  };
  for (const auto& [body, status, field] : cases) {
    auto r = post(body);
    EXPECT_EQ(r.status, status) << body << ": " << r.text;
    if (!field.empty()) {
      EXPECT_EQ(field_of(r), field) << body;
    }
  }
  auto same_revision = post(R"({"question_id":)" + sid + R"(,"revision":1,"answer":{"selected":[0]}})");
  EXPECT_EQ(same_revision.status, 200) << same_revision.text;
}

TEST_F(PracticeRoutes, BadParametersAre400NamingTheParameter) {
  const std::vector<std::pair<std::string, std::string>> bad{
      {"/api/catalog/practice/questions", "jurisdiction"},
      {"/api/catalog/practice/questions?jurisdiction=", "jurisdiction"},
      {"/api/catalog/practice/questions?jurisdiction=vn&page=0", "page"},
      {"/api/catalog/practice/questions?jurisdiction=vn&page=-1", "page"},
      {"/api/catalog/practice/questions?jurisdiction=vn&page=99999999999999999999", "page"},
      {"/api/catalog/practice/questions?jurisdiction=vn&size=0", "size"},
      {"/api/catalog/practice/questions?jurisdiction=vn&size=101", "size"},
      {"/api/catalog/practice/questions?jurisdiction=vn&size=1.5", "size"},
      {"/api/catalog/practice/questions?jurisdiction=vn&topic=a%20b", "topic"},
      {"/api/catalog/practice/questions?jurisdiction=vn&lang=VI", "lang"},
      {"/api/catalog/practice/road-signs", "jurisdiction"},
      {"/api/catalog/practice/road-signs?jurisdiction=vn&size=1000", "size"},
      {"/api/catalog/practice/critical", "jurisdiction"},
      {"/api/catalog/practice/critical?jurisdiction=vn&licence_class=%2F", "licence_class"},
      {"/api/catalog/practice/random?licence_class=B", "jurisdiction"},
  };
  for (const auto& [target, field] : bad) {
    auto r = h().get(target);
    EXPECT_EQ(r.status, 400) << target << ": " << r.text;
    EXPECT_EQ(field_of(r), field) << target;
  }
}

TEST_F(PracticeRoutes, HostileInputIsAClientErrorNeverA500) {
  const std::vector<std::string> targets{
      "/api/catalog/practice/questions?jurisdiction=vn&page=1000000&size=100",
      "/api/catalog/practice/questions?jurisdiction=vn&page=9223372036854775807",
      "/api/catalog/practice/questions?jurisdiction=vn&size=%FF",
      "/api/catalog/practice/questions?jurisdiction=" + std::string(65, 'a'),
      "/api/catalog/practice/questions?jurisdiction=vn&topic=" + std::string(65, 'a'),
      "/api/catalog/practice/random?jurisdiction=vn&licence_class=B&count=99999999999999999999",
      "/api/catalog/practice/random?jurisdiction=zz&licence_class=B",
      "/api/catalog/practice/critical?jurisdiction=zz",
      "/api/catalog/search?q=%F0%9F%9A%97",
      "/api/catalog/search?q=%27%3B%20DROP%20TABLE%20questions%3B--",
      "/api/catalog/search?q=a%20%26%20b%20%7C%20!c%3A*",
      "/api/catalog/search?q=%ED%A0%80",
      "/api/catalog/search?q=%C0%AF",
      "/api/catalog/search?q=a&q=b&limit=1",
  };
  for (const auto& target : targets) {
    auto r = h().get(target);
    EXPECT_LT(r.status, 500) << target << ": " << r.text;
  }
  const std::vector<std::string> bodies{
      R"({"question_id":9223372036854775807,"answer":{"selected":[0]}})",
      R"({"question_id":18446744073709551615,"answer":{"selected":[0]}})",
      R"({"question_id":1e300,"answer":{"selected":[0]}})",
      R"({"question_id":1,"answer":{"selected":[9223372036854775807]}})",
      R"({"question_id":1,"answer":{"value":1e300}})",
      R"([1,2,3])",
      R"("text")",
  };
  for (const auto& body : bodies) {
    auto r = h().call("POST", "/api/catalog/practice/answers", body);
    EXPECT_GE(r.status, 400) << body;
    EXPECT_LT(r.status, 500) << body << ": " << r.text;
  }
}

}  // namespace
