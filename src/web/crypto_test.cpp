// Passwords (argon2id at libsodium's minimum cost, so the test is fast), tokens and hashes.
#include "web/crypto.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

TEST(CryptoTest, HashAndVerify) {
  auto h = HashPassword("correct horse battery", PasswordCost::ForTests());
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword(*h, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword(*h, ""));
  EXPECT_FALSE(VerifyPassword("", "correct horse battery"));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "correct horse battery"));
  // Salted: the same password hashes differently each time.
  auto again = HashPassword("correct horse battery", PasswordCost::ForTests());
  EXPECT_NE(*h, *again);
  EXPECT_TRUE(VerifyPassword(*again, "correct horse battery"));
}

TEST(CryptoTest, InteractiveCostIsStoredInTheHash) {
  const PasswordCost c = PasswordCost::Interactive();
  EXPECT_EQ(c.ops, 2u);
  EXPECT_EQ(c.mem_bytes, 64u << 20);
}

TEST(CryptoTest, PasswordPolicy) {
  EXPECT_EQ(CheckPasswordPolicy("short").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckPasswordPolicy("elevenchars").code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(CheckPasswordPolicy("twelve chars").ok());
  EXPECT_EQ(CheckPasswordPolicy(std::string(1025, 'x')).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(CheckPasswordPolicy(std::string(1024, 'x')).ok());
}

TEST(CryptoTest, TokensAndDigests) {
  const std::string a = RandomHex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, RandomHex(32));
  EXPECT_EQ(TokenDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(TokenDigest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
}

}  // namespace
}  // namespace hh
