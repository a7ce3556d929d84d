#include "testing/infra_script.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace dt::testing {

bool infra_script(std::string_view server, std::string_view action) {
  const char* dir = std::getenv("DT_SOURCE_DIR");
  const std::string source_dir = dir != nullptr && *dir != '\0' ? dir : DT_DEFAULT_SOURCE_DIR;
  const std::string command =
      "bash '" + source_dir + "/infra/" + std::string(server) + ".sh' " + std::string(action) + " >/dev/null";
  return std::system(command.c_str()) == 0;
}

StartAgain::~StartAgain() {
  if (!infra_script(server_, "start")) ADD_FAILURE() << "infra/" << server_ << ".sh start failed: later tests fail too";
}

}  // namespace dt::testing
