// CsvReader: a streaming RFC 4180 reader. It reads a file through a fixed buffer (memory stays
// bounded whatever the file size), skips a UTF-8 byte-order mark, accepts CRLF or LF, and reports
// for each record the physical line on which it starts. Fields are views into the reader's
// buffer, valid until the next call to Next(). One reader belongs to one thread.
//
// Decisions beyond RFC 4180, written down in docs/formats.md: a completely empty line is no
// record (it is skipped); a record with bad quoting (a quote inside an unquoted field, text after
// a closing quote, a quote never closed) is still returned, with `error` set, and reading goes on
// with the next record, so one bad row never loses the rest of a file. A quote that is not closed
// before the end of the input, nor within 8 MiB, is a stray quote: its record ends with the line
// the quote opened on. (So a quoted field may hold at most 8 MiB.)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace hh {

struct CsvRecord {
  std::vector<std::string_view> fields;
  uint64_t line = 0;            // 1-based physical line on which the record starts
  uint64_t offset = 0;          // byte offset of the record's first byte in the source
  const char* error = nullptr;  // non-null: the record's quoting is malformed (fields partial)
};

class CsvReader {
 public:
  // Reads the whole file at `path`, streaming.
  static Result<std::unique_ptr<CsvReader>> OpenFile(const std::string& path);
  // Reads bytes [begin, end) of the file, as if a record started at `begin` on line
  // `first_line`; the last record returned is the one that starts before `end` (it may run past
  // `end`). For splitting a large file between threads; see anpr/screening.cpp.
  static Result<std::unique_ptr<CsvReader>> OpenFileRange(const std::string& path, uint64_t begin,
                                                          uint64_t end, uint64_t first_line);
  // The same, reading through `buffer` (from a previous reader's ReleaseBuffer), so that a thread
  // reading many ranges allocates and touches its buffer memory once.
  static Result<std::unique_ptr<CsvReader>> OpenFileRange(const std::string& path, uint64_t begin,
                                                          uint64_t end, uint64_t first_line,
                                                          std::string&& buffer);
  // Gives the buffer back for reuse; the reader must not be used afterwards.
  std::string ReleaseBuffer() { return std::move(buf_); }
  // Reads an in-memory text (small files, tests, fuzzing), its fields separated by `separator`
  // (',' for machine files; ';' for what Belgian Excel saves). Files are read with ','.
  static std::unique_ptr<CsvReader> FromString(std::string text, char separator = ',');

  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Fills `rec` with the next record. Returns false at the end of the input or on a read error
  // (then io_status() is not OK).
  bool Next(CsvRecord* rec);
  const Status& io_status() const { return io_status_; }
  // Byte offset in the source where the next record would start.
  uint64_t next_offset() const { return base_ + pos_; }
  uint64_t next_line() const { return line_; }
  uint64_t file_size() const { return source_size_; }

 private:
  CsvReader() = default;
  // Reads more input into the buffer; returns false when nothing more could be read.
  bool Fill();
  // Parses one record at pos_. Returns false when the buffer ended before the record did.
  bool ParseRecord(CsvRecord* rec);
  // ParseRecord's fast path for records without quotes (see the .cpp).
  int ParsePlainRecord(CsvRecord* rec);

  int fd_ = -1;
  uint64_t source_size_ = 0;  // bytes in the source (file size or string length)
  uint64_t limit_ = 0;        // stop returning records that start at or after this offset
  uint64_t read_off_ = 0;     // next file offset to read
  bool eof_ = false;
  std::string buf_;  // [0, len_) holds bytes base_ .. base_ + len_ of the source
  size_t cap_ = 0;   // usable bytes of buf_ (it has some padding beyond)
  size_t pos_ = 0;
  size_t len_ = 0;
  uint64_t base_ = 0;
  uint64_t line_ = 1;
  bool at_start_ = true;
  char sep_ = ',';
  Status io_status_;
  std::vector<uint32_t> escaped_;  // fields of the current record that hold "" escapes
};

// Where to cut bytes [start, size) of a file into ranges of about block_bytes for parallel
// reading: start, then the byte after the first line break at or after every block_bytes. A cut
// may fall inside a quoted field; a reader of the range before it then ends past the cut
// (CsvReader::next_offset() != the cut), which the caller must check (see anpr/screening.cpp).
Result<std::vector<uint64_t>> CutAtLineBreaks(const std::string& path, uint64_t start,
                                              uint64_t size, size_t block_bytes);

// Appends `field` to `out` as RFC 4180 wants it: quoted (with quotes doubled) only when it holds
// the separator, a double quote, CR or LF. The separator is ',' for machine files and ';' for the
// exports Belgian Excel opens.
void AppendCsvField(std::string& out, std::string_view field, char separator = ',');
// The same field as a string of its own.
std::string CsvField(std::string_view field, char separator = ',');

// Finds each of `wanted` in a header record. On success, index i of the result is the column of
// wanted[i]. A missing column is an InvalidArgument naming it.
Result<std::vector<int>> LocateColumns(const CsvRecord& header,
                                       const std::vector<std::string_view>& wanted);

}  // namespace hh
