// SmtpSender against the real Mailpit (DT_SMTP_URL, DT_MAILPIT_URL): the built message arrives whole, with
// its Vietnamese subject and both parts; AUTH is used when configured; STARTTLS required fails without TLS.
#include "notification/smtp/smtp_sender.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <cstdlib>

#include "async/test_support/run_blocking.hpp"
#include "notification/api/test_support/mailpit_client.hpp"
#include "notification/api/test_support/notification_harness.hpp"
#include "notification/mail/mime_message.hpp"

namespace dt::notification::smtp {
namespace {

using namespace std::chrono_literals;

SmtpSettings mailpit_settings() {
  const char* url = std::getenv("DT_SMTP_URL");
  EXPECT_TRUE(url != nullptr && *url != '\0') << "DT_SMTP_URL is not set: infra/mailpit.sh start && . infra/env.sh";
  SmtpSettings settings;
  settings.url = url != nullptr ? url : "";
  settings.timeout = 5s;
  return settings;
}

std::string message_to(const std::string& address, const std::string& id) {
  mail::MailHeaders headers{.from_name = "DriveTest",
                            .from_address = "no-reply@drivetest.local",
                            .to_name = "Nguyễn Văn An",
                            .to_address = address,
                            .message_id = id + "@notification.drivetest",
                            .date = std::chrono::system_clock::now()};
  mail::MailContent content{.subject = "Kết quả của bạn: bài thi thử vn-2025-B, 27/30",
                            .text = "Xin chào An,\nĐiểm: 27 / 30\n",
                            .html = "<p>Xin chào <b>An</b>,</p>"};
  return mail::build_message(headers, content);
}

void send(SmtpSender& sender, const std::string& to, const std::string& message) {
  boost::asio::io_context io;
  async::testing::run_blocking(io, [&]() -> Awaitable<void> { co_await sender.send(to, message); });
}

TEST(SmtpSender, AMessageArrivesWholeWithItsSubjectNameAndBothParts) {
  SmtpSender sender(mailpit_settings());
  testing::MailpitClient mailpit;
  const auto suffix = testing::unique_suffix();
  const std::string address = "an-" + suffix + "@test.drivetest.local";
  send(sender, address, message_to(address, "smtp-test-" + suffix));

  const auto mails = mailpit.wait_for("to:\"" + address + "\"", 1, 10s);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].subject, "Kết quả của bạn: bài thi thử vn-2025-B, 27/30");
  EXPECT_EQ(mails[0].to_name, "Nguyễn Văn An");
  EXPECT_EQ(mails[0].message_id, "smtp-test-" + suffix + "@notification.drivetest");
  const auto full = mailpit.message(mails[0].id);
  EXPECT_EQ(full.text, "Xin chào An,\nĐiểm: 27 / 30\n");
  EXPECT_EQ(full.html, "<p>Xin chào <b>An</b>,</p>");
}

TEST(SmtpSender, OneSenderSendsMessageAfterMessage) {
  auto settings = mailpit_settings();
  settings.connections = 3;
  SmtpSender sender(settings);
  testing::MailpitClient mailpit;
  const std::string address = "many-" + testing::unique_suffix() + "@test.drivetest.local";
  boost::asio::io_context io;
  async::testing::run_blocking(
      io,
      [&]() -> Awaitable<void> {
        for (int i = 0; i < 12; ++i) co_await sender.send(address, message_to(address, "many-" + std::to_string(i)));
      },
      2);
  EXPECT_EQ(mailpit.wait_for("to:\"" + address + "\"", 12, 10s).size(), 12u);
}

TEST(SmtpSender, AuthenticatesWhenAUserIsConfigured) {
  auto settings = mailpit_settings();
  settings.username = "drivetest";
  settings.password = "secret";
  SmtpSender sender(settings);
  testing::MailpitClient mailpit;
  const std::string address = "auth-" + testing::unique_suffix() + "@test.drivetest.local";
  send(sender, address, message_to(address, "auth-" + testing::unique_suffix()));
  EXPECT_EQ(mailpit.wait_for("to:\"" + address + "\"", 1, 10s).size(), 1u);
}

TEST(SmtpSender, RequiredStarttlsFailsAgainstAServerWithoutTls) {
  auto settings = mailpit_settings();
  settings.starttls = StartTls::required;
  SmtpSender sender(settings);
  const std::string address = "tls-" + testing::unique_suffix() + "@test.drivetest.local";
  try {
    send(sender, address, message_to(address, "tls"));
    FAIL() << "sent in clear text although STARTTLS was required";
  } catch (const SmtpError& e) {
    EXPECT_FALSE(e.permanent()) << e.what();
  }
}

}  // namespace
}  // namespace dt::notification::smtp
