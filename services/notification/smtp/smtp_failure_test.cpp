// How SMTP failures are classified, and a server that is not there (no server needed).
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "async/test_support/run_blocking.hpp"
#include "notification/smtp/smtp_sender.hpp"

namespace dt::notification::smtp {
namespace {

TEST(SmtpFailure, FiveHundredsArePermanentExceptAuthentication) {
  for (const long code : {550L, 551L, 552L, 553L, 554L, 500L, 501L}) EXPECT_TRUE(is_permanent_failure(code)) << code;
  for (const long code : {0L, 421L, 450L, 451L, 452L, 530L, 534L, 535L, 538L, 250L}) {
    EXPECT_FALSE(is_permanent_failure(code)) << code;
  }
}

TEST(SmtpFailure, AServerThatIsNotThereIsATransientFailure) {
  SmtpSettings settings;
  settings.url = "smtp://127.0.0.1:1";  // nothing listens there
  settings.timeout = std::chrono::milliseconds(2000);
  SmtpSender sender(settings);
  boost::asio::io_context io;
  try {
    async::testing::run_blocking(
        io, [&]() -> Awaitable<void> { co_await sender.send("ada@example.org", "Subject: hi\r\n\r\nhi\r\n"); });
    FAIL() << "sent to a closed port";
  } catch (const SmtpError& e) {
    EXPECT_FALSE(e.permanent()) << e.what();
    EXPECT_EQ(e.smtp_code(), 0);
    EXPECT_NE(std::string(e.what()).find("smtp://127.0.0.1:1"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace dt::notification::smtp
