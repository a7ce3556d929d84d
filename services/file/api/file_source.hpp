#pragma once
// FileSource: the bytes of the uploaded file, pulled in pieces from a streaming request body: the body itself
// (a raw upload) or the part named "file" of a multipart/form-data body. Neither holds more than one network
// read (64 KiB) of it.
#include <array>
#include <memory>
#include <span>
#include <string>

#include "async/awaitable.hpp"
#include "file/domain/multipart_parser.hpp"
#include "http/body_reader.hpp"

namespace dt::file::api {

class FileSource {
 public:
  virtual ~FileSource() = default;
  // The next bytes of the file; 0 at its end (a multipart body then has been read and checked to its closing
  // boundary). Throws dt::Problem 400 for a malformed or truncated body (and what BodyReader throws).
  virtual Awaitable<std::size_t> read_some(std::span<char> into) = 0;
  // The name the client gave the file (a multipart filename); may be empty.
  virtual std::string filename() const = 0;
};

class RawFileSource final : public FileSource {
 public:
  RawFileSource(http::BodyReader& body, std::string filename) : body_(body), filename_(std::move(filename)) {}
  Awaitable<std::size_t> read_some(std::span<char> into) override { return body_.read_some(into); }
  std::string filename() const override { return filename_; }

 private:
  http::BodyReader& body_;
  std::string filename_;
};

class MultipartFileSource final : public FileSource {
 public:
  MultipartFileSource(http::BodyReader& body, std::string boundary);
  Awaitable<std::size_t> read_some(std::span<char> into) override;
  std::string filename() const override { return parser_.filename(); }

 private:
  http::BodyReader& body_;
  MultipartParser parser_;
  std::unique_ptr<std::array<char, 64 * 1024>> chunk_;
  std::string ready_;  // file bytes parsed but not yet handed out
  std::size_t ready_offset_ = 0;
  bool ended_ = false;
};

}  // namespace dt::file::api
