#include "catalog/store/content_codec.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

#include "catalog/io/blueprint_json.hpp"
#include "catalog/io/drawn_question_json.hpp"
#include "catalog/io/localized_json.hpp"
#include "catalog/io/question_json.hpp"
#include "catalog/io/result_record_json.hpp"
#include "catalog/io/session_json.hpp"

namespace dt::catalog::store::detail {

namespace {

boost::json::value parse_stored(std::string_view json, std::string_view what) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(json, ec);
  if (ec) throw std::runtime_error("stored " + std::string(what) + " is not JSON: " + ec.message());
  return value;
}

}  // namespace

std::string question_content(const Question& question) {
  Question content = question;
  content.id = 0;
  content.revision = 0;
  return boost::json::serialize(io::question_to_json(content));
}

Question question_from_content(std::string_view json, QuestionId id, int revision) {
  Question question = io::read_question(parse_stored(json, "question"), "question");
  question.id = id;
  question.revision = revision;
  return question;
}

std::string blueprint_content(const Blueprint& blueprint) {
  return boost::json::serialize(io::blueprint_to_json(blueprint));
}

Blueprint blueprint_from_content(std::string_view json) {
  return io::read_blueprint(parse_stored(json, "blueprint"), "blueprint");
}

std::string localized_content(const LocalizedText& text) { return boost::json::serialize(io::to_json(text)); }

LocalizedText localized_from_content(std::string_view json) {
  return io::localized_from_json(parse_stored(json, "name"), "name");
}

std::string drawn_content(const std::vector<DrawnQuestion>& drawn) {
  return boost::json::serialize(io::drawn_questions_to_json(drawn));
}

std::vector<DrawnQuestion> drawn_from_content(std::string_view json) {
  return io::drawn_questions_from_json(parse_stored(json, "drawn questions"), "drawn");
}

std::string session_content(const ExamSession& session) { return boost::json::serialize(io::session_to_json(session)); }

ExamSession session_from_content(std::string_view json) {
  return io::session_from_json(parse_stored(json, "exam session"));
}

ExamResult result_from_content(std::string_view json) {
  return io::result_record_from_json(parse_stored(json, "exam result"), "result");
}

}  // namespace dt::catalog::store::detail
