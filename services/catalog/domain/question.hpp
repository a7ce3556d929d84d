#pragma once
// Question: one item of a jurisdiction's bank, at one revision. Field names follow the bank format
// (services/catalog/data/FORMAT.md). A question is a plain value: the store assigns id and revision, the admin
// API and the importer check it with validate(const Question&) (question_validation.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/domain/code.hpp"
#include "catalog/domain/decimal.hpp"
#include "catalog/domain/localized_text.hpp"

namespace dt::catalog {

// Database identity of a question (bigint). Stable across revisions; 0 before the store has assigned one.
using QuestionId = std::int64_t;

enum class QuestionKind { choice, numeric };
enum class MediaKind { image, video };
enum class QuestionStatus { draft, published, retired };

std::string_view to_string(QuestionKind kind);
std::string_view to_string(MediaKind kind);
std::string_view to_string(QuestionStatus status);
// The format's spelling ("choice", "video", "published"); nullopt for anything else.
std::optional<QuestionKind> parse_question_kind(std::string_view text);
std::optional<MediaKind> parse_media_kind(std::string_view text);
std::optional<QuestionStatus> parse_question_status(std::string_view text);

struct Option {
  LocalizedText text;
  bool correct = false;

  friend bool operator==(const Option&, const Option&) = default;
};

// The right answer of a numeric question: any response within value +- tolerance is correct.
struct NumericAnswerKey {
  Decimal value;
  Decimal tolerance;

  friend bool operator==(const NumericAnswerKey&, const NumericAnswerKey&) = default;
};

// A storage key (not a URL): the media service turns it into a URL for the client.
struct MediaRef {
  std::string key;
  MediaKind kind = MediaKind::image;

  friend bool operator==(const MediaRef&, const MediaRef&) = default;
};

inline constexpr int kMinOptions = 2;
inline constexpr int kMaxOptions = 6;

struct Question {
  QuestionId id = 0;
  int revision = 0;         // 1, 2, ... as published content changes; drawn exams keep the revision they showed
  std::string external_id;  // the import key, e.g. "vn-0001"
  JurisdictionCode jurisdiction;
  TopicCode topic;
  QuestionKind kind = QuestionKind::choice;
  LocalizedText text;
  std::vector<Option> options;                     // choice only; options are identified by their index here
  std::optional<NumericAnswerKey> numeric_answer;  // numeric only
  LocalizedText explanation;
  std::vector<MediaRef> media;
  int weight = 1;                  // points: error points when wrong under an error-points policy
  bool critical = false;           // a critical question answered wrong fails the exam (when the blueprint says so)
  std::vector<std::string> pools;  // named subsets of the bank, e.g. "vn-motorcycle"
  std::vector<std::string> tags;
  bool shuffle_options = true;
  std::optional<std::string> group;  // questions sharing a group are drawn together (three about one clip)
  QuestionStatus status = QuestionStatus::draft;

  bool in_pool(std::string_view pool) const;
  int correct_option_count() const;
  // Structurally answerable: a choice question with 2-6 options and at least one correct, or a numeric one with
  // an answer key. The draw skips other questions even if published; validate() says what is wrong with them.
  bool gradable() const;

  friend bool operator==(const Question&, const Question&) = default;
};

}  // namespace dt::catalog
