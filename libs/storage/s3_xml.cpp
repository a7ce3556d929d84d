#include "storage/s3_xml.hpp"

namespace dt::storage {
namespace {

std::string xml_unescape(std::string_view text) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (text.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

// Finds the next <tag>...</tag> from `from`; sets `from` past it.
std::optional<std::string> next_text(std::string_view xml, std::string_view tag, std::size_t& from) {
  const std::string open = "<" + std::string(tag) + ">";
  const std::string close = "</" + std::string(tag) + ">";
  const auto start = xml.find(open, from);
  if (start == std::string_view::npos) return std::nullopt;
  const auto content = start + open.size();
  const auto end = xml.find(close, content);
  if (end == std::string_view::npos) return std::nullopt;
  from = end + close.size();
  return xml_unescape(xml.substr(content, end - content));
}

}  // namespace

std::optional<std::string> xml_text(std::string_view xml, std::string_view tag) {
  std::size_t from = 0;
  return next_text(xml, tag, from);
}

std::vector<std::string> xml_texts(std::string_view xml, std::string_view tag) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (auto text = next_text(xml, tag, from)) out.push_back(std::move(*text));
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace dt::storage
