#pragma once
// check_request_target: the gateway's guard against request targets that could make a service see a path other
// than the one the gateway matched (pure). Such a request is answered 400 and never forwarded:
//   - dot segments ("/api/catalog/../account/admin"), empty segments ("//"), a backslash, a '#';
//   - percent escapes that are malformed ("%G1", "%4"), or that hide a '/', '\' or NUL (%2F, %5C, %00), or
//     that encode a character that never needs encoding (letters, digits, "-._~": "/api/catalog/%61dmin");
//   - control characters or spaces anywhere, a target not starting with '/'.
// A trailing '/' is allowed. The query is checked for control characters and well-formed escapes only.
#include <optional>
#include <string>
#include <string_view>

namespace dt::gateway::routing {

// nullopt when the target is acceptable, otherwise why not, in words fit for a 400 detail.
std::optional<std::string> check_request_target(std::string_view target);

}  // namespace dt::gateway::routing
