#include "anpr/read_key.h"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace hh {

static_assert(crypto_shorthash_KEYBYTES == sizeof(ReadKeySecret), "SipHash-2-4 takes 16 bytes");
static_assert(crypto_shorthash_BYTES == sizeof(uint64_t), "SipHash-2-4 gives 8 bytes");

namespace {

// libsodium must be initialised once before use (its documentation: sodium_init "initializes
// the library and should be called before any other function"); a function-local static makes
// that once and thread-safe. sodium_init returns 0, or 1 when already initialised, or -1.
void InitSodium() {
  static const bool kReady = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    return true;
  }();
  (void)kReady;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

uint64_t ReadKey(const ReadKeySecret& secret, std::string_view camera_id,
                 std::string_view detection_id) {
  InitSodium();
  if (camera_id.size() > UINT32_MAX) throw std::length_error("ReadKey: camera_id of 4 GiB");
  const size_t len = 4 + camera_id.size() + detection_id.size();
  // Camera and detection ids are short: a stack buffer nearly always does.
  unsigned char stack[256];
  std::string heap;
  unsigned char* buf = stack;
  if (len > sizeof stack) {
    heap.resize(len);
    buf = reinterpret_cast<unsigned char*>(heap.data());
  }
  const auto cam_len = static_cast<uint32_t>(camera_id.size());
  for (int i = 0; i < 4; ++i) buf[i] = static_cast<unsigned char>(cam_len >> (8 * i));
  if (!camera_id.empty()) std::memcpy(buf + 4, camera_id.data(), camera_id.size());
  if (!detection_id.empty()) {
    std::memcpy(buf + 4 + camera_id.size(), detection_id.data(), detection_id.size());
  }
  unsigned char out[crypto_shorthash_BYTES];
  crypto_shorthash(out, buf, len, secret.data());
  uint64_t key = 0;
  for (int i = 7; i >= 0; --i) key = key << 8 | out[i];
  return key;
}

ReadKeySecret NewReadKeySecret() {
  InitSodium();
  ReadKeySecret s;
  crypto_shorthash_keygen(s.data());
  return s;
}

std::string ReadKeySecretToHex(const ReadKeySecret& secret) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * secret.size());
  for (unsigned char b : secret) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

Result<ReadKeySecret> ReadKeySecretFromHex(std::string_view hex) {
  ReadKeySecret s;
  if (hex.size() != 2 * s.size()) {
    return InvalidArgument("read key secret: expected 32 hex digits, found " +
                           std::to_string(hex.size()) + " characters");
  }
  for (size_t i = 0; i < s.size(); ++i) {
    const int hi = HexValue(hex[2 * i]);
    const int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      return InvalidArgument("read key secret: character " +
                             std::to_string(2 * i + (hi < 0 ? 1 : 2)) + " is not a hex digit");
    }
    s[i] = static_cast<unsigned char>(hi << 4 | lo);
  }
  return s;
}

void KnownReads::Reserve(size_t keys) {
  size_t cap = 16;
  while (cap < keys * 2) cap *= 2;  // load at most one half
  if (cap > slots_.size()) Rehash(cap);
}

void KnownReads::Add(uint64_t key) {
  if (key == 0) {
    if (!has_zero_) ++size_;
    has_zero_ = true;
    return;
  }
  if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.empty() ? 16 : slots_.size() * 2);
  uint64_t i = Slot(key);
  for (; slots_[i] != 0; i = (i + 1) & mask_) {
    if (slots_[i] == key) return;
  }
  slots_[i] = key;
  ++size_;
}

void KnownReads::Rehash(size_t capacity) {
  ZeroedArray<uint64_t> old = std::move(slots_);
  slots_ = ZeroedArray<uint64_t>(capacity);
  mask_ = capacity - 1;
  shift_ = 64 - __builtin_ctzll(capacity);
  for (uint64_t k : old) {
    if (k == 0) continue;
    uint64_t i = Slot(k);
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = k;
  }
}

}  // namespace hh
