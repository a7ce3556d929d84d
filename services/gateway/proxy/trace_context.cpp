#include "gateway/proxy/trace_context.hpp"

#include <random>

namespace dt::gateway::proxy {
namespace {

bool is_lower_hex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool all_zero(std::string_view text) { return text.find_first_not_of('0') == std::string_view::npos; }

}  // namespace

std::optional<TraceParent> parse_traceparent(std::string_view value) {
  // version "-" trace-id "-" parent-id "-" flags: 2 + 1 + 32 + 1 + 16 + 1 + 2 = 55 characters.
  if (value.size() < 55) return std::nullopt;
  const auto version = value.substr(0, 2);
  if (!is_lower_hex(version) || version == "ff") return std::nullopt;
  if (version == "00" ? value.size() != 55 : (value.size() > 55 && value[55] != '-')) return std::nullopt;
  if (value[2] != '-' || value[35] != '-' || value[52] != '-') return std::nullopt;
  TraceParent parent{.trace_id = std::string(value.substr(3, 32)),
                     .parent_id = std::string(value.substr(36, 16)),
                     .flags = std::string(value.substr(53, 2))};
  if (!is_lower_hex(parent.trace_id) || !is_lower_hex(parent.parent_id) || !is_lower_hex(parent.flags)) {
    return std::nullopt;
  }
  if (all_zero(parent.trace_id) || all_zero(parent.parent_id)) return std::nullopt;
  return parent;
}

ForwardedTrace next_traceparent(std::string_view incoming) {
  if (auto parent = parse_traceparent(incoming)) {
    parent->parent_id = random_hex(16);
    return {.traceparent = parent->to_header(), .continued = true};
  }
  const TraceParent fresh{.trace_id = random_hex(32), .parent_id = random_hex(16), .flags = "00"};
  return {.traceparent = fresh.to_header(), .continued = false};
}

std::string random_hex(std::size_t n) {
  // splitmix64: ids need to be unique, not secret, and this runs for every request.
  thread_local std::uint64_t state = std::random_device{}() * 0x9E3779B97F4A7C15ULL + std::random_device{}();
  const auto next = [] {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  };
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(n, '0');
  do {
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < n; ++i, bits >>= 4) {
      if (i % 16 == 0) bits = next();
      out[i] = kHex[bits & 0xF];
    }
  } while (all_zero(out));
  return out;
}

}  // namespace dt::gateway::proxy
