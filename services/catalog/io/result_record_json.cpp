#include "catalog/io/result_record_json.hpp"

#include <boost/json/array.hpp>

#include "catalog/io/json_fields.hpp"
#include "json/object_reader.hpp"

namespace dt::catalog::io {

namespace {

using json::ObjectReader;

constexpr std::size_t kMaxItems = 1000;

std::optional<Outcome> parse_outcome(std::string_view text) {
  for (Outcome o : {Outcome::correct, Outcome::incorrect, Outcome::unanswered}) {
    if (to_string(o) == text) return o;
  }
  return std::nullopt;
}

std::optional<FailReasonKind> parse_fail_reason_kind(std::string_view text) {
  for (FailReasonKind k : {FailReasonKind::score_below_pass_mark, FailReasonKind::critical_question_wrong,
                           FailReasonKind::error_points_exceeded, FailReasonKind::max_weight_wrong}) {
    if (to_string(k) == text) return k;
  }
  return std::nullopt;
}

QuestionOutcome read_outcome(const ObjectReader& in) {
  in.reject_unknown({"id", "revision", "topic", "weight", "critical", "outcome"});
  return {in.integer("id"),
          int_field(in, "revision"),
          TopicCode(in.string("topic", {.max_length = 200})),
          int_field(in, "weight"),
          in.boolean("critical"),
          enum_field(in, "outcome", parse_outcome, "correct, incorrect or unanswered")};
}

TopicScore read_topic(const ObjectReader& in) {
  in.reject_unknown({"topic", "correct", "total"});
  return {TopicCode(in.string("topic", {.max_length = 200})), int_field(in, "correct"), int_field(in, "total")};
}

FailReason read_reason(const ObjectReader& in) {
  in.reject_unknown({"kind", "actual", "limit", "weight", "questions"});
  FailReason reason{enum_field(in, "kind", parse_fail_reason_kind, "a fail reason kind"),
                    int_field(in, "actual"),
                    int_field(in, "limit"),
                    int_field(in, "weight"),
                    {}};
  const auto& ids = in.array("questions", kMaxItems);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto* id = ids[i].if_int64();
    if (!id) throw_invalid(index_path(in.path_of("questions"), i), "must be a question id");
    reason.questions.push_back(*id);
  }
  return reason;
}

template <class T, class Read>
std::vector<T> read_list(const ObjectReader& in, std::string_view name, Read read) {
  std::vector<T> out;
  const auto& items = in.array(name, kMaxItems);
  for (std::size_t i = 0; i < items.size(); ++i) out.push_back(read(ObjectReader::element(items, i, in.path_of(name))));
  return out;
}

}  // namespace

boost::json::object result_record_to_json(const ExamResult& r) {
  boost::json::array questions;
  for (const QuestionOutcome& q : r.questions) {
    questions.push_back(boost::json::object{{"id", q.id},
                                            {"revision", q.revision},
                                            {"topic", q.topic.value()},
                                            {"weight", q.weight},
                                            {"critical", q.critical},
                                            {"outcome", to_string(q.outcome)}});
  }
  boost::json::array topics;
  for (const TopicScore& t : r.topics) {
    topics.push_back(boost::json::object{{"topic", t.topic.value()}, {"correct", t.correct}, {"total", t.total}});
  }
  boost::json::array reasons;
  for (const FailReason& f : r.fail_reasons) {
    boost::json::array ids;
    for (QuestionId id : f.questions) ids.emplace_back(id);
    reasons.push_back(boost::json::object{{"kind", to_string(f.kind)},
                                          {"actual", f.actual},
                                          {"limit", f.limit},
                                          {"weight", f.weight},
                                          {"questions", std::move(ids)}});
  }
  return {{"questions", std::move(questions)}, {"score", r.score},
          {"max_score", r.max_score},          {"answered", r.answered},
          {"error_points", r.error_points},    {"total_weight", r.total_weight},
          {"topics", std::move(topics)},       {"passed", r.passed},
          {"fail_reasons", std::move(reasons)}};
}

ExamResult result_record_from_json(const boost::json::value& value, const std::string& path) {
  const ObjectReader in(value, path);
  in.reject_unknown({"questions", "score", "max_score", "answered", "error_points", "total_weight", "topics", "passed",
                     "fail_reasons"});
  ExamResult r;
  r.questions = read_list<QuestionOutcome>(in, "questions", read_outcome);
  r.score = int_field(in, "score");
  r.max_score = int_field(in, "max_score");
  r.answered = int_field(in, "answered");
  r.error_points = int_field(in, "error_points");
  r.total_weight = int_field(in, "total_weight");
  r.topics = read_list<TopicScore>(in, "topics", read_topic);
  r.passed = in.boolean("passed");
  r.fail_reasons = read_list<FailReason>(in, "fail_reasons", read_reason);
  return r;
}

}  // namespace dt::catalog::io
