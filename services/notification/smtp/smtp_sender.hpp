#pragma once
// SmtpSender: delivers a finished message to an SMTP server with libcurl (smtp:// or smtps://, STARTTLS and
// AUTH as configured, smtp_settings.hpp).
//
//   co_await sender.send("ada@example.org", build_message(headers, content));   // throws SmtpError
//
// libcurl's easy interface blocks, so each send runs on a worker thread of the sender's own (one per
// configured connection) and the awaiting coroutine resumes on its own executor. Each worker keeps its curl
// handle, and with it the connection to the server, from one message to the next.
#include <memory>
#include <stdexcept>
#include <string>

#include "async/awaitable.hpp"
#include "notification/smtp/smtp_settings.hpp"

namespace dt::notification::smtp {

class SmtpError : public std::runtime_error {
 public:
  SmtpError(const std::string& message, bool permanent, long smtp_code)
      : std::runtime_error(message), permanent_(permanent), smtp_code_(smtp_code) {}
  // Retrying cannot help (the server refused this message or recipient for good).
  bool permanent() const { return permanent_; }
  // The server's last reply code, 0 when it never answered.
  long smtp_code() const { return smtp_code_; }

 private:
  bool permanent_;
  long smtp_code_;
};

// Permanent: a 5xx reply, except the authentication ones (530, 534, 535, 538: a configuration problem an
// operator fixes, after which the message should go). Everything else is transient: 4xx replies, no reply at
// all (connection refused, timeout, TLS failure).
bool is_permanent_failure(long smtp_code);

class SmtpSender {
 public:
  explicit SmtpSender(SmtpSettings settings);
  ~SmtpSender();  // waits for the sends in progress
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;

  // `message` is the complete RFC 5322 text with CRLF line ends; the envelope sender is settings.from_address.
  Awaitable<void> send(std::string to, std::string message);

  const SmtpSettings& settings() const;

 private:
  struct Impl;
  static Awaitable<void> send_on_worker(const Impl& impl, std::string to, std::string message);

  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::notification::smtp
