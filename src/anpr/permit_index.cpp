#include "anpr/permit_index.h"

#include <algorithm>
#include <cstring>
#include <utility>
#include <stdexcept>

#include "core/string_map.h"

namespace hh {
namespace {

// A record: uint32 span count, uint32 plate length, the plate padded to 8 bytes, then the spans.
struct RecordHeader {
  uint32_t spans;
  uint32_t plate_len;
};

size_t PaddedPlate(size_t len) { return (len + 7) / 8 * 8; }

}  // namespace

uint64_t PermitIndex::Hash(std::string_view plate) { return HashBytes(plate.data(), plate.size(), 17); }

void PermitIndex::Add(std::string_view plate, uint32_t zone, Instant from, Instant to) {
  pending_.push_back({Hash(plate), static_cast<uint32_t>(plate_text_.size()),
                      static_cast<uint32_t>(plate.size()), zone, from, to});
  plate_text_.append(plate);
}

void PermitIndex::Build() {
  // Group the permits by plate: sort (hash, index) pairs by hash, then, in the rare run of equal
  // hashes that holds more than one plate, by plate.
  auto plate_of = [&](uint32_t i) {
    return std::string_view(plate_text_.data() + pending_[i].plate_off, pending_[i].plate_len);
  };
  std::vector<std::pair<uint64_t, uint32_t>> keyed(pending_.size());
  for (uint32_t i = 0; i < pending_.size(); ++i) keyed[i] = {pending_[i].hash, i};
  std::sort(keyed.begin(), keyed.end());
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i + 1;
    while (j < keyed.size() && keyed[j].first == keyed[i].first) ++j;
    if (j - i > 1) {
      std::stable_sort(keyed.begin() + static_cast<std::ptrdiff_t>(i),
                       keyed.begin() + static_cast<std::ptrdiff_t>(j),
                       [&](const auto& a, const auto& b) { return plate_of(a.second) < plate_of(b.second); });
    }
    i = j;
  }
  std::vector<uint32_t> order(keyed.size());
  for (size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].second;
  std::vector<std::pair<uint64_t, uint32_t>>().swap(keyed);
  size_t groups = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || pending_[order[i]].hash != pending_[order[i - 1]].hash ||
        plate_of(order[i]) != plate_of(order[i - 1])) {
      ++groups;
    }
  }
  size_t cap = 16;
  while (cap < groups * 2) cap *= 2;  // load factor at most 0.5: short probes
  slots_.assign(cap, 0);
  mask_ = cap - 1;
  arena_.clear();
  arena_.reserve(groups * 2 + pending_.size() * (sizeof(Span) + 7) / 8 + 1);
  plates_ = groups;
  for (size_t i = 0; i < order.size();) {
    const Pending& first = pending_[order[i]];
    std::string_view plate = plate_of(order[i]);
    size_t j = i + 1;
    while (j < order.size() && pending_[order[j]].hash == first.hash && plate_of(order[j]) == plate) {
      ++j;
    }
    const size_t off = arena_.size();
    if (off + 1 >= (uint64_t{1} << 32)) throw std::length_error("PermitIndex: too many permits");
    const size_t words = (sizeof(RecordHeader) + PaddedPlate(plate.size()) + (j - i) * sizeof(Span) + 7) / 8;
    arena_.resize(off + words, 0);
    char* rec = reinterpret_cast<char*>(arena_.data() + off);
    RecordHeader h{static_cast<uint32_t>(j - i), static_cast<uint32_t>(plate.size())};
    std::memcpy(rec, &h, sizeof h);
    std::memcpy(rec + sizeof h, plate.data(), plate.size());
    char* spans = rec + sizeof h + PaddedPlate(plate.size());
    for (size_t k = i; k < j; ++k) {
      const Pending& p = pending_[order[k]];
      Span s{p.from, p.to, p.zone};
      std::memcpy(spans + (k - i) * sizeof(Span), &s, sizeof s);
    }
    uint64_t slot = first.hash & mask_;
    while (slots_[slot] != 0) slot = (slot + 1) & mask_;
    slots_[slot] = (first.hash >> 32 << 32) | (static_cast<uint64_t>(off) + 1);
    i = j;
  }
  // The builder's copies are no longer needed.
  permit_count_ = pending_.size();
  std::vector<Pending>().swap(pending_);
  std::string().swap(plate_text_);
}

const char* PermitIndex::Find(uint64_t hash, std::string_view plate) const {
  if (slots_.empty()) return nullptr;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
    const uint64_t s = slots_[i];
    if (s == 0) return nullptr;
    if (static_cast<uint32_t>(s >> 32) != tag) continue;
    const char* rec = reinterpret_cast<const char*>(arena_.data() + (static_cast<uint32_t>(s) - 1));
    RecordHeader h;
    std::memcpy(&h, rec, sizeof h);
    if (h.plate_len == plate.size() && std::memcmp(rec + sizeof h, plate.data(), plate.size()) == 0) {
      return rec;
    }
  }
}

bool PermitIndex::Covers(const char* rec, uint32_t zone, Instant at) {
  RecordHeader h;
  std::memcpy(&h, rec, sizeof h);
  const char* spans = rec + sizeof h + PaddedPlate(h.plate_len);
  for (uint32_t k = 0; k < h.spans; ++k) {
    Span s;
    std::memcpy(&s, spans + k * sizeof(Span), sizeof s);
    if ((s.zone == zone || s.zone == kAnyZone) && s.from <= at && at < s.to) return true;
  }
  return false;
}

}  // namespace hh
