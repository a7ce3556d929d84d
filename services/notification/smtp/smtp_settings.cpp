#include "notification/smtp/smtp_settings.hpp"

namespace dt::notification::smtp {

SmtpSettings read_smtp_settings(config::EnvConfig& env) {
  SmtpSettings s;
  s.url = env.string("DT_SMTP_URL", s.url);
  if (s.url.rfind("smtp://", 0) != 0 && s.url.rfind("smtps://", 0) != 0) {
    throw config::ConfigError("DT_SMTP_URL: '" + s.url + "' is not an smtp:// or smtps:// URL");
  }
  const auto starttls = env.choice("DT_SMTP_STARTTLS", "off", {"off", "try", "required"});
  s.starttls = starttls == "required" ? StartTls::required : starttls == "try" ? StartTls::try_it : StartTls::off;
  s.username = env.string("DT_SMTP_USERNAME", "");
  s.password = env.string("DT_SMTP_PASSWORD", "");
  s.from_address = env.string("DT_SMTP_FROM", s.from_address);
  s.from_name = env.string("DT_SMTP_FROM_NAME", s.from_name);
  s.timeout = env.millis("DT_SMTP_TIMEOUT_MS", s.timeout, {.min = 100, .max = 600'000});
  s.connections = static_cast<int>(env.integer("DT_SMTP_CONNECTIONS", s.connections, {.min = 1, .max = 64}));
  return s;
}

}  // namespace dt::notification::smtp
