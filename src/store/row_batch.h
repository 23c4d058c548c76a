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
  size_t rows() const { return cells_.size() / static_cast<size_t>(width_); }
  bool empty() const { return cells_.empty(); }
  void Clear();

  // SQLite's side (the module in row_batch.cpp): value `column` of row `row` as the function's
  // result.
  void Result(sqlite3_context* ctx, size_t row, int column) const;

 private:
  enum class Kind : uint8_t { kNull, kInt, kText };
  struct Cell {
    int64_t value;  // the integer, or the text's offset in text_
    uint32_t size;  // the text's length
    Kind kind;
  };
  int width_;
  std::vector<Cell> cells_;
  std::string text_;  // every text value, end to end
};

// Registers hh_rows on a connection (Database::Open). SQLite's result code.
int RegisterRowBatchModule(sqlite3* db);

}  // namespace hh
