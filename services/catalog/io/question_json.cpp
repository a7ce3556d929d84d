#include "catalog/io/question_json.hpp"

#include <climits>

#include "catalog/domain/question_validation.hpp"
#include "catalog/io/decimal_json.hpp"
#include "catalog/io/domain_problems.hpp"
#include "catalog/io/json_fields.hpp"
#include "catalog/io/localized_json.hpp"

namespace dt::catalog::io {

namespace {

using json::ObjectReader;

// Generous bounds that only stop absurd documents early; the real limits are validate()'s.
constexpr std::size_t kMaxListItems = 100;
constexpr json::StringRules kNameRules{.max_length = 200};

Decimal decimal_member(const ObjectReader& in, std::string_view name) {
  if (!in.has(name)) throw_invalid(in.path_of(name), "is required");
  return decimal_from_json(in.raw().at(name), in.path_of(name));
}

std::vector<Option> read_options(const ObjectReader& in) {
  std::vector<Option> options;
  const auto* items = in.optional_array("options", kMaxListItems);
  if (!items) return options;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const ObjectReader item = ObjectReader::element(*items, i, in.path_of("options"));
    item.reject_unknown({"text", "correct"});
    options.push_back({localized_field(item, "text", true), item.boolean("correct")});
  }
  return options;
}

std::optional<NumericAnswerKey> read_numeric_answer(const ObjectReader& in) {
  if (!in.has("numeric_answer")) return std::nullopt;
  const ObjectReader key = in.object("numeric_answer");
  key.reject_unknown({"value", "tolerance"});
  return NumericAnswerKey{decimal_member(key, "value"), decimal_member(key, "tolerance")};
}

std::vector<MediaRef> read_media(const ObjectReader& in) {
  std::vector<MediaRef> media;
  const auto* items = in.optional_array("media", kMaxListItems);
  if (!items) return media;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const ObjectReader item = ObjectReader::element(*items, i, in.path_of("media"));
    item.reject_unknown({"key", "kind"});
    media.push_back(
        {item.string("key", {.max_length = 1000}), enum_field(item, "kind", parse_media_kind, "image or video")});
  }
  return media;
}

std::vector<std::string> names(const ObjectReader& in, std::string_view name) {
  if (!in.has(name)) return {};
  return in.string_array(name, kNameRules, kMaxListItems);
}

boost::json::array strings_to_json(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

}  // namespace

boost::json::array media_to_json(const std::vector<MediaRef>& media) {
  boost::json::array out;
  for (const MediaRef& m : media) out.push_back(boost::json::object{{"key", m.key}, {"kind", to_string(m.kind)}});
  return out;
}

boost::json::object question_to_json(const Question& q) {
  boost::json::object out;
  if (q.id != 0) out["id"] = q.id;
  if (q.revision != 0) out["revision"] = q.revision;
  out["external_id"] = q.external_id;
  out["jurisdiction"] = q.jurisdiction.value();
  out["topic"] = q.topic.value();
  out["kind"] = to_string(q.kind);
  out["text"] = to_json(q.text);
  if (q.kind == QuestionKind::choice || !q.options.empty()) {
    boost::json::array options;
    for (const Option& o : q.options)
      options.push_back(boost::json::object{{"text", to_json(o.text)}, {"correct", o.correct}});
    out["options"] = std::move(options);
  }
  if (q.numeric_answer) {
    out["numeric_answer"] = boost::json::object{{"value", decimal_to_json(q.numeric_answer->value)},
                                                {"tolerance", decimal_to_json(q.numeric_answer->tolerance)}};
  }
  out["explanation"] = to_json(q.explanation);
  out["media"] = media_to_json(q.media);
  out["weight"] = q.weight;
  out["critical"] = q.critical;
  out["pools"] = strings_to_json(q.pools);
  out["tags"] = strings_to_json(q.tags);
  out["shuffle_options"] = q.shuffle_options;
  out["group"] = q.group ? boost::json::value(*q.group) : boost::json::value(nullptr);
  out["status"] = to_string(q.status);
  return out;
}

Question read_question(const boost::json::value& value, const std::string& path) {
  const ObjectReader in(value, path);
  in.reject_unknown({"id", "revision", "external_id", "jurisdiction", "topic", "kind", "text", "options",
                     "numeric_answer", "explanation", "media", "weight", "critical", "pools", "tags", "shuffle_options",
                     "group", "status"});
  Question q;
  q.id = in.optional_integer("id", {.min = 1}).value_or(0);
  q.revision = static_cast<int>(in.optional_integer("revision", {.min = 1, .max = INT_MAX}).value_or(0));
  q.external_id = in.string("external_id", {.max_length = 1000});
  q.jurisdiction = JurisdictionCode(in.string("jurisdiction", kNameRules));
  q.topic = TopicCode(in.string("topic", kNameRules));
  q.kind = enum_field(in, "kind", parse_question_kind, "choice or numeric");
  q.text = localized_field(in, "text", true);
  q.options = read_options(in);
  q.numeric_answer = read_numeric_answer(in);
  q.explanation = localized_field(in, "explanation", false);
  q.media = read_media(in);
  q.weight = optional_int_field(in, "weight").value_or(1);
  q.critical = in.optional_boolean("critical").value_or(false);
  q.pools = names(in, "pools");
  q.tags = names(in, "tags");
  q.shuffle_options = in.optional_boolean("shuffle_options").value_or(true);
  q.group = in.optional_string("group", kNameRules);
  if (in.has("status")) q.status = enum_field(in, "status", parse_question_status, "draft, published or retired");
  return q;
}

Question question_from_json(const boost::json::value& value, const std::string& path) {
  Question q = read_question(value, path);
  throw_if_invalid(validate(q), path);
  return q;
}

}  // namespace dt::catalog::io
