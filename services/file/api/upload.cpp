#include "file/api/upload.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <memory>
#include <optional>
#include <random>
#include <vector>

#include "digest/digest.hpp"
#include "errors/problem.hpp"
#include "file/domain/media_probe.hpp"
#include "log/log.hpp"

namespace dt::file::api {
namespace {

using storage::CompletedPart;

// A multipart upload to the staging key, once the file has outgrown one part.
struct Staging {
  std::string key;
  std::string upload_id;
  std::vector<CompletedPart> parts;
  bool completed = false;  // the staging object exists
};

std::string random_hex() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  const auto a = generator();
  const auto b = generator();
  return digest::to_hex(reinterpret_cast<const unsigned char*>(&a), sizeof a) +
         digest::to_hex(reinterpret_cast<const unsigned char*>(&b), sizeof b);
}

// The client's name for the file, cut to 255 bytes on a UTF-8 character boundary.
std::string bounded_name(std::string name) {
  constexpr std::size_t kMax = 255;
  if (name.size() <= kMax) return name;
  std::size_t end = kMax;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
  name.resize(end);
  return name;
}

std::string limit_text(std::uint64_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// What comes in: the file's bytes read from the source into a part buffer, each byte through the probe, the
// digest and the size limit as it arrives.
struct Intake {
  Intake(FileSource& from, const FileSettings& limits) : source(from), settings(limits) {}

  FileSource& source;
  const FileSettings& settings;
  MediaProbe probe;
  digest::Sha256 hash;
  std::uint64_t size = 0;

  // Fills `into` (part_size bytes) from the source; fewer only at the end of the file. Throws 413 over the
  // size limit and 415 as soon as the bytes are no accepted media.
  Awaitable<std::size_t> fill(char* into) {
    std::size_t filled = 0;
    while (filled < settings.part_size) {
      const std::span<char> room(into + filled, settings.part_size - filled);
      const std::size_t n = co_await source.read_some(room);
      if (n == 0) break;
      const std::string_view bytes(into + filled, n);
      size += n;
      if (size > settings.max_bytes) {
        throw Problem::payload_too_large("the file is larger than the " + limit_text(settings.max_bytes) + " limit");
      }
      probe.feed(bytes);
      if (probe.verdict() == Sniff::Verdict::refused) throw Problem::unsupported_media_type(probe.refusal());
      hash.update(bytes);
      filled += n;
    }
    co_return filled;
  }
};

Awaitable<void> upload_part(FileApi& api, Staging& staging, std::string_view bytes) {
  const int number = static_cast<int>(staging.parts.size()) + 1;
  CompletedPart part;
  part.number = number;
  part.etag = co_await api.s3.upload_part(api.settings.private_bucket, staging.key, staging.upload_id, number, bytes);
  staging.parts.push_back(std::move(part));
}

// Best effort after a failure: nothing of a failed upload stays in the store.
Awaitable<void> discard(FileApi& api, const std::optional<Staging>& staging) {
  if (!staging) co_return;
  try {
    if (staging->completed) {
      co_await api.s3.delete_object(api.settings.private_bucket, staging->key);
    } else {
      co_await api.s3.abort_multipart(api.settings.private_bucket, staging->key, staging->upload_id);
    }
  } catch (const std::exception& e) {
    log::warn("could not clean up after a failed upload", {{"key", staging->key}, {"error", e.what()}});
  }
}

}  // namespace

Awaitable<UploadOutcome> store_upload(FileApi& api, FileSource& source, UploadSpec spec) {
  const FileSettings& settings = api.settings;
  const std::string& bucket = spec.visibility == "public" ? settings.public_bucket : settings.private_bucket;
  Intake intake(source, settings);
  MediaProbe& probe = intake.probe;
  // Not zero-filled: the pages of a small file's unused tail are never touched. The second buffer exists only
  // for a file larger than a part: it fills while the first one goes up.
  auto part = std::make_unique_for_overwrite<char[]>(settings.part_size);
  std::unique_ptr<char[]> next;
  std::size_t filled = 0;
  std::optional<Staging> staging;
  std::optional<UploadOutcome> outcome;
  std::exception_ptr failure;
  try {
    filled = co_await intake.fill(part.get());
    if (filled == settings.part_size) {
      Staging fresh;
      fresh.key = settings.key_prefix + "staging/" + random_hex();
      const std::string content_type(mime_type(*probe.type()));
      fresh.upload_id = co_await api.s3.create_multipart(settings.private_bucket, fresh.key, content_type);
      staging = std::move(fresh);
      next = std::make_unique_for_overwrite<char[]>(settings.part_size);
      const auto executor = co_await boost::asio::this_coro::executor;
      while (filled == settings.part_size) {
        // This part goes up while the next one comes in. Both run to their end (nothing is cancelled half-way),
        // then a failure of either is raised.
        const std::string_view full(part.get(), filled);
        auto both = boost::asio::experimental::make_parallel_group(
            boost::asio::co_spawn(executor, upload_part(api, *staging, full), boost::asio::deferred),
            boost::asio::co_spawn(executor, intake.fill(next.get()), boost::asio::deferred));
        auto [order, upload_failure, fill_failure, next_filled] =
            co_await both.async_wait(boost::asio::experimental::wait_for_all(), boost::asio::use_awaitable);
        if (fill_failure) std::rethrow_exception(fill_failure);
        if (upload_failure) std::rethrow_exception(upload_failure);
        filled = next_filled;
        std::swap(part, next);
      }
    }
    probe.finish();
    if (intake.size == 0) throw Problem::bad_request("the file is empty");
    if (probe.verdict() != Sniff::Verdict::media) throw Problem::unsupported_media_type(probe.refusal());

    store::FileRecord record;
    record.sha256 = intake.hash.hex();
    record.object_key = settings.key_prefix + record.sha256;
    record.visibility = spec.visibility;
    record.media_type = std::string(mime_type(*probe.type()));
    record.size = static_cast<std::int64_t>(intake.size);
    if (const auto dims = probe.dimensions()) {
      record.width = static_cast<std::int32_t>(dims->width);
      record.height = static_cast<std::int32_t>(dims->height);
    }
    record.original_name = bounded_name(source.filename());
    record.uploaded_by = spec.uploader;

    if (auto existing = co_await api.store.find(record.sha256)) {
      if (staging) {
        co_await api.s3.abort_multipart(settings.private_bucket, staging->key, staging->upload_id);
        staging.reset();
      }
      outcome = UploadOutcome{std::move(*existing), false};
    } else {
      if (staging) {
        const std::string_view last(part.get(), filled);
        if (filled > 0) co_await upload_part(api, *staging, last);
        co_await api.s3.complete_multipart(settings.private_bucket, staging->key, staging->upload_id, staging->parts);
        staging->completed = true;
        co_await api.s3.copy_object(settings.private_bucket, staging->key, bucket, record.object_key);
        co_await api.s3.delete_object(settings.private_bucket, staging->key);
        staging.reset();
      } else {
        const std::string_view whole(part.get(), filled);
        co_await api.s3.put_object(bucket, record.object_key, whole, record.media_type);
      }
      auto [stored, created] = co_await api.store.insert(std::move(record));
      outcome = UploadOutcome{std::move(stored), created};
    }
  } catch (...) {
    failure = std::current_exception();
  }
  if (failure) {
    co_await discard(api, staging);
    std::rethrow_exception(failure);
  }
  co_return std::move(*outcome);
}

}  // namespace dt::file::api
