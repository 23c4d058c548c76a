// JsonWriter: JSON text appended to a string as it is written, for the API's hot lists (the
// case list answers 50 rows per request; building a nlohmann::json tree of them first cost more
// than the query). Strings are escaped per RFC 8259 (", \ and control characters; UTF-8 passes
// through as it is). The caller writes a well-formed sequence; commas are placed by the writer.
// Not thread-safe; one per response.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hh {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The member name of the next value (inside an object).
  JsonWriter& Key(std::string_view name);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();
  void Quoted(std::string_view s);

  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace hh
