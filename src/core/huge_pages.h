// HugeVector<T>: a std::vector whose large buffers (2 MiB and more) are mapped on 2 MiB
// boundaries and advised to the kernel as transparent huge pages (madvise MADV_HUGEPAGE).
// For the big hash tables and arenas of bulk imports: touching them then takes one page fault
// per 2 MiB instead of one per 4 KiB, which on a virtual machine is a tenth of screening's time.
// Small buffers come from the ordinary allocator. Where huge pages are off, nothing changes.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace hh {

inline constexpr size_t kHugePage = size_t{2} << 20;

inline void* AllocateHuge(size_t bytes) {
  const size_t size = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  // Map one huge page more than needed and trim, so the buffer starts on a 2 MiB boundary.
  void* raw =
      ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  // Pointer arithmetic on the mapping itself (no integer-to-pointer casts).
  char* const base = static_cast<char*>(raw);
  const size_t lead = (kHugePage - reinterpret_cast<uintptr_t>(raw) % kHugePage) % kHugePage;
  char* const aligned = base + lead;
  if (lead > 0) ::munmap(base, lead);
  const size_t trail = kHugePage - lead;  // the mapping is size + kHugePage long
  if (trail > 0) ::munmap(aligned + size, trail);
  ::madvise(aligned, size, MADV_HUGEPAGE);
  return aligned;
}

inline void FreeHuge(void* p, size_t bytes) {
  ::munmap(p, (bytes + kHugePage - 1) / kHugePage * kHugePage);
}

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT(google-explicit-constructor)

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    return static_cast<T*>(AllocateHuge(bytes));
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) {
      ::operator delete(p);
    } else {
      FreeHuge(p, bytes);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

// ZeroedArray<T>: a fixed-size array of a trivial type, all zero, on huge pages. Fresh anonymous
// memory is zero already, so unlike vector::assign it writes nothing up front: pages are touched
// (and zeroed by the kernel) only when used. For hash-table slot arrays. Move-only.
template <typename T>
class ZeroedArray {
  static_assert(std::is_trivial_v<T>);

 public:
  ZeroedArray() = default;
  explicit ZeroedArray(size_t n) : size_(n) {
    if (n == 0) return;
    data_ = HugePageAllocator<T>().allocate(n);
    // A huge-page buffer is a fresh mapping, zero-filled by the kernel; a small one is not.
    if (n * sizeof(T) < kHugePage) std::memset(static_cast<void*>(data_), 0, n * sizeof(T));
  }
  ZeroedArray(ZeroedArray&& o) noexcept : data_(o.data_), size_(o.size_) {
    o.data_ = nullptr;
    o.size_ = 0;
  }
  ZeroedArray& operator=(ZeroedArray&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    return *this;
  }
  ZeroedArray(const ZeroedArray&) = delete;
  ZeroedArray& operator=(const ZeroedArray&) = delete;
  ~ZeroedArray() {
    if (data_ != nullptr) HugePageAllocator<T>().deallocate(data_, size_);
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

 private:
  T* data_ = nullptr;
  size_t size_ = 0;
};

// RawBuffer: bytes on huge pages that are not initialised (a vector<char> would write zeros over
// memory the kernel has just zeroed). For arenas written front to back. Move-only.
class RawBuffer {
 public:
  RawBuffer() = default;
  explicit RawBuffer(size_t capacity) { Reserve(capacity); }
  RawBuffer(RawBuffer&& o) noexcept : data_(o.data_), capacity_(o.capacity_) {
    o.data_ = nullptr;
    o.capacity_ = 0;
  }
  RawBuffer& operator=(RawBuffer&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(capacity_, o.capacity_);
    return *this;
  }
  RawBuffer(const RawBuffer&) = delete;
  RawBuffer& operator=(const RawBuffer&) = delete;
  ~RawBuffer() {
    if (data_ != nullptr) HugePageAllocator<char>().deallocate(data_, capacity_);
  }

  char* data() { return data_; }
  const char* data() const { return data_; }
  size_t capacity() const { return capacity_; }
  // Grows to at least `capacity`, keeping the first `used` bytes.
  void Grow(size_t capacity, size_t used) {
    if (capacity <= capacity_) return;
    char* fresh = HugePageAllocator<char>().allocate(capacity);
    if (used > 0) std::memcpy(fresh, data_, used);
    if (data_ != nullptr) HugePageAllocator<char>().deallocate(data_, capacity_);
    data_ = fresh;
    capacity_ = capacity;
  }
  void Reserve(size_t capacity) { Grow(capacity, 0); }

 private:
  char* data_ = nullptr;
  size_t capacity_ = 0;
};

}  // namespace hh
