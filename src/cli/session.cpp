#include "cli/session.h"

#include <chrono>
#include <cstdlib>

#include "store/gas_settings_store.h"
#include "store/migrations.h"

namespace hh {

Result<Instant> Now() {
  if (const char* fixed = std::getenv("HANDHAVING_NOW"); fixed != nullptr && *fixed != '\0') {
    auto t = Instant::Parse(fixed);
    if (!t.ok()) return InvalidArgument("HANDHAVING_NOW: " + t.status().message());
    return *t;
  }
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Instant::FromUnix(std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count());
}

Result<Actor> Session::User(const std::string& login) { return ActorFor(*cases, login); }

Result<std::unique_ptr<Session>> OpenSession(const std::string& path) {
  auto now = Now();
  if (!now.ok()) return now.status();
  auto db = Database::Open(path);
  if (!db.ok()) return db.status();
  auto migrated = ApplyMigrations(**db, *now);
  if (!migrated.ok()) return migrated.status();
  auto s = std::make_unique<Session>();
  s->db = std::move(*db);
  s->cases = std::make_unique<SqliteCaseStore>(*s->db);
  s->payments = std::make_unique<SqlitePaymentStore>(*s->db);
  s->settings = std::make_unique<SqliteSettingsStore>(*s->db);
  auto gas = LoadGasSettings(*s->settings);
  if (!gas.ok()) return gas.status();
  s->gas = *gas;
  s->now = *now;
  return s;
}

ReconcileReader* Session::Reader() {
  if (reader_) return reader_.get();
  auto opened = Database::Open(db->path());
  if (!opened.ok()) return nullptr;
  reader_db_ = std::move(*opened);
  reader_cases_ = std::make_unique<SqliteCaseStore>(*reader_db_);
  reader_payments_ = std::make_unique<SqlitePaymentStore>(*reader_db_);
  reader_ = std::make_unique<ReconcileReader>(
      ReconcileReader{reader_cases_.get(), reader_payments_.get()});
  return reader_.get();
}

}  // namespace hh
