#include "catalog/io/session_json.hpp"

#include <boost/json/array.hpp>

#include <stdexcept>

#include "catalog/io/answer_json.hpp"
#include "catalog/io/drawn_question_json.hpp"
#include "catalog/io/instant_json.hpp"
#include "catalog/io/json_fields.hpp"
#include "catalog/io/result_record_json.hpp"
#include "errors/problem.hpp"
#include "json/object_reader.hpp"

namespace dt::catalog::io {

namespace {

using json::ObjectReader;

std::optional<ExamFinish> parse_finish(std::string_view text) {
  if (text == "submitted") return ExamFinish::submitted;
  if (text == "expired") return ExamFinish::expired;
  return std::nullopt;
}

TimePoint instant_member(const ObjectReader& in, std::string_view name) {
  if (!in.has(name)) throw_invalid(in.path_of(name), "is required");
  return instant_from_json(in.raw().at(name), in.path_of(name));
}

std::vector<std::optional<RecordedAnswer>> read_answers(const ObjectReader& in,
                                                        const std::vector<DrawnQuestion>& questions) {
  const auto& items = in.array("answers", questions.size());
  if (items.size() != questions.size()) throw_invalid(in.path_of("answers"), "must have one slot per question");
  std::vector<std::optional<RecordedAnswer>> answers(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].is_null()) continue;
    const ObjectReader item = ObjectReader::element(items, i, in.path_of("answers"));
    item.reject_unknown({"answer", "answered_at"});
    if (!item.has("answer")) throw_invalid(item.path_of("answer"), "is required");
    answers[i] = RecordedAnswer{answer_from_json(item.raw().at("answer"), questions[i], item.path_of("answer")),
                                instant_member(item, "answered_at")};
  }
  return answers;
}

std::vector<bool> read_flags(const ObjectReader& in, std::size_t count) {
  const auto& items = in.array("flags", count);
  if (items.size() != count) throw_invalid(in.path_of("flags"), "must have one flag per question");
  std::vector<bool> flags(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (!items[i].is_bool()) throw_invalid(index_path(in.path_of("flags"), i), "must be true or false");
    flags[i] = items[i].get_bool();
  }
  return flags;
}

ExamSession read_session(const boost::json::value& value) {
  const ObjectReader in(value, "session");
  in.reject_unknown({"format", "questions", "navigation", "started_at", "deadline", "answers", "flags", "finished_at",
                     "finish", "result"});
  if (in.string("format", {.max_length = 64}) != kSessionFormat) {
    throw_invalid(in.path_of("format"), "must be \"" + std::string(kSessionFormat) + "\"");
  }
  ExamSession s;
  if (!in.has("questions")) throw_invalid(in.path_of("questions"), "is required");
  s.questions = drawn_questions_from_json(in.raw().at("questions"), in.path_of("questions"));
  const ObjectReader navigation = in.object("navigation");
  navigation.reject_unknown({"flag", "revisit"});
  s.navigation = {navigation.boolean("flag"), navigation.boolean("revisit")};
  s.started_at = instant_member(in, "started_at");
  s.deadline = instant_member(in, "deadline");
  s.answers = read_answers(in, s.questions);
  s.flags = read_flags(in, s.questions.size());
  if (in.has("finished_at")) s.finished_at = instant_member(in, "finished_at");
  if (in.has("finish")) s.finish = enum_field(in, "finish", parse_finish, "submitted or expired");
  if (in.has("result")) s.result = result_record_from_json(in.raw().at("result"), in.path_of("result"));
  if (s.finish.has_value() != s.result.has_value() || s.finish.has_value() != s.finished_at.has_value()) {
    throw_invalid(in.path_of("result"), "finish, finished_at and result are set together or not at all");
  }
  return s;
}

}  // namespace

boost::json::object session_to_json(const ExamSession& s) {
  boost::json::array answers;
  for (const auto& recorded : s.answers) {
    if (!recorded) {
      answers.emplace_back(nullptr);
    } else {
      answers.push_back(boost::json::object{{"answer", answer_to_json(recorded->answer)},
                                            {"answered_at", format_instant(recorded->answered_at)}});
    }
  }
  boost::json::array flags;
  for (bool flag : s.flags) flags.emplace_back(flag);
  boost::json::object out;
  out["format"] = kSessionFormat;
  out["questions"] = drawn_questions_to_json(s.questions);
  out["navigation"] = boost::json::object{{"flag", s.navigation.flag}, {"revisit", s.navigation.revisit}};
  out["started_at"] = format_instant(s.started_at);
  out["deadline"] = format_instant(s.deadline);
  out["answers"] = std::move(answers);
  out["flags"] = std::move(flags);
  out["finished_at"] = s.finished_at ? boost::json::value(format_instant(*s.finished_at)) : boost::json::value(nullptr);
  out["finish"] = s.finish ? boost::json::value(to_string(*s.finish)) : boost::json::value(nullptr);
  out["result"] = s.result ? boost::json::value(result_record_to_json(*s.result)) : boost::json::value(nullptr);
  return out;
}

ExamSession session_from_json(const boost::json::value& value) {
  try {
    return read_session(value);
  } catch (const Problem& problem) {
    throw std::runtime_error("stored exam session does not read back: " + problem.detail());
  }
}

}  // namespace dt::catalog::io
