#pragma once
// The Content-Type of a web app's file by its extension (case-insensitive); application/octet-stream otherwise.
#include <string_view>

namespace dt::gateway::static_files {

std::string_view mime_type_for(std::string_view filename);

}  // namespace dt::gateway::static_files
