#pragma once
// HttpClient: the kit's HTTP/1.1 client for calls between services (gateway -> services, account -> Keycloak).
//   dt::http::HttpClient client(runtime.executor(), {});
//   dt::http::ClientRequest request;
//   dt::http::with_request_id(request, incoming.request_id);
//   auto response = co_await client.send("http://127.0.0.1:8081/api/catalog/exams", std::move(request));
// Each host:port gets a bounded pool of keep-alive connections (ClientOptions), created on first use and shared
// by all threads of the executor's io_context. Every response is returned, whatever its status; a call that
// gets none throws ClientError. Plain HTTP only: TLS would be another kind of connection behind the same pools.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "async/awaitable.hpp"
#include "http_client/client_error.hpp"
#include "http_client/client_options.hpp"
#include "http_client/client_request.hpp"
#include "http_client/client_response.hpp"

namespace dt::http {

class HttpClient {
 public:
  // Throws std::invalid_argument if max_connections_per_host is 0.
  explicit HttpClient(Executor executor, ClientOptions options = {});
  ~HttpClient();  // closes the idle connections; the client must outlive the calls in flight
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends request to host (a name or an IP address) on port and reads the whole response.
  // Throws ClientError, or std::invalid_argument for a malformed request (bad method, target or header).
  Awaitable<ClientResponse> send(std::string host, std::uint16_t port, ClientRequest request);

  // The same with a URL "http://host[:port]/path[?query]", which replaces request.target.
  // A malformed or non-http URL throws std::invalid_argument at the call (HttpUrl::parse).
  Awaitable<ClientResponse> send(std::string_view url, ClientRequest request);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::http
