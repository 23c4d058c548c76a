#include "store/row_batch.h"

#include <sqlite3.h>

#include <cassert>
#include <cstring>
#include <string>

#include "store/database.h"

namespace hh {

namespace {

// The type name SQLite checks between sqlite3_bind_pointer and sqlite3_value_pointer, so that
// no other pointer (nor a user's value) can reach the module.
constexpr const char* kPointerType = "hh::RowBatch";
// The hidden column the function's argument binds to, after c0 .. c39.
constexpr int kBatchColumn = RowBatch::kMaxColumns;

struct RowsTable {
  sqlite3_vtab base;
};

struct RowsCursor {
  sqlite3_vtab_cursor base;
  const RowBatch* batch;
  size_t row;
};

int Connect(sqlite3* db, void* /*aux*/, int /*argc*/, const char* const* /*argv*/,
            sqlite3_vtab** out, char** /*error*/) {
  std::string declaration = "CREATE TABLE x(";
  for (int i = 0; i < RowBatch::kMaxColumns; ++i) declaration += "c" + std::to_string(i) + ", ";
  declaration += "batch HIDDEN)";
  const int rc = sqlite3_declare_vtab(db, declaration.c_str());
  if (rc != SQLITE_OK) return rc;
  // Only in statements we prepare, never from a view or trigger of the schema (a batch comes
  // only from sqlite3_bind_pointer anyway, which SQL cannot forge).
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  auto* table = static_cast<RowsTable*>(sqlite3_malloc(sizeof(RowsTable)));
  if (table == nullptr) return SQLITE_NOMEM;
  std::memset(table, 0, sizeof(RowsTable));
  *out = &table->base;
  return SQLITE_OK;
}

int Disconnect(sqlite3_vtab* table) {
  sqlite3_free(table);
  return SQLITE_OK;
}

// The only plan: the batch argument given, the rows read in order.
int BestIndex(sqlite3_vtab* /*table*/, sqlite3_index_info* info) {
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& c = info->aConstraint[i];
    if (c.iColumn != kBatchColumn || c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (c.usable == 0) return SQLITE_CONSTRAINT;
    info->aConstraintUsage[i].argvIndex = 1;
    info->aConstraintUsage[i].omit = 1;
    info->idxNum = 1;
    info->estimatedCost = 1000;
    info->estimatedRows = 1000;
    return SQLITE_OK;
  }
  return SQLITE_CONSTRAINT;  // hh_rows() without its batch
}

int Open(sqlite3_vtab* /*table*/, sqlite3_vtab_cursor** out) {
  auto* cursor = static_cast<RowsCursor*>(sqlite3_malloc(sizeof(RowsCursor)));
  if (cursor == nullptr) return SQLITE_NOMEM;
  std::memset(cursor, 0, sizeof(RowsCursor));
  *out = &cursor->base;
  return SQLITE_OK;
}

int Close(sqlite3_vtab_cursor* cursor) {
  sqlite3_free(cursor);
  return SQLITE_OK;
}

int Filter(sqlite3_vtab_cursor* base, int idx_num, const char* /*idx_str*/, int argc,
           sqlite3_value** argv) {
  auto* cursor = reinterpret_cast<RowsCursor*>(base);
  cursor->row = 0;
  cursor->batch = nullptr;
  if (idx_num == 1 && argc == 1) {
    cursor->batch = static_cast<const RowBatch*>(sqlite3_value_pointer(argv[0], kPointerType));
  }
  return SQLITE_OK;
}

int Next(sqlite3_vtab_cursor* base) {
  ++reinterpret_cast<RowsCursor*>(base)->row;
  return SQLITE_OK;
}

int Eof(sqlite3_vtab_cursor* base) {
  const auto* cursor = reinterpret_cast<const RowsCursor*>(base);
  return cursor->batch == nullptr || cursor->row >= cursor->batch->rows() ? 1 : 0;
}

int Column(sqlite3_vtab_cursor* base, sqlite3_context* ctx, int column) {
  const auto* cursor = reinterpret_cast<const RowsCursor*>(base);
  if (column >= cursor->batch->width()) {
    sqlite3_result_null(ctx);
  } else {
    cursor->batch->Result(ctx, cursor->row, column);
  }
  return SQLITE_OK;
}

int Rowid(sqlite3_vtab_cursor* base, sqlite_int64* rowid) {
  *rowid = static_cast<sqlite_int64>(reinterpret_cast<const RowsCursor*>(base)->row) + 1;
  return SQLITE_OK;
}

sqlite3_module MakeModule() {
  sqlite3_module m;
  std::memset(&m, 0, sizeof(m));
  m.iVersion = 0;
  m.xCreate = nullptr;  // eponymous only: hh_rows exists on every connection, never in a schema
  m.xConnect = Connect;
  m.xBestIndex = BestIndex;
  m.xDisconnect = Disconnect;
  m.xDestroy = nullptr;
  m.xOpen = Open;
  m.xClose = Close;
  m.xFilter = Filter;
  m.xNext = Next;
  m.xEof = Eof;
  m.xColumn = Column;
  m.xRowid = Rowid;
  return m;
}

}  // namespace

RowBatch::RowBatch(int width) : width_(width) { assert(width > 0 && width <= kMaxColumns); }

void RowBatch::Int(int64_t v) { cells_.push_back(Cell{v, 0, Kind::kInt}); }

void RowBatch::Text(std::string_view v) {
  cells_.push_back(
      Cell{static_cast<int64_t>(text_.size()), static_cast<uint32_t>(v.size()), Kind::kText});
  text_.append(v);
}

void RowBatch::Null() { cells_.push_back(Cell{0, 0, Kind::kNull}); }

void RowBatch::OptInt(const std::optional<int64_t>& v) {
  if (v) {
    Int(*v);
  } else {
    Null();
  }
}

void RowBatch::OptText(const std::optional<std::string>& v) {
  if (v) {
    Text(*v);
  } else {
    Null();
  }
}

void RowBatch::Clear() {
  cells_.clear();
  text_.clear();
}

void RowBatch::Result(sqlite3_context* ctx, size_t row, int column) const {
  const Cell& c = cells_[row * static_cast<size_t>(width_) + static_cast<size_t>(column)];
  switch (c.kind) {
    case Kind::kInt:
      sqlite3_result_int64(ctx, c.value);
      break;
    case Kind::kText:
      // SQLITE_STATIC: the batch outlives the statement (see the header).
      sqlite3_result_text(ctx, text_.data() + c.value, static_cast<int>(c.size), SQLITE_STATIC);
      break;
    case Kind::kNull:
      sqlite3_result_null(ctx);
      break;
  }
}

int RegisterRowBatchModule(sqlite3* db) {
  static const sqlite3_module kModule = MakeModule();
  return sqlite3_create_module_v2(db, "hh_rows", &kModule, nullptr, nullptr);
}

void Statement::BindRows(int index, const RowBatch& rows) {
  // SQLite keeps the pointer (the batch is not copied) and never frees it.
  Remember(sqlite3_bind_pointer(stmt_, index, const_cast<RowBatch*>(&rows), kPointerType, nullptr));
}

}  // namespace hh
