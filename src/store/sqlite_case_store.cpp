#include "store/sqlite_case_store.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_set>

#include "store/row_batch.h"
#include "store/sql_queries.h"  // generated from sql/queries/*.sql
#include "store/sqlite_values.h"

namespace hh {
namespace {

// Instants that queries order by (a read's observed_at, a case's facts) are written with all
// nine digits of the fraction, so that text order is time order ("...00.5Z" would sort before
// "...00Z"); Instant::TryParse reads both forms.
std::string Sortable(Instant t) {
  std::string s = t.ToUtcString();  // "YYYY-MM-DDTHH:MM:SSZ"
  s.pop_back();
  s += fmt::format(".{:09d}Z", t.nanos());
  return s;
}
std::optional<std::string> Utc(const std::optional<Instant>& t) {
  if (!t) return std::nullopt;
  return Sortable(*t);
}

// The name filter's folding: ASCII letters lower-cased, as SQLite's lower() does.
std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::optional<TrafficCategory> ParseCategory(std::string_view name) {
  for (TrafficCategory c : {TrafficCategory::kCategory1, TrafficCategory::kCategory2,
                            TrafficCategory::kCategory4, TrafficCategory::kCameraC3F103}) {
    if (TrafficCategoryName(c) == name) return c;
  }
  return std::nullopt;
}

std::optional<LocalDate> EarlierOf(std::optional<LocalDate> a, std::optional<LocalDate> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

// What "deadline before" filters on: the state's deadline, and the decision limit only while
// the case waits for its decision (after it, or once final, the limit binds nothing).
std::optional<LocalDate> DueOn(const Case& c) {
  return EarlierOf(c.state_deadline,
                   BeforeDecision(c.track, c.state) ? c.limit_day : std::optional<LocalDate>());
}

// The columns of one new case, as cases_insert_rows.sql reads them: c0 the id (none: the next
// rowid).
constexpr int kCaseRowWidth = 33;
void AddCaseRow(RowBatch& b, std::optional<int64_t> id, const Case& c,
                std::optional<LocalDate> wake_on) {
  b.OptInt(id);
  b.Text(TrackName(c.track));
  b.Text(CaseStateName(c.state));
  b.Int(c.warning ? 1 : 0);
  b.Int(c.flags);
  b.Int(c.minor ? 1 : 0);
  b.Text(Sortable(c.facts_at));
  b.Text(c.facts_day.ToIsoString());
  b.OptText(Day(c.received_on));
  b.OptText(NonEmpty(c.zone_id));
  b.Text(c.place.street);
  b.Text(c.place.house_number);
  b.Text(c.place.postal_code);
  b.Text(c.place.city);
  b.Text(c.place_description);
  b.Text(c.description);
  b.Text(c.offence_code);
  b.Text(c.article);
  if (c.category) {
    b.Text(TrafficCategoryName(*c.category));
  } else {
    b.Null();
  }
  b.OptInt(c.amount ? std::optional<int64_t>(c.amount->cents()) : std::nullopt);
  b.OptText(NonEmpty(c.plate));
  b.OptText(NonEmpty(c.country));
  b.OptText(NonEmpty(c.source_ref));
  b.Text(c.finding_officer);
  b.Text(c.finding_officer_kind);
  b.Null();  // name_key: follows the addressee (InsertParty)
  b.OptText(Day(c.state_deadline));
  b.OptText(Day(c.limit_day));
  b.OptText(Day(DueOn(c)));
  b.Int(c.alarm_months);
  b.OptText(Day(wake_on));
  b.Text(c.created_at.ToUtcString());
  b.Text(c.updated_at.ToUtcString());
}

// The columns of one piece of evidence, as evidence_insert_rows.sql reads them.
constexpr int kEvidenceRowWidth = 7;
void AddEvidenceRow(RowBatch& b, CaseId id, const Evidence& e) {
  b.Int(id.value);
  b.Text(e.kind);
  b.Text(e.ref);
  b.OptText(NonEmpty(e.camera_id));
  b.OptText(NonEmpty(e.camera_id.empty() ? std::string_view() : e.detection_id));
  b.OptText(Utc(e.observed_at));
  b.OptText(NonEmpty(e.confidence));
}

// The columns of one event, as events_insert_rows.sql reads them.
constexpr int kEventRowWidth = 10;
void AddEventRow(RowBatch& b, CaseId id, const CaseEvent& e) {
  b.Int(id.value);
  b.Text(e.at.ToUtcString());
  b.Text(e.actor);
  b.Text(e.actor_name);
  b.Text(RoleName(e.role));
  b.Text(e.action);
  if (e.from) {
    b.Text(CaseStateName(*e.from));
  } else {
    b.Null();
  }
  if (e.to) {
    b.Text(CaseStateName(*e.to));
  } else {
    b.Null();
  }
  b.Text(e.reason);
  b.Text(e.detail);
}

}  // namespace

// What HoldWrites keeps. A second move of a case already held flushes first (so the batch has
// one row per case, and the state it expects is the one the first move left).
struct SqliteCaseStore::Held {
  int64_t first_case_id = 0;  // InsertCase's ids from here on are held cases
  int64_t next_case_id = 0;
  RowBatch cases{kCaseRowWidth};         // cases_insert_rows.sql
  RowBatch evidence{kEvidenceRowWidth};  // evidence_insert_rows.sql, of held cases only
  RowBatch moves{9};                     // cases_update_progress_rows.sql
  std::unordered_set<int64_t> moved;
  RowBatch events{kEventRowWidth};  // events_insert_rows.sql
  RowBatch sanctions{6};            // sanctions_insert_rows.sql
};

SqliteCaseStore::SqliteCaseStore(Database& db) : db_(&db), cache_(db) {}
SqliteCaseStore::~SqliteCaseStore() = default;

Result<CachedStatement> SqliteCaseStore::Stmt(std::string_view sql) { return cache_.Get(sql); }

Status SqliteCaseStore::HoldWrites() {
  if (!db_->InTransaction()) return Internal("store: HoldWrites outside a transaction");
  if (held_) return Status::Ok();
  auto max = FirstInt(cache_, sql::kCasesMaxId);
  if (!max.ok()) return max.status();
  auto held = std::make_unique<Held>();
  held->first_case_id = held->next_case_id = *max + 1;
  held_ = std::move(held);
  return Status::Ok();
}

void SqliteCaseStore::StopHolding() { held_.reset(); }

Status SqliteCaseStore::FlushIfHeld(CaseId id) {
  if (held_ && id.value >= held_->first_case_id) return FlushWrites();
  return Status::Ok();
}

Status SqliteCaseStore::FlushWrites() {
  if (!held_) return Status::Ok();
  Held& h = *held_;
  // New cases first: the moves, evidence and events held after them may be theirs.
  const auto inserted = static_cast<int64_t>(h.cases.rows());
  auto cases = WriteRows(cache_, *db_, sql::kCasesInsertRows, h.cases);
  if (!cases.ok()) {
    if (cases.status().message().find("UNIQUE") != std::string::npos) {
      return AlreadyExists(fmt::format("of {} cases opened together, one exists already ({})",
                                       inserted, cases.status().message()));
    }
    return cases.status();
  }
  if (*cases != inserted) return Internal("store: held cases were not all inserted");
  // A case inserted from now on may take the next id again: it is no longer held.
  h.first_case_id = h.next_case_id;
  auto evidence = WriteRows(cache_, *db_, sql::kEvidenceInsertRows, h.evidence);
  if (!evidence.ok()) return evidence.status();
  const auto held = static_cast<int64_t>(h.moves.rows());
  auto moved = WriteRows(cache_, *db_, sql::kCasesUpdateProgressRows, h.moves);
  if (!moved.ok()) return moved.status();
  if (*moved != held) {
    return FailedPrecondition(fmt::format(
        "of {} cases moved together, {} were no longer in the state read: someone acted on "
        "them first",
        held, held - *moved));
  }
  h.moved.clear();
  auto events = WriteRows(cache_, *db_, sql::kEventsInsertRows, h.events);
  if (!events.ok()) return events.status();
  auto sanctions = WriteRows(cache_, *db_, sql::kSanctionsInsertRows, h.sanctions);
  if (!sanctions.ok()) return sanctions.status();
  return Status::Ok();
}

Status SqliteCaseStore::Transact(const std::function<Status()>& work) {
  // Within an open transaction the work joins it: the outer Transact commits or rolls back.
  if (db_->InTransaction()) return work();
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  Status s = work();
  if (!s.ok()) return s;  // rolled back when tx dies
  return tx->Commit();
}

Status SqliteCaseStore::ReadSnapshot(const std::function<Status()>& work) {
  if (db_->InTransaction()) return Internal("store: ReadSnapshot within a transaction");
  Result<Transaction> tx = Transaction::Begin(*db_, Transaction::Mode::kDeferred);
  if (!tx.ok()) return tx.status();
  Status s = work();
  if (!s.ok()) return s;
  return tx->Commit();  // ends the read transaction (nothing to write)
}

// --- Users.

Status SqliteCaseStore::AddUser(const User& user, Instant at) {
  auto s = Stmt(sql::kUsersInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, user.login);
  st->BindText(2, user.name);
  st->BindText(3, RoleName(user.role));
  st->BindInt64(4, user.active ? 1 : 0);
  st->BindText(5, at.ToUtcString());
  Status r = st->Run();
  if (!r.ok() && r.message().find("UNIQUE") != std::string::npos) {
    return AlreadyExists("a user with login \"" + user.login + "\" exists already");
  }
  return r;
}

Result<std::optional<User>> SqliteCaseStore::FindUser(std::string_view login) {
  auto s = Stmt(sql::kUsersFind);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, login);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<User>();
  User u;
  u.id = st->ColumnInt64(0);
  u.login = st->ColumnText(1);
  u.name = st->ColumnText(2);
  auto role = ParseRole(st->ColumnText(3));
  if (!role.ok()) return Internal("store: users.role holds an unknown role");
  u.role = *role;
  u.active = st->ColumnInt64(4) != 0;
  return std::optional<User>(u);
}

// --- Camera configuration.

Status SqliteCaseStore::ReplaceCameras(std::span<const CameraRow> rows) {
  auto clear = Stmt(sql::kCamerasClear);
  if (!clear.ok()) return clear.status();
  HH_TRY((*clear)->Run());
  auto s = Stmt(sql::kCamerasInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  for (const CameraRow& c : rows) {
    st->Reset();
    st->BindText(1, c.camera_id);
    st->BindText(2, c.zone_id);
    st->BindText(3, c.entry ? "entry" : "exit");
    st->BindText(4, c.active_from.ToRfc3339());
    BindOptText(st, 5, Utc(c.active_to));
    BindOptText(st, 6, Utc(c.warning_until));
    HH_TRY(st->Run());
  }
  return Status::Ok();
}

Status SqliteCaseStore::ReplaceZoneRules(std::span<const ZoneRuleRow> rows) {
  auto clear = Stmt(sql::kZoneRulesClear);
  if (!clear.ok()) return clear.status();
  HH_TRY((*clear)->Run());
  auto s = Stmt(sql::kZoneRulesInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  for (const ZoneRuleRow& z : rows) {
    st->Reset();
    st->BindText(1, z.zone_id);
    st->BindText(2, z.weekdays);
    st->BindText(3, z.restricted_from);
    st->BindText(4, z.restricted_to);
    HH_TRY(st->Run());
  }
  return Status::Ok();
}

Status SqliteCaseStore::ReplacePermits(std::span<const PermitRow> rows) {
  HH_TRY(db_->Execute(sql::kPermitsClear));
  // One statement for the whole file (hh_rows): a statement per permit cost three times more.
  // In key order (0012_permits_by_plate.sql), so that the table grows at its end. Sorted by
  // the first eight bytes of the plate as one number first (a plate is seldom longer): a sort
  // that followed every row's strings cost more than the insert.
  struct Key {
    uint64_t prefix;
    const PermitRow* row;
  };
  std::vector<Key> order(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    uint64_t prefix = 0;
    const std::string& plate = rows[i].plate;
    for (size_t k = 0; k < 8; ++k) {
      prefix = prefix << 8 | (k < plate.size() ? static_cast<unsigned char>(plate[k]) : 0u);
    }
    order[i] = {prefix, &rows[i]};
  }
  std::sort(order.begin(), order.end(), [](const Key& a, const Key& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    if (a.row->plate != b.row->plate) return a.row->plate < b.row->plate;
    return a.row->permit_id < b.row->permit_id;
  });
  RowBatch batch(6);
  for (const Key& key : order) {
    const PermitRow& p = *key.row;
    batch.Text(p.permit_id);
    batch.Text(p.plate);
    batch.Text(p.zone_id);
    batch.Text(p.valid_from.ToRfc3339());
    batch.Text(p.valid_to.ToRfc3339());
    batch.Text(p.category);
  }
  auto written = WriteRows(cache_, *db_, sql::kPermitsInsertRows, batch);
  if (!written.ok()) {
    if (written.status().message().find("UNIQUE") != std::string::npos) {
      return InvalidArgument("a permit id appears twice for one plate");
    }
    return written.status();
  }
  return Status::Ok();
}

Result<std::vector<CameraRow>> SqliteCaseStore::Cameras() {
  auto s = Stmt(sql::kCamerasAll);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  std::vector<CameraRow> out;
  Status rows = EachRow(st, [&]() -> Status {
    CameraRow c;
    c.camera_id = st->ColumnText(0);
    c.zone_id = st->ColumnText(1);
    c.entry = st->ColumnText(2) == "entry";
    auto from = InstantAt(*st, 3, "cameras.active_from");
    if (!from.ok()) return from.status();
    c.active_from = *from;
    if (st->Type(4) != ColumnType::kNull) {
      auto to = InstantAt(*st, 4, "cameras.active_to");
      if (!to.ok()) return to.status();
      c.active_to = *to;
    }
    if (st->Type(5) != ColumnType::kNull) {
      auto w = InstantAt(*st, 5, "cameras.warning_until");
      if (!w.ok()) return w.status();
      c.warning_until = *w;
    }
    out.push_back(std::move(c));
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

Result<std::vector<ZoneRuleRow>> SqliteCaseStore::ZoneRules() {
  auto s = Stmt(sql::kZoneRulesAll);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  std::vector<ZoneRuleRow> out;
  Status rows = EachRow(st, [&]() -> Status {
    out.push_back({st->ColumnText(0), st->ColumnText(1), st->ColumnText(2), st->ColumnText(3)});
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

namespace {
Status ReadPermits(Statement* st, const std::function<void(const PermitRow&)>& fn) {
  PermitRow p;
  Status rows = EachRow(st, [&]() -> Status {
    // Assigned from views: the strings keep their buffers from row to row.
    p.permit_id = st->ColumnView(0);
    p.plate = st->ColumnView(1);
    p.zone_id = st->ColumnView(2);
    auto from = InstantAt(*st, 3, "permits.valid_from");
    if (!from.ok()) return from.status();
    auto to = InstantAt(*st, 4, "permits.valid_to");
    if (!to.ok()) return to.status();
    p.valid_from = *from;
    p.valid_to = *to;
    p.category = st->ColumnView(5);
    fn(p);
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return Status::Ok();
}
}  // namespace

Status SqliteCaseStore::ForEachPermit(const std::function<void(const PermitRow&)>& fn) {
  auto s = Stmt(sql::kPermitsAll);
  if (!s.ok()) return s.status();
  return ReadPermits(*s, fn);
}

Result<std::vector<PermitRow>> SqliteCaseStore::PermitsForPlate(std::string_view plate) {
  auto s = Stmt(sql::kPermitsPlate);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, plate);
  std::vector<PermitRow> out;
  Status r = ReadPermits(*s, [&](const PermitRow& p) { out.push_back(p); });
  if (!r.ok()) return r;
  return out;
}

// --- Read memory.

Status SqliteCaseStore::ForEachReadKeyBlock(
    int32_t from_utc_day, const std::function<void(std::span<const uint64_t>)>& fn) {
  auto s = Stmt(sql::kReadMemorySince);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, from_utc_day);
  std::vector<uint64_t> keys;
  Status rows = EachRow(st, [&]() -> Status {
    const std::vector<std::byte> blob = st->ColumnBlob(0);
    if (blob.size() % 8 != 0) return Internal("store: read_memory.keys is not a list of keys");
    keys.resize(blob.size() / 8);
    std::memcpy(keys.data(), blob.data(), blob.size());  // little-endian hosts (x86-64)
    fn(keys);
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return Status::Ok();
}

Status SqliteCaseStore::AppendReadKeys(int32_t utc_day, std::span<const uint64_t> keys) {
  if (keys.empty()) return Status::Ok();
  auto s = Stmt(sql::kReadMemoryInsert);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, utc_day);
  (*s)->BindBlob(2, std::as_bytes(keys));
  return (*s)->Run();
}

Result<int64_t> SqliteCaseStore::PurgeReadKeys(int32_t before_utc_day) {
  auto count = Stmt(sql::kReadMemoryCountBefore);
  if (!count.ok()) return count.status();
  (*count)->BindInt64(1, before_utc_day);
  auto row = (*count)->Step();
  if (!row.ok()) return row.status();
  const int64_t n = (*count)->ColumnInt64(0);
  auto s = Stmt(sql::kReadMemoryPurge);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, before_utc_day);
  HH_TRY((*s)->Run());
  return n;
}

// --- Pending reads.

Status SqliteCaseStore::AddPendingRead(const PendingRead& r) {
  auto s = Stmt(sql::kPendingReadsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, r.zone_id);
  st->BindText(2, r.plate);
  st->BindText(3, r.country);
  st->BindText(4, r.local_day.ToIsoString());
  st->BindText(5, r.camera_id);
  st->BindText(6, r.detection_id);
  st->BindText(7, Sortable(r.observed_at));
  st->BindText(8, r.confidence);
  st->BindInt64(9, r.strong ? 1 : 0);
  st->BindText(10, r.deadline.ToUtcString());
  st->BindText(11, r.image_ref);
  return st->Run();
}

Result<std::vector<PendingRead>> SqliteCaseStore::PendingReadsDue(Instant as_of) {
  auto s = Stmt(sql::kPendingReadsDue);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  // Deadlines are whole seconds: a fraction of as_of does not change which are due.
  st->BindText(1, as_of.ToUtcString());
  std::vector<PendingRead> out;
  Status rows = EachRow(st, [&]() -> Status {
    PendingRead r;
    r.id = st->ColumnInt64(0);
    r.zone_id = st->ColumnText(1);
    r.plate = st->ColumnText(2);
    r.country = st->ColumnText(3);
    auto day = DayAt(*st, 4, "pending_reads.local_day");
    if (!day.ok()) return day.status();
    r.local_day = *day;
    r.camera_id = st->ColumnText(5);
    r.detection_id = st->ColumnText(6);
    auto at = InstantAt(*st, 7, "pending_reads.observed_at");
    if (!at.ok()) return at.status();
    r.observed_at = *at;
    r.confidence = st->ColumnText(8);
    r.strong = st->ColumnInt64(9) != 0;
    auto deadline = InstantAt(*st, 10, "pending_reads.deadline");
    if (!deadline.ok()) return deadline.status();
    r.deadline = *deadline;
    r.image_ref = st->ColumnText(11);
    out.push_back(std::move(r));
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

Status SqliteCaseStore::DeletePendingRead(int64_t id) {
  auto s = Stmt(sql::kPendingReadsDelete);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id);
  return (*s)->Run();
}

Result<int64_t> SqliteCaseStore::CountPendingReads() {
  auto s = Stmt(sql::kPendingReadsCount);
  if (!s.ok()) return s.status();
  auto row = (*s)->Step();
  if (!row.ok()) return row.status();
  return (*s)->ColumnInt64(0);
}

// --- Cases.

Result<CaseId> SqliteCaseStore::InsertCase(const Case& c, std::optional<LocalDate> wake_on) {
  if (held_) {
    const CaseId id{held_->next_case_id++};
    AddCaseRow(held_->cases, id.value, c, wake_on);
    return id;
  }
  RowBatch one(kCaseRowWidth);
  AddCaseRow(one, std::nullopt, c, wake_on);
  auto s = Stmt(sql::kCasesInsertRows);
  if (!s.ok()) return s.status();
  (*s)->BindRows(1, one);
  Status r = (*s)->Run();
  if (!r.ok()) {
    if (r.message().find("UNIQUE") != std::string::npos) {
      return AlreadyExists("a case for this finding exists already");
    }
    return r;
  }
  return CaseId{db_->LastInsertId()};
}

Status SqliteCaseStore::UpdateCase(const Case& c, CaseState expected,
                                   std::optional<LocalDate> wake_on) {
  HH_TRY(FlushWrites());  // a whole update comes after the moves held before it
  auto s = Stmt(sql::kCasesUpdate);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, c.id.value);
  st->BindText(2, CaseStateName(c.state));
  st->BindInt64(3, c.warning ? 1 : 0);
  st->BindInt64(4, c.flags);
  st->BindInt64(5, c.minor ? 1 : 0);
  if (c.amount) {
    st->BindInt64(6, c.amount->cents());
  } else {
    st->BindNull(6);
  }
  BindOptText(st, 7, NonEmpty(c.plate));
  BindOptText(st, 8, NonEmpty(c.country));
  BindOptText(st, 9, Day(c.state_deadline));
  BindOptText(st, 10, Day(c.limit_day));
  BindOptText(st, 11, Day(DueOn(c)));
  st->BindInt64(12, c.alarm_months);
  BindOptText(st, 13, Day(wake_on));
  st->BindText(14, c.updated_at.ToUtcString());
  if (c.category) {
    st->BindText(16, TrafficCategoryName(*c.category));
  } else {
    st->BindNull(16);
  }
  st->BindText(17, c.offence_code);
  st->BindText(18, c.article);
  st->BindText(19, c.description);
  BindOptText(st, 20, Day(c.received_on));
  st->BindText(21, CaseStateName(expected));
  st->BindText(22, Sortable(c.facts_at));
  Status r = st->Run();
  if (!r.ok()) {
    if (r.message().find("UNIQUE") != std::string::npos) {
      return AlreadyExists("another camera case has this plate, zone and day");
    }
    return r;
  }
  if (db_->Changes() == 1) return Status::Ok();
  auto exists = Stmt(sql::kCasesExists);
  if (!exists.ok()) return exists.status();
  (*exists)->BindInt64(1, c.id.value);
  auto row = (*exists)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound("case " + std::to_string(c.id.value) + " does not exist");
  return FailedPrecondition("case " + std::to_string(c.id.value) + " is no longer in state " +
                            std::string(CaseStateName(expected)) + ": someone acted on it first");
}

Status SqliteCaseStore::UpdateCaseProgress(const Case& c, CaseState expected,
                                           std::optional<LocalDate> wake_on) {
  if (held_) {
    if (held_->moved.count(c.id.value) > 0) HH_TRY(FlushWrites());
    RowBatch& m = held_->moves;
    m.Int(c.id.value);
    m.Text(CaseStateName(c.state));
    m.OptInt(c.amount ? std::optional<int64_t>(c.amount->cents()) : std::nullopt);
    m.OptText(Day(c.state_deadline));
    m.OptText(Day(DueOn(c)));
    m.Int(c.alarm_months);
    m.OptText(Day(wake_on));
    m.Text(c.updated_at.ToUtcString());
    m.Text(CaseStateName(expected));
    held_->moved.insert(c.id.value);
    return Status::Ok();
  }
  auto s = Stmt(sql::kCasesUpdateProgress);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, c.id.value);
  st->BindText(2, CaseStateName(c.state));
  if (c.amount) {
    st->BindInt64(3, c.amount->cents());
  } else {
    st->BindNull(3);
  }
  BindOptText(st, 4, Day(c.state_deadline));
  BindOptText(st, 5, Day(DueOn(c)));
  st->BindInt64(6, c.alarm_months);
  BindOptText(st, 7, Day(wake_on));
  st->BindText(8, c.updated_at.ToUtcString());
  st->BindText(9, CaseStateName(expected));
  HH_TRY(st->Run());
  if (db_->Changes() == 1) return Status::Ok();
  return FailedPrecondition("case " + std::to_string(c.id.value) + " is no longer in state " +
                            std::string(CaseStateName(expected)) + ": someone acted on it first");
}

namespace {

// A case from a row of cases_get.sql's columns.
Result<Case> ReadCase(Statement* st) {
  Case c;
  c.id = CaseId{st->ColumnInt64(0)};
  auto track = ParseTrack(st->ColumnText(1));
  auto state = ParseCaseState(st->ColumnText(2));
  if (!track.ok() || !state.ok()) return Internal("store: a case has an unknown track or state");
  c.track = *track;
  c.state = *state;
  c.warning = st->ColumnInt64(3) != 0;
  c.flags = static_cast<uint32_t>(st->ColumnInt64(4));
  c.minor = st->ColumnInt64(5) != 0;
  auto facts_at = InstantAt(*st, 6, "cases.facts_at");
  if (!facts_at.ok()) return facts_at.status();
  c.facts_at = *facts_at;
  auto facts_day = DayAt(*st, 7, "cases.facts_day");
  if (!facts_day.ok()) return facts_day.status();
  c.facts_day = *facts_day;
  auto received = OptDayAt(*st, 8, "cases.received_on");
  if (!received.ok()) return received.status();
  c.received_on = *received;
  c.zone_id = OptText(*st, 9);
  c.place = {st->ColumnText(10), st->ColumnText(11), st->ColumnText(12), st->ColumnText(13)};
  c.place_description = st->ColumnText(14);
  c.description = st->ColumnText(15);
  c.offence_code = st->ColumnText(16);
  c.article = st->ColumnText(17);
  if (st->Type(18) != ColumnType::kNull) c.category = ParseCategory(st->ColumnText(18));
  if (st->Type(19) != ColumnType::kNull) c.amount = Money::FromCents(st->ColumnInt64(19));
  c.plate = OptText(*st, 20);
  c.country = OptText(*st, 21);
  c.source_ref = OptText(*st, 22);
  c.finding_officer = st->ColumnText(23);
  c.finding_officer_kind = st->ColumnText(24);
  auto deadline = OptDayAt(*st, 25, "cases.state_deadline");
  if (!deadline.ok()) return deadline.status();
  c.state_deadline = *deadline;
  auto limit = OptDayAt(*st, 26, "cases.limit_day");
  if (!limit.ok()) return limit.status();
  c.limit_day = *limit;
  c.alarm_months = static_cast<int>(st->ColumnInt64(27));
  auto created = InstantAt(*st, 28, "cases.created_at");
  if (!created.ok()) return created.status();
  c.created_at = *created;
  auto updated = InstantAt(*st, 29, "cases.updated_at");
  if (!updated.ok()) return updated.status();
  c.updated_at = *updated;
  return c;
}

}  // namespace

Result<Case> SqliteCaseStore::GetCase(CaseId id) {
  auto s = Stmt(sql::kCasesGet);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, id.value);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound("case " + std::to_string(id.value) + " does not exist");
  // Reset now: a statement left on its row holds the connection's read snapshot open, and a
  // pooled connection (the web application's) would then read old data in its next request.
  Result<Case> c = ReadCase(st);
  st->Reset();
  return c;
}

namespace {

// A party from parties_of_case.sql's columns, starting at column `o`.
Result<Party> ReadParty(Statement* st, int o) {
  Party p;
  p.id = st->ColumnInt64(o + 0);
  auto role = ParsePartyRole(st->ColumnText(o + 1));
  if (!role.ok()) return Internal("store: parties.role holds an unknown role");
  p.role = *role;
  p.company = st->ColumnInt64(o + 2) != 0;
  p.name = st->ColumnText(o + 3);
  auto birth = OptDayAt(*st, o + 4, "parties.birth_date");
  if (!birth.ok()) return birth.status();
  p.birth_date = *birth;
  p.company_number = st->ColumnText(o + 5);
  p.address = {st->ColumnText(o + 6), st->ColumnText(o + 7), st->ColumnText(o + 8),
               st->ColumnText(o + 9)};
  p.language = st->ColumnText(o + 10);
  p.addressee = st->ColumnInt64(o + 11) != 0;
  return p;
}

}  // namespace

Result<std::vector<Party>> SqliteCaseStore::GetParties(CaseId id) {
  std::vector<Party> out;
  auto s = Stmt(sql::kPartiesOfCase);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, id.value);
  Status rows = EachRow(st, [&]() -> Status {
    auto p = ReadParty(st, 0);
    if (!p.ok()) return p.status();
    out.push_back(std::move(*p));
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

Result<bool> SqliteCaseStore::HasEvent(CaseId id, std::string_view action) {
  auto s = Stmt(sql::kEventsExists);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id.value);
  (*s)->BindText(2, action);
  auto row = (*s)->Step();
  if (!row.ok()) return row.status();
  const bool found = *row;
  (*s)->Reset();
  return found;
}

namespace {

// A JSON array of the ids, for the queries that take many (json_each).
std::string IdArray(std::span<const CaseId> ids) {
  std::string json = "[";
  for (CaseId id : ids) {
    if (json.size() > 1) json += ',';
    json += std::to_string(id.value);
  }
  json += ']';
  return json;
}

}  // namespace

Result<std::vector<Case>> SqliteCaseStore::GetCases(std::span<const CaseId> ids) {
  auto s = Stmt(sql::kCasesGetMany);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, IdArray(ids));
  std::vector<Case> out;
  out.reserve(ids.size());
  Status rows = EachRow(st, [&]() -> Status {
    auto c = ReadCase(st);
    if (!c.ok()) return c.status();
    out.push_back(std::move(*c));
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

Result<std::unordered_map<int64_t, std::vector<Party>>> SqliteCaseStore::GetPartiesOf(
    std::span<const CaseId> ids) {
  auto s = Stmt(sql::kPartiesOfCases);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, IdArray(ids));
  std::unordered_map<int64_t, std::vector<Party>> out;
  Status rows = EachRow(st, [&]() -> Status {
    auto p = ReadParty(st, 1);
    if (!p.ok()) return p.status();
    out[st->ColumnInt64(0)].push_back(std::move(*p));
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

Result<std::unordered_set<int64_t>> SqliteCaseStore::CasesWithEvent(std::span<const CaseId> ids,
                                                                    std::string_view action) {
  auto s = Stmt(sql::kEventsCasesWithAction);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, IdArray(ids));
  st->BindText(2, action);
  std::unordered_set<int64_t> out;
  Status rows = EachRow(st, [&]() -> Status {
    out.insert(st->ColumnInt64(0));
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

Result<CaseFile> SqliteCaseStore::GetCaseFile(CaseId id) {
  CaseFile f;
  auto c = GetCase(id);
  if (!c.ok()) return c.status();
  f.c = std::move(*c);
  auto parties = GetParties(id);
  if (!parties.ok()) return parties.status();
  f.parties = std::move(*parties);
  {
    auto s = Stmt(sql::kEvidenceOfCase);
    if (!s.ok()) return s.status();
    Statement* st = *s;
    st->BindInt64(1, id.value);
    Status rows = EachRow(st, [&]() -> Status {
      Evidence e;
      e.kind = st->ColumnText(0);
      e.ref = st->ColumnText(1);
      e.camera_id = OptText(*st, 2);
      e.detection_id = OptText(*st, 3);
      if (st->Type(4) != ColumnType::kNull) {
        auto at = InstantAt(*st, 4, "evidence.observed_at");
        if (!at.ok()) return at.status();
        e.observed_at = *at;
      }
      e.confidence = OptText(*st, 5);
      f.evidence.push_back(std::move(e));
      return Status::Ok();
    });
    if (!rows.ok()) return rows;
  }
  {
    auto s = Stmt(sql::kEventsOfCase);
    if (!s.ok()) return s.status();
    Statement* st = *s;
    st->BindInt64(1, id.value);
    Status rows = EachRow(st, [&]() -> Status {
      CaseEvent e;
      auto at = InstantAt(*st, 0, "case_events.at");
      if (!at.ok()) return at.status();
      e.at = *at;
      e.actor = st->ColumnText(1);
      e.actor_name = st->ColumnText(2);
      const std::string role = st->ColumnText(3);
      auto r = ParseRole(role);
      e.role = r.ok() ? *r : Role::kSystem;
      e.action = st->ColumnText(4);
      if (st->Type(5) != ColumnType::kNull) {
        auto from = ParseCaseState(st->ColumnText(5));
        if (from.ok()) e.from = *from;
      }
      if (st->Type(6) != ColumnType::kNull) {
        auto to = ParseCaseState(st->ColumnText(6));
        if (to.ok()) e.to = *to;
      }
      e.reason = st->ColumnText(7);
      e.detail = st->ColumnText(8);
      f.events.push_back(std::move(e));
      return Status::Ok();
    });
    if (!rows.ok()) return rows;
  }
  return f;
}

Result<std::optional<CaseId>> SqliteCaseStore::FindBySource(Track track,
                                                            std::string_view source_ref) {
  auto s = Stmt(sql::kCasesBySource);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, TrackName(track));
  (*s)->BindText(2, source_ref);
  auto row = (*s)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<CaseId>();
  return std::optional<CaseId>(CaseId{(*s)->ColumnInt64(0)});
}

Status SqliteCaseStore::ForEachCameraCase(LocalDate from, LocalDate to,
                                          const std::function<void(const CameraCaseKey&)>& fn) {
  auto s = Stmt(sql::kCasesCameraDays);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, from.ToIsoString());
  st->BindText(2, to.ToIsoString());
  CameraCaseKey k;
  Status rows = EachRow(st, [&]() -> Status {
    k.id = CaseId{st->ColumnInt64(0)};
    k.zone_id = st->ColumnText(1);
    k.plate = st->ColumnText(2);
    auto day = DayAt(*st, 3, "cases.facts_day");
    if (!day.ok()) return day.status();
    k.day = *day;
    auto state = ParseCaseState(st->ColumnText(4));
    if (!state.ok()) return Internal("store: a case has an unknown state");
    k.state = *state;
    k.flags = static_cast<uint32_t>(st->ColumnInt64(5));
    auto facts_at = InstantAt(*st, 6, "cases.facts_at");
    if (!facts_at.ok()) return facts_at.status();
    k.facts_at = *facts_at;
    fn(k);
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return Status::Ok();
}

Result<CasePage> SqliteCaseStore::ListCases(const CaseFilter& f) {
  // The cursor: "ID", or "KEY:ID" in deadline order (KEY a day) or name order (KEY the name).
  int64_t after_id = 0;
  std::string after_key;
  if (!f.after.empty()) {
    std::string_view cur = f.after;
    const size_t colon = cur.rfind(':');
    if (colon != std::string_view::npos) {
      after_key = std::string(cur.substr(0, colon));
      cur.remove_prefix(colon + 1);
    }
    try {
      size_t used = 0;
      after_id = std::stoll(std::string(cur), &used);
      if (used != cur.size()) throw std::invalid_argument("cursor");
    } catch (const std::exception&) {
      return InvalidArgument("bad page cursor \"" + f.after + "\"");
    }
  }
  const bool by_due = f.due_before.has_value() && f.plate.empty() && f.name.empty();
  std::string_view sql;
  if (!f.plate.empty()) {
    sql = sql::kCasesListByPlate;
  } else if (!f.name.empty()) {
    sql = sql::kCasesListByName;
  } else if (f.state) {
    sql = sql::kCasesListByState;
  } else if (by_due) {
    sql = sql::kCasesListByDue;
  } else if (f.track) {
    sql = sql::kCasesListByTrack;
  } else {
    sql = sql::kCasesListAll;
  }
  // A state filter drives the query before a deadline filter does: then order stays by id.
  const bool due_order = sql == sql::kCasesListByDue;
  const bool name_order = sql == sql::kCasesListByName;
  auto s = Stmt(sql);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  if (f.track) {
    st->BindText(1, TrackName(*f.track));
  } else {
    st->BindNull(1);
  }
  if (f.state) {
    st->BindText(2, CaseStateName(*f.state));
  } else {
    st->BindNull(2);
  }
  BindOptText(st, 3, Day(f.due_before));
  BindOptText(st, 4, NonEmpty(f.plate));
  const std::string name_lo = AsciiLower(f.name);
  const std::string name_hi = name_lo + "\xff";
  if (f.name.empty()) {
    st->BindNull(5);
    st->BindNull(6);
  } else {
    st->BindText(5, name_order && after_key > name_lo ? after_key : name_lo);
    st->BindText(6, name_hi);
  }
  st->BindInt64(7, after_id);
  const int limit = std::max(1, std::min(f.limit, 1000));
  st->BindInt64(8, limit + 1);  // one more, to know whether there is a next page
  if (due_order || name_order) st->BindText(9, after_key);  // "" sorts before every key
  CasePage page;
  std::string last_name_key;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (static_cast<int>(page.cases.size()) == limit) {
      const CaseSummary& last = page.cases.back();
      page.next = std::to_string(last.id.value);
      if (due_order && last.due_on) page.next = last.due_on->ToIsoString() + ":" + page.next;
      if (name_order) page.next = last_name_key + ":" + page.next;
      break;
    }
    CaseSummary c;
    c.id = CaseId{st->ColumnInt64(0)};
    auto track = ParseTrack(st->ColumnText(1));
    auto state = ParseCaseState(st->ColumnText(2));
    if (!track.ok() || !state.ok()) return Internal("store: a case has an unknown track or state");
    c.track = *track;
    c.state = *state;
    auto day = DayAt(*st, 3, "cases.facts_day");
    if (!day.ok()) return day.status();
    c.facts_day = *day;
    c.plate = OptText(*st, 4);
    c.name = OptText(*st, 5);
    if (name_order) last_name_key = AsciiLower(c.name);
    auto due = OptDayAt(*st, 6, "cases.due_on");
    if (!due.ok()) return due.status();
    c.due_on = *due;
    c.flags = static_cast<uint32_t>(st->ColumnInt64(7));
    c.warning = st->ColumnInt64(8) != 0;
    if (st->Type(9) != ColumnType::kNull) c.amount = Money::FromCents(st->ColumnInt64(9));
    c.year_opened = static_cast<int>(st->ColumnInt64(10));
    page.cases.push_back(std::move(c));
  }
  return page;
}

Result<std::optional<CaseId>> SqliteCaseStore::NextForReview(CaseId after) {
  auto s = Stmt(sql::kCasesNextReview);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, after.value);
  auto row = (*s)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<CaseId>();
  return std::optional<CaseId>(CaseId{(*s)->ColumnInt64(0)});
}

Result<std::vector<CaseId>> SqliteCaseStore::CasesToWake(LocalDate day) {
  auto s = Stmt(sql::kCasesToWake);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, day.ToIsoString());
  std::vector<CaseId> out;
  Status rows = EachRow(*s, [&]() -> Status {
    out.push_back(CaseId{(*s)->ColumnInt64(0)});
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

Result<int64_t> SqliteCaseStore::InsertParty(CaseId id, const Party& p) {
  HH_TRY(FlushIfHeld(id));
  if (p.addressee) {
    auto clear = Stmt(sql::kPartiesClearAddressee);
    if (!clear.ok()) return clear.status();
    (*clear)->BindInt64(1, id.value);
    HH_TRY((*clear)->Run());
  }
  auto s = Stmt(sql::kPartiesInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, id.value);
  st->BindText(2, PartyRoleName(p.role));
  st->BindInt64(3, p.company ? 1 : 0);
  st->BindText(4, p.name);
  BindOptText(st, 5, Day(p.birth_date));
  st->BindText(6, p.company_number);
  st->BindText(7, p.address.street);
  st->BindText(8, p.address.house_number);
  st->BindText(9, p.address.postal_code);
  st->BindText(10, p.address.city);
  st->BindText(11, p.language);
  st->BindInt64(12, p.addressee ? 1 : 0);
  st->BindText(13, OffenderKey(p));
  HH_TRY(st->Run());
  const int64_t party_id = db_->LastInsertId();
  if (p.addressee) HH_TRY(RefreshNameKey(id));
  return party_id;
}

Status SqliteCaseStore::RefreshNameKey(CaseId id) {
  auto s = Stmt(sql::kCasesSetNameKey);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id.value);
  return (*s)->Run();
}

Status SqliteCaseStore::SetAddressee(CaseId id, int64_t party_id) {
  HH_TRY(FlushIfHeld(id));
  auto clear = Stmt(sql::kPartiesClearAddressee);
  if (!clear.ok()) return clear.status();
  (*clear)->BindInt64(1, id.value);
  HH_TRY((*clear)->Run());
  auto s = Stmt(sql::kPartiesSetAddressee);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id.value);
  (*s)->BindInt64(2, party_id);
  HH_TRY((*s)->Run());
  if (db_->Changes() != 1) {
    return NotFound("party " + std::to_string(party_id) + " of case " + std::to_string(id.value) +
                    " does not exist");
  }
  return RefreshNameKey(id);
}

Result<bool> SqliteCaseStore::InsertEvidence(CaseId id, const Evidence& e) {
  if (held_ && id.value >= held_->first_case_id) {
    AddEvidenceRow(held_->evidence, id, e);  // a duplicate read fails the flush
    return true;
  }
  RowBatch one(kEvidenceRowWidth);
  AddEvidenceRow(one, id, e);
  auto s = Stmt(sql::kEvidenceInsert);
  if (!s.ok()) return s.status();
  (*s)->BindRows(1, one);
  HH_TRY((*s)->Run());
  return db_->Changes() == 1;
}

Result<int64_t> SqliteCaseStore::DeleteCameraEvidence(CaseId id) {
  HH_TRY(FlushIfHeld(id));
  auto s = Stmt(sql::kEvidenceDeleteCamera);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id.value);
  HH_TRY((*s)->Run());
  return db_->Changes();
}

Status SqliteCaseStore::AppendEvent(CaseId id, const CaseEvent& e) {
  if (held_) {
    AddEventRow(held_->events, id, e);
    return Status::Ok();
  }
  RowBatch one(kEventRowWidth);
  AddEventRow(one, id, e);
  auto s = Stmt(sql::kEventsInsertRows);
  if (!s.ok()) return s.status();
  (*s)->BindRows(1, one);
  return (*s)->Run();
}

Status SqliteCaseStore::LogLookup(CaseId id, Instant at, std::string_view user,
                                  std::string_view purpose, std::string_view register_name,
                                  std::string_view outcome) {
  HH_TRY(FlushIfHeld(id));
  auto s = Stmt(sql::kLookupsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, id.value);
  st->BindText(2, at.ToUtcString());
  st->BindText(3, user);
  st->BindText(4, purpose);
  st->BindText(5, register_name);
  st->BindText(6, outcome);
  return st->Run();
}

Status SqliteCaseStore::RecordSanction(CaseId id, std::string_view offender_key,
                                       std::string_view article, LocalDate decided,
                                       std::string_view kind, std::optional<Money> amount) {
  if (held_) {
    RowBatch& b = held_->sanctions;
    b.Int(id.value);
    b.Text(offender_key);
    b.Text(article);
    b.Text(decided.ToIsoString());
    b.Text(kind);
    b.OptInt(amount ? std::optional<int64_t>(amount->cents()) : std::nullopt);
    return Status::Ok();
  }
  auto s = Stmt(sql::kSanctionsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, id.value);
  st->BindText(2, offender_key);
  st->BindText(3, article);
  st->BindText(4, decided.ToIsoString());
  st->BindText(5, kind);
  if (amount) {
    st->BindInt64(6, amount->cents());
  } else {
    st->BindNull(6);
  }
  return st->Run();
}

Result<std::vector<PriorSanction>> SqliteCaseStore::SanctionsOf(std::string_view offender_key) {
  auto s = Stmt(sql::kSanctionsOf);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, offender_key);
  std::vector<PriorSanction> out;
  Status rows = EachRow(*s, [&]() -> Status {
    auto day = DayAt(**s, 1, "sanctions.decided_on");
    if (!day.ok()) return day.status();
    out.push_back({(*s)->ColumnText(0), *day});
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

Status SqliteCaseStore::DeleteSanctions(CaseId id) {
  HH_TRY(FlushWrites());  // the held sanctions of the case go too
  auto s = Stmt(sql::kSanctionsDeleteOfCase);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id.value);
  return (*s)->Run();
}

Result<int64_t> SqliteCaseStore::PurgeSanctionsBefore(LocalDate day) {
  auto s = Stmt(sql::kSanctionsPurgeBefore);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, day.ToIsoString());
  HH_TRY((*s)->Run());
  return db_->Changes();
}

Result<std::vector<RegisterStatistic>> SqliteCaseStore::RegisterStatistics() {
  auto s = Stmt(sql::kSanctionsStatistics);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  std::vector<RegisterStatistic> out;
  Status rows = EachRow(st, [&]() -> Status {
    RegisterStatistic r;
    r.year = static_cast<int>(std::strtol(st->ColumnText(0).c_str(), nullptr, 10));
    r.kind = st->ColumnText(1);
    r.article = st->ColumnText(2);
    r.decisions = st->ColumnInt64(3);
    r.amount = Money::FromCents(st->ColumnInt64(4));
    out.push_back(std::move(r));
    return Status::Ok();
  });
  if (!rows.ok()) return rows;
  return out;
}

}  // namespace hh
