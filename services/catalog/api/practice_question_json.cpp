#include "catalog/api/practice_question_json.hpp"

#include "catalog/io/question_json.hpp"

namespace dt::catalog::api {

boost::json::object practice_question_to_json(const Question& q, std::string_view language) {
  boost::json::object out;
  out["id"] = q.id;
  out["revision"] = q.revision;
  out["jurisdiction"] = q.jurisdiction.value();
  out["topic"] = q.topic.value();
  out["kind"] = to_string(q.kind);
  out["text"] = q.text.best(language);
  if (q.kind == QuestionKind::choice) {
    boost::json::array options;
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      options.push_back(boost::json::object{{"id", i}, {"text", q.options[i].text.best(language)}});
    }
    out["options"] = std::move(options);
  }
  out["media"] = io::media_to_json(q.media);
  out["weight"] = q.weight;
  out["critical"] = q.critical;
  boost::json::array tags;
  for (const auto& tag : q.tags) tags.emplace_back(tag);
  out["tags"] = std::move(tags);
  return out;
}

boost::json::array practice_questions_to_json(std::span<const Question* const> questions, std::size_t first_position,
                                              std::string_view language) {
  boost::json::array out;
  out.reserve(questions.size());
  for (std::size_t i = 0; i < questions.size(); ++i) {
    auto item = practice_question_to_json(*questions[i], language);
    item["position"] = first_position + i;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace dt::catalog::api
