#include "cache/command_encoder.hpp"

#include <hiredis/hiredis.h>

#include <memory>
#include <new>
#include <stdexcept>

namespace dt::cache::detail {

std::string encode_command(const std::vector<std::string>& argv) {
  if (argv.empty()) throw std::invalid_argument("redis: empty command");
  std::vector<const char*> pointers;
  std::vector<std::size_t> lengths;
  pointers.reserve(argv.size());
  lengths.reserve(argv.size());
  for (const std::string& arg : argv) {
    pointers.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  char* target = nullptr;
  // With lengths given, arguments may hold any bytes, NUL included.
  const int size = redisFormatCommandArgv(&target, static_cast<int>(argv.size()), pointers.data(), lengths.data());
  const std::unique_ptr<char, decltype(&redisFreeCommand)> owner(target, &redisFreeCommand);
  if (size < 0 || target == nullptr) throw std::bad_alloc();
  return std::string(target, static_cast<std::size_t>(size));
}

}  // namespace dt::cache::detail
