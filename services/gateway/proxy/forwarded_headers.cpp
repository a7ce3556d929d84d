#include "gateway/proxy/forwarded_headers.hpp"

namespace dt::gateway::proxy {
namespace {

using http::iequals;

// Headers of one hop only (RFC 9110 section 7.6.1) and the framing, which the gateway sets per hop.
bool is_hop_by_hop(std::string_view name) {
  switch (name.size()) {
    case 2:
      return iequals(name, "TE");
    case 7:
      return iequals(name, "Trailer") || iequals(name, "Upgrade");
    case 10:
      return iequals(name, "Connection") || iequals(name, "Keep-Alive");
    case 14:
      return iequals(name, "Content-Length");
    case 16:
      return iequals(name, "Proxy-Connection");
    case 17:
      return iequals(name, "Transfer-Encoding");
    case 19:
      return iequals(name, "Proxy-Authorization");
    default:
      return false;
  }
}

// Request headers the gateway sets itself (or leaves to the HTTP client: Host).
bool is_set_by_gateway(std::string_view name) {
  switch (name.size()) {
    case 4:
      return iequals(name, "Host");
    case 6:
      return iequals(name, "Expect");
    case 11:
      return iequals(name, "traceparent");
    case 12:
      return iequals(name, "X-Request-Id");
    case 15:
      return iequals(name, "X-Forwarded-For");
    case 16:
      return iequals(name, "X-Forwarded-Host");
    case 17:
      return iequals(name, "X-Forwarded-Proto");
    default:
      return false;
  }
}

// A name listed in a Connection header value ("close, X-Foo").
bool named_by(std::string_view connection, std::string_view name) {
  std::string_view rest = connection;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    auto token = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    while (!token.empty() && (token.front() == ' ' || token.front() == '\t')) token.remove_prefix(1);
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
    if (!token.empty() && iequals(token, name)) return true;
  }
  return false;
}

// Every Connection value of the headers, joined.
std::string connection_value(const http::Headers& headers) {
  std::string all;
  for (const auto& [name, value] : headers.entries()) {
    if (!iequals(name, "Connection")) continue;
    if (!all.empty()) all += ',';
    all += value;
  }
  return all;
}

bool fits_in_header(std::string_view value) {
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return false;
  }
  return true;
}

std::string join_roles(const http::Principal& principal) {
  std::string out;
  for (const auto& role : principal.roles) {
    if (!out.empty()) out += ',';
    out += role;
  }
  return out;
}

}  // namespace

bool is_identity_header(std::string_view name) { return name.size() >= 5 && iequals(name.substr(0, 5), "X-DT-"); }

void for_each_downstream_header(const http::Headers& incoming, const ForwardContext& context,
                                const HeaderVisitor& visit) {
  const std::string connection = connection_value(incoming);
  std::string forwarded_for;
  std::string_view host;
  for (const auto& [name, value] : incoming.entries()) {
    if (iequals(name, "X-Forwarded-For")) {
      if (!forwarded_for.empty()) forwarded_for += ", ";
      forwarded_for += value;
      continue;
    }
    if (iequals(name, "Host")) host = value;
    if (is_hop_by_hop(name) || is_set_by_gateway(name) || is_identity_header(name)) continue;
    if (!context.trace_continued && iequals(name, "tracestate")) continue;
    if (!connection.empty() && named_by(connection, name)) continue;
    visit(name, value);
  }
  if (!forwarded_for.empty()) forwarded_for += ", ";
  forwarded_for += context.client_ip;
  visit("X-Forwarded-For", forwarded_for);
  visit("X-Forwarded-Proto", "http");
  if (!host.empty()) visit("X-Forwarded-Host", host);
  visit("X-Request-Id", context.request_id);
  visit("traceparent", context.traceparent);
  if (context.principal) {
    // The client's headers were checked by the HTTP parser; the identity comes from token claims, which could
    // hold anything: a value that would break the request head is not sent.
    const std::string roles = join_roles(*context.principal);
    if (fits_in_header(context.principal->subject)) visit(kUserIdHeader, context.principal->subject);
    if (fits_in_header(roles)) visit(kRolesHeader, roles);
  }
}

http::Headers downstream_request_headers(const http::Headers& incoming, const ForwardContext& context) {
  http::Headers out;
  out.reserve(incoming.size() + 6);
  for_each_downstream_header(incoming, context, [&out](std::string_view name, std::string_view value) {
    out.add(std::string(name), std::string(value));
  });
  return out;
}

bool keep_response_header(std::string_view name, std::string_view connection) {
  if (is_hop_by_hop(name) || (name.size() == 4 && iequals(name, "Date"))) return false;
  return connection.empty() || !named_by(connection, name);
}

http::Headers client_response_headers(const http::Headers& from_service) {
  const std::string connection = connection_value(from_service);
  http::Headers out;
  out.reserve(from_service.size());
  for (const auto& [name, value] : from_service.entries()) {
    if (keep_response_header(name, connection)) out.add(name, value);
  }
  return out;
}

}  // namespace dt::gateway::proxy
