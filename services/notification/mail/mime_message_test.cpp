#include "notification/mail/mime_message.hpp"

#include "digest/base64.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace dt::notification::mail {
namespace {

// The encoded words of a header value, each decoded on its own.
std::vector<std::string> decoded_words(const std::string& value) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while ((pos = value.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const auto end = value.find("?=", pos + 10);
    words.push_back(digest::base64_decode(value.substr(pos + 10, end - pos - 10)));
    EXPECT_LE(end + 2 - pos, 75u) << "an encoded word longer than 75 characters";
    pos = end + 2;
  }
  return words;
}

std::vector<std::string> crlf_lines(const std::string& message) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < message.size()) {
    const auto end = message.find("\r\n", pos);
    if (end == std::string::npos) {
      lines.push_back(message.substr(pos));
      break;
    }
    lines.push_back(message.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

TEST(HeaderText, PrintableAsciiStaysAsItIs) {
  EXPECT_EQ(encode_header_text("Welcome to DriveTest, Ada"), "Welcome to DriveTest, Ada");
}

TEST(HeaderText, VietnameseBecomesEncodedWordsThatDecodeBack) {
  const std::string subject = "Chào mừng Nguyễn Thị Minh Khai đến với DriveTest — ôn thi lý thuyết lái xe hạng B2";
  const auto encoded = encode_header_text(subject);
  EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u);
  std::string joined;
  for (const auto& word : decoded_words(encoded)) {
    ASSERT_FALSE(word.empty());
    EXPECT_NE(static_cast<unsigned char>(word.front()) & 0xC0, 0x80) << "a word starts inside a UTF-8 character";
    joined += word;
  }
  EXPECT_EQ(joined, subject);
  EXPECT_NE(encoded.find("\r\n "), std::string::npos) << "folded onto continuation lines";
}

TEST(HeaderText, LineBreaksCannotStartAnotherHeader) {
  EXPECT_EQ(encode_header_text("Hi\r\nBcc: eve@example.org"), "Hi  Bcc: eve@example.org");
}

TEST(Address, NamesAreQuotedOrEncoded) {
  EXPECT_EQ(format_address("", "ada@example.org"), "<ada@example.org>");
  EXPECT_EQ(format_address("Ada Lovelace", "ada@example.org"), "\"Ada Lovelace\" <ada@example.org>");
  EXPECT_EQ(format_address("Ada \"the\" <Countess>", "ada@example.org"),
            "\"Ada \\\"the\\\" <Countess>\" <ada@example.org>");
  const auto encoded = format_address("Trần Văn Bình", "binh@example.org");
  EXPECT_EQ(encoded.substr(encoded.size() - 19), " <binh@example.org>");
  EXPECT_EQ(decoded_words(encoded), std::vector<std::string>{"Trần Văn Bình"});
}

TEST(Date, Rfc5322InUtc) {
  EXPECT_EQ(rfc5322_date(std::chrono::system_clock::from_time_t(1795602350)), "Wed, 25 Nov 2026 10:25:50 +0000");
}

TEST(MessageId, FromTheEventIdStably) {
  EXPECT_EQ(message_id_for_event("0d0b6a4e-2b55-4a57-a3f4-5be8f0b0c7a1"),
            "0d0b6a4e-2b55-4a57-a3f4-5be8f0b0c7a1@notification.drivetest");
  const auto odd = message_id_for_event("id with <spaces>");
  EXPECT_EQ(odd, message_id_for_event("id with <spaces>"));
  EXPECT_EQ(odd.size(), 64u + std::string("@notification.drivetest").size());
  EXPECT_EQ(odd.find(' '), std::string::npos);
}

TEST(Message, MultipartAlternativeWithBase64Utf8Parts) {
  MailHeaders headers{.from_name = "DriveTest",
                      .from_address = "no-reply@drivetest.local",
                      .to_name = "Lan",
                      .to_address = "lan@example.org",
                      .message_id = "e-1@notification.drivetest",
                      .date = std::chrono::system_clock::from_time_t(1795602350)};
  MailContent content{.subject = "Chào mừng Lan đến với DriveTest",
                      .text = "Xin chào Lan,\n" + std::string(300, 'x') + "\n",
                      .html = "<p>Xin chào Lan,</p>"};
  const std::string message = build_message(headers, content);

  EXPECT_EQ(message.find('\n', 0) - 1, message.find("\r\n")) << "CRLF line ends";
  for (std::size_t pos = message.find('\n'); pos != std::string::npos; pos = message.find('\n', pos + 1)) {
    ASSERT_EQ(message[pos - 1], '\r') << "a bare LF at " << pos;
  }
  const auto lines = crlf_lines(message);
  for (const auto& line : lines) EXPECT_LE(line.size(), 78u) << line;

  EXPECT_NE(message.find("From: \"DriveTest\" <no-reply@drivetest.local>\r\n"), std::string::npos);
  EXPECT_NE(message.find("To: \"Lan\" <lan@example.org>\r\n"), std::string::npos);
  EXPECT_NE(message.find("Message-ID: <e-1@notification.drivetest>\r\n"), std::string::npos);
  EXPECT_NE(message.find("Date: Wed, 25 Nov 2026 10:25:50 +0000\r\n"), std::string::npos);
  EXPECT_NE(message.find("MIME-Version: 1.0\r\n"), std::string::npos);

  const auto type = message.find("Content-Type: multipart/alternative; boundary=\"");
  ASSERT_NE(type, std::string::npos);
  const auto start = type + 47;
  const std::string boundary = message.substr(start, message.find('"', start) - start);
  const auto text_part = message.find("--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n");
  const auto html_part = message.find("--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\n");
  const auto end = message.find("--" + boundary + "--\r\n");
  ASSERT_NE(text_part, std::string::npos);
  ASSERT_NE(html_part, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  EXPECT_LT(text_part, html_part);
  EXPECT_LT(html_part, end);

  // The text part's body, decoded.
  const auto body_start = message.find("\r\n\r\n", text_part) + 4;
  std::string base64;
  for (const auto& line : crlf_lines(message.substr(body_start, html_part - body_start))) base64 += line;
  EXPECT_EQ(digest::base64_decode(base64), content.text);
}

TEST(Base64Lines, SeventySixCharactersALine) {
  const auto lines = crlf_lines(base64_lines(std::string(200, 'a')));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].size(), 76u);
  EXPECT_EQ(lines[2].size(), 76u);
  EXPECT_EQ(lines[3].size(), 268u - 3 * 76u);
}

}  // namespace
}  // namespace dt::notification::mail
