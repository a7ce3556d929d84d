#include "catalog/io/answer_json.hpp"

#include <boost/json/array.hpp>

#include "catalog/io/decimal_json.hpp"
#include "catalog/io/json_fields.hpp"
#include "json/object_reader.hpp"

namespace dt::catalog::io {

namespace {

using json::ObjectReader;

ChoiceAnswer read_choice(const ObjectReader& in, std::size_t option_count) {
  if (in.has("value") && !in.has("selected")) {
    throw_invalid(in.path_of("value"), "this question takes a choice of options: send {\"selected\": [option ids]}");
  }
  in.reject_unknown({"selected"});
  const auto& items = in.array("selected", 100);
  if (items.empty()) throw_invalid(in.path_of("selected"), "choose at least one option");
  if (option_count == 0) throw_invalid(in.path_of("selected"), "this question has no options");
  ChoiceAnswer choice;
  std::vector<bool> chosen(option_count, false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string field = index_path(in.path_of("selected"), i);
    const auto* id = items[i].if_int64();
    if (!id || *id < 0 || static_cast<std::size_t>(*id) >= option_count) {
      throw_invalid(field, "must be an option id from 0 to " + std::to_string(option_count - 1));
    }
    if (chosen[static_cast<std::size_t>(*id)])
      throw_invalid(field, "option " + std::to_string(*id) + " is chosen twice");
    chosen[static_cast<std::size_t>(*id)] = true;
    choice.selected.push_back(static_cast<int>(*id));
  }
  return choice;
}

NumericAnswer read_numeric(const ObjectReader& in) {
  if (in.has("selected") && !in.has("value")) {
    throw_invalid(in.path_of("selected"), "this question takes a number: send {\"value\": number}");
  }
  in.reject_unknown({"value"});
  if (!in.has("value")) throw_invalid(in.path_of("value"), "is required");
  return {decimal_from_json(in.raw().at("value"), in.path_of("value"))};
}

Answer read(const boost::json::value& value, QuestionKind kind, std::size_t option_count, const std::string& path) {
  const ObjectReader in(value, path);
  if (kind == QuestionKind::numeric) return read_numeric(in);
  return read_choice(in, option_count);
}

}  // namespace

boost::json::object answer_to_json(const Answer& answer) {
  if (const auto* choice = std::get_if<ChoiceAnswer>(&answer)) {
    boost::json::array selected;
    for (int id : choice->selected) selected.emplace_back(id);
    return {{"selected", std::move(selected)}};
  }
  return {{"value", decimal_to_json(std::get<NumericAnswer>(answer).value)}};
}

Answer answer_from_json(const boost::json::value& value, const Question& question, const std::string& path) {
  return read(value, question.kind, question.options.size(), path);
}

Answer answer_from_json(const boost::json::value& value, const DrawnQuestion& question, const std::string& path) {
  return read(value, question.kind, question.option_order.size(), path);
}

}  // namespace dt::catalog::io
