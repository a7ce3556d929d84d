#include "catalog/io/drawn_question_json.hpp"

#include "catalog/io/json_fields.hpp"
#include "json/object_reader.hpp"

namespace dt::catalog::io {

namespace {

constexpr std::size_t kMaxQuestions = 1000;

}  // namespace

boost::json::object drawn_question_to_json(const DrawnQuestion& q) {
  boost::json::array order;
  for (int index : q.option_order) order.emplace_back(index);
  return {{"id", q.id},
          {"revision", q.revision},
          {"kind", to_string(q.kind)},
          {"critical", q.critical},
          {"option_order", std::move(order)}};
}

DrawnQuestion drawn_question_from_json(const boost::json::value& value, const std::string& path) {
  const json::ObjectReader in(value, path);
  in.reject_unknown({"id", "revision", "kind", "critical", "option_order"});
  DrawnQuestion q;
  q.id = in.integer("id", {.min = 1});
  q.revision = static_cast<int>(in.integer("revision", {.min = 0, .max = INT32_MAX}));
  q.kind = enum_field(in, "kind", parse_question_kind, "choice or numeric");
  q.critical = in.boolean("critical");
  const auto& order = in.array("option_order", 100);
  std::vector<bool> seen(order.size(), false);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto* index = order[i].if_int64();
    if (!index || *index < 0 || static_cast<std::size_t>(*index) >= order.size() ||
        seen[static_cast<std::size_t>(*index)]) {
      throw_invalid(index_path(in.path_of("option_order"), i),
                    "must be a permutation of 0.." + std::to_string(order.size() - 1));
    }
    seen[static_cast<std::size_t>(*index)] = true;
    q.option_order.push_back(static_cast<int>(*index));
  }
  if (q.kind == QuestionKind::numeric && !q.option_order.empty()) {
    throw_invalid(in.path_of("option_order"), "must be empty for a numeric question");
  }
  return q;
}

boost::json::array drawn_questions_to_json(const std::vector<DrawnQuestion>& questions) {
  boost::json::array out;
  out.reserve(questions.size());
  for (const DrawnQuestion& q : questions) out.push_back(drawn_question_to_json(q));
  return out;
}

std::vector<DrawnQuestion> drawn_questions_from_json(const boost::json::value& value, const std::string& path) {
  const auto* items = value.if_array();
  if (!items) throw_invalid(path, "must be an array, not " + std::string(json::kind_name(value)));
  if (items->size() > kMaxQuestions)
    throw_invalid(path, "must have at most " + std::to_string(kMaxQuestions) + " items");
  std::vector<DrawnQuestion> out;
  out.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i)
    out.push_back(drawn_question_from_json((*items)[i], index_path(path, i)));
  return out;
}

}  // namespace dt::catalog::io
