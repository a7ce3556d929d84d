#pragma once
// RouteTableHolder: the route table in force. Requests take a snapshot (a shared_ptr they keep until they are
// done); a reload swaps in a new table atomically, so a request never sees half of each and connections are
// never touched.
#include <atomic>
#include <memory>

#include "gateway/routing/route_table.hpp"

namespace dt::gateway::routing {

class RouteTableHolder {
 public:
  explicit RouteTableHolder(std::shared_ptr<const RouteTable> table) : table_(std::move(table)) {}

  std::shared_ptr<const RouteTable> current() const { return table_.load(std::memory_order_acquire); }
  void replace(std::shared_ptr<const RouteTable> table) { table_.store(std::move(table), std::memory_order_release); }

 private:
  std::atomic<std::shared_ptr<const RouteTable>> table_;
};

}  // namespace dt::gateway::routing
