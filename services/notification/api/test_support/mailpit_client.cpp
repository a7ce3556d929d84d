#include "notification/api/test_support/mailpit_client.hpp"

#include <curl/curl.h>

#include <boost/json/parse.hpp>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <thread>

namespace dt::notification::testing {
namespace {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string escape(const std::string& text) {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  char* escaped = curl_easy_escape(curl.get(), text.c_str(), static_cast<int>(text.size()));
  std::string out(escaped);
  curl_free(escaped);
  return out;
}

// method GET or DELETE; returns the body; throws unless the status is 2xx.
std::string request(const std::string& method, const std::string& url) {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  std::string body;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 10'000L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  const CURLcode result = curl_easy_perform(curl.get());
  if (result != CURLE_OK) throw std::runtime_error("mailpit " + url + ": " + curl_easy_strerror(result));
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) {
    throw std::runtime_error("mailpit " + method + " " + url + ": HTTP " + std::to_string(status) + " " + body);
  }
  return body;
}

std::string text_of(const boost::json::value* value) {
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : "";
}

Mail mail_of(const boost::json::object& o) {
  Mail mail;
  mail.id = text_of(o.if_contains("ID"));
  mail.message_id = text_of(o.if_contains("MessageID"));
  if (const auto* from = o.if_contains("From"); from && from->is_object()) {
    mail.from = text_of(from->as_object().if_contains("Address"));
  }
  if (const auto* to = o.if_contains("To"); to && to->is_array()) {
    for (const auto& address : to->as_array()) {
      if (!address.is_object()) continue;
      if (mail.to.empty()) mail.to_name = text_of(address.as_object().if_contains("Name"));
      mail.to.push_back(text_of(address.as_object().if_contains("Address")));
    }
  }
  mail.subject = text_of(o.if_contains("Subject"));
  mail.created = text_of(o.if_contains("Created"));
  if (mail.created.empty()) mail.created = text_of(o.if_contains("Date"));
  mail.text = text_of(o.if_contains("Text"));
  mail.html = text_of(o.if_contains("HTML"));
  return mail;
}

}  // namespace

MailpitClient::MailpitClient(std::string base_url) : base_url_(std::move(base_url)) {
  if (base_url_.empty()) {
    const char* url = std::getenv("DT_MAILPIT_URL");
    if (url == nullptr || *url == '\0') {
      throw std::runtime_error("DT_MAILPIT_URL is not set: infra/mailpit.sh start && . infra/env.sh");
    }
    base_url_ = url;
  }
}

std::vector<Mail> MailpitClient::search(const std::string& query) const {
  const auto body = boost::json::parse(request("GET", base_url_ + "/api/v1/search?limit=500&query=" + escape(query)));
  std::vector<Mail> mails;
  if (const auto* messages = body.as_object().if_contains("messages"); messages && messages->is_array()) {
    for (const auto& m : messages->as_array()) {
      if (m.is_object()) mails.push_back(mail_of(m.as_object()));
    }
  }
  return mails;
}

Mail MailpitClient::message(const std::string& id) const {
  return mail_of(boost::json::parse(request("GET", base_url_ + "/api/v1/message/" + escape(id))).as_object());
}

std::vector<Mail> MailpitClient::wait_for(const std::string& query, std::size_t count,
                                          std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto mails = search(query);
    if (mails.size() >= count || std::chrono::steady_clock::now() >= deadline) return mails;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void MailpitClient::delete_matching(const std::string& query) const {
  request("DELETE", base_url_ + "/api/v1/search?query=" + escape(query));
}

}  // namespace dt::notification::testing
