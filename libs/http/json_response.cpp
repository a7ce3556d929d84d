#include "http/json_response.hpp"

#include <boost/json/serialize.hpp>

namespace dt::http {

Response json_response(int status, const boost::json::value& body) {
  return Response::json_text(status, boost::json::serialize(body));
}

}  // namespace dt::http
