#include "catalog/domain/test_bank.hpp"

#include <cstdio>
#include <stdexcept>

namespace dt::catalog::fixtures {

namespace {

std::string vn_id(int number) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "vn-%04d", number);
  return buffer;
}

LocalizedText text(const std::string& en) { return LocalizedText().set("en", en).set("vi", "VI " + en); }

std::vector<Quota> quotas(std::vector<std::pair<std::vector<std::string>, int>> spec, const std::string& prefix) {
  std::vector<Quota> list;
  for (auto& [topics, count] : spec) {
    Quota quota;
    for (const auto& topic : topics) quota.topics.emplace_back(prefix + topic);
    quota.count = count;
    list.push_back(std::move(quota));
  }
  return list;
}

Blueprint vn(const std::string& year, const std::string& licence_class, int count, int minutes, int pass_mark,
             std::optional<std::string> pool, std::vector<int> chapters) {
  Blueprint b;
  b.code = "vn-" + year + "-" + licence_class;
  b.jurisdiction = JurisdictionCode("vn");
  b.licence_class = LicenceClassCode(licence_class);
  b.version = 1;
  if (year == "2025") {
    b.valid_from = make_date(2025, 6, 1);
  } else {
    b.valid_from = make_date(2020, 8, 1);
    b.valid_to = make_date(2025, 6, 1);
  }
  b.question_count = count;
  b.time_limit = std::chrono::minutes(minutes);
  b.pool = std::move(pool);
  // chapters: 1, 2, (3 or 3+4 when chapter 4 has no quota of its own), 4, 5, 6; 0 means "no quota".
  std::vector<std::pair<std::vector<std::string>, int>> spec;
  const bool merge_3_4 = chapters[3] == 0;
  for (int chapter = 1; chapter <= 6; ++chapter) {
    const int n = chapters[static_cast<std::size_t>(chapter - 1)];
    if (n == 0) continue;
    if (chapter == 3 && merge_3_4) {
      spec.push_back({{"3", "4"}, n});
    } else {
      spec.push_back({{std::to_string(chapter)}, n});
    }
  }
  b.quotas = quotas(spec, "vn.");
  b.critical = {1, true};
  b.scoring = CountCorrect{pass_mark};
  b.navigation = {true, true};
  return b;
}

}  // namespace

int vn_chapter(int number) {
  if (number <= 180) return 1;
  if (number <= 205) return 2;
  if (number <= 263) return 3;
  if (number <= 300) return 4;
  if (number <= 485) return 5;
  return 6;
}

bool vn_critical(int number) {
  switch (vn_chapter(number)) {
    case 1:
      return number % 4 == 0;  // 4, 8, ..., 180: 45
    case 2:
      return number == 184 || number == 190 || number == 196 || number == 202;
    case 3:
      return (number - 206) % 5 == 0 && number <= 256;  // 206, 211, ..., 256: 11
    default:
      return false;
  }
}

std::vector<Question> vn_bank() {
  std::vector<Question> bank;
  bank.reserve(kVnBankSize);
  for (int n = 1; n <= kVnBankSize; ++n) {
    Question q = choice(n, "vn." + std::to_string(vn_chapter(n)), 2 + n % 3, {n % 2}, 1, vn_critical(n));
    q.external_id = vn_id(n);
    q.jurisdiction = JurisdictionCode("vn");
    if (n % 12 < 5) q.pools.push_back("vn-a");
    if (n % 2 == 0) q.pools.push_back("vn-b1");
    q.shuffle_options = n % 7 != 0;
    bank.push_back(std::move(q));
  }
  return bank;
}

std::vector<Blueprint> vn_2025_blueprints() {
  std::vector<Blueprint> list{
      vn("2025", "A1", 25, 19, 21, "vn-a", {8, 1, 1, 0, 8, 6}),
      vn("2025", "A", 25, 19, 23, "vn-a", {8, 1, 1, 0, 8, 6}),
      vn("2025", "B1", 25, 19, 23, "vn-b1", {8, 1, 1, 0, 8, 6}),
      vn("2025", "B", 30, 20, 27, std::nullopt, {8, 1, 1, 1, 9, 9}),
      vn("2025", "C1", 35, 22, 32, std::nullopt, {10, 1, 2, 1, 10, 10}),
      vn("2025", "C", 40, 24, 36, std::nullopt, {10, 1, 2, 1, 14, 11}),
  };
  for (const char* cls : {"D1", "D2", "D", "BE", "C1E", "CE", "D1E", "D2E", "DE"}) {
    list.push_back(vn("2025", cls, 45, 26, 41, std::nullopt, {10, 1, 2, 1, 16, 14}));
  }
  return list;
}

std::vector<Blueprint> vn_2020_blueprints() {
  return {
      vn("2020", "A1", 25, 19, 21, "vn-a", {9, 1, 1, 0, 7, 6}),
      vn("2020", "A2", 25, 19, 23, std::nullopt, {9, 1, 1, 0, 7, 6}),
      vn("2020", "B1", 30, 20, 27, std::nullopt, {9, 1, 2, 1, 8, 8}),
      vn("2020", "B2", 35, 22, 32, std::nullopt, {10, 1, 2, 1, 10, 10}),
      vn("2020", "C", 40, 24, 36, std::nullopt, {10, 1, 2, 1, 14, 11}),
      vn("2020", "D", 45, 26, 41, std::nullopt, {10, 1, 2, 1, 16, 14}),
      vn("2020", "E", 45, 26, 41, std::nullopt, {10, 1, 2, 1, 16, 14}),
      vn("2020", "F", 45, 26, 41, std::nullopt, {10, 1, 2, 1, 16, 14}),
  };
}

Blueprint vn_2025(const std::string& licence_class) {
  for (Blueprint& b : vn_2025_blueprints()) {
    if (b.licence_class.value() == licence_class) return b;
  }
  throw std::invalid_argument("no VN 2025 class " + licence_class);
}

std::vector<Question> uk_bank() {
  std::vector<Question> bank;
  for (int t = 1; t <= 8; ++t) {
    for (int i = 1; i <= 50; ++i) {
      const int id = 10000 + t * 100 + i;
      Question q = choice(id, "uk." + std::to_string(t), 4, {i % 4});
      q.jurisdiction = JurisdictionCode("uk");
      // Three questions of topic 4 about one clip: a group, drawn together.
      if (t == 4 && i >= 20 && i <= 22) {
        q.group = kUkClipGroup;
        q.media.push_back({"clips/uk/17.mp4", MediaKind::video});
      }
      bank.push_back(std::move(q));
    }
  }
  return bank;
}

Blueprint uk_car() {
  Blueprint b;
  b.code = "uk-2024-car";
  b.jurisdiction = JurisdictionCode("uk");
  b.licence_class = LicenceClassCode("car");
  b.valid_from = make_date(2024, 1, 1);
  b.question_count = 50;
  b.time_limit = std::chrono::minutes(57);
  b.quotas =
      quotas({{{"1"}, 7}, {{"2"}, 6}, {{"3"}, 6}, {{"4"}, 7}, {{"5"}, 6}, {{"6"}, 6}, {{"7"}, 6}, {{"8"}, 6}}, "uk.");
  b.critical = {0, false};
  b.scoring = CountCorrect{43};
  b.navigation = {true, true};
  return b;
}

Blueprint de_class_b() {
  Blueprint b;
  b.code = "de-2024-B";
  b.jurisdiction = JurisdictionCode("de");
  b.licence_class = LicenceClassCode("B");
  b.valid_from = make_date(2024, 4, 1);
  b.question_count = 30;
  b.time_limit = std::chrono::minutes(45);
  b.quotas = quotas({{{"grund"}, 20}, {{"b"}, 10}}, "de.");
  b.critical = {0, false};
  b.scoring = ErrorPoints{10, 2, 5};
  b.navigation = {true, true};
  return b;
}

Question choice(QuestionId id, const std::string& topic, int options, std::vector<int> correct, int weight,
                bool critical) {
  Question q;
  q.id = id;
  q.revision = 1;
  q.external_id = "q-" + std::to_string(id);
  q.jurisdiction = JurisdictionCode(topic.substr(0, topic.find('.')));
  q.topic = TopicCode(topic);
  q.kind = QuestionKind::choice;
  q.text = text("Question " + std::to_string(id));
  for (int i = 0; i < options; ++i) q.options.push_back({text("Option " + std::to_string(i)), false});
  for (int i : correct) q.options.at(static_cast<std::size_t>(i)).correct = true;
  q.weight = weight;
  q.critical = critical;
  q.status = QuestionStatus::published;
  return q;
}

Question numeric(QuestionId id, const std::string& topic, const std::string& value, const std::string& tolerance,
                 int weight) {
  Question q = choice(id, topic, 2, {0}, weight);
  q.kind = QuestionKind::numeric;
  q.options.clear();
  q.numeric_answer = NumericAnswerKey{*Decimal::parse(value), *Decimal::parse(tolerance)};
  return q;
}

}  // namespace dt::catalog::fixtures
