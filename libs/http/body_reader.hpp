#pragma once
// BodyReader: the request body of a streaming route (Router::add_streaming), pulled by the handler in chunks as
// it arrives, so that a handler can take bodies far larger than it should ever hold in memory (uploads). The
// server reads nothing of such a body before the handler asks: a handler that refuses the request early (401,
// 415) never receives the rest, and "Expect: 100-continue" is answered only on the first read.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "async/awaitable.hpp"

namespace dt::http {

class BodyReader {
 public:
  virtual ~BodyReader() = default;

  // Reads the next bytes of the body into `into` (at most into.size(), at least one unless the body is
  // complete); 0 once the whole body has been read. Throws dt::Problem: 400 when the body ends before its
  // declared end (the client cut it or went away) or its chunked framing is malformed, 413 when it grows past
  // the route's limit, 408 when the client sends nothing for ServerOptions::body_timeout.
  virtual Awaitable<std::size_t> read_some(std::span<char> into) = 0;
  // The declared Content-Length; nullopt for a chunked body.
  virtual std::optional<std::uint64_t> content_length() const = 0;
  // Whether the whole body has been read.
  virtual bool done() const = 0;
};

// A body already in memory, served through the same interface: what a streaming route gets when it is called
// without a server (Router::dispatch on a Request built in code).
class StringBodyReader final : public BodyReader {
 public:
  explicit StringBodyReader(std::string body) : body_(std::move(body)) {}
  Awaitable<std::size_t> read_some(std::span<char> into) override;
  std::optional<std::uint64_t> content_length() const override { return body_.size(); }
  bool done() const override { return offset_ == body_.size(); }

 private:
  std::string body_;
  std::size_t offset_ = 0;
};

}  // namespace dt::http
