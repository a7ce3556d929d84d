#include "file/api/file_source.hpp"

#include <algorithm>
#include <cstring>

#include "errors/problem.hpp"

namespace dt::file::api {

MultipartFileSource::MultipartFileSource(http::BodyReader& body, std::string boundary)
    : body_(body), parser_(std::move(boundary)), chunk_(std::make_unique<std::array<char, 64 * 1024>>()) {}

Awaitable<std::size_t> MultipartFileSource::read_some(std::span<char> into) {
  while (ready_offset_ == ready_.size() && !ended_) {
    ready_.clear();
    ready_offset_ = 0;
    const std::size_t n = co_await body_.read_some(*chunk_);
    try {
      if (n == 0) {
        parser_.finish();
        ended_ = true;
      } else {
        parser_.feed(std::string_view(chunk_->data(), n), [this](std::string_view bytes) { ready_.append(bytes); });
      }
    } catch (const MultipartError& e) {
      throw Problem::bad_request(e.what());
    }
  }
  const std::size_t n = std::min(into.size(), ready_.size() - ready_offset_);
  std::memcpy(into.data(), ready_.data() + ready_offset_, n);
  ready_offset_ += n;
  co_return n;
}

}  // namespace dt::file::api
