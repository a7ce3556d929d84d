// File service: admins upload question media (images and video) into the S3-compatible object store; the web
// app reads them straight from there. docs/files.md.
#include "file/file_service.hpp"
#include "registry/service_registration.hpp"

int main() {
  return dt::service::run_main("file", 28084, [](dt::service::Service& service, dt::config::EnvConfig& env) {
    dt::file::wire_file(service, env);
    dt::registry::register_with_registry(service, env);
  });
}
