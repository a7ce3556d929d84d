#pragma once
// A deliberately simple blocking HTTP/1.1 client for server tests: it sends exact bytes (well-formed or hostile)
// and parses what comes back, so tests see precisely what travels on the wire.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace dt::http::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& name) const;
};

class RawClient {
 public:
  explicit RawClient(std::uint16_t port);
  ~RawClient();
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  void send(const std::string& bytes);
  // Half-closes the connection: the server sees the end of the stream, and can still answer.
  void finish_sending();
  // Reads one response (Content-Length framed); nullopt when the server closed first or timed out.
  // Interim 1xx responses are skipped unless skip_interim is false.
  std::optional<RawResponse> read_response(std::chrono::milliseconds timeout = std::chrono::seconds(5),
                                           bool head = false, bool skip_interim = true);
  // True when the server closed the connection within `timeout` (reads and discards anything before the close).
  bool closed_by_server(std::chrono::milliseconds timeout = std::chrono::seconds(5));

  // Convenience: GET/POST with keep-alive.
  std::optional<RawResponse> request(const std::string& method, const std::string& target, const std::string& body = "",
                                     const std::string& extra_headers = "");

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::http::testing
