#include "file/domain/multipart_parser.hpp"

#include <algorithm>
#include <cctype>

namespace dt::file {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of parameter `name` in "type; a=1; b=\"two\"" (case-insensitive name, quotes and \-escapes undone).
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
  constexpr auto npos = std::string_view::npos;
  std::size_t i = header.find(';');
  while (i != npos && i < header.size()) {
    ++i;
    const auto eq = header.find('=', i);
    const auto semicolon = header.find(';', i);
    if (eq == npos || (semicolon != npos && semicolon < eq)) {  // a parameter without a value
      i = semicolon;
      continue;
    }
    const auto key = lower(trim(header.substr(i, eq - i)));
    i = eq + 1;
    while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
    std::string value;
    if (i < header.size() && header[i] == '"') {
      for (++i; i < header.size() && header[i] != '"'; ++i) {
        if (header[i] == '\\' && i + 1 < header.size()) ++i;
        value += header[i];
      }
      i = header.find(';', std::min(i + 1, header.size()));
    } else {
      const auto end = header.find(';', i);
      value = std::string(trim(header.substr(i, end == npos ? npos : end - i)));
      i = end;
    }
    if (key == name) return value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> form_data_boundary(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  if (lower(trim(content_type.substr(0, semicolon))) != "multipart/form-data") return std::nullopt;
  auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) {
    throw MultipartError("a multipart/form-data body needs a boundary parameter of 1 to 70 characters");
  }
  return boundary;
}

MultipartParser::MultipartParser(std::string boundary) : delimiter_("\r\n--" + boundary) {
  buffer_ = "\r\n";  // the first boundary may open the body: it then has no CRLF of its own before it
}

void MultipartParser::feed(std::string_view bytes, const Sink& file_bytes) {
  buffer_.append(bytes);
  std::size_t pos = 0;
  bool progress = true;
  while (progress) {
    progress = false;
    const std::string_view rest = std::string_view(buffer_).substr(pos);
    switch (state_) {
      case State::preamble:
      case State::part_body: {
        const auto at = rest.find(delimiter_);
        // Up to a delimiter, or all but a tail that could start one.
        const auto end = at != std::string_view::npos ? at : rest.size() - std::min(rest.size(), delimiter_.size() - 1);
        if (state_ == State::part_body && in_file_part_ && end > 0) file_bytes(rest.substr(0, end));
        pos += end;
        if (at != std::string_view::npos) {
          pos += delimiter_.size();
          in_file_part_ = false;
          state_ = State::after_boundary;
          progress = true;
        }
        break;
      }
      case State::after_boundary:
        if (rest.size() < 2) break;
        if (rest.substr(0, 2) == "--") {
          state_ = State::epilogue;
        } else if (rest.substr(0, 2) == "\r\n") {
          state_ = State::part_head;
        } else {
          throw MultipartError("malformed multipart body: a boundary is followed by neither CRLF nor \"--\"");
        }
        pos += 2;
        progress = true;
        break;
      case State::part_head: {
        const auto end = rest.find("\r\n\r\n");
        if (end == std::string_view::npos) {
          if (rest.size() > kMaxPartHead) throw MultipartError("a multipart part head is larger than 8 KiB");
          break;
        }
        if (end > kMaxPartHead) throw MultipartError("a multipart part head is larger than 8 KiB");
        read_part_head(rest.substr(0, end + 2));
        pos += end + 4;
        state_ = State::part_body;
        progress = true;
        break;
      }
      case State::epilogue:
        pos = buffer_.size();
        break;
    }
  }
  buffer_.erase(0, pos);
}

void MultipartParser::read_part_head(std::string_view head) {
  std::optional<std::string> name;
  std::string filename;
  while (!head.empty()) {
    const auto eol = head.find("\r\n");
    const auto line = head.substr(0, eol);
    head.remove_prefix(std::min(head.size(), eol + 2));
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (lower(trim(line.substr(0, colon))) != "content-disposition") continue;
    const auto value = line.substr(colon + 1);
    name = parameter(value, "name");
    filename = parameter(value, "filename").value_or("");
  }
  if (name != "file") return;
  if (file_seen_) throw MultipartError("the multipart body has more than one part named \"file\"");
  file_seen_ = true;
  in_file_part_ = true;
  filename_ = std::move(filename);
}

void MultipartParser::finish() const {
  if (state_ != State::epilogue) {
    throw MultipartError("the multipart body ends before its closing boundary (was the upload cut short?)");
  }
  if (!file_seen_) throw MultipartError("the multipart body has no part named \"file\"");
}

}  // namespace dt::file
