// The dashboard (figures and the chart data), the settings screen (the law tables read-only, the
// city's settings, cameras and their warning periods, the permit list) and the users screen of
// WebApp (app.h). Handlers are thin: they read the request, call the stores and domain functions
// (store/dashboard_store.h, store/gas_settings_store.h, intake/camera_import.h, web/crypto.h)
// and format the answer. Every change is audited in the same transaction as the change.
#include <fmt/core.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gas/deadlines.h"
#include "gas/law.h"
#include "intake/camera_import.h"
#include "store/gas_settings_store.h"
#include "store/sqlite_dashboard_store.h"
#include "web/app_internal.h"
#include "web/crypto.h"

namespace hh {

using namespace webapp;  // NOLINT(google-build-using-namespace): this file is its part

namespace {

using json = nlohmann::json;

// The chart periods of the dashboard (the numbers): violations per day over the last 30
// days, letters and payments per week over the last 12 weeks (Monday to Sunday).
constexpr int kViolationDays = 30;
constexpr int kActivityWeeks = 12;

// Today in Brussels and the UTC bounds of that local day.
struct LocalToday {
  LocalDate day;
  Instant start;
  Instant end;
};
LocalToday TodayIn(Instant now) {
  LocalTime zone = LocalTime::Brussels();
  const LocalDate day = zone.LocalDay(now);
  // Midnight always exists in Brussels (the clock changes at 02:00 and 03:00).
  return {day, zone.FromLocal(day, 0), zone.FromLocal(day.AddDays(1), 0)};
}

LocalDate MondayOf(LocalDate d) { return d.AddDays(1 - d.iso_weekday()); }

bool UnverifiedSource(std::string_view source) {
  return source.find("[UNVERIFIED]") != std::string_view::npos;
}

// A file name safe to put in a folder of ours: its last path part, only letters, digits, '.',
// '_' and '-' kept; "permits.csv" when nothing is left.
std::string SafeFileName(std::string_view name) {
  if (const size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name = name.substr(slash + 1);
  }
  std::string out;
  for (char ch : name) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
        ch == '.' || ch == '_' || ch == '-') {
      out += ch;
    }
  }
  if (out.empty() || out.front() == '.' || out.size() > 100) return "permits.csv";
  return out;
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

// --- The dashboard. ---------------------------------------------------------------------------

HttpResponse WebApp::Dashboard(Context& c) {
  auto counts = c.conn->users->CountCasesByState();
  if (!counts.ok()) return FromStatus(c, counts.status());
  const LocalToday today = TodayIn(clock_.Now());
  SqliteDashboardStore stats(*c.conn->db);
  auto figures = stats.Figures(today.day, today.start, today.end);
  if (!figures.ok()) return FromStatus(c, figures.status());
  TemplateValue ctx = BaseContext(c, "dashboard_title");
  TemplateValue rows = TemplateValue::List();
  int64_t total = 0;
  for (const StateCount& s : *counts) {
    TemplateValue row;
    row["track"] = std::string(TrackName(s.track));
    row["state"] = std::string(CaseStateName(s.state));
    row["track_label"] = tr_.Get(c.lang, "track." + std::string(TrackName(s.track)));
    row["state_label"] = tr_.Get(c.lang, "state." + std::string(CaseStateName(s.state)));
    row["count"] = s.count;
    rows.Push(std::move(row));
    total += s.count;
  }
  ctx["counts"] = std::move(rows);
  ctx["total"] = total;
  ctx["today"] = today.day.ToDutchString();
  // The intake by source: the camera (AUTOLUW), parking and nuisance (OVERLAST) tracks.
  TemplateValue intake = TemplateValue::List();
  for (Track t : {Track::kAutoluw, Track::kParkeren, Track::kOverlast}) {
    TemplateValue row;
    row["source"] = std::string(TrackName(t));
    row["label"] = tr_.Get(c.lang, "dashboard_source_" + std::string(TrackName(t)));
    row["count"] = figures->opened_today[static_cast<int>(t)];
    intake.Push(std::move(row));
  }
  ctx["intake"] = std::move(intake);
  ctx["review_waiting"] = figures->review_waiting;
  ctx["decision_limit_soon"] = figures->decision_limit_soon;
  ctx["defence_ending_soon"] = figures->defence_ending_soon;
  ctx["payments_to_match"] = figures->payments_to_match;
  // The case list's "deadline before" is exclusive: the day after the horizon.
  ctx["limit_before"] = today.day.AddDays(kDecisionLimitHorizonDays + 1).ToIsoString();
  ctx["defence_before"] = today.day.AddDays(kDefenceHorizonDays + 1).ToIsoString();
  return Page(c, 200, "dashboard", ctx);
}

HttpResponse WebApp::ApiStatsDashboard(Context& c) {
  const LocalToday today = TodayIn(clock_.Now());
  SqliteDashboardStore stats(*c.conn->db);
  auto figures = stats.Figures(today.day, today.start, today.end);
  if (!figures.ok()) return FromStatus(c, figures.status());
  const LocalDate first_day = today.day.AddDays(-(kViolationDays - 1));
  auto violations = stats.ViolationsPerDay(first_day, today.day);
  if (!violations.ok()) return FromStatus(c, violations.status());
  const LocalDate first_monday = MondayOf(today.day).AddDays(-7 * (kActivityWeeks - 1));
  auto activity = stats.ActivityPerDay(first_monday, today.day);
  if (!activity.ok()) return FromStatus(c, activity.status());

  json opened = json::object();
  for (Track t : {Track::kAutoluw, Track::kParkeren, Track::kOverlast}) {
    opened[std::string(TrackName(t))] = figures->opened_today[static_cast<int>(t)];
  }
  json days = json::array();
  for (int i = 0; i < kViolationDays; ++i) days.push_back(first_day.AddDays(i).ToIsoString());
  std::map<std::string, std::vector<int64_t>> per_zone;
  for (const ZoneDayCount& z : *violations) {
    auto& counts = per_zone[z.zone_id];
    counts.resize(kViolationDays, 0);
    counts[z.day.days() - first_day.days()] = z.count;
  }
  json zones = json::array();
  for (const auto& [zone, counts] : per_zone) {
    zones.push_back({{"zone_id", zone}, {"counts", counts}});
  }
  std::vector<int64_t> letters(kActivityWeeks, 0);
  std::vector<int64_t> payments(kActivityWeeks, 0);
  std::vector<int64_t> cents(kActivityWeeks, 0);
  for (const DayActivity& a : *activity) {
    const int week = (a.day.days() - first_monday.days()) / 7;
    letters[week] += a.letters;
    payments[week] += a.payments;
    cents[week] += a.received.cents();
  }
  json weeks = json::array();
  json received = json::array();
  for (int i = 0; i < kActivityWeeks; ++i) {
    weeks.push_back(first_monday.AddDays(7 * i).ToIsoString());
    received.push_back(Money::FromCents(cents[i]).ToDecimalString());
  }
  json out{
      {"today", today.day.ToIsoString()},
      {"opened_today", std::move(opened)},
      {"review_waiting", figures->review_waiting},
      {"decision_limit_soon", figures->decision_limit_soon},
      {"defence_ending_soon", figures->defence_ending_soon},
      {"payments_to_match", figures->payments_to_match},
      {"violations", {{"days", std::move(days)}, {"zones", std::move(zones)}}},
      {"weeks",
       {{"starts", std::move(weeks)},
        {"letters", letters},
        {"payments", payments},
        {"received", std::move(received)}}},
  };
  return HttpResponse::Json(200, out.dump());
}

// --- Settings. --------------------------------------------------------------------------------

HttpResponse WebApp::SettingsView(Context& c, int status, const std::string& message, bool error) {
  TemplateValue ctx = BaseContext(c, "settings_title");
  ctx["message"] = message;
  ctx["error"] = error;
  ctx["changed"] = c.req.Query("changed");
  // The law, read-only.
  TemplateValue amounts = TemplateValue::List();
  for (const LawAmountRow& r : LawAmountTable()) {
    TemplateValue row;
    row["table"] = tr_.Get(c.lang, "settings_law_" + std::string(r.table));
    row["what"] = std::string(r.what);
    row["from"] = r.valid_from.ToDutchString();
    row["until"] = OptDay(r.valid_until);
    row["amount"] = r.amount ? r.amount->ToDutchString() : tr_.Get(c.lang, "settings_not_gas");
    row["source"] = std::string(r.source);
    row["unverified"] = r.unverified;
    amounts.Push(std::move(row));
  }
  ctx["amounts"] = std::move(amounts);
  TemplateValue periods = TemplateValue::List();
  for (const LawPeriod& p : LawPeriods()) {
    TemplateValue row;
    row["label"] = tr_.Get(c.lang, "period." + std::string(p.name));
    row["length"] = p.days > 0 ? fmt::format("{} {}", p.days, tr_.Get(c.lang, "settings_days"))
                               : fmt::format("{} {}", p.months, tr_.Get(c.lang, "settings_months"));
    row["source"] = std::string(p.source);
    periods.Push(std::move(row));
  }
  ctx["periods"] = std::move(periods);
  // The city's settings: GAS policy first, then the city details the letters print.
  TemplateValue gas = TemplateValue::List();
  TemplateValue city = TemplateValue::List();
  auto current = LoadGasSettings(*c.conn->settings);
  for (const GasSettingInfo& info : GasSettingCatalogue()) {
    TemplateValue row;
    const std::string key(info.key);
    Result<std::string> value = current.ok() ? GasSettingValue(*c.conn->settings, key)
                                             : Result<std::string>(current.status());
    auto stored = c.conn->settings->Get(key);
    row["key"] = key;
    row["value"] = value.ok() ? *value : info.default_value;
    row["default"] = info.default_value;
    row["source"] = std::string(info.source);
    row["unverified"] = UnverifiedSource(info.source);
    row["stored"] = stored.ok() && stored->has_value();
    row["changed"] = key == c.req.Query("changed") || key == c.req.Form("key");
    (key.rfind("letters.", 0) == 0 ? city : gas).Push(std::move(row));
  }
  ctx["gas_settings"] = std::move(gas);
  ctx["city_settings"] = std::move(city);
  // Cameras and zones, as last imported.
  LocalTime zone = LocalTime::Brussels();
  auto cameras = c.conn->cases->Cameras();
  if (!cameras.ok()) return FromStatus(c, cameras.status());
  TemplateValue cams = TemplateValue::List();
  for (const CameraRow& r : *cameras) {
    TemplateValue row;
    row["id"] = r.camera_id;
    row["url_id"] = UrlEncode(r.camera_id);
    row["zone"] = r.zone_id;
    row["direction"] = tr_.Get(c.lang, r.entry ? "settings_entry" : "settings_exit");
    row["from"] = LocalStamp(zone, r.active_from);
    row["to"] = r.active_to ? LocalStamp(zone, *r.active_to) : "";
    // Shown as the last local day of the period (stored as the instant it ends).
    row["warning_until"] =
        r.warning_until
            ? zone.LocalDay(Instant::FromUnix(r.warning_until->unix_seconds() - 1)).ToIsoString()
            : "";
    row["warning_shown"] =
        r.warning_until
            ? zone.LocalDay(Instant::FromUnix(r.warning_until->unix_seconds() - 1)).ToDutchString()
            : "";
    cams.Push(std::move(row));
  }
  ctx["cameras"] = std::move(cams);
  auto rules = c.conn->cases->ZoneRules();
  if (!rules.ok()) return FromStatus(c, rules.status());
  TemplateValue zones = TemplateValue::List();
  for (const ZoneRuleRow& r : *rules) {
    TemplateValue row;
    row["zone"] = r.zone_id;
    row["weekdays"] = r.weekdays;
    row["from"] = r.restricted_from;
    row["to"] = r.restricted_to;
    zones.Push(std::move(row));
  }
  ctx["zones"] = std::move(zones);
  return Page(c, status, "settings", ctx);
}

HttpResponse WebApp::SettingsPage(Context& c) { return SettingsView(c, 200, "", false); }

HttpResponse WebApp::SettingsSet(Context& c) {
  const std::string key = c.req.Form("key");
  const std::string value = c.req.Form("value");
  std::string source = c.req.Form("source");
  if (key.empty()) return SettingsView(c, 400, tr_.Get(c.lang, "settings_no_key"), true);
  if (source.empty()) source = "set by " + c.who->user.login + " (web application)";
  auto before = GasSettingValue(*c.conn->settings, key);
  if (!before.ok() && before.status().code() == StatusCode::kNotFound) {
    return SettingsView(
        c, 404, tr_.Get(c.lang, "settings_refused") + " " + before.status().message(), true);
  }
  const Instant now = clock_.Now();
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status set = SetGasSetting(*c.conn->settings, key, value, source, c.who->user.login, now);
    if (!set.ok()) return set;
    return AuditView(
        c, "setting_set", "setting:" + key,
        (before.ok() ? *before : std::string("?")) + " -> " + value + "; source " + source);
  });
  if (!s.ok()) {
    if (s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kNotFound) {
      return SettingsView(c, HttpStatusFor(s.code()),
                          tr_.Get(c.lang, "settings_refused") + " " + s.message(), true);
    }
    return FromStatus(c, s);
  }
  return HttpResponse::Redirect("/settings?changed=" + UrlEncode(key) + "#setting-" + key);
}

HttpResponse WebApp::SettingsPermits(Context& c) {
  std::optional<FormPart> part = c.req.File("permits");
  if (!part || part->data.empty()) {
    return SettingsView(c, 400, tr_.Get(c.lang, "settings_permits_none"), true);
  }
  const std::string name = SafeFileName(part->filename);
  // The import reads a file (as `handhaving import permits` does): the upload goes to a private
  // folder of its own, removed afterwards.
  std::error_code ec;
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path(ec) / ("hh-permits-" + RandomHex(12));
  if (ec || !std::filesystem::create_directory(dir, ec) || ec) {
    return FromStatus(c, Unavailable("cannot make a folder for the upload"));
  }
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  const std::filesystem::path file = dir / name;
  {
    std::ofstream out(file, std::ios::binary);
    out.write(part->data.data(), static_cast<std::streamsize>(part->data.size()));
    if (!out) {
      std::filesystem::remove_all(dir, ec);
      return FromStatus(c, Unavailable("cannot store the upload"));
    }
  }
  // On a connection of its own: the import rebuilds the permits' index (DROP INDEX), which
  // SQLite refuses on a connection with a statement still mid-way (the pool's keep theirs).
  Result<ConfigImportReport> report = Unavailable("the database is not available");
  if (auto db = Database::Open(options_.db_path); db.ok()) {
    SqliteCaseStore store(**db);
    report = ImportPermits(store, file.string());
  }
  std::filesystem::remove_all(dir, ec);
  // This request's own statements still read the database as it was before the import.
  c.conn->db->ResetStatements();
  if (!report.ok()) {
    // The message names the file as the officer knows it, not our temporary path.
    const std::string message = ReplaceAll(report.status().message(), file.string(), name);
    if (report.status().code() == StatusCode::kInvalidArgument) {
      Status a = AuditView(c, "import_permits_refused", "permits", name);
      if (!a.ok()) return FromStatus(c, a);
      return SettingsView(c, 400, tr_.Get(c.lang, "settings_permits_refused") + " " + message,
                          true);
    }
    return FromStatus(c, Status(report.status().code(), message));
  }
  Status a =
      AuditView(c, "import_permits", "permits", fmt::format("{}: {} permits", name, report->rows));
  if (!a.ok()) return FromStatus(c, a);
  return SettingsView(
      c, 200,
      fmt::format("{} {} ({})", tr_.Get(c.lang, "settings_permits_done"), report->rows, name),
      false);
}

HttpResponse WebApp::SettingsCameraWarning(Context& c) {
  const std::string id = c.req.Param("id");
  const std::string until_text = c.req.Form("warning_until");
  std::optional<LocalDate> until;
  if (!until_text.empty()) {
    auto d = LocalDate::Parse(until_text);
    if (!d.ok()) return SettingsView(c, 400, tr_.Get(c.lang, "settings_bad_day"), true);
    until = *d;
  }
  auto cameras = c.conn->cases->Cameras();
  if (!cameras.ok()) return FromStatus(c, cameras.status());
  CameraRow* cam = nullptr;
  for (CameraRow& r : *cameras) {
    if (r.camera_id == id) cam = &r;
  }
  if (cam == nullptr) return SettingsView(c, 404, tr_.Get(c.lang, "settings_no_camera"), true);
  // The period includes its last day: it ends at the next local midnight.
  LocalTime zone = LocalTime::Brussels();
  cam->warning_until =
      until ? std::optional<Instant>(zone.FromLocal(until->AddDays(1), 0)) : std::nullopt;
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status r = c.conn->cases->ReplaceCameras(*cameras);
    if (!r.ok()) return r;
    return AuditView(c, "camera_warning_set", "camera:" + id,
                     until ? "until " + until->ToIsoString() : "none");
  });
  if (!s.ok()) return FromStatus(c, s);
  return SettingsView(c, 200, tr_.Get(c.lang, "settings_camera_done") + " " + id, false);
}

// --- Users. -----------------------------------------------------------------------------------

HttpResponse WebApp::UsersView(Context& c, int status, const std::string& message, bool error) {
  auto users = c.conn->users->ListUsers();
  if (!users.ok()) return FromStatus(c, users.status());
  TemplateValue ctx = BaseContext(c, "users_title");
  ctx["message"] = message;
  ctx["error"] = error;
  auto roles = [&](Role selected) {
    TemplateValue list = TemplateValue::List();
    for (Role r : kPeopleRoles) {
      TemplateValue o;
      o["value"] = std::string(RoleName(r));
      o["label"] = tr_.Get(c.lang, "role." + std::string(RoleName(r)));
      o["selected"] = r == selected;
      list.Push(std::move(o));
    }
    return list;
  };
  TemplateValue rows = TemplateValue::List();
  for (const UserCredentials& u : *users) {
    TemplateValue row;
    row["id"] = u.user.id;
    row["login"] = u.user.login;
    row["name"] = u.user.name;
    row["role_label"] = tr_.Get(c.lang, "role." + std::string(RoleName(u.user.role)));
    row["roles"] = roles(u.user.role);
    row["active"] = u.user.active;
    row["web_login"] = !u.password_hash.empty();
    row["self"] = u.user.id == c.who->user.id;
    rows.Push(std::move(row));
  }
  ctx["users"] = std::move(rows);
  ctx["new_roles"] = roles(Role::kViewer);
  // A refused addition keeps what was typed (never the password).
  const bool refill = error && c.req.path == "/users";
  ctx["new_login"] = refill ? c.req.Form("login") : "";
  ctx["new_name"] = refill ? c.req.Form("name") : "";
  return Page(c, status, "users", ctx);
}

HttpResponse WebApp::UsersPage(Context& c) {
  Status a = AuditView(c, "view_users", "users", "page");
  if (!a.ok()) return FromStatus(c, a);
  return UsersView(c, 200, "", false);
}

namespace {
// The user of path parameter {id}: NotFound when it is not a number or no such user.
Result<User> UserOfPath(WebApp::Context& c) {
  const std::string id = c.req.Param("id");
  if (!AllDigits(id)) return NotFound("no such user");
  auto u = c.conn->users->GetUser(std::stoll(id));
  if (!u.ok()) return u.status();
  if (!u->has_value()) return NotFound("no such user");
  return **u;
}
}  // namespace

HttpResponse WebApp::UsersAdd(Context& c) {
  const std::string login = c.req.Form("login");
  const std::string name = c.req.Form("name");
  const std::string password = c.req.Form("password");
  auto refuse = [&](const Status& s) {
    return UsersView(c, HttpStatusFor(s.code()),
                     tr_.Get(c.lang, "users_refused") + " " + s.message(), true);
  };
  if (Status s = CheckLoginName(login); !s.ok()) return refuse(s);
  if (name.empty() || name.size() > 200) {
    return refuse(InvalidArgument("a name is required (at most 200 characters)"));
  }
  auto role = ParseRole(c.req.Form("role"));
  if (!role.ok()) return refuse(InvalidArgument("role: " + role.status().message()));
  if (Status s = CheckPasswordPolicy(password); !s.ok()) return refuse(s);
  auto hash = HashPassword(password, auth_.settings().cost);
  if (!hash.ok()) return FromStatus(c, hash.status());
  const User user{0, login, name, *role, true};
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status added = c.conn->users->AddUserWithPassword(user, *hash, clock_.Now());
    if (!added.ok()) return added;
    return AuditView(c, "user_add", "user:" + login, std::string(RoleName(*role)));
  });
  if (!s.ok()) {
    if (s.code() == StatusCode::kAlreadyExists) return refuse(s);
    return FromStatus(c, s);
  }
  return UsersView(c, 200, tr_.Get(c.lang, "users_added") + " " + login, false);
}

HttpResponse WebApp::UsersRole(Context& c) {
  auto user = UserOfPath(c);
  if (!user.ok()) return FromStatus(c, user.status());
  auto role = ParseRole(c.req.Form("role"));
  if (!role.ok()) {
    return UsersView(c, 400, tr_.Get(c.lang, "users_refused") + " " + role.status().message(),
                     true);
  }
  // An administrator who demoted themselves could leave the city without one.
  if (user->id == c.who->user.id) {
    return UsersView(c, 409, tr_.Get(c.lang, "users_not_yourself"), true);
  }
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status set = c.conn->users->SetUserRole(user->id, *role);
    if (!set.ok()) return set;
    return AuditView(c, "user_role", "user:" + user->login,
                     std::string(RoleName(user->role)) + " -> " + std::string(RoleName(*role)));
  });
  if (!s.ok()) return FromStatus(c, s);
  return UsersView(c, 200, tr_.Get(c.lang, "users_role_done") + " " + user->login, false);
}

HttpResponse WebApp::UsersDeactivate(Context& c) {
  auto user = UserOfPath(c);
  if (!user.ok()) return FromStatus(c, user.status());
  if (user->id == c.who->user.id) {
    return UsersView(c, 409, tr_.Get(c.lang, "users_not_yourself"), true);
  }
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status set = c.conn->users->SetUserActive(user->id, false);
    if (!set.ok()) return set;
    auto ended = c.conn->users->DeleteSessionsOf(user->id);
    if (!ended.ok()) return ended.status();
    return AuditView(c, "user_deactivate", "user:" + user->login,
                     fmt::format("{} sessions ended", *ended));
  });
  if (!s.ok()) return FromStatus(c, s);
  return UsersView(c, 200, tr_.Get(c.lang, "users_deactivated") + " " + user->login, false);
}

HttpResponse WebApp::UsersPassword(Context& c) {
  auto user = UserOfPath(c);
  if (!user.ok()) return FromStatus(c, user.status());
  const std::string password = c.req.Form("password");
  if (Status p = CheckPasswordPolicy(password); !p.ok()) {
    return UsersView(c, 400, tr_.Get(c.lang, "users_refused") + " " + p.message(), true);
  }
  auto hash = HashPassword(password, auth_.settings().cost);
  if (!hash.ok()) return FromStatus(c, hash.status());
  Status s = c.conn->cases->Transact([&]() -> Status {
    Status set = c.conn->users->SetPasswordHash(user->login, *hash);
    if (!set.ok()) return set;
    // A new password ends the sessions opened with the old one (as `users passwd`).
    auto ended = c.conn->users->DeleteSessionsOf(user->id);
    if (!ended.ok()) return ended.status();
    return AuditView(c, "password_set", "user:" + user->login, "reset by an administrator");
  });
  if (!s.ok()) return FromStatus(c, s);
  if (user->id == c.who->user.id) {
    // Their own session ended with the others: log in again with the new password.
    HttpResponse r = HttpResponse::Redirect("/login");
    r.AddHeader("Set-Cookie", auth_.ClearSessionCookie());
    return r;
  }
  return UsersView(c, 200, tr_.Get(c.lang, "users_password_done") + " " + user->login, false);
}

}  // namespace hh
