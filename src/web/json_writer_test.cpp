// JsonWriter against nlohmann::json's reading of what it wrote: every escape a case field can
// need, nesting, commas and the scalar forms.
#include "web/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace hh {
namespace {

TEST(JsonWriterTest, EscapesWhatJsonRequires) {
  // A quote, a backslash, the named controls, other controls, DEL and UTF-8 (kept as is).
  const std::string tricky =
      std::string("a\"b\\c\nd\re\tf\x01g\x1fh\x7f") + "\xc3\xa9 \xe2\x82\xac";
  JsonWriter w;
  w.BeginObject().Key("s").String(tricky).Key("k\"ey").Int(-5).EndObject();
  EXPECT_EQ(w.text(),
            "{\"s\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\x7f\xc3\xa9 \xe2\x82\xac\","
            "\"k\\\"ey\":-5}");
  const nlohmann::json j = nlohmann::json::parse(w.text());
  EXPECT_EQ(j["s"], tricky);
  EXPECT_EQ(j["k\"ey"], -5);
}

TEST(JsonWriterTest, PlacesCommasInNestedContainers) {
  JsonWriter w;
  w.BeginObject().Key("cases").BeginArray();
  for (int i = 0; i < 3; ++i) {
    w.BeginObject().Key("id").Int(i).Key("warning").Bool(i == 1).Key("due_on").Null().EndObject();
  }
  w.EndArray().Key("empty").BeginArray().EndArray().Key("next").String("x").EndObject();
  EXPECT_EQ(
      w.text(),
      "{\"cases\":[{\"id\":0,\"warning\":false,\"due_on\":null},"
      "{\"id\":1,\"warning\":true,\"due_on\":null},{\"id\":2,\"warning\":false,\"due_on\":null}],"
      "\"empty\":[],\"next\":\"x\"}");
  const nlohmann::json j = nlohmann::json::parse(w.Take());
  EXPECT_EQ(j["cases"].size(), 3U);
  EXPECT_TRUE(j["cases"][1]["warning"].get<bool>());
  EXPECT_TRUE(j["empty"].empty());
}

}  // namespace
}  // namespace hh
