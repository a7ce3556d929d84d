// Catalog service: question bank, exam blueprints, exams, grading, history.
#include "catalog/catalog_service.hpp"
#include "registry/service_registration.hpp"

int main() {
  return dt::service::run_main("catalog", 28081, [](dt::service::Service& service, dt::config::EnvConfig& env) {
    dt::catalog::wire_catalog(service, env);
    dt::registry::register_with_registry(service, env);
  });
}
