#pragma once
// ProblemResponder: the one place where errors become responses. A dt::Problem becomes its RFC 7807 document;
// anything else is logged with the request id and answered 500 without internal details.
#include "errors/problem.hpp"
#include "http/pipeline.hpp"

namespace dt::http {

class ProblemResponder : public Middleware {
 public:
  Awaitable<Response> handle(Request& request, Next next) override;
};

// The response for a problem, for code outside the pipeline (the server's own 400/413/431 answers).
Response problem_response(const dt::Problem& problem, std::string_view instance, std::string_view request_id);

}  // namespace dt::http
