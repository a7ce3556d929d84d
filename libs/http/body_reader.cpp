#include "http/body_reader.hpp"

#include <algorithm>
#include <cstring>

namespace dt::http {

Awaitable<std::size_t> StringBodyReader::read_some(std::span<char> into) {
  const std::size_t n = std::min(into.size(), body_.size() - offset_);
  std::memcpy(into.data(), body_.data() + offset_, n);
  offset_ += n;
  co_return n;
}

}  // namespace dt::http
