#pragma once
// Reading the few S3 XML answers the client needs (UploadId, ETag, Key lists, Error Code/Message) and writing
// the CompleteMultipartUpload body. S3's documents are flat and predictable; a full XML parser would add a
// dependency for nothing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dt::storage {

// The text of the first <tag>...</tag> element, entities decoded; nullopt when there is none.
std::optional<std::string> xml_text(std::string_view xml, std::string_view tag);
// The texts of every <tag>...</tag> element, in order.
std::vector<std::string> xml_texts(std::string_view xml, std::string_view tag);
// &, <, >, " and ' as entities.
std::string xml_escape(std::string_view text);

}  // namespace dt::storage
