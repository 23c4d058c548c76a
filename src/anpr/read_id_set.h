// ReadIdSet: the set of (camera, detection id) pairs already seen, the memory of SCREENING.md's
// "the same pair seen twice is one read". Exact (keys are compared byte for byte, the hash only
// finds them), compact (one 8-byte slot plus the key bytes per read: about 22 bytes a read) and
// built for a stream of millions of inserts: callers pass a precomputed hash and may Prefetch a
// few reads ahead to hide the memory latency. Single-threaded.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/huge_pages.h"
#include "core/string_map.h"

namespace hh {

class ReadIdSet {
 public:
  explicit ReadIdSet(size_t expected) {
    size_t cap = 1024;
    while (cap * 3 < expected * 4) cap *= 2;  // load factor at most 0.75
    slots_ = ZeroedArray<uint64_t>(cap);
    arena_.Reserve(expected * 16);  // grown by doubling when the guess was low
  }

  static uint64_t Hash(uint32_t camera, std::string_view id) {
    return HashBytes(id.data(), id.size(), 0x5851F42D4C957F2DULL * (camera + 1));
  }

  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }

  // Adds the pair; false if it was there already. camera < 2^24.
  bool Insert(uint64_t hash, uint32_t camera, std::string_view id) {
    const uint64_t mask = slots_.size() - 1;
    const uint32_t tag = static_cast<uint32_t>(hash >> 32);
    uint64_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
      const uint64_t s = slots_[i];
      if (s == 0) break;
      if (static_cast<uint32_t>(s >> 32) == tag &&
          Equals(static_cast<uint32_t>(s) - 1, camera, id)) {
        return false;
      }
    }
    const size_t need = used_ + id.size() + 8;
    if (need >= UINT32_MAX) throw std::length_error("ReadIdSet: more than 4 GiB of detection ids");
    if (need > arena_.capacity()) arena_.Grow(std::max(need, arena_.capacity() * 2), used_);
    slots_[i] = (static_cast<uint64_t>(tag) << 32) | (used_ + 1);
    char* w = arena_.data() + used_;
    w[0] = static_cast<char>(camera);
    w[1] = static_cast<char>(camera >> 8);
    w[2] = static_cast<char>(camera >> 16);
    size_t n = 3;
    if (id.size() < 255) {
      w[n++] = static_cast<char>(id.size());
    } else {
      w[n++] = static_cast<char>(255);
      uint32_t len = static_cast<uint32_t>(id.size());
      std::memcpy(w + n, &len, 4);
      n += 4;
    }
    std::memcpy(w + n, id.data(), id.size());
    used_ += n + id.size();
    if (++size_ * 4 > slots_.size() * 3) Grow();
    return true;
  }

  size_t size() const { return size_; }

 private:
  // The camera and id stored at arena offset off.
  uint32_t Decode(uint32_t off, std::string_view* id) const {
    const char* p = arena_.data() + off;
    uint32_t cam = static_cast<uint8_t>(p[0]) | static_cast<uint8_t>(p[1]) << 8 |
                   static_cast<uint32_t>(static_cast<uint8_t>(p[2])) << 16;
    size_t len = static_cast<uint8_t>(p[3]);
    p += 4;
    if (len == 255) {
      uint32_t l;
      std::memcpy(&l, p, 4);
      len = l;
      p += 4;
    }
    *id = std::string_view(p, len);
    return cam;
  }

  bool Equals(uint32_t off, uint32_t camera, std::string_view id) const {
    std::string_view stored;
    return Decode(off, &stored) == camera && stored == id;
  }

  void Grow() {
    ZeroedArray<uint64_t> old = std::move(slots_);
    slots_ = ZeroedArray<uint64_t>(old.size() * 2);
    const uint64_t mask = slots_.size() - 1;
    for (uint64_t s : old) {
      if (s == 0) continue;
      std::string_view id;
      uint32_t cam = Decode(static_cast<uint32_t>(s) - 1, &id);
      uint64_t i = Hash(cam, id) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  ZeroedArray<uint64_t> slots_;  // 0 empty; else (hash high 32 bits << 32) | (arena offset + 1)
  RawBuffer arena_;  // [0, used_): per key camera (3 bytes), length (1 or 1+4), id bytes
  size_t used_ = 0;
  size_t size_ = 0;
};

}  // namespace hh
