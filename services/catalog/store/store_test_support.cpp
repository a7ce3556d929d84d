#include "catalog/store/store_test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "catalog/io/instant_json.hpp"
#include "catalog/store/store_migrations.hpp"

namespace dt::catalog::store::testing {

namespace {

std::string unique_schema_name() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return "catalog_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" +
         std::to_string(random() % 1'000'000);
}

LocalizedText text(const std::string& vi, const std::string& en) {
  LocalizedText out;
  if (!vi.empty()) out.set("vi", vi);
  if (!en.empty()) out.set("en", en);
  return out;
}

}  // namespace

void StoreTest::SetUp() {
  const char* url = std::getenv("DT_PG_URL");
  ASSERT_TRUE(url && *url) << "DT_PG_URL is not set: catalog_store tests need the real PostgreSQL. Start it with "
                              "`bash infra/postgres.sh start`, then `. infra/env.sh` to export DT_PG_URL.";
  url_ = url;
  schema_ = unique_schema_name();
  run_raw([this]() -> Awaitable<void> {
    db::Database db(io_.get_executor(), options());
    co_await migrate_store(db, schema_);
  });
}

void StoreTest::TearDown() {
  if (url_.empty()) return;
  run_raw([this]() -> Awaitable<void> {
    db::Database db(io_.get_executor(), options());
    co_await db.query("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  });
}

db::PoolOptions StoreTest::options() const { return {.url = url_, .max_connections = 4, .application_name = schema_}; }

void require(bool condition, const std::string& message) {
  if (!condition) throw std::runtime_error("requirement failed: " + message);
}

TimePoint instant(const char* rfc3339) {
  const auto parsed = io::parse_instant(rfc3339);
  if (!parsed) throw std::invalid_argument(std::string("not an instant: ") + rfc3339);
  return *parsed;
}

Question choice_question(const std::string& external_id, const std::string& jurisdiction, const std::string& topic,
                         const std::string& vi, const std::string& en) {
  Question q;
  q.external_id = external_id;
  q.jurisdiction = JurisdictionCode(jurisdiction);
  q.topic = TopicCode(topic);
  q.kind = QuestionKind::choice;
  q.text = text(vi, en);
  q.options = {Option{text(vi.empty() ? "" : "Đúng", "Right"), true},
               Option{text(vi.empty() ? "" : "Sai", "Wrong"), false},
               Option{text(vi.empty() ? "" : "Không biết", "Unsure"), false}};
  q.explanation = text(vi.empty() ? "" : "Giải thích", "Because");
  q.status = QuestionStatus::published;
  return q;
}

Blueprint vn_blueprint() {
  Blueprint b;
  b.code = "vn-2025-B";
  b.jurisdiction = JurisdictionCode("vn");
  b.licence_class = LicenceClassCode("B");
  b.version = 1;
  b.valid_from = make_date(2025, 6, 1);
  b.question_count = 2;
  b.time_limit = std::chrono::seconds{60};
  b.quotas = {Quota{{TopicCode("vn.1")}, 1, std::nullopt}, Quota{{TopicCode("vn.5")}, 1, std::nullopt}};
  b.scoring = CountCorrect{2};
  return b;
}

Blueprint uk_blueprint() {
  Blueprint b;
  b.code = "uk-car";
  b.jurisdiction = JurisdictionCode("uk");
  b.licence_class = LicenceClassCode("B");
  b.version = 1;
  b.valid_from = make_date(2024, 1, 1);
  b.valid_to = make_date(2030, 1, 1);
  b.question_count = 1;
  b.time_limit = std::chrono::seconds{57 * 60};
  b.quotas = {Quota{{TopicCode("uk.signs")}, 1, std::nullopt}};
  b.scoring = CountCorrect{1};
  b.navigation = Navigation{true, true};
  return b;
}

io::BankDocument sample_bank() {
  io::BankDocument doc;
  doc.jurisdictions = {Jurisdiction{JurisdictionCode("vn"), text("Việt Nam", "Vietnam")},
                       Jurisdiction{JurisdictionCode("uk"), text("", "United Kingdom")}};
  doc.topics = {Topic{TopicCode("vn.1"), JurisdictionCode("vn"), 1, text("Quy định chung", "General rules")},
                Topic{TopicCode("vn.5"), JurisdictionCode("vn"), 5, text("Báo hiệu đường bộ", "Road signs")},
                Topic{TopicCode("uk.signs"), JurisdictionCode("uk"), 1, text("", "Road and traffic signs")}};
  doc.licence_classes = {LicenceClass{LicenceClassCode("B"), JurisdictionCode("vn"), text("Hạng B", "Class B")},
                         LicenceClass{LicenceClassCode("B"), JurisdictionCode("uk"), text("", "Car")}};
  doc.questions = {
      choice_question("vn-0001", "vn", "vn.1", "Người điều khiển xe phải đi bên phải theo chiều đi của mình?",
                      "Must drivers keep to the right?"),
      choice_question("vn-0002", "vn", "vn.1", "Đường ưu tiên là đường như thế nào?", "What is a priority road?"),
      choice_question("vn-0003", "vn", "vn.1", "Khi gặp xe cứu thương, người lái xe phải làm gì?",
                      "What must a driver do when meeting an ambulance?"),
      choice_question("vn-0301", "vn", "vn.5", "Biển báo nào cấm xe ô tô?", "Which sign prohibits cars?"),
      choice_question("vn-0302", "vn", "vn.5", "Biển báo hiệu nguy hiểm có hình gì?", "What shape are warning signs?"),
      choice_question("vn-0303", "vn", "vn.5", "Vạch kẻ đường màu vàng có ý nghĩa gì?",
                      "What do yellow road markings mean?"),
      choice_question("uk-0001", "uk", "uk.signs", "", "What does a red triangular road sign mean?"),
      choice_question("uk-0002", "uk", "uk.signs", "", "Stopping distances on wet roads are longer"),
  };
  doc.questions[2].critical = true;
  doc.questions[5].status = QuestionStatus::draft;
  doc.blueprints = {vn_blueprint(), uk_blueprint()};
  return doc;
}

StoredExam make_exam(const Blueprint& blueprint, const std::vector<Question>& content, TimePoint started,
                     std::optional<std::string> user_id) {
  std::vector<DrawnQuestion> drawn;
  for (const Question& q : content) {
    DrawnQuestion d{q.id, q.revision, q.kind, q.critical, {}};
    for (int i = 0; i < static_cast<int>(q.options.size()); ++i) d.option_order.push_back(i);
    drawn.push_back(std::move(d));
  }
  StoredExam exam;
  exam.user_id = std::move(user_id);
  exam.jurisdiction = blueprint.jurisdiction;
  exam.licence_class = blueprint.licence_class;
  exam.blueprint_code = blueprint.code;
  exam.blueprint_version = blueprint.version;
  exam.seed = 0xfedcba9876543210ULL;  // above INT64_MAX: stored bit for bit
  exam.session = start_exam(blueprint, drawn, started);
  exam.drawn = std::move(drawn);
  return exam;
}

}  // namespace dt::catalog::store::testing
