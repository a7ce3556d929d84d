#pragma once
// Internal to dt_cache. ReplyReader: bytes from the socket in, complete Replies out (hiredis' redisReader).
// Feed whatever arrived, then take replies with next() until it returns nullopt (more bytes needed).
#include <cstddef>
#include <memory>
#include <optional>

#include "cache/reply.hpp"

struct redisReader;

namespace dt::cache::detail {

class ReplyReader {
 public:
  ReplyReader();
  ~ReplyReader();
  ReplyReader(const ReplyReader&) = delete;
  ReplyReader& operator=(const ReplyReader&) = delete;

  void feed(const char* data, std::size_t size);
  // Throws dt::cache::Error on a protocol error: the stream cannot be trusted any more.
  std::optional<Reply> next();
  // True when no byte of a next reply is buffered (the connection is in step with its commands).
  bool empty() const;

 private:
  struct Free {
    void operator()(redisReader* reader) const;
  };
  std::unique_ptr<redisReader, Free> reader_;
};

}  // namespace dt::cache::detail
