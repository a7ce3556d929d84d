#pragma once
// LocalizedText <-> {"vi": "...", "en": "..."}. Strings pass byte for byte (no trimming, no normalisation):
// what an import reads is exactly what an export writes.
#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <string_view>

#include "catalog/domain/localized_text.hpp"
#include "json/object_reader.hpp"

namespace dt::catalog::io {

// The longest text accepted for one language, in code points (an explanation can be a paragraph or two).
inline constexpr std::size_t kMaxTextLength = 20'000;

boost::json::value to_json(const LocalizedText& text);

// Throws dt::Problem::invalid_field naming the path: "<path>" when the value is not an object,
// "<path>.<language>" for a member that is not a language code or not a string. An empty object is an empty
// text: whether a text is required is the domain validators' business.
LocalizedText localized_from_json(const boost::json::value& value, const std::string& path);

// Member `name` of `in` read with localized_from_json. A required one that is missing or null throws
// "<path>.<name>": is required; an optional one gives an empty text.
LocalizedText localized_field(const json::ObjectReader& in, std::string_view name, bool required);

}  // namespace dt::catalog::io
