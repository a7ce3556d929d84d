#include "gateway/proxy/proxy_filter.hpp"

#include <boost/asio/this_coro.hpp>
#include <boost/beast/http/field.hpp>

#include <optional>

#include "errors/problem.hpp"
#include "gateway/proxy/forwarded_headers.hpp"
#include "gateway/proxy/trace_context.hpp"
#include "gateway/upstream/outlier_detector.hpp"
#include "log/log.hpp"

namespace dt::gateway::proxy {
namespace {

using http::ClientError;
using Kind = ClientError::Kind;

Problem bad_gateway(std::string detail) { return Problem(502, "bad-gateway", "Bad gateway", std::move(detail)); }

Problem problem_for(Kind kind, const std::string& service) {
  switch (kind) {
    case Kind::connect_failed:
      return Problem::unavailable("the " + service + " service cannot be reached; retry shortly");
    case Kind::timeout:
      return Problem::timeout("the " + service + " service did not answer in time");
    case Kind::protocol:
      return bad_gateway("the " + service + " service broke the connection before answering");
    case Kind::body_too_large:
      return bad_gateway("the " + service + " service's answer is larger than this route allows");
  }
  return bad_gateway("the " + service + " service failed");
}

// Worth one more try on another instance: the request was not sent, or the connection broke under it.
bool retryable(Kind kind) { return kind == Kind::connect_failed || kind == Kind::protocol; }

// The request head after the request line and Host: the forwarded headers, the framing, the blank line.
std::string head_rest(const http::Request& request, const ForwardContext& context) {
  std::string rest;
  rest.reserve(512);
  for_each_downstream_header(request.headers, context, [&rest](std::string_view name, std::string_view value) {
    rest.append(name).append(": ").append(value).append("\r\n");
  });
  const bool has_body_semantics = request.method == http::Method::post || request.method == http::Method::put ||
                                  request.method == http::Method::patch;
  if (!request.body.empty() || has_body_semantics) {
    rest.append("Content-Length: ").append(std::to_string(request.body.size())).append("\r\n");
  }
  rest.append("\r\n");
  return rest;
}

// head_request: the answer to a HEAD has no body; its Content-Length (the length a GET would carry) is kept.
http::Response client_response(UpstreamResponse&& in, bool head_request) {
  http::Response out;
  out.status = static_cast<int>(in.result_int());
  const auto connection = in[boost::beast::http::field::connection];
  out.headers.reserve(8);
  for (const auto& field : in) {
    if (keep_response_header(field.name_string(), connection)) {
      out.headers.add(std::string(field.name_string()), std::string(field.value()));
    }
  }
  if (head_request) {
    const auto length = in[boost::beast::http::field::content_length];
    if (!length.empty()) out.headers.add("Content-Length", std::string(length));
  }
  out.body = std::move(in.body());
  return out;
}

}  // namespace

ProxyFilter::ProxyFilter(upstream::ClusterManager& clusters, UpstreamPools& pools, metrics::Registry& metrics)
    : clusters_(clusters), pools_(pools), metrics_(metrics) {}

Awaitable<http::Response> ProxyFilter::handle(filters::Exchange& exchange, filters::FilterNext) const {
  http::Request& request = exchange.request;
  const routing::Route& route = exchange.route;
  const auto& service = route.service->name;
  const ServiceCounters& counters = metrics_.of(service);
  upstream::Cluster* cluster = clusters_.find(service);

  const ForwardedTrace trace = next_traceparent(request.header("traceparent"));
  const ForwardContext context{.request_id = request.request_id,
                               .client_ip = request.remote_ip,
                               .traceparent = trace.traceparent,
                               .trace_continued = trace.continued,
                               .principal = request.principal ? &*request.principal : nullptr};
  const std::string rest = head_rest(request, context);
  const std::string start_of_line = request.method_text + ' ' +
                                    route.downstream_target(request.path, request.query, exchange.captures) +
                                    " HTTP/1.1\r\nHost: ";
  const int attempts = route.idempotent(request.method) ? 2 : 1;
  const Executor executor = co_await boost::asio::this_coro::executor;

  std::shared_ptr<upstream::Host> failed;
  Kind failure = Kind::connect_failed;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    std::shared_ptr<upstream::Host> host =
        cluster ? cluster->pick(route.service->load_balancing, upstream::Clock::now(), failed.get()) : nullptr;
    if (!host) {
      if (failed) throw problem_for(failure, service);
      counters.no_instance->inc();
      throw Problem::unavailable("no instance of the " + service + " service is available; retry shortly");
    }
    const std::string start = start_of_line + host->authority + "\r\n";
    const UpstreamRequest outgoing{.start = start,
                                   .rest = rest,
                                   .body = request.body,
                                   .head_request = request.method == http::Method::head,
                                   .timeout = route.config.timeout,
                                   .max_body = route.config.max_response_bytes,
                                   .what = host->instance.id};
    std::optional<UpstreamResponse> answer;
    std::string error;
    {
      const upstream::OutstandingRequest in_flight(*host);
      try {
        answer = co_await pools_.send(executor, host->instance.address, host->instance.port, outgoing);
      } catch (const ClientError& e) {
        failure = e.kind();
        error = e.what();
      }
    }
    if (answer) {
      upstream::record_success(*host);
      counters.responses->inc();
      co_return client_response(std::move(*answer), outgoing.head_request);
    }

    counters.failure(failure).inc();
    if (failure == Kind::body_too_large) {
      upstream::record_success(*host);  // it answered; the answer is just too large for this route
      throw problem_for(failure, service);
    }
    if (const auto ejected = upstream::record_failure(*host, route.service->outlier, upstream::Clock::now())) {
      counters.ejections->inc();
      log::warn("upstream instance ejected", {{"service", service},
                                              {"instance", host->instance.id},
                                              {"ejection_ms", static_cast<long long>(ejected->count())},
                                              {"error", error}});
    }
    log::debug("upstream request failed", {{"request_id", request.request_id},
                                           {"service", service},
                                           {"instance", host->instance.id},
                                           {"attempt", attempt},
                                           {"error", error}});
    if (!retryable(failure) || attempt == attempts) throw problem_for(failure, service);
    counters.retries->inc();
    failed = std::move(host);
  }
  throw problem_for(failure, service);
}

}  // namespace dt::gateway::proxy
