#pragma once
// RouteFileWatcher: reloads the route file when it changes, without touching connections. Every interval (a
// PeriodicTask) it compares the file's modification time, size and inode with the last seen; on a change it
// parses and validates the whole file, starts watching any service it newly names, and swaps the new table in
// (RouteTableHolder). A file that does not parse or validate leaves the table in force and logs every error once
// per change of the file. Counted in dt_gateway_route_reloads_total{outcome="ok|failed"}.
#include <functional>
#include <memory>
#include <string>

#include "gateway/config/gateway_config.hpp"
#include "gateway/routing/route_table_holder.hpp"
#include "metrics/registry.hpp"
#include "service/periodic_task.hpp"

namespace dt::gateway::reload {

struct FileStamp {
  long long modified_ns = 0;
  long long size = -1;
  unsigned long long inode = 0;
  bool operator==(const FileStamp&) const = default;
};

// The file's stamp; size -1 when it cannot be read.
FileStamp stamp_of(const std::string& path);

class RouteFileWatcher {
 public:
  using OnTable = std::function<void(const routing::RouteTable&)>;

  // on_table runs for every table about to be installed (the gateway starts watching its services there).
  RouteFileWatcher(std::string path, config::ConfigLimits limits, routing::RouteTableHolder& holder, OnTable on_table,
                   metrics::Registry& metrics, std::chrono::milliseconds interval);

  // Loads the file now: the first table. Throws config::ConfigInvalid (start-up stops on a bad file).
  std::shared_ptr<const routing::RouteTable> load_initial();
  void start(Executor executor) { task_.start(std::move(executor)); }
  void stop() { task_.stop(); }

  // One check, as the periodic task does it (for tests). True when a new table was installed.
  bool check_now();

 private:
  std::string path_;
  config::ConfigLimits limits_;
  routing::RouteTableHolder& holder_;
  OnTable on_table_;
  metrics::Counter* reloaded_;
  metrics::Counter* failed_;
  FileStamp seen_;
  service::PeriodicTask task_;
};

}  // namespace dt::gateway::reload
