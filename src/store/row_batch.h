// RowBatch: rows of values held in memory that one SQL statement reads as the table-valued
// function hh_rows(?N), its columns c0, c1, ... (Statement::BindRows binds a batch to ?N). A
// store's bulk path writes thousands of rows with one INSERT ... SELECT or UPDATE ... FROM
// instead of one statement each: SQLite's cost per statement (cursors opened, the statement
// begun and ended) is larger than its cost per row (docs/benchmarks.md, reconciliation).
//
// The module is registered on every connection Database::Open makes. A batch must live, and
// not change, while a statement bound to it runs; its text values are handed to SQLite without
// a copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_context;

namespace hh {

class RowBatch {
 public:
  // Columns c0 .. c39 exist; a batch uses the first `width`. Values past the width read NULL.
  static constexpr int kMaxColumns = 40;

  explicit RowBatch(int width);

  // Append a value to the row being filled; a row is complete after `width` values.
  void Int(int64_t v);
  void Text(std::string_view v);
  void Null();
  void OptInt(const std::optional<int64_t>& v);
  void OptText(const std::optional<std::string>& v);

  int width() const { return width_; }
  // Complete rows.
  size_t rows() const { return cells_ / static_cast<size_t>(width_); }
  bool empty() const { return cells_ == 0; }
  // Empties the batch; its memory is kept for the next rows.
  void Clear();

  // SQLite's side (the module in row_batch.cpp): value `column` of row `row` as the function's
  // result.
  void Result(sqlite3_context* ctx, size_t row, int column) const;

 private:
  enum class Kind : uint8_t { kNull, kInt, kText };
  struct Cell {
    union {
      int64_t value;     // kInt
      const char* text;  // kText: in one of text_'s blocks
    };
    uint32_t size;  // the text's length
    Kind kind;
  };
  // Cells and text live in fixed blocks that never move, so a batch of a million rows grows
  // without copying what it holds (a vector's doubling copied tens of megabytes).
  static constexpr size_t kCellsPerBlock = size_t{1} << 15;
  static constexpr size_t kTextBlock = size_t{1} << 20;
  Cell& NewCell();
  const char* Store(std::string_view v);

  int width_;
  size_t cells_ = 0;
  std::vector<std::unique_ptr<Cell[]>> cell_blocks_;
  struct TextBlock {
    std::unique_ptr<char[]> data;
    size_t capacity;
  };
  std::vector<TextBlock> text_blocks_;
  size_t text_block_ = 0;  // the block being filled
  size_t text_used_ = 0;   // bytes of it used
};

// Registers hh_rows on a connection (Database::Open). SQLite's result code.
int RegisterRowBatchModule(sqlite3* db);

}  // namespace hh
