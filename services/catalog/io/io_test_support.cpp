#include "catalog/io/io_test_support.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "errors/problem.hpp"

namespace dt::catalog::io::iotest {

namespace {

LocalizedText text(const std::string& vi, const std::string& en) { return LocalizedText().set("vi", vi).set("en", en); }

}  // namespace

Question vietnamese_question(const std::string& external_id, std::vector<int> correct) {
  Question q;
  q.external_id = external_id;
  q.jurisdiction = JurisdictionCode("vn");
  q.topic = TopicCode("vn.1");
  q.kind = QuestionKind::choice;
  q.text = text("Người điều khiển xe mô tô hai bánh, ba bánh, xe gắn máy có được phép \"buông cả hai tay\" không?",
                "May a motorcyclist ride \"hands-free\", even briefly?\nChoose one.");
  q.options = {{text("Được phép.", "Yes, it is allowed."), false},
               {text("Không được phép.", "No, it is not allowed."), false},
               {text("Được phép khi đường vắng, \"an toàn\".", "Only on an empty road, if \"safe\"."), false}};
  for (int i : correct) q.options[static_cast<std::size_t>(i)].correct = true;
  q.explanation = text("Luật Giao thông đường bộ, Điều 30: không được buông cả hai tay.",
                       "Road Traffic Law, Article 30: both hands, always.");
  q.media = {{"signs/vn/p-102.png", MediaKind::image}, {"clips/vn/17.mp4", MediaKind::video}};
  q.weight = 1;
  q.critical = true;
  q.pools = {"vn-motorcycle", "vn-b1"};
  q.tags = {"road-rules"};
  q.shuffle_options = true;
  q.status = QuestionStatus::published;
  return q;
}

Question numeric_question(const std::string& external_id, const std::string& value, const std::string& tolerance) {
  Question q;
  q.external_id = external_id;
  q.jurisdiction = JurisdictionCode("vn");
  q.topic = TopicCode("vn.2");
  q.kind = QuestionKind::numeric;
  q.text = text("Khoảng cách an toàn tối thiểu (mét) ở tốc độ 60 km/h?", "Minimum safe distance (metres) at 60 km/h?");
  q.numeric_answer = NumericAnswerKey{*Decimal::parse(value), *Decimal::parse(tolerance)};
  q.weight = 3;
  q.shuffle_options = false;
  q.group = "distances";
  q.status = QuestionStatus::draft;
  return q;
}

Blueprint small_blueprint() {
  Blueprint b;
  b.code = "vn-2025-B";
  b.jurisdiction = JurisdictionCode("vn");
  b.licence_class = LicenceClassCode("B");
  b.version = 1;
  b.valid_from = make_date(2025, 6, 1);
  b.question_count = 3;
  b.time_limit = std::chrono::seconds(1200);
  b.quotas = {{{TopicCode("vn.1")}, 1, std::nullopt}, {{TopicCode("vn.2")}, 1, 3}};
  b.critical = {1, true};
  b.scoring = CountCorrect{2};
  return b;
}

BankDocument small_bank() {
  BankDocument d;
  d.jurisdictions = {{JurisdictionCode("vn"), text("Việt Nam", "Vietnam")}};
  d.topics = {{TopicCode("vn.1"), JurisdictionCode("vn"), 1, text("Quy định chung", "General rules")},
              {TopicCode("vn.2"), JurisdictionCode("vn"), 2, text("Văn hóa giao thông", "Traffic culture")}};
  d.licence_classes = {{LicenceClassCode("B"), JurisdictionCode("vn"), text("Hạng B", "Class B")}};
  d.questions = {vietnamese_question("vn-0001"), numeric_question("vn-0002", "2.5", "0.125")};
  d.blueprints = {small_blueprint()};
  return d;
}

TimePoint started_at() { return TimePoint{make_date(2025, 6, 2)} + std::chrono::hours(9); }

SmallExam small_exam() {
  SmallExam exam;
  Question first = vietnamese_question("vn-0101", {1});
  first.id = 101;
  first.revision = 2;
  Question second = numeric_question("vn-0102", "2.5", "0.1");
  second.id = 102;
  second.revision = 1;
  second.critical = false;
  Question third = vietnamese_question("vn-0103", {0, 2});
  third.id = 103;
  third.revision = 1;
  third.critical = false;
  third.topic = TopicCode("vn.2");
  exam.content = {first, second, third};
  std::vector<DrawnQuestion> drawn{{101, 2, QuestionKind::choice, true, {2, 0, 1}},
                                   {102, 1, QuestionKind::numeric, false, {}},
                                   {103, 1, QuestionKind::choice, false, {0, 1, 2}}};
  exam.session = start_exam(exam.blueprint, std::move(drawn), started_at());
  return exam;
}

boost::json::value parse(std::string_view json) { return boost::json::parse(json); }

std::string problem_field(const std::function<void()>& action) {
  try {
    action();
  } catch (const Problem& problem) {
    EXPECT_EQ(problem.status(), 400);
    for (const auto& [name, value] : problem.extensions()) {
      if (name == "field") return value;
    }
    ADD_FAILURE() << "a problem without a field: " << problem.detail();
    return "<no field>";
  }
  ADD_FAILURE() << "no problem was thrown";
  return "";
}

std::string listed(const ImportReport& report) {
  std::string out;
  for (const Rejection& r : report.rejections()) {
    out += r.section + "[" + std::to_string(r.index) + "] " + (r.line ? "line " + std::to_string(r.line) + " " : "") +
           r.field + " (" + r.key + "): " + r.message + "\n";
  }
  return out;
}

}  // namespace dt::catalog::io::iotest
