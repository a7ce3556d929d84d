#include "gateway/reload/route_file_watcher.hpp"

#include <sys/stat.h>

#include "gateway/config/config_parser.hpp"
#include "log/log.hpp"

namespace dt::gateway::reload {

FileStamp stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return FileStamp{};
  return FileStamp{.modified_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec,
                   .size = static_cast<long long>(st.st_size),
                   .inode = static_cast<unsigned long long>(st.st_ino)};
}

RouteFileWatcher::RouteFileWatcher(std::string path, config::ConfigLimits limits, routing::RouteTableHolder& holder,
                                   OnTable on_table, metrics::Registry& metrics, std::chrono::milliseconds interval)
    : path_(std::move(path)),
      limits_(limits),
      holder_(holder),
      on_table_(std::move(on_table)),
      reloaded_(
          &metrics.counter("dt_gateway_route_reloads_total", "Route file reloads by outcome", {{"outcome", "ok"}})),
      failed_(
          &metrics.counter("dt_gateway_route_reloads_total", "Route file reloads by outcome", {{"outcome", "failed"}})),
      task_("route file watch", interval, [this]() -> Awaitable<void> {
        check_now();
        co_return;
      }) {}

std::shared_ptr<const routing::RouteTable> RouteFileWatcher::load_initial() {
  seen_ = stamp_of(path_);
  auto table = std::make_shared<const routing::RouteTable>(config::load_gateway_config(path_, limits_));
  on_table_(*table);
  return table;
}

bool RouteFileWatcher::check_now() {
  const FileStamp now = stamp_of(path_);
  if (now == seen_) return false;
  seen_ = now;
  try {
    auto table = std::make_shared<const routing::RouteTable>(config::load_gateway_config(path_, limits_));
    on_table_(*table);
    holder_.replace(table);
    reloaded_->inc();
    log::info("routes reloaded", {{"file", path_}, {"routes", static_cast<long>(table->routes().size())}});
    return true;
  } catch (const config::ConfigInvalid& e) {
    failed_->inc();
    log::error("route file rejected: the routes in force stay", {{"file", path_}, {"errors", e.what()}});
  } catch (const std::exception& e) {
    failed_->inc();
    log::error("route file rejected: the routes in force stay", {{"file", path_}, {"errors", e.what()}});
  }
  return false;
}

}  // namespace dt::gateway::reload
