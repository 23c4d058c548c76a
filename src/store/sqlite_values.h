// The small conversions every SQLite store makes between our value types and columns: optional
// values bound as NULL, days as "YYYY-MM-DD", and the checked reads of what a store wrote. A
// stored value that does not parse is a damaged database: Internal, naming the column.
// Instants are written by each store itself (the case tables write a sortable nine-digit
// fraction, the others whole seconds), so only their reading is here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/instant.h"
#include "core/status.h"
#include "store/database.h"
#include "store/row_batch.h"

namespace hh {

// Binds text, or NULL for an empty optional.
inline void BindOptText(Statement* s, int i, const std::optional<std::string>& v) {
  if (v) {
    s->BindText(i, *v);
  } else {
    s->BindNull(i);
  }
}

inline void BindOptInt(Statement* s, int i, const std::optional<int64_t>& v) {
  if (v) {
    s->BindInt64(i, *v);
  } else {
    s->BindNull(i);
  }
}

inline std::optional<std::string> Day(const std::optional<LocalDate>& d) {
  if (!d) return std::nullopt;
  return d->ToIsoString();
}

inline std::optional<std::string> NonEmpty(std::string_view s) {
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

inline Result<Instant> InstantAt(const Statement& s, int col, const char* name) {
  const std::string_view text = s.ColumnView(col);
  Instant t;
  const char* why = nullptr;
  if (!Instant::TryParse(text, &t, &why)) {
    return Internal(std::string("store: column ") + name + " holds a bad instant");
  }
  return t;
}

inline Result<std::optional<Instant>> OptInstantAt(const Statement& s, int col, const char* name) {
  if (s.Type(col) == ColumnType::kNull) return std::optional<Instant>();
  auto t = InstantAt(s, col, name);
  if (!t.ok()) return t.status();
  return std::optional<Instant>(*t);
}

inline Result<LocalDate> DayAt(const Statement& s, int col, const char* name) {
  auto d = LocalDate::Parse(s.ColumnText(col));
  if (!d.ok()) return Internal(std::string("store: column ") + name + " holds a bad date");
  return *d;
}

inline Result<std::optional<LocalDate>> OptDayAt(const Statement& s, int col, const char* name) {
  if (s.Type(col) == ColumnType::kNull) return std::optional<LocalDate>();
  auto d = DayAt(s, col, name);
  if (!d.ok()) return d.status();
  return std::optional<LocalDate>(*d);
}

// A text column, "" for NULL.
inline std::string OptText(const Statement& s, int col) {
  return s.Type(col) == ColumnType::kNull ? std::string() : s.ColumnText(col);
}

inline std::optional<int64_t> OptInt(const Statement& s, int col) {
  if (s.Type(col) == ColumnType::kNull) return std::nullopt;
  return s.ColumnInt64(col);
}

// Steps `st` through its rows and calls row() for each, until the end or the first error (of
// the step or of row()).
template <typename F>
Status EachRow(Statement* st, F row) {
  for (;;) {
    auto r = st->Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status::Ok();
    Status s = row();
    if (!s.ok()) return s;
  }
}

// The integer in the first column of `sql`'s first row, 0 when it has no row (a MAX(id) that
// held inserts count up from).
inline Result<int64_t> FirstInt(StatementCache& cache, std::string_view sql) {
  auto s = cache.Get(sql);
  if (!s.ok()) return s.status();
  auto row = (*s)->Step();
  if (!row.ok()) return row.status();
  return *row ? (*s)->ColumnInt64(0) : int64_t{0};
}

// Runs `sql`, one statement over hh_rows(?1) (row_batch.h), on `rows` when there are any, and
// empties them (a store's flush of held writes). Returns how many rows the statement changed.
inline Result<int64_t> WriteRows(StatementCache& cache, Database& db, std::string_view sql,
                                 RowBatch& rows) {
  if (rows.empty()) return int64_t{0};
  auto s = cache.Get(sql);
  if (!s.ok()) return s.status();
  (*s)->BindRows(1, rows);
  Status run = (*s)->Run();
  if (!run.ok()) return run;
  rows.Clear();
  return db.Changes();
}

}  // namespace hh

// Returns the Status of `expr` from the enclosing function when it is not ok.
#define HH_TRY(expr)                         \
  do {                                       \
    Status hh_status_ = (expr);              \
    if (!hh_status_.ok()) return hh_status_; \
  } while (0)
