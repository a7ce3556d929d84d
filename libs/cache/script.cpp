#include "cache/script.hpp"

#include <utility>

#include "digest/digest.hpp"

namespace dt::cache {

Script::Script(std::string source) : source_(std::move(source)), sha1_(digest::sha1_hex(source_)) {}

}  // namespace dt::cache
