#pragma once
// Types of the question reads: the admin table's filter and page, a revision with who made it, and the
// (id, revision) pairs an exam needs the content of.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "catalog/domain/code.hpp"
#include "catalog/domain/date.hpp"
#include "catalog/domain/drawn_question.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::store {

inline constexpr int kMaxPageSize = 200;

// Every field optional; set ones must all match. text: full-text search (with or without diacritics), or an
// exact external_id. Pages count from 1; size is clamped to 1..kMaxPageSize.
struct QuestionFilter {
  std::optional<JurisdictionCode> jurisdiction;
  std::optional<TopicCode> topic;
  std::optional<QuestionStatus> status;
  std::optional<std::string> text;
  int page = 1;
  int size = 50;
};

// Current revisions, ordered by external_id; total counts every match, not just this page.
struct QuestionPage {
  std::vector<Question> items;
  std::int64_t total = 0;
};

struct QuestionRevision {
  Question question;  // id and revision set
  TimePoint created_at{};
  std::string created_by;
};

struct QuestionRef {
  QuestionId id = 0;
  int revision = 0;

  friend bool operator==(const QuestionRef&, const QuestionRef&) = default;
};

// The refs of an exam's questions, in exam order.
inline std::vector<QuestionRef> refs_of(std::span<const DrawnQuestion> drawn) {
  std::vector<QuestionRef> refs;
  refs.reserve(drawn.size());
  for (const DrawnQuestion& q : drawn) refs.push_back(QuestionRef{q.id, q.revision});
  return refs;
}

}  // namespace dt::catalog::store
