#pragma once
// MailpitClient: what tests need of the local Mailpit's HTTP API (infra/mailpit.sh, DT_MAILPIT_URL): find the
// mails a test caused, read one whole, wait for them to arrive. Blocking (libcurl), for test threads.
//
//   MailpitClient mailpit;                                            // DT_MAILPIT_URL, or throws
//   auto mails = mailpit.wait_for("to:\"ada-123@test.drivetest.local\"", 1, std::chrono::seconds(20));
//   auto full = mailpit.message(mails[0].id);                        // subject, text, html, message_id
//
// Queries are Mailpit's search syntax: to:"addr", subject:"words", message-id:"<id>", plain words.
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace dt::notification::testing {

struct Mail {
  std::string id;               // Mailpit's database id
  std::string message_id;       // the Message-ID header, without angle brackets
  std::string from;             // the sender's address
  std::vector<std::string> to;  // the recipients' addresses
  std::string to_name;          // the first recipient's display name, decoded
  std::string subject;          // decoded
  std::string created;          // when Mailpit received it, RFC 3339
  std::string text;             // message() only: the text/plain part, decoded
  std::string html;             // message() only: the text/html part, decoded
};

class MailpitClient {
 public:
  // base_url: e.g. http://127.0.0.1:28025; empty: DT_MAILPIT_URL, throwing std::runtime_error when unset.
  explicit MailpitClient(std::string base_url = "");

  // Every stored message matching `query`, newest first (summaries: no text or html).
  std::vector<Mail> search(const std::string& query) const;
  // One message in full.
  Mail message(const std::string& id) const;
  // Polls until at least `count` messages match (returns them), or `timeout` passed (returns what matched).
  std::vector<Mail> wait_for(const std::string& query, std::size_t count, std::chrono::milliseconds timeout) const;
  // Deletes the messages matching `query`.
  void delete_matching(const std::string& query) const;

 private:
  std::string base_url_;
};

}  // namespace dt::notification::testing
