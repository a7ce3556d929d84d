#include "catalog/io/localized_json.hpp"

#include <boost/json/object.hpp>

#include "catalog/io/json_fields.hpp"

namespace dt::catalog::io {

namespace {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

boost::json::value to_json(const LocalizedText& text) {
  boost::json::object out;
  for (const auto& [language, value] : text.entries()) out[language] = value;
  return out;
}

LocalizedText localized_from_json(const boost::json::value& value, const std::string& path) {
  const auto* object = value.if_object();
  if (!object) {
    throw_invalid(path, "must be an object of texts by language such as {\"vi\": \"...\", \"en\": \"...\"}, not " +
                            std::string(json::kind_name(value)));
  }
  LocalizedText::Map texts;
  for (const auto& member : *object) {
    const std::string language(member.key());
    const std::string field = field_path(path, language);
    if (!is_valid_language_code(language)) throw_invalid(field, "is not a language code such as 'vi' or 'en'");
    const auto* text = member.value().if_string();
    if (!text) throw_invalid(field, "must be a string, not " + std::string(json::kind_name(member.value())));
    if (code_points(*text) > kMaxTextLength) {
      throw_invalid(field, "must be at most " + std::to_string(kMaxTextLength) + " characters long");
    }
    texts.emplace(language, std::string(*text));
  }
  return LocalizedText(std::move(texts));
}

LocalizedText localized_field(const json::ObjectReader& in, std::string_view name, bool required) {
  if (!in.has(name)) {
    if (required) throw_invalid(in.path_of(name), "is required");
    return {};
  }
  return localized_from_json(in.raw().at(name), in.path_of(name));
}

}  // namespace dt::catalog::io
