#include "http/test_support/raw_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace dt::http::testing {

std::string RawResponse::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

struct RawClient::Impl {
  int fd = -1;
  std::string pending;

  // Reads more bytes into pending; false on close or timeout.
  bool fill(std::chrono::steady_clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buf[65536];
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return false;
    pending.append(buf, static_cast<std::size_t>(n));
    return true;
  }
};

RawClient::RawClient(std::uint16_t port) : impl_(std::make_unique<Impl>()) {
  impl_->fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(impl_->fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(impl_->fd);
    impl_->fd = -1;
    throw std::runtime_error("connect failed");
  }
  int one = 1;
  ::setsockopt(impl_->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

RawClient::~RawClient() {
  if (impl_->fd >= 0) ::close(impl_->fd);
}

void RawClient::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto n = ::send(impl_->fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server may legitimately close while we write hostile input
    sent += static_cast<std::size_t>(n);
  }
}

void RawClient::finish_sending() { ::shutdown(impl_->fd, SHUT_WR); }

std::optional<RawResponse> RawClient::read_response(std::chrono::milliseconds timeout, bool head, bool skip_interim) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto& buf = impl_->pending;
  std::size_t end_of_head;
  while ((end_of_head = buf.find("\r\n\r\n")) == std::string::npos) {
    if (!impl_->fill(deadline)) return std::nullopt;
  }
  RawResponse r;
  const std::string head_text = buf.substr(0, end_of_head);
  buf.erase(0, end_of_head + 4);
  std::size_t line_end = head_text.find("\r\n");
  const std::string status_line = head_text.substr(0, line_end);
  r.status = std::stoi(status_line.substr(9, 3));
  while (line_end != std::string::npos) {
    const auto start = line_end + 2;
    line_end = head_text.find("\r\n", start);
    const auto line = head_text.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    auto value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    r.headers[name] = value;
  }
  if (r.status == 100) return skip_interim ? read_response(timeout, head) : std::optional<RawResponse>(r);
  std::size_t length = 0;
  if (auto it = r.headers.find("content-length"); it != r.headers.end()) length = std::stoul(it->second);
  if (head) length = 0;
  while (buf.size() < length) {
    if (!impl_->fill(deadline)) return std::nullopt;
  }
  r.body = buf.substr(0, length);
  buf.erase(0, length);
  return r;
}

bool RawClient::closed_by_server(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{impl_->fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buf[4096];
    const auto n = ::recv(impl_->fd, buf, sizeof buf, 0);
    if (n <= 0) return true;
  }
}

std::optional<RawResponse> RawClient::request(const std::string& method, const std::string& target,
                                              const std::string& body, const std::string& extra_headers) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers;
  if (!body.empty() || method == "POST" || method == "PUT")
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n" + body;
  send(req);
  return read_response(std::chrono::seconds(5), method == "HEAD");
}

}  // namespace dt::http::testing
