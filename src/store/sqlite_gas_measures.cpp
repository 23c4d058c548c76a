#include "store/sqlite_gas_measures.h"

#include <string>
#include <string_view>

#include "store/sql_queries.h"  // generated from sql/queries/*.sql

namespace hh {
namespace {

// Runs a COUNT query whose parameters are the texts `a`, then the days (from ?2 when `a` is
// given, else from ?1), and returns its first column.
Result<int64_t> CountOf(Database& db, std::string_view sql, std::string_view a, LocalDate from,
                        LocalDate to) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  int i = 1;
  if (!a.empty()) st->BindText(i++, a);
  st->BindText(i++, from.ToIsoString());
  st->BindText(i, to.ToIsoString());
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Internal("store: a COUNT query returned no row");
  return st->ColumnInt64(0);
}

}  // namespace

Result<int64_t> SqliteGasMeasures::CasesOfTrack(Track track, LocalDate from, LocalDate to) {
  return CountOf(*db_, sql::kMeasureCasesByTrack, TrackName(track), from, to);
}

Result<int64_t> SqliteGasMeasures::CasesInState(CaseState state, LocalDate from, LocalDate to) {
  return CountOf(*db_, sql::kMeasureCasesByState, CaseStateName(state), from, to);
}

Result<int64_t> SqliteGasMeasures::LettersSent(LocalDate from, LocalDate to) {
  return CountOf(*db_, sql::kMeasureLettersSent, {}, from, to);
}

Result<PaymentsCount> SqliteGasMeasures::PaymentsReceived(LocalDate from, LocalDate to) {
  auto st = db_->Prepare(sql::kMeasurePaymentsReceived);
  if (!st.ok()) return st.status();
  st->BindText(1, from.ToIsoString());
  st->BindText(2, to.ToIsoString());
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Internal("store: a COUNT query returned no row");
  return PaymentsCount{st->ColumnInt64(0), Money::FromCents(st->ColumnInt64(1))};
}

Result<int64_t> SqliteGasMeasures::SanctionsDecided(LocalDate from, LocalDate to) {
  return CountOf(*db_, sql::kMeasureSanctionsDecided, {}, from, to);
}

Result<int64_t> SqliteGasMeasures::ReviewsDone(LocalDate from, LocalDate to) {
  return CountOf(*db_, sql::kMeasureReviewsDone, {}, from, to);
}

}  // namespace hh
