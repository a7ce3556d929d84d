#pragma once
// For tests that stop and start one of the project's shared servers through its own script (infra/NAME.sh),
// to see what a client does while the server is down. Such tests are registered SERIAL: nothing runs beside them.
#include <string>
#include <string_view>

namespace dt::testing {

// Runs `bash <source dir>/infra/<server>.sh <action>` with its output dropped; true when it succeeded. The
// source dir is DT_SOURCE_DIR (infra/env.sh exports it), else the tree the test was built from.
bool infra_script(std::string_view server, std::string_view action);

// Starts the server again when it goes out of scope, whatever happened in the test; a failure to do so is a
// test failure (every later test would fail too).
class StartAgain {
 public:
  explicit StartAgain(std::string server) : server_(std::move(server)) {}
  ~StartAgain();
  StartAgain(const StartAgain&) = delete;
  StartAgain& operator=(const StartAgain&) = delete;

 private:
  std::string server_;
};

}  // namespace dt::testing
