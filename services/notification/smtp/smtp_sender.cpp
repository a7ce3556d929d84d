// SmtpSender: libcurl's SMTP client on worker threads, bridged to coroutines.
#include "notification/smtp/smtp_sender.hpp"

#include <curl/curl.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstring>
#include <mutex>
#include <string_view>

namespace dt::notification::smtp {
namespace {

namespace asio = boost::asio;

struct CurlHandleDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// The calling worker's curl handle: kept for the thread's life, so its connection is reused.
CURL* worker_handle() {
  thread_local std::unique_ptr<CURL, CurlHandleDeleter> handle(curl_easy_init());
  if (!handle) throw SmtpError("libcurl: cannot create a handle", false, 0);
  return handle.get();
}

struct Upload {
  std::string_view data;
  std::size_t sent = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->sent);
  std::memcpy(buffer, upload->data.data() + upload->sent, n);
  upload->sent += n;
  return n;
}

long curl_use_ssl(StartTls starttls) {
  switch (starttls) {
    case StartTls::off:
      return CURLUSESSL_NONE;
    case StartTls::try_it:
      return CURLUSESSL_TRY;
    case StartTls::required:
      return CURLUSESSL_ALL;
  }
  return CURLUSESSL_NONE;
}

}  // namespace

bool is_permanent_failure(long smtp_code) {
  if (smtp_code == 530 || smtp_code == 534 || smtp_code == 535 || smtp_code == 538) return false;
  return smtp_code >= 500 && smtp_code < 600;
}

struct SmtpSender::Impl {
  explicit Impl(SmtpSettings s) : settings(std::move(s)), pool(static_cast<std::size_t>(settings.connections)) {}

  void send_blocking(const std::string& to, const std::string& message) const {
    CURL* curl = worker_handle();
    curl_easy_reset(curl);  // options only: the connection stays in the handle's cache
    Upload upload{message};
    char error[CURL_ERROR_SIZE] = "";
    const std::string from = "<" + settings.from_address + ">";
    std::unique_ptr<curl_slist, SlistDeleter> recipients(curl_slist_append(nullptr, ("<" + to + ">").c_str()));
    const long timeout = static_cast<long>(settings.timeout.count());

    curl_easy_setopt(curl, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, curl_use_ssl(settings.starttls));
    if (!settings.username.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, settings.username.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, &read_message);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));

    const CURLcode result = curl_easy_perform(curl);
    if (result == CURLE_OK) return;
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    std::string text = "SMTP " + settings.url + ": " + curl_easy_strerror(result);
    if (error[0] != '\0') text += " (" + std::string(error) + ")";
    if (code != 0) text += ", server replied " + std::to_string(code);
    throw SmtpError(text, is_permanent_failure(code), code);
  }

  SmtpSettings settings;
  asio::thread_pool pool;
};

SmtpSender::SmtpSender(SmtpSettings settings) {
  static std::once_flag curl_initialised;
  std::call_once(curl_initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_ = std::make_unique<Impl>(std::move(settings));
}

SmtpSender::~SmtpSender() { impl_->pool.join(); }

Awaitable<void> SmtpSender::send(std::string to, std::string message) {
  // A coroutine with parameters rather than a lambda with captures: GCC 12 destroys a coroutine lambda's
  // captures twice when co_spawn owns the lambda.
  auto on_worker = send_on_worker(*impl_, std::move(to), std::move(message));
  co_await asio::co_spawn(impl_->pool.get_executor(), std::move(on_worker), asio::use_awaitable);
}

Awaitable<void> SmtpSender::send_on_worker(const Impl& impl, std::string to, std::string message) {
  impl.send_blocking(to, message);
  co_return;
}

const SmtpSettings& SmtpSender::settings() const { return impl_->settings; }

}  // namespace dt::notification::smtp
