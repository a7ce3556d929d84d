#pragma once
// MultipartParser: a multipart/form-data body (RFC 7578), pushed through in pieces of any size, yielding the
// content of its one file part (the part named "file") as it goes; the other parts (form fields) are skipped.
// Memory: the part being parsed keeps at most a part head (8 KiB) or a boundary's length of bytes.
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dt::file {

// A malformed body, for a 400: no boundary, a part head too large, text where a boundary must be, a body that
// ends before its closing boundary, no part named "file" or two of them.
class MultipartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The boundary parameter of a multipart/form-data Content-Type (quoted or not, 1-70 characters); nullopt when
// the type is not multipart/form-data. Throws MultipartError when it is but the boundary is missing or invalid.
std::optional<std::string> form_data_boundary(std::string_view content_type);

class MultipartParser {
 public:
  using Sink = std::function<void(std::string_view)>;
  static constexpr std::size_t kMaxPartHead = 8 * 1024;

  explicit MultipartParser(std::string boundary);

  // The next bytes of the body; the file part's content goes to `file_bytes` (in order, possibly in several
  // calls per feed). Throws MultipartError.
  void feed(std::string_view bytes, const Sink& file_bytes);
  // The body has ended: throws MultipartError unless the closing boundary came and there was a file part.
  void finish() const;

  // The file part's filename parameter (as sent; may be empty), once its head has been read.
  const std::string& filename() const { return filename_; }

 private:
  enum class State { preamble, after_boundary, part_head, part_body, epilogue };
  void read_part_head(std::string_view head);

  std::string delimiter_;  // "\r\n--" + boundary
  std::string buffer_;     // bytes fed but not consumed yet
  State state_ = State::preamble;
  bool in_file_part_ = false;
  bool file_seen_ = false;
  std::string filename_;
};

}  // namespace dt::file
