#include "csv/csv_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hh {
namespace {

constexpr size_t kInitialBuffer = 1 << 20;  // 1 MiB: large enough for fast reads, small in RSS
// Bytes after the usable buffer, so that 16-byte loads near its end stay inside the allocation.
constexpr size_t kPad = 64;
// A quoted field still open after this many bytes is taken as a stray quote (see ParseRecord).
constexpr size_t kMaxQuotedField = 8 << 20;

// The first position in [p, n) holding the separator `sep`, '\n' or '"', or n. b must have kPad
// readable bytes past n.
inline size_t ScanPlain(const char* b, size_t p, size_t n, char sep) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(sep);
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i quote = _mm_set1_epi8('"');
  while (p < n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + p));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, newline)),
                     _mm_cmpeq_epi8(v, quote));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) {
      const size_t q = p + static_cast<size_t>(__builtin_ctz(mask));
      return q < n ? q : n;
    }
    p += 16;
  }
  return n;
#else
  while (p < n && b[p] != sep && b[p] != '\n' && b[p] != '"') ++p;
  return p;
#endif
}

size_t CountNewlines(const char* p, size_t n) {
  size_t count = 0;
  const char* end = p + n;
  while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr) {
    ++count;
    ++p;
  }
  return count;
}

Result<std::unique_ptr<CsvReader>> Open(const std::string& path, int* fd_out, uint64_t* size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    std::string msg = path + ": cannot open: " + std::strerror(err);
    if (err == ENOENT) return NotFound(msg);
    return Unavailable(msg);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Unavailable(path + ": not a regular file");
  }
  *fd_out = fd;
  *size = static_cast<uint64_t>(st.st_size);
  return std::unique_ptr<CsvReader>();
}

}  // namespace

CsvReader::~CsvReader() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::unique_ptr<CsvReader>> CsvReader::OpenFile(const std::string& path) {
  return OpenFileRange(path, 0, UINT64_MAX, 1);
}

Result<std::unique_ptr<CsvReader>> CsvReader::OpenFileRange(const std::string& path, uint64_t begin,
                                                            uint64_t end, uint64_t first_line) {
  return OpenFileRange(path, begin, end, first_line, std::string());
}

Result<std::unique_ptr<CsvReader>> CsvReader::OpenFileRange(const std::string& path, uint64_t begin,
                                                            uint64_t end, uint64_t first_line,
                                                            std::string&& buffer) {
  int fd = -1;
  uint64_t size = 0;
  auto opened = Open(path, &fd, &size);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->fd_ = fd;
  r->source_size_ = size;
  r->limit_ = end;
  r->read_off_ = begin;
  r->base_ = begin;
  r->line_ = first_line;
  r->at_start_ = begin == 0;
  r->buf_ = std::move(buffer);
  if (r->buf_.size() < kInitialBuffer + kPad) r->buf_.resize(kInitialBuffer + kPad);
  r->cap_ = r->buf_.size() - kPad;
  return r;
}

std::unique_ptr<CsvReader> CsvReader::FromString(std::string text, char separator) {
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->sep_ = separator;
  r->source_size_ = text.size();
  r->limit_ = UINT64_MAX;
  r->len_ = text.size();
  r->cap_ = text.size();
  r->buf_ = std::move(text);
  r->buf_.resize(r->cap_ + kPad);
  r->eof_ = true;
  return r;
}

bool CsvReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, len_ - pos_);
    base_ += pos_;
    len_ -= pos_;
    pos_ = 0;
  }
  if (len_ == cap_) {  // one record larger than the buffer
    cap_ *= 2;
    buf_.resize(cap_ + kPad);
  }
  for (;;) {
    ssize_t got = ::pread(fd_, buf_.data() + len_, cap_ - len_, static_cast<off_t>(read_off_));
    if (got < 0) {
      if (errno == EINTR) continue;
      io_status_ = Unavailable(std::string("read error: ") + std::strerror(errno));
      eof_ = true;
      return false;
    }
    if (got == 0) {
      eof_ = true;
      return false;
    }
    read_off_ += static_cast<uint64_t>(got);
    len_ += static_cast<size_t>(got);
    return true;
  }
}

#if defined(__SSE2__)
// The common case, a record without any double quote, 16 bytes at a time: every comma of a chunk
// ends a field, the first line break ends the record. Returns 1 when the record was read, 0 when
// the buffer ended first (more input needed), -1 when a quote came before the line break (the
// caller then reads the record the general way).
int CsvReader::ParsePlainRecord(CsvRecord* rec) {
  const char* b = buf_.data();
  const size_t n = len_;
  size_t p = pos_;
  size_t fstart = p;
  const __m128i comma = _mm_set1_epi8(sep_);
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i quote = _mm_set1_epi8('"');
  while (p < n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + p));
    unsigned commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)));
    unsigned stops = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, quote))));
    if (n - p < 16) {  // bytes past the data are not data
      const unsigned valid = (1u << (n - p)) - 1;
      commas &= valid;
      stops &= valid;
    }
    if (stops != 0) {
      const unsigned at = static_cast<unsigned>(__builtin_ctz(stops));
      if (b[p + at] == '"') return -1;
      commas &= (1u << at) - 1;  // only the commas before the line break
      while (commas != 0) {
        const size_t c = p + static_cast<size_t>(__builtin_ctz(commas));
        rec->fields.emplace_back(b + fstart, c - fstart);
        fstart = c + 1;
        commas &= commas - 1;
      }
      size_t end = p + at;
      if (end > fstart && b[end - 1] == '\r') --end;
      rec->fields.emplace_back(b + fstart, end - fstart);
      pos_ = p + at + 1;
      line_ += 1;
      return 1;
    }
    while (commas != 0) {
      const size_t c = p + static_cast<size_t>(__builtin_ctz(commas));
      rec->fields.emplace_back(b + fstart, c - fstart);
      fstart = c + 1;
      commas &= commas - 1;
    }
    p += 16;
  }
  if (!eof_) return 0;
  // The last record of the input, without a final line break.
  size_t end = n;
  if (end > fstart && b[end - 1] == '\r') --end;
  rec->fields.emplace_back(b + fstart, end - fstart);
  pos_ = n;
  return 1;
}
#endif

bool CsvReader::ParseRecord(CsvRecord* rec) {
  rec->fields.clear();
  rec->error = nullptr;
  escaped_.clear();
#if defined(__SSE2__)
  switch (ParsePlainRecord(rec)) {
    case 1:
      return true;
    case 0:
      return false;
    default:
      rec->fields.clear();
      break;  // quoted fields: the general way below
  }
#endif
  char* b = buf_.data();
  const size_t n = len_;
  size_t p = pos_;
  size_t newlines = 0;
  for (;;) {  // one field per iteration
    const size_t fstart = p;
    if (p < n && b[p] == '"') {
      ++p;
      const size_t qstart = p;
      const size_t newlines_before = newlines;
      bool escapes = false;
      size_t qend;
      for (;;) {
        const char* q = static_cast<const char*>(std::memchr(b + p, '"', n - p));
        if (q == nullptr) {
          if (!eof_ && n - qstart < kMaxQuotedField) return false;
          // No closing quote before the end of the input (or within kMaxQuotedField bytes): the
          // quote is a mistake. The record ends with the line it opened on, and reading goes on
          // with the next line, so one stray quote does not swallow the rest of the file.
          rec->error = "a quoted field is never closed";
          const char* nl = static_cast<const char*>(std::memchr(b + qstart, '\n', n - qstart));
          size_t end = nl != nullptr ? static_cast<size_t>(nl - b) : n;
          pos_ = nl != nullptr ? end + 1 : n;
          if (end > qstart && b[end - 1] == '\r') --end;
          rec->fields.emplace_back(b + qstart, end - qstart);
          line_ += newlines_before + (nl != nullptr ? 1 : 0);
          return true;
        }
        size_t qi = static_cast<size_t>(q - b);
        newlines += CountNewlines(b + p, qi - p);
        if (qi + 1 == n && !eof_) return false;
        if (qi + 1 < n && b[qi + 1] == '"') {
          escapes = true;
          p = qi + 2;
          continue;
        }
        qend = qi;
        p = qi + 1;
        break;
      }
      // After the closing quote: a separator, a line end, or the end of the input.
      if (p == n) {
        if (!eof_) return false;
        if (escapes) escaped_.push_back(static_cast<uint32_t>(rec->fields.size()));
        rec->fields.emplace_back(b + qstart, qend - qstart);
        pos_ = p;
        line_ += newlines;
        return true;
      }
      char c = b[p];
      if (c == '\r' && p + 1 == n && !eof_) return false;
      if (c == sep_ || c == '\n' || (c == '\r' && (p + 1 == n || b[p + 1] == '\n'))) {
        if (escapes) escaped_.push_back(static_cast<uint32_t>(rec->fields.size()));
        rec->fields.emplace_back(b + qstart, qend - qstart);
        if (c == sep_) {
          ++p;
          continue;
        }
        p += (c == '\r' && p + 1 < n) ? 2 : 1;
        pos_ = p;
        line_ += newlines + 1;
        return true;
      }
      // Text after the closing quote: keep the record (flagged) and scan on as plain text.
      // Text after the closing quote: keep the record, flagged, and scan the rest of this
      // field as plain text.
      rec->error = "text after the closing quote of a field";
    }
    // Plain (unquoted) field, or the rest of a malformed quoted one.
    for (;;) {
      p = ScanPlain(b, p, n, sep_);
      if (p == n) {
        if (!eof_) return false;
        size_t end = n;
        if (end > fstart && b[end - 1] == '\r') --end;
        rec->fields.emplace_back(b + fstart, end - fstart);
        pos_ = n;
        line_ += newlines;
        return true;
      }
      if (b[p] == '"') {
        if (rec->error == nullptr) rec->error = "a double quote inside an unquoted field";
        ++p;
        continue;
      }
      break;
    }
    if (b[p] == sep_) {
      rec->fields.emplace_back(b + fstart, p - fstart);
      ++p;
      continue;
    }
    // b[p] == '\n'
    size_t end = p;
    if (end > fstart && b[end - 1] == '\r') --end;
    rec->fields.emplace_back(b + fstart, end - fstart);
    pos_ = p + 1;
    line_ += newlines + 1;
    return true;
  }
}

bool CsvReader::Next(CsvRecord* rec) {
  for (;;) {
    if (pos_ == len_ && !Fill()) return false;
    if (at_start_) {
      // A UTF-8 byte-order mark is not data.
      if (len_ - pos_ < 3 && Fill()) continue;
      if (len_ - pos_ >= 3 && std::memcmp(buf_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
      at_start_ = false;
      continue;
    }
    if (base_ + pos_ >= limit_) return false;
    // Empty lines are no records.
    char c = buf_[pos_];
    if (c == '\n') {
      ++pos_;
      ++line_;
      continue;
    }
    if (c == '\r') {
      if (pos_ + 1 == len_ && Fill()) continue;
      if (pos_ + 1 < len_ && buf_[pos_ + 1] == '\n') {
        pos_ += 2;
        ++line_;
        continue;
      }
    }
    const uint64_t line = line_;
    const uint64_t offset = base_ + pos_;
    // ParseRecord changes nothing when it runs out of buffer; Fill() then moves the record to
    // the front of the buffer and reads more. Once the input is exhausted (eof_), it succeeds.
    while (!ParseRecord(rec)) {
      if (!Fill() && !io_status_.ok()) return false;
    }
    rec->line = line;
    rec->offset = offset;
    // Undo "" escapes in place (the text only shrinks).
    for (uint32_t i : escaped_) {
      std::string_view f = rec->fields[i];
      char* w = const_cast<char*>(f.data());
      size_t out = 0;
      for (size_t r = 0; r < f.size(); ++r) {
        w[out++] = f[r];
        if (f[r] == '"' && r + 1 < f.size() && f[r + 1] == '"') ++r;
      }
      rec->fields[i] = std::string_view(f.data(), out);
    }
    return true;
  }
}

Result<std::vector<uint64_t>> CutAtLineBreaks(const std::string& path, uint64_t start,
                                              uint64_t size, size_t block_bytes) {
  std::vector<uint64_t> cuts{start};
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Unavailable(path + ": cannot open: " + std::strerror(errno));
  char buf[4096];
  uint64_t p = start + block_bytes;
  while (p < size) {
    ssize_t got = ::pread(fd, buf, sizeof buf, static_cast<off_t>(p));
    if (got <= 0) break;
    const char* nl = static_cast<const char*>(std::memchr(buf, '\n', static_cast<size_t>(got)));
    if (nl == nullptr) {
      p += static_cast<uint64_t>(got);
      continue;
    }
    uint64_t cut = p + static_cast<uint64_t>(nl - buf) + 1;
    if (cut >= size) break;
    cuts.push_back(cut);
    p = cut + block_bytes;
  }
  ::close(fd);
  return cuts;
}

void AppendCsvField(std::string& out, std::string_view field, char separator) {
  const char special[] = {separator, '"', '\r', '\n'};
  if (field.find_first_of(std::string_view(special, sizeof special)) == std::string_view::npos) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string CsvField(std::string_view field, char separator) {
  std::string out;
  AppendCsvField(out, field, separator);
  return out;
}

Result<std::vector<int>> LocateColumns(const CsvRecord& header,
                                       const std::vector<std::string_view>& wanted) {
  std::vector<int> idx(wanted.size(), -1);
  for (size_t w = 0; w < wanted.size(); ++w) {
    for (size_t i = 0; i < header.fields.size(); ++i) {
      if (header.fields[i] == wanted[w]) {
        if (idx[w] != -1) {
          return InvalidArgument("line " + std::to_string(header.line) + ", field " +
                                 std::string(wanted[w]) + ": column appears twice in the header");
        }
        idx[w] = static_cast<int>(i);
      }
    }
    if (idx[w] == -1) {
      return InvalidArgument("line " + std::to_string(header.line) + ", field " +
                             std::string(wanted[w]) + ": column missing from the header");
    }
  }
  return idx;
}

}  // namespace hh
