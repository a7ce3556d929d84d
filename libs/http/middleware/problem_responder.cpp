#include "http/middleware/problem_responder.hpp"

#include <exception>

#include "log/log.hpp"

namespace dt::http {

Response problem_response(const dt::Problem& problem, std::string_view instance, std::string_view request_id) {
  Response r;
  r.status = problem.status();
  r.headers.add("Content-Type", std::string(kProblemContentType));
  for (const auto& [name, value] : problem.headers()) r.headers.add(name, value);
  r.body = render_problem(problem, instance, request_id);
  return r;
}

Awaitable<Response> ProblemResponder::handle(Request& request, Next next) {
  std::exception_ptr failure;
  try {
    co_return co_await next(request);
  } catch (const dt::Problem& problem) {
    co_return problem_response(problem, request.path, request.request_id);
  } catch (...) {
    failure = std::current_exception();
  }
  std::string what = "unknown exception";
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  log::error("unhandled error in handler",
             {{"request_id", request.request_id}, {"route", request.route}, {"path", request.path}, {"error", what}});
  co_return problem_response(
      dt::Problem(500, "internal", "Internal server error",
                  "the server failed to handle this request; quote request id " + request.request_id),
      request.path, request.request_id);
}

}  // namespace dt::http
