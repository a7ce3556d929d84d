#include "file/api/error_mapping.hpp"

#include "db/error.hpp"
#include "errors/problem.hpp"
#include "log/log.hpp"
#include "storage/storage_error.hpp"

namespace dt::file::api {

Awaitable<http::Response> ErrorMapping::handle(http::Request& request, http::Next next) {
  try {
    co_return co_await next(request);
  } catch (const storage::StorageError& e) {
    log::error("object store request failed",
               {{"request_id", request.request_id}, {"status", e.status()}, {"error", e.what()}});
    if (e.unavailable())
      throw Problem::unavailable("the object store is unavailable; nothing was changed, retry shortly");
    throw Problem(502, "storage-refused", "Bad gateway", "the object store refused the request; nothing was changed");
  } catch (const db::Unavailable& e) {
    log::error("database unavailable", {{"request_id", request.request_id}, {"error", e.what()}});
    throw Problem::unavailable("the file database is unavailable; retry shortly");
  }
}

}  // namespace dt::file::api
