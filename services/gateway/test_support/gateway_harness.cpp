#include "gateway/test_support/gateway_harness.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "auth/test_support/jwks_server.hpp"
#include "gateway/gateway_service.hpp"
#include "gateway/gateway_settings.hpp"
#include "log/log.hpp"
#include "testing/environment.hpp"

namespace dt::gateway::testing {
namespace {

using dt::testing::required_env;
namespace fs = std::filesystem;

std::atomic<int> counter{0};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

}  // namespace

std::string etcd_url() { return required_env("DT_ETCD_URL"); }
std::string redis_url() { return required_env("DT_REDIS_URL"); }

std::string unique_service(const std::string& base) {
  return "t" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + base;
}

std::string committed_routes(const std::function<std::string(const std::string&)>& rename) {
  boost::json::value doc = boost::json::parse(read_file(DT_GATEWAY_ROUTES_FILE));
  auto& root = doc.as_object();
  for (auto& route : root["routes"].as_array()) {
    auto& service = route.as_object()["service"];
    service = rename(std::string(service.as_string()));
  }
  boost::json::object services;
  for (auto& [name, config] : root["services"].as_object()) services[rename(std::string(name))] = config;
  root["services"] = std::move(services);
  return boost::json::serialize(doc);
}

std::uint16_t unused_port() {
  const std::string url = auth::testing::unreachable_url();  // http://127.0.0.1:<port>/certs
  const auto colon = url.rfind(':');
  return static_cast<std::uint16_t>(std::stoi(url.substr(colon + 1)));
}

std::string for_service(std::string text, const std::string& service) {
  for (auto at = text.find("SVC"); at != std::string::npos; at = text.find("SVC", at + service.size())) {
    text.replace(at, 3, service);
  }
  return text;
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

struct GatewayHarness::Impl {
  fs::path dir;
  fs::path routes_file;
  auth::testing::JwksServer jwks{GatewayHarness::tokens().jwks()};
  std::unique_ptr<service::Service> service;
  std::thread thread;
};

GatewayHarness::GatewayHarness(const std::string& routes, const std::map<std::string, std::string>& variables,
                               const std::string& static_dir)
    : impl_(std::make_unique<Impl>()) {
  log::init({.service = "gateway-test", .level = log::Level::warn});
  const int n = counter++;
  impl_->dir = fs::temp_directory_path() / ("dt-gateway-" + std::to_string(::getpid()) + "-" + std::to_string(n));
  fs::create_directories(impl_->dir / "static");
  impl_->routes_file = impl_->dir / "routes.json";
  write_file(impl_->routes_file, routes);

  std::map<std::string, std::string> vars{
      {"DT_REDIS_URL", redis_url()},
      {"DT_REGISTRY_URL", etcd_url()},
      {"DT_GATEWAY_ROUTES_FILE", impl_->routes_file.string()},
      {"DT_GATEWAY_STATIC_DIR", static_dir.empty() ? (impl_->dir / "static").string() : static_dir},
      {"DT_GATEWAY_REGISTRY_POLL_MS", "100"},
      {"DT_GATEWAY_RELOAD_INTERVAL_MS", "100"},
      {"DT_GATEWAY_RATE_LIMIT_PREFIX", "dt:gwtest:" + std::to_string(::getpid()) + ":" + std::to_string(n) + ":"},
      {"DT_AUTH_JWKS_URL", impl_->jwks.url()},
  };
  for (const auto& [name, value] : variables) vars[name] = value;
  dt::config::EnvConfig env([vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  });

  service::ServiceSettings settings;
  settings.name = "gateway";
  settings.threads = 2;
  settings.http.port = 0;
  settings.http.body_limit = kGatewayBodyLimit;
  impl_->service = std::make_unique<service::Service>(settings);
  wire_gateway(*impl_->service, env);
  impl_->thread = std::thread([this] { impl_->service->run(); });
  if (!eventually([this] { return impl_->service->port() != 0; }, std::chrono::seconds(5))) {
    throw std::runtime_error("the gateway did not start listening");
  }
}

GatewayHarness::~GatewayHarness() {
  impl_->service->stop();
  impl_->thread.join();
  impl_->service.reset();
  std::error_code ignored;
  fs::remove_all(impl_->dir, ignored);
}

std::uint16_t GatewayHarness::port() const { return impl_->service->port(); }
service::Service& GatewayHarness::service() { return *impl_->service; }

Reply GatewayHarness::call(const std::string& method, const std::string& target, const std::string& body,
                           const std::string& token, const std::string& extra_headers) {
  std::string headers = extra_headers;
  if (!token.empty()) headers += "Authorization: Bearer " + token + "\r\n";
  return http::testing::json_call(port(), method, target, body, headers);
}

const auth::testing::TokenFactory& GatewayHarness::tokens() {
  static const auth::testing::TokenFactory factory("gateway-test-key");
  return factory;
}

std::string GatewayHarness::token(const std::string& subject, const std::vector<std::string>& roles) const {
  return tokens().token_for(subject, roles);
}

void GatewayHarness::write_routes(const std::string& text) {
  const fs::path next = impl_->dir / "routes.json.next";
  write_file(next, text);
  fs::rename(next, impl_->routes_file);
}

double GatewayHarness::metric(const std::string& series) {
  const std::string text = impl_->service->metrics().render();
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 && line[series.size()] == ' ') {
      return std::stod(line.substr(series.size() + 1));
    }
  }
  return -1;
}

bool GatewayHarness::wait_for_instances(const std::string& service, int count, std::chrono::milliseconds timeout) {
  const std::string series = "dt_gateway_upstream_instances{service=\"" + service + "\"}";
  return eventually([&] { return metric(series) == count; }, timeout);
}

}  // namespace dt::gateway::testing
