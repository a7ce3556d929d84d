#pragma once
#include <functional>

#include "async/awaitable.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace dt::http {

// A route handler: parsed request in, response out. Throw dt::Problem for client errors.
using Handler = std::function<Awaitable<Response>(Request&)>;

}  // namespace dt::http
