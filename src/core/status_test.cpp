#include "core/status.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace hh {
namespace {

TEST(Status, CodesPrintByName) {
  std::ostringstream os;
  os << StatusCode::kInvalidArgument << " " << StatusCode::kUnavailable;
  EXPECT_EQ(os.str(), "INVALID_ARGUMENT UNAVAILABLE");
  EXPECT_EQ(InvalidArgument("x").ToString(), "INVALID_ARGUMENT: x");
  EXPECT_EQ(Status().ToString(), "OK");
}

TEST(Result, HoldsAValueOrTheStatusThatExplainsItsAbsence) {
  Result<std::string> good(std::string("case 7"));
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, "case 7");
  Result<std::string> bad(NotFound("no such case"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(bad.status().message(), "no such case");
}

}  // namespace
}  // namespace hh
