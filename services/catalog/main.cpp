// Catalog service: question bank, exam blueprints, exams, grading, history.
#include "catalog/catalog_service.hpp"

int main() {
  return dt::service::run_main("catalog", 58081, [](dt::service::Service& service, dt::config::EnvConfig& env) {
    dt::catalog::wire_catalog(service, env);
  });
}
