#include "http/middleware/standard_chain.hpp"

#include "http/middleware/access_log.hpp"
#include "http/middleware/http_metrics.hpp"
#include "http/middleware/problem_responder.hpp"
#include "http/middleware/request_id.hpp"

namespace dt::http {

std::vector<std::unique_ptr<Middleware>> standard_chain(metrics::Registry& registry) {
  std::vector<std::unique_ptr<Middleware>> chain;
  chain.push_back(std::make_unique<RequestId>());
  chain.push_back(std::make_unique<AccessLog>());
  chain.push_back(std::make_unique<HttpMetrics>(registry));
  chain.push_back(std::make_unique<ProblemResponder>());
  return chain;
}

}  // namespace dt::http
