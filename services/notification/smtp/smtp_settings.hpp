#pragma once
// How the Notification service reaches its SMTP server, from the environment (docs/configuration.md):
//   DT_SMTP_URL          smtp://host:port (plain, optionally upgraded with STARTTLS) or smtps://host:port
//                        (TLS from the first byte); default smtp://127.0.0.1:21025, the local Mailpit
//   DT_SMTP_STARTTLS     off | try | required: upgrade an smtp:// connection with STARTTLS (default off)
//   DT_SMTP_USERNAME     AUTH user; empty (default): no AUTH
//   DT_SMTP_PASSWORD     AUTH password
//   DT_SMTP_FROM         the sender address (default no-reply@drivetest.local)
//   DT_SMTP_FROM_NAME    the sender's display name (default DriveTest)
//   DT_SMTP_TIMEOUT_MS   connect + whole transaction, per message (default 10000)
//   DT_SMTP_CONNECTIONS  messages sent at once, each on a connection of its own that is kept open (default 4)
#include <chrono>
#include <string>

#include "config/env_config.hpp"

namespace dt::notification::smtp {

enum class StartTls { off, try_it, required };

struct SmtpSettings {
  std::string url = "smtp://127.0.0.1:21025";
  StartTls starttls = StartTls::off;
  std::string username;
  std::string password;
  std::string from_address = "no-reply@drivetest.local";
  std::string from_name = "DriveTest";
  std::chrono::milliseconds timeout{10'000};
  int connections = 4;
};

// Problems are recorded in env (call env.check() after); a DT_SMTP_URL of another scheme throws
// config::ConfigError naming it.
SmtpSettings read_smtp_settings(config::EnvConfig& env);

}  // namespace dt::notification::smtp
