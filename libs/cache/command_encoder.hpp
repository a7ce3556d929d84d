#pragma once
// Internal to dt_cache. encode_command(argv): one command in the Redis protocol (RESP), binary-safe.
// Several encoded commands appended to each other make a pipeline.
#include <string>
#include <vector>

namespace dt::cache::detail {

// Throws std::invalid_argument for an empty argv.
std::string encode_command(const std::vector<std::string>& argv);

}  // namespace dt::cache::detail
