#include "http_client/http_url.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

using dt::http::HttpUrl;

TEST(HttpUrl, SplitsHostPortAndTarget) {
  const auto u = HttpUrl::parse("http://127.0.0.1:8081/api/catalog/exams?page=2#top");
  EXPECT_EQ(u.host, "127.0.0.1");
  EXPECT_EQ(u.port, 8081);
  EXPECT_EQ(u.target, "/api/catalog/exams?page=2");
}

TEST(HttpUrl, DefaultsToPort80AndTheRootPath) {
  const auto u = HttpUrl::parse("http://keycloak");
  EXPECT_EQ(u.host, "keycloak");
  EXPECT_EQ(u.port, 80);
  EXPECT_EQ(u.target, "/");
  EXPECT_EQ(HttpUrl::parse("http://localhost?x=1").target, "/?x=1");
  EXPECT_EQ(HttpUrl::parse("http://localhost:/a").port, 80);
}

TEST(HttpUrl, KeepsThePercentEncoding) {
  EXPECT_EQ(HttpUrl::parse("http://h/a%20b/c?q=%2F&r=1").target, "/a%20b/c?q=%2F&r=1");
}

TEST(HttpUrl, AcceptsIpv6Addresses) {
  const auto u = HttpUrl::parse("http://[::1]:9000/x");
  EXPECT_EQ(u.host, "::1");
  EXPECT_EQ(u.port, 9000);
}

TEST(HttpUrl, RejectsWhatTheClientCannotCall) {
  for (const char* bad :
       {"", "not a url", "/api/x", "127.0.0.1:8081/x", "localhost:8081/x", "ftp://h/x", "http://", "http:///x",
        "http://h:0/", "http://h:65536/", "http://h:8o/", "http://user:pw@h/", "http://h/a b", "http://h/\r\nX: y"}) {
    EXPECT_THROW(HttpUrl::parse(bad), std::invalid_argument) << bad;
  }
}

TEST(HttpUrl, SaysWhyItRejects) {
  try {
    HttpUrl::parse("https://keycloak/admin");
    FAIL() << "https accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("https is not supported yet"), std::string::npos) << e.what();
  }
}

}  // namespace
