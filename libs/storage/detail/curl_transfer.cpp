#include "storage/detail/curl_transfer.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <mutex>

#include "digest/digest.hpp"
#include "storage/storage_error.hpp"

namespace dt::storage::detail {
namespace {

constexpr std::size_t kMaxKeptBody = 1024 * 1024;
constexpr std::size_t kSignedBodyLimit = 64 * 1024;

// The worker thread's easy handle, reset before each request (its connection cache survives the reset).
struct Handle {
  CURL* curl = curl_easy_init();
  ~Handle() { curl_easy_cleanup(curl); }
};

struct State {
  const Transfer& transfer;
  TransferResult& result;
  CURL* curl;
  std::size_t sent = 0;
  std::exception_ptr sink_failure;
};

bool starts_with_name(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  return std::equal(name.begin(), name.end(), line.begin(),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

std::string header_value(std::string_view line, std::string_view name) {
  auto value = line.substr(name.size() + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  return std::string(value);
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& state = *static_cast<State*>(user);
  const std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a redirect or 100 Continue): start over
    state.result.etag.clear();
    state.result.content_type.clear();
    state.result.content_length.reset();
  } else if (starts_with_name(line, "etag")) {
    state.result.etag = header_value(line, "etag");
  } else if (starts_with_name(line, "content-type")) {
    state.result.content_type = header_value(line, "content-type");
  } else if (starts_with_name(line, "content-length")) {
    state.result.content_length = std::stoull(header_value(line, "content-length"));
  }
  return size * count;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& state = *static_cast<State*>(user);
  const std::string_view chunk(data, size * count);
  long status = 0;
  curl_easy_getinfo(state.curl, CURLINFO_RESPONSE_CODE, &status);
  if (state.transfer.sink && status >= 200 && status < 300) {
    try {
      state.transfer.sink(chunk);
    } catch (...) {
      state.sink_failure = std::current_exception();
      return 0;  // aborts the transfer
    }
    return chunk.size();
  }
  const auto room = kMaxKeptBody - std::min(kMaxKeptBody, state.result.body.size());
  state.result.body.append(chunk.substr(0, room));
  return chunk.size();
}

std::size_t on_read(char* into, std::size_t size, std::size_t count, void* user) {
  auto& state = *static_cast<State*>(user);
  const auto n = std::min(size * count, state.transfer.body.size() - state.sent);
  std::memcpy(into, state.transfer.body.data() + state.sent, n);
  state.sent += n;
  return n;
}

}  // namespace

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

TransferResult perform(const S3Options& options, const Transfer& transfer) {
  init_curl();
  thread_local Handle handle;
  CURL* curl = handle.curl;
  if (!curl) throw StorageError("cannot create a libcurl handle", 0, "InternalError");
  curl_easy_reset(curl);

  TransferResult result;
  State state{transfer, result, curl, 0, nullptr};
  const bool has_body = transfer.method == "PUT" || transfer.method == "POST";
  // Object data (parts of up to hundreds of MiB) goes as UNSIGNED-PAYLOAD, as the AWS SDKs send it over HTTPS:
  // hashing it for the signature would read every byte once more. Small bodies (XML, policies) are signed.
  const std::string payload_hash = has_body && transfer.body.size() > kSignedBodyLimit
                                       ? std::string("UNSIGNED-PAYLOAD")
                                       : digest::sha256_hex(has_body ? transfer.body : std::string_view());
  const std::string region = "aws:amz:" + options.region + ":s3";

  curl_slist* headers = nullptr;
  for (const auto& h : transfer.headers) headers = curl_slist_append(headers, h.c_str());
  headers = curl_slist_append(headers, ("x-amz-content-sha256: " + payload_hash).c_str());

  curl_easy_setopt(curl, CURLOPT_URL, transfer.url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, region.c_str());
  curl_easy_setopt(curl, CURLOPT_USERNAME, options.access_key.c_str());
  curl_easy_setopt(curl, CURLOPT_PASSWORD, options.secret_key.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.request_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &state);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &state);
  if (has_body) {
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, on_read);
    curl_easy_setopt(curl, CURLOPT_READDATA, &state);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(transfer.body.size()));
    if (transfer.method == "POST") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "POST");
  } else if (transfer.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (transfer.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, transfer.method.c_str());
  }

  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (state.sink_failure) std::rethrow_exception(state.sink_failure);
  if (code != CURLE_OK) {
    throw StorageError(
        transfer.method + " " + transfer.url + ": the object store is unreachable (" + curl_easy_strerror(code) + ")",
        0, "Unreachable");
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  result.status = static_cast<int>(status);
  return result;
}

}  // namespace dt::storage::detail
