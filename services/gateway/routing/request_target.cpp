#include "gateway/routing/request_target.hpp"

namespace dt::gateway::routing {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

// The byte a well-formed escape at text[i] ('%') stands for, or -1.
int escaped_byte(std::string_view text, std::size_t i) {
  if (i + 2 >= text.size()) return -1;
  const int high = hex_value(text[i + 1]);
  const int low = hex_value(text[i + 2]);
  return (high < 0 || low < 0) ? -1 : high * 16 + low;
}

std::optional<std::string> check_bytes(std::string_view text, bool is_path) {
  const std::string_view where = is_path ? "path" : "query";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c <= 0x20 || c == 0x7f) return "the " + std::string(where) + " holds a space or a control character";
    if (c == '#') return "the request target holds a fragment ('#')";
    if (is_path && c == '\\') return "the path holds a backslash";
    if (c != '%') continue;
    const int byte = escaped_byte(text, i);
    if (byte < 0) return "the " + std::string(where) + " holds a malformed percent escape";
    if (byte == 0) return "the " + std::string(where) + " holds an encoded NUL (%00)";
    if (is_path && (byte == '/' || byte == '\\')) return "the path holds an encoded '/' or '\\'";
    if (is_path && is_unreserved(byte)) {
      return "the path encodes '" + std::string(1, static_cast<char>(byte)) + "', which needs no encoding";
    }
    i += 2;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> check_request_target(std::string_view target) {
  if (target.empty() || target.front() != '/') return "the request target must start with '/'";
  const auto q = target.find('?');
  const std::string_view path = target.substr(0, q);
  if (auto problem = check_bytes(path, true)) return problem;
  if (q != std::string_view::npos) {
    if (auto problem = check_bytes(target.substr(q + 1), false)) return problem;
  }
  std::string_view rest = path.substr(1);
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment == "." || segment == "..") return "the path holds a '.' or '..' segment";
    if (slash == std::string_view::npos) break;
    if (segment.empty()) return "the path holds an empty segment (\"//\")";
    rest.remove_prefix(slash + 1);
  }
  return std::nullopt;
}

}  // namespace dt::gateway::routing
