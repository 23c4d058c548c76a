#include "anpr/permit_index.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "core/parallel.h"
#include "core/radix_sort.h"
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

uint64_t PermitIndex::Hash(std::string_view plate) {
  return HashBytes(plate.data(), plate.size(), 17);
}

void PermitIndex::Builder::Add(std::string_view plate, uint32_t zone, Instant from, Instant to) {
  pending_.push_back({Hash(plate), static_cast<uint32_t>(plate_text_.size()),
                      static_cast<uint32_t>(plate.size()), zone, from, to});
  plate_text_.append(plate);
}

void PermitIndex::Build() {
  std::vector<Builder> parts(1);
  std::swap(parts[0], single_);
  Build(parts);
}

void PermitIndex::Build(std::vector<Builder>& parts) {
  // A permit is named by (part << kPartShift) | index in its part.
  constexpr uint32_t kPartShift = 27;
  if (parts.size() > 32) throw std::length_error("PermitIndex: more than 32 builders");
  size_t total = 0;
  for (const Builder& b : parts) {
    if (b.pending_.size() >= (size_t{1} << kPartShift))
      throw std::length_error("PermitIndex: too many permits");
    total += b.pending_.size();
  }
  auto pending_of = [&](uint32_t g) -> const Pending& {
    return parts[g >> kPartShift].pending_[g & ((1u << kPartShift) - 1)];
  };
  auto plate_of = [&](uint32_t g) {
    const Pending& p = pending_of(g);
    return std::string_view(parts[g >> kPartShift].plate_text_.data() + p.plate_off, p.plate_len);
  };
  // Group the permits by plate: sort by hash, then, in the rare run of equal hashes that holds
  // more than one plate (a 64-bit collision), by plate.
  // The sort key is the hash with its halves swapped: equal hashes still meet, and since the
  // low bits (the slot) lead, records are placed in slot order and the table fills front to back.
  HugeVector<KeyedIndex> keyed;
  keyed.reserve(total);
  for (uint32_t part = 0; part < parts.size(); ++part) {
    const HugeVector<Pending>& pending = parts[part].pending_;
    for (uint32_t i = 0; i < pending.size(); ++i) {
      keyed.push_back({pending[i].hash << 32 | pending[i].hash >> 32, part << kPartShift | i});
    }
  }
  GroupByKey(keyed);
  // Group starts: where the hash changes, or, in the rare run of one hash holding two plates (a
  // 64-bit collision), where the plate does.
  std::vector<uint32_t> starts;
  starts.reserve(keyed.size() / 2 + 1);
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i + 1;
    while (j < keyed.size() && keyed[j].key == keyed[i].key) ++j;
    const std::string_view first_plate = plate_of(keyed[i].index);
    bool mixed = false;
    for (size_t k = i + 1; k < j && !mixed; ++k) mixed = plate_of(keyed[k].index) != first_plate;
    if (!mixed) {
      starts.push_back(static_cast<uint32_t>(i));
    } else {
      std::stable_sort(keyed.begin() + static_cast<std::ptrdiff_t>(i),
                       keyed.begin() + static_cast<std::ptrdiff_t>(j),
                       [&](const KeyedIndex& a, const KeyedIndex& b) {
                         return plate_of(a.index) < plate_of(b.index);
                       });
      for (size_t k = i; k < j; ++k) {
        if (k == i || plate_of(keyed[k].index) != plate_of(keyed[k - 1].index)) {
          starts.push_back(static_cast<uint32_t>(k));
        }
      }
    }
    i = j;
  }
  const size_t groups = starts.size();
  starts.push_back(static_cast<uint32_t>(keyed.size()));
  // Each record's place in the arena, so that two threads can write the records.
  std::vector<uint64_t> offsets(groups + 1);
  uint64_t words = 0;
  for (size_t g = 0; g < groups; ++g) {
    offsets[g] = words;
    const size_t plate_len = plate_of(keyed[starts[g]].index).size();
    words += (sizeof(RecordHeader) + PaddedPlate(plate_len) +
              (starts[g + 1] - starts[g]) * sizeof(Span) + 7) /
             8;
  }
  offsets[groups] = words;
  if (words + 1 >= (uint64_t{1} << 32)) throw std::length_error("PermitIndex: too many permits");
  arena_.assign(words, 0);
  ForHalves(groups, [&](size_t begin, size_t end) {
    for (size_t g = begin; g < end; ++g) {
      const size_t i = starts[g];
      const size_t j = starts[g + 1];
      const std::string_view plate = plate_of(keyed[i].index);
      char* rec = reinterpret_cast<char*>(arena_.data() + offsets[g]);
      RecordHeader h{static_cast<uint32_t>(j - i), static_cast<uint32_t>(plate.size())};
      std::memcpy(rec, &h, sizeof h);
      std::memcpy(rec + sizeof h, plate.data(), plate.size());
      char* spans = rec + sizeof h + PaddedPlate(plate.size());
      for (size_t k = i; k < j; ++k) {
        const Pending& p = pending_of(keyed[k].index);
        Span s{p.from, p.to, p.zone};
        std::memcpy(spans + (k - i) * sizeof(Span), &s, sizeof s);
      }
    }
  });
  // The slots, in slot order (the sort put the groups so): the table fills front to back.
  size_t cap = 16;
  while (cap < groups * 2) cap *= 2;  // load factor at most 0.5: short probes
  slots_ = ZeroedArray<uint64_t>(cap);
  mask_ = cap - 1;
  plates_ = groups;
  for (size_t g = 0; g < groups; ++g) {
    const uint64_t hash = pending_of(keyed[starts[g]].index).hash;
    uint64_t slot = hash & mask_;
    while (slots_[slot] != 0) slot = (slot + 1) & mask_;
    slots_[slot] = (hash >> 32 << 32) | (offsets[g] + 1);
  }
  permit_count_ = total;
  for (Builder& b : parts) b = Builder();
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
    if (h.plate_len == plate.size() &&
        std::memcmp(rec + sizeof h, plate.data(), plate.size()) == 0) {
      return rec;
    }
  }
}

const char* PermitIndex::Candidate(uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
    const uint64_t s = slots_[i];
    if (s == 0) return nullptr;
    if (static_cast<uint32_t>(s >> 32) == tag) {
      return reinterpret_cast<const char*>(arena_.data() + (static_cast<uint32_t>(s) - 1));
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
