#include "catalog/api/error_mapping.hpp"

#include "async/timeout_error.hpp"
#include "cache/errors.hpp"
#include "catalog/domain/draw_error.hpp"
#include "catalog/domain/session_error.hpp"
#include "db/error.hpp"
#include "errors/problem.hpp"
#include "log/log.hpp"

namespace dt::catalog::api {
namespace {

Problem session_problem(const SessionError& e) {
  switch (e.kind()) {
    case SessionErrorKind::conflict:
      return Problem::conflict(e.what());
    case SessionErrorKind::not_found:
      return Problem::not_found(e.what());
    case SessionErrorKind::invalid:
      break;
  }
  return Problem::bad_request(e.what());
}

}  // namespace

Awaitable<http::Response> ErrorMapping::handle(http::Request& request, http::Next next) {
  try {
    co_return co_await next(request);
  } catch (const SessionError& e) {
    throw session_problem(e);
  } catch (const DrawError& e) {
    log::error("the bank cannot build an exam", {{"request_id", request.request_id}, {"error", e.what()}});
    throw Problem::unavailable(std::string("the question bank cannot build this exam: ") + e.what());
  } catch (const db::Unavailable& e) {
    log::error("database unavailable", {{"request_id", request.request_id}, {"error", e.what()}});
    throw Problem::unavailable("the catalogue's database is unavailable; retry shortly");
  } catch (const cache::Unavailable& e) {
    log::error("cache unavailable", {{"request_id", request.request_id}, {"error", e.what()}});
    throw Problem::unavailable("the catalogue's cache is unavailable; retry shortly");
  } catch (const async::TimeoutError& e) {
    log::error("timeout", {{"request_id", request.request_id}, {"error", e.what()}});
    throw Problem::unavailable("the catalogue is overloaded; retry shortly");
  }
}

}  // namespace dt::catalog::api
