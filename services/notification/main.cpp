// Notification service: e-mails for account and exam events, sent over SMTP with retries and a dead-letter topic.
#include "notification/notification_service.hpp"
#include "registry/service_registration.hpp"

int main() {
  return dt::service::run_main("notification", 28083, [](dt::service::Service& service, dt::config::EnvConfig& env) {
    dt::notification::wire_notification(service, env);
    dt::registry::register_with_registry(service, env);
  });
}
