#include "cache/reply_reader.hpp"

#include <hiredis/hiredis.h>

#include <new>
#include <string>
#include <utility>
#include <vector>

namespace dt::cache::detail {
namespace {

Reply convert(const redisReply& reply) {
  switch (reply.type) {
    case REDIS_REPLY_NIL:
      return Reply();
    case REDIS_REPLY_INTEGER:
      return Reply::integer(reply.integer);
    case REDIS_REPLY_STRING:
      return Reply::string(std::string(reply.str, reply.len));
    case REDIS_REPLY_STATUS:
      return Reply::status(std::string(reply.str, reply.len));
    case REDIS_REPLY_ERROR:
      return Reply::error(std::string(reply.str, reply.len));
    case REDIS_REPLY_ARRAY: {
      std::vector<Reply> elements;
      elements.reserve(reply.elements);
      for (std::size_t i = 0; i < reply.elements; ++i) elements.push_back(convert(*reply.element[i]));
      return Reply::array(std::move(elements));
    }
    default:
      throw Error("redis: unsupported reply type " + std::to_string(reply.type));
  }
}

}  // namespace

void ReplyReader::Free::operator()(redisReader* reader) const { redisReaderFree(reader); }

ReplyReader::ReplyReader() : reader_(redisReaderCreate()) {
  if (!reader_) throw std::bad_alloc();
}

ReplyReader::~ReplyReader() = default;

void ReplyReader::feed(const char* data, std::size_t size) {
  if (redisReaderFeed(reader_.get(), data, size) != REDIS_OK) throw std::bad_alloc();
}

std::optional<Reply> ReplyReader::next() {
  void* raw = nullptr;
  if (redisReaderGetReply(reader_.get(), &raw) != REDIS_OK) {
    throw Error(std::string("redis: protocol error: ") + reader_->errstr);
  }
  if (raw == nullptr) return std::nullopt;
  const std::unique_ptr<redisReply, decltype(&freeReplyObject)> owner(static_cast<redisReply*>(raw), &freeReplyObject);
  return convert(*owner);
}

bool ReplyReader::empty() const { return reader_->buf == nullptr || reader_->pos >= reader_->len; }

}  // namespace dt::cache::detail
