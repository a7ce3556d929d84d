#include "gateway/routing/path_template.hpp"

#include <algorithm>
#include <stdexcept>

namespace dt::gateway::routing {

std::vector<std::string_view> PathTemplate::split(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path == "/") return parts;
  path.remove_prefix(1);
  for (;;) {
    const auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

namespace {

bool is_literal_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~!$&'()+,;=:@").find(c) != std::string_view::npos;
}

bool is_variable_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

PathTemplate PathTemplate::parse(std::string_view text) {
  if (text.empty() || text.front() != '/') throw std::invalid_argument("must start with '/'");
  if (text.size() > 1000) throw std::invalid_argument("is longer than 1000 characters");
  PathTemplate out;
  out.text_ = std::string(text);
  const auto parts = split(text);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    const bool last = i + 1 == parts.size();
    if (part.empty()) throw std::invalid_argument("has an empty segment (\"//\" or a trailing '/')");
    Segment segment;
    if (part == "**" || part.starts_with("{**")) {
      if (!last) throw std::invalid_argument("'" + std::string(part) + "' may only be the last segment");
      segment.kind = Kind::rest;
      segment.text = "**";
      if (part != "**") {
        if (!part.ends_with('}') || !is_variable_name(part.substr(3, part.size() - 4))) {
          throw std::invalid_argument("'" + std::string(part) + "' is not a valid {**name}");
        }
        segment.text = std::string(part.substr(3, part.size() - 4));
      }
    } else if (part.front() == '{') {
      if (!part.ends_with('}') || !is_variable_name(part.substr(1, part.size() - 2))) {
        throw std::invalid_argument("'" + std::string(part) + "' is not a valid {name} (letters, digits, '_')");
      }
      segment.kind = Kind::variable;
      segment.text = std::string(part.substr(1, part.size() - 2));
    } else {
      for (char c : part) {
        if (!is_literal_char(c)) {
          throw std::invalid_argument("segment '" + std::string(part) + "' holds '" + std::string(1, c) +
                                      "': literals are letters, digits and -._~!$&'()+,;=:@");
        }
      }
      segment.kind = Kind::literal;
      segment.text = std::string(part);
    }
    if (segment.kind != Kind::literal) {
      for (const auto& name : names) {
        if (name == segment.text) throw std::invalid_argument("names the variable '" + name + "' twice");
      }
      names.push_back(segment.text);
    }
    out.segments_.push_back(std::move(segment));
  }
  return out;
}

bool PathTemplate::match(const std::vector<std::string_view>& parts, Captures* captures) const {
  std::size_t j = 0;
  for (const auto& segment : segments_) {
    switch (segment.kind) {
      case Kind::literal:
        if (j >= parts.size() || parts[j] != segment.text) return false;
        ++j;
        break;
      case Kind::variable:
        if (j >= parts.size() || parts[j].empty()) return false;
        if (captures) captures->emplace_back(segment.text, std::string(parts[j]));
        ++j;
        break;
      case Kind::rest: {
        if (captures) {
          std::string rest;
          for (std::size_t k = j; k < parts.size(); ++k) {
            if (k > j) rest += '/';
            rest += parts[k];
          }
          captures->emplace_back(segment.text, std::move(rest));
        }
        return true;
      }
    }
  }
  return j == parts.size();
}

std::string PathTemplate::render(const Captures& captures) const {
  std::string out;
  for (const auto& segment : segments_) {
    if (segment.kind == Kind::literal) {
      out += '/';
      out += segment.text;
      continue;
    }
    const std::string* value = nullptr;
    for (const auto& [name, text] : captures) {
      if (name == segment.text) value = &text;
    }
    if (!value) throw std::logic_error("path template " + text_ + ": no value for '" + segment.text + "'");
    if (segment.kind == Kind::rest && value->empty()) continue;
    out += '/';
    out += *value;
  }
  return out.empty() ? "/" : out;
}

std::vector<std::string> PathTemplate::variables() const {
  std::vector<std::string> names;
  for (const auto& segment : segments_) {
    if (segment.kind != Kind::literal) names.push_back(segment.text);
  }
  return names;
}

std::string PathTemplate::shape() const {
  std::string out;
  for (const auto& segment : segments_) {
    out += '/';
    out += segment.kind == Kind::literal ? segment.text : segment.kind == Kind::variable ? "{}" : "**";
  }
  return out.empty() ? "/" : out;
}

bool PathTemplate::more_specific_than(const PathTemplate& other) const {
  // literal 3, variable 2, end of template 1, ** 0
  const auto rank_at = [](const std::vector<Segment>& segments, std::size_t i) {
    if (i >= segments.size()) return 1;
    if (segments[i].kind == Kind::literal) return 3;
    return segments[i].kind == Kind::variable ? 2 : 0;
  };
  const std::size_t n = std::max(segments_.size(), other.segments_.size());
  for (std::size_t i = 0; i <= n; ++i) {
    const int mine = rank_at(segments_, i);
    const int theirs = rank_at(other.segments_, i);
    if (mine != theirs) return mine > theirs;
    if (mine == 1 || mine == 0) return false;  // both ended, or both **: equally specific from here
  }
  return false;
}

}  // namespace dt::gateway::routing
