#pragma once
#include <string>
#include <string_view>

#include "http/headers.hpp"

namespace dt::http {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  // A JSON body already serialized (see http/json_response.hpp to render a boost::json::value).
  static Response json_text(int status, std::string body);
  static Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  static Response no_content();
};

}  // namespace dt::http
