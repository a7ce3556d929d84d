#pragma once
// W3C Trace Context (https://www.w3.org/TR/trace-context/) at the edge (pure apart from random ids).
// The gateway is a hop of the trace: a valid incoming traceparent keeps its trace id and flags and gets a new
// parent id (the gateway's span); a missing or invalid one starts a new trace. tracestate travels only with a
// traceparent that was kept.
#include <optional>
#include <string>
#include <string_view>

namespace dt::gateway::proxy {

struct TraceParent {
  std::string trace_id;   // 32 lowercase hex digits, not all zero
  std::string parent_id;  // 16 lowercase hex digits, not all zero
  std::string flags;      // 2 lowercase hex digits

  std::string to_header() const { return "00-" + trace_id + "-" + parent_id + "-" + flags; }
};

// nullopt when the value is not a valid traceparent (version ff, wrong lengths, upper case, all-zero ids...).
// A version above 00 is read as 00 when its first four fields are well formed, as the specification asks.
std::optional<TraceParent> parse_traceparent(std::string_view value);

struct ForwardedTrace {
  std::string traceparent;
  bool continued = false;  // the incoming trace was kept (its tracestate may be passed on)
};

// The traceparent to send downstream for an incoming header value ("" when absent).
ForwardedTrace next_traceparent(std::string_view incoming);

// n random lowercase hex digits, never all zero.
std::string random_hex(std::size_t n);

}  // namespace dt::gateway::proxy
