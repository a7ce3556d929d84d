#include "file/domain/multipart_parser.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::file;

const std::string kBoundary = "----dtBoundary7MA4YWxkTrZu0gW";

std::string form(const std::string& file_bytes, const std::string& filename = "photo.png") {
  return "preamble to ignore\r\n--" + kBoundary +
         "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" + kBoundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: image/jpeg\r\n\r\n" + file_bytes + "\r\n--" + kBoundary + "--\r\nepilogue";
}

// Parses `body` in pieces of `piece` bytes; returns the file's bytes.
std::string parse(const std::string& body, std::size_t piece, MultipartParser& parser) {
  std::string file;
  for (std::size_t at = 0; at < body.size(); at += piece) {
    parser.feed(std::string_view(body).substr(at, piece), [&](std::string_view bytes) { file.append(bytes); });
  }
  parser.finish();
  return file;
}

std::string tricky_bytes() {
  // Binary content with near-misses of the delimiter: CRLF, "--", and the boundary without its CRLF.
  std::string bytes = "\r\n-\r\n--\r\n--" + kBoundary.substr(0, 10) + "\r\n" + kBoundary + std::string("\0\xFF", 2);
  for (int i = 0; i < 5000; ++i) bytes += static_cast<char>(i * 131);
  return bytes + "\r\n";
}

TEST(MultipartParser, YieldsTheFilePartWhateverThePieces) {
  const auto content = tricky_bytes();
  for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{64}, std::size_t{100'000}}) {
    MultipartParser parser(kBoundary);
    EXPECT_EQ(parse(form(content), piece, parser), content) << "pieces of " << piece;
    EXPECT_EQ(parser.filename(), "photo.png");
  }
}

TEST(MultipartParser, TheFirstBoundaryMayOpenTheBody) {
  MultipartParser parser("b");
  const std::string body = "--b\r\nContent-Disposition: form-data; name=file\r\n\r\nabc\r\n--b--";
  EXPECT_EQ(parse(body, 2, parser), "abc");
  EXPECT_EQ(parser.filename(), "");
}

TEST(MultipartParser, ABodyCutShortIsAnError) {
  const auto body = form(std::string(10'000, 'x'));
  for (const std::size_t cut : {body.size() / 2, body.size() - 12, std::size_t{30}}) {
    MultipartParser parser(kBoundary);
    EXPECT_THROW(parse(body.substr(0, cut), 1000, parser), MultipartError) << "cut at " << cut;
  }
}

TEST(MultipartParser, RefusesBodiesWithoutExactlyOneFilePart) {
  MultipartParser none("b");
  EXPECT_THROW(parse("--b\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--b--", 5, none), MultipartError);
  MultipartParser two("b");
  const std::string part = "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n1\r\n";
  EXPECT_THROW(parse(part + part + "--b--", 5, two), MultipartError);
  MultipartParser garbage("b");
  EXPECT_THROW(parse("--bXX", 5, garbage), MultipartError);
  MultipartParser huge_head("b");
  EXPECT_THROW(parse("--b\r\nX-Big: " + std::string(10'000, 'a'), 100, huge_head), MultipartError);
}

TEST(FormDataBoundary, ReadsTheBoundaryParameter) {
  EXPECT_EQ(form_data_boundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(form_data_boundary("Multipart/Form-Data;charset=utf-8; BOUNDARY=\"a b;c\""), "a b;c");
  EXPECT_EQ(form_data_boundary("image/png"), std::nullopt);
  EXPECT_EQ(form_data_boundary(""), std::nullopt);
  EXPECT_THROW(form_data_boundary("multipart/form-data"), MultipartError);
  EXPECT_THROW(form_data_boundary("multipart/form-data; boundary=" + std::string(71, 'x')), MultipartError);
}

}  // namespace
