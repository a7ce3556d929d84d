#include "catalog/domain/question_validation.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace dt::catalog {

namespace {

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string indexed(const std::string& field, std::size_t index) { return field + "[" + std::to_string(index) + "]"; }

// Names such as pools and tags: valid codes, each listed once.
void check_names(const std::vector<std::string>& names, const std::string& field, ValidationProblems& problems) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!is_valid_code(names[i])) {
      problems.push_back({indexed(field, i), "must be 1-64 characters of letters, digits, '.', '_' or '-'"});
    } else if (!seen.insert(names[i]).second) {
      problems.push_back({indexed(field, i), "'" + names[i] + "' is listed twice"});
    }
  }
}

void check_media(const std::vector<MediaRef>& media, ValidationProblems& problems) {
  for (std::size_t i = 0; i < media.size(); ++i) {
    const std::string& key = media[i].key;
    const std::string field = indexed("media", i) + ".key";
    if (key.empty() || key.size() > 512) {
      problems.push_back({field, "must be 1-512 characters"});
    } else if (key.front() == '/' || key.find("..") != std::string::npos || key.find("://") != std::string::npos) {
      // A storage key, resolved by the media service: never a path out of its bucket or an outside URL.
      problems.push_back({field, "must be a relative storage key without '..' or a scheme"});
    } else if (std::any_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
      problems.push_back({field, "must not contain control characters"});
    }
  }
}

void check_choice(const Question& question, ValidationProblems& problems) {
  const auto count = static_cast<int>(question.options.size());
  if (count < kMinOptions || count > kMaxOptions) {
    problems.push_back({"options", "a choice question needs " + std::to_string(kMinOptions) + " to " +
                                       std::to_string(kMaxOptions) + " options, it has " + std::to_string(count)});
  }
  for (std::size_t i = 0; i < question.options.size(); ++i) {
    check_localized(question.options[i].text, indexed("options", i) + ".text", true, problems);
  }
  if (count > 0 && question.correct_option_count() == 0) {
    problems.push_back({"options", "at least one option must be correct"});
  }
  if (question.numeric_answer) {
    problems.push_back({"numeric_answer", "only numeric questions have a numeric answer"});
  }
}

void check_numeric(const Question& question, ValidationProblems& problems) {
  if (!question.options.empty()) {
    problems.push_back({"options", "a numeric question has no options"});
  }
  if (!question.numeric_answer) {
    problems.push_back({"numeric_answer", "a numeric question needs a value and a tolerance"});
  } else if (question.numeric_answer->tolerance < Decimal{}) {
    problems.push_back({"numeric_answer.tolerance", "must not be negative"});
  }
}

}  // namespace

void check_localized(const LocalizedText& text, const std::string& field, bool required, ValidationProblems& problems) {
  if (required && text.empty()) {
    problems.push_back({field, "needs a text in at least one language"});
  }
  for (const auto& [language, value] : text.entries()) {
    if (!is_valid_language_code(language)) {
      problems.push_back({field, "'" + language + "' is not a language code such as 'vi' or 'en'"});
    } else if (is_blank(value)) {
      problems.push_back({field + "." + language, "must not be blank"});
    }
  }
}

ValidationProblems validate(const Question& question) {
  ValidationProblems problems;
  if (question.external_id.empty() || question.external_id.size() > 100 ||
      std::any_of(question.external_id.begin(), question.external_id.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20; })) {
    problems.push_back({"external_id", "must be 1-100 characters without spaces or control characters"});
  }
  if (!question.jurisdiction.valid()) problems.push_back({"jurisdiction", "must be a jurisdiction code"});
  if (!question.topic.valid()) problems.push_back({"topic", "must be a topic code"});
  check_localized(question.text, "text", true, problems);
  check_localized(question.explanation, "explanation", false, problems);
  if (question.kind == QuestionKind::choice) {
    check_choice(question, problems);
  } else {
    check_numeric(question, problems);
  }
  check_media(question.media, problems);
  if (question.weight < 1) problems.push_back({"weight", "must be at least 1"});
  check_names(question.pools, "pools", problems);
  check_names(question.tags, "tags", problems);
  if (question.group && !is_valid_code(*question.group)) {
    problems.push_back({"group", "must be 1-64 characters of letters, digits, '.', '_' or '-'"});
  }
  return problems;
}

}  // namespace dt::catalog
