#pragma once
#include <memory>
#include <vector>

#include "http/pipeline.hpp"
#include "metrics/registry.hpp"

namespace dt::http {

// The middleware every service runs, outermost first: request id, access log, metrics, problem responder.
// Services append their own (authentication, ...) after these.
std::vector<std::unique_ptr<Middleware>> standard_chain(metrics::Registry& registry);

}  // namespace dt::http
