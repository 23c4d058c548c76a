// PermitIndex: the exemptions of SCREENING.md rule 3, laid out for fast lookups by plate. Built
// once from all permits (Add, then Build), immutable afterwards and safe to share between
// threads. Each plate's permits sit together with the plate itself in one arena record, so a
// lookup touches two cache lines at most (the slot and the record) and both can be prefetched
// ahead of use, which the screening engine does in batches.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/huge_pages.h"
#include "core/instant.h"

namespace hh {

class PermitIndex {
  struct Pending {
    uint64_t hash;
    uint32_t plate_off;
    uint32_t plate_len;
    uint32_t zone;
    Instant from;
    Instant to;
  };

 public:
  static constexpr uint32_t kAnyZone = UINT32_MAX;     // a permit for '*': every zone
  static constexpr uint32_t kNoZone = UINT32_MAX - 1;  // a zone no camera guards

  // Collects permits before Build; loaders filling parts of a file in parallel use one each.
  class Builder {
   public:
    // `plate` is normalised.
    void Add(std::string_view plate, uint32_t zone, Instant from, Instant to);
    void Reserve(size_t permits) {
      pending_.reserve(permits);
      plate_text_.reserve(permits * 8);
    }
    size_t size() const { return pending_.size(); }

   private:
    friend class PermitIndex;
    HugeVector<Pending> pending_;
    std::string plate_text_;
  };

  // Builds the index from the builders' permits (the builders are emptied).
  void Build(std::vector<Builder>& parts);
  // The same for permits given one by one with Add.
  void Add(std::string_view plate, uint32_t zone, Instant from, Instant to) {
    single_.Add(plate, zone, from, to);
  }
  void Build();

  static uint64_t Hash(std::string_view plate);
  void PrefetchSlot(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
  }
  // The record of `plate`, or nullptr when no permit names it.
  const char* Find(uint64_t hash, std::string_view plate) const;
  // The record Find would most likely return (the first slot whose hash tag matches; the plate
  // is not compared), or nullptr: for prefetching only.
  const char* Candidate(uint64_t hash) const;
  static void PrefetchRecord(const char* record) {
    if (record != nullptr) __builtin_prefetch(record);
  }
  // True when a permit in `record` covers `zone` at `at`: zone equal or '*', from <= at < to.
  static bool Covers(const char* record, uint32_t zone, Instant at);

  size_t plates() const { return plates_; }
  size_t permits() const { return permit_count_; }

 private:
  struct Span {  // in a record, after the header and the plate
    Instant from;
    Instant to;
    uint32_t zone;
  };

  Builder single_;
  ZeroedArray<uint64_t> slots_;  // 0 empty; else (hash high 32 << 32) | (record word offset + 1)
  uint64_t mask_ = 0;
  HugeVector<uint64_t> arena_;  // records, 8-byte aligned
  size_t plates_ = 0;
  size_t permit_count_ = 0;
};

}  // namespace hh
