#pragma once
// PathTemplate: a route's path pattern, matched against request paths segment by segment (pure, no I/O).
//   /api/catalog/jurisdictions          literal segments
//   /api/catalog/exams/{id}/result      {name}: exactly one non-empty segment
//   /api/catalog/me/**                  **: zero or more segments, last only ({**name} names them)
// Captured text stays as sent (percent-encoded), so a downstream template rebuilds the path byte for byte.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dt::gateway::routing {

// name -> captured text; a bare ** is captured under the name "**".
using Captures = std::vector<std::pair<std::string, std::string>>;

class PathTemplate {
 public:
  // Throws std::invalid_argument with a plain sentence saying what is wrong.
  static PathTemplate parse(std::string_view text);

  // A path's segments: "/api/exams/7" -> {"api", "exams", "7"}; "/" -> {}. Views into path.
  static std::vector<std::string_view> split(std::string_view path);

  // True when `path` (no query) matches; fills captures when given.
  bool match(std::string_view path, Captures* captures) const { return match(split(path), captures); }
  bool match(const std::vector<std::string_view>& segments, Captures* captures) const;

  // The path with each variable replaced by its capture; an empty ** capture leaves no trailing '/'.
  // Throws std::logic_error when a variable has no capture.
  std::string render(const Captures& captures) const;

  const std::string& text() const { return text_; }
  // The names of {name} and {**name} (and "**"), in order.
  std::vector<std::string> variables() const;
  // The template with variable names erased ("/api/exams/{}/**"): two routes with one shape match the same paths.
  std::string shape() const;

  // Ordering for matching: the more specific template first. Segment by segment, a literal beats a variable,
  // which beats the end of the template, which beats **. Returns true when *this is strictly more specific.
  bool more_specific_than(const PathTemplate& other) const;

 private:
  enum class Kind { literal, variable, rest };
  struct Segment {
    Kind kind;
    std::string text;  // the literal, or the variable's name
  };

  std::string text_;
  std::vector<Segment> segments_;
};

}  // namespace dt::gateway::routing
