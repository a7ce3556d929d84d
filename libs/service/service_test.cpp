// A whole service in a child process: standard endpoints, then SIGTERM with a request in flight.
#include "service/service.hpp"

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>
#include <thread>
#include <vector>

#include "http/test_support/raw_client.hpp"

namespace {

using dt::http::testing::RawClient;

std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

[[noreturn]] void child_service(std::uint16_t port) {
  dt::service::ServiceSettings settings;
  settings.name = "test-svc";
  settings.threads = 2;
  settings.http.port = port;
  dt::service::Service service(settings);
  service.router().add(dt::http::Method::get, "/slow", [](dt::http::Request&) -> dt::Awaitable<dt::http::Response> {
    boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, std::chrono::milliseconds(400));
    co_await t.async_wait(boost::asio::use_awaitable);
    co_return dt::http::Response::text(200, "done");
  });
  service.health().add_check("always", []() -> dt::Awaitable<bool> { co_return true; });
  ::_exit(service.run());
}

std::unique_ptr<RawClient> connect_with_retry(std::uint16_t port) {
  for (int i = 0; i < 100; ++i) {
    try {
      return std::make_unique<RawClient>(port);
    } catch (const std::runtime_error&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  return nullptr;
}

TEST(Service, ServesStandardEndpointsAndExitsZeroOnSigterm) {
  const auto port = free_port();
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) child_service(port);

  auto client = connect_with_retry(port);
  ASSERT_TRUE(client) << "the service did not start";
  auto live = client->request("GET", "/health/live");
  ASSERT_TRUE(live);
  EXPECT_EQ(live->status, 200);
  auto ready = client->request("GET", "/health/ready");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  auto metrics = client->request("GET", "/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("dt_http_requests_total{route=\"GET /health/live\",status=\"200\"} 1"),
            std::string::npos)
      << metrics->body;

  client->send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ::kill(child, SIGTERM);
  auto slow = client->read_response();
  ASSERT_TRUE(slow) << "the request in flight must complete during shutdown";
  EXPECT_EQ(slow->body, "done");

  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(Service, OnListeningHooksGetTheBoundPortBeforeServing) {
  dt::service::ServiceSettings settings;
  settings.name = "test-svc";
  settings.threads = 1;
  settings.http.port = 0;
  dt::service::Service service(settings);
  std::vector<std::uint16_t> seen;
  service.on_listening([&](std::uint16_t port) {
    seen.push_back(port);
    boost::asio::post(service.executor(), [&service] { service.stop(); });
  });
  EXPECT_EQ(service.run(), 0);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_NE(seen[0], 0);
  EXPECT_EQ(seen[0], service.port());
}

}  // namespace
