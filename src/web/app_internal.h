// What the parts of WebApp share (app.cpp and the app_*.cpp files of each screen area): the
// connection a request holds, the request context, the role masks of the route table, and small
// formatting helpers. Internal to src/web.
#pragma once

#include <fmt/core.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/instant.h"
#include "core/local_time.h"
#include "store/database.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_payment_store.h"
#include "store/sqlite_settings_store.h"
#include "store/sqlite_user_store.h"
#include "web/app.h"

namespace hh {

// One database connection with the stores over it; used by one request at a time.
struct WebApp::Connection {
  std::unique_ptr<Database> db;
  std::unique_ptr<SqliteCaseStore> cases;
  std::unique_ptr<SqliteUserStore> users;
  std::unique_ptr<SqlitePaymentStore> payments;
  std::unique_ptr<SqliteSettingsStore> settings;
};

// What a handler gets: the request, the language, the connection, the logged-in user, and
// headers to add to whatever it answers (the language cookie).
struct WebApp::Context {
  HttpRequest& req;
  Lang lang = Lang::kNl;
  Connection* conn = nullptr;
  std::optional<Principal> who;
  NameValues extra_headers;
};

namespace webapp {

constexpr RoleMask kPublic = 0;
constexpr RoleMask kAnyUser = RoleBit(Role::kAdministrator) | RoleBit(Role::kSanctioningOfficer) |
                              RoleBit(Role::kReviewer) | RoleBit(Role::kFinance) |
                              RoleBit(Role::kViewer);
constexpr RoleMask kAdministrators = RoleBit(Role::kAdministrator);
// The review queue and acting on cases (app_review.cpp): who reviews (gas/procedure.cpp kReview)
// and every role some transition a person takes allows (Act checks the action itself).
constexpr RoleMask kReviewers = RoleBit(Role::kReviewer) | RoleBit(Role::kSanctioningOfficer);
constexpr RoleMask kCaseActors = RoleBit(Role::kAdministrator) |
                                 RoleBit(Role::kSanctioningOfficer) | RoleBit(Role::kReviewer) |
                                 RoleBit(Role::kFinance);
// Letters and payments (app_billing.cpp): a letter starts legal deadlines, so only the
// sanctioning officer runs them; letters (persons' data) are read by those who send or collect
// them; the finance desk reconciles, the administrator may import and look.
constexpr RoleMask kOfficer = RoleBit(Role::kSanctioningOfficer);
constexpr RoleMask kFinance = RoleBit(Role::kFinance);
constexpr RoleMask kLetterRoles = kAdministrators | kOfficer | kFinance;
constexpr RoleMask kPaymentRoles = kAdministrators | kFinance;

constexpr Role kPeopleRoles[] = {Role::kAdministrator, Role::kSanctioningOfficer, Role::kReviewer,
                                 Role::kFinance, Role::kViewer};

inline bool AllDigits(std::string_view s) {
  return !s.empty() && s.size() <= 18 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// dd/mm/jjjj, or "" for no day.
inline std::string OptDay(const std::optional<LocalDate>& d) { return d ? d->ToDutchString() : ""; }

inline nlohmann::json JsonDay(const std::optional<LocalDate>& d) {
  return d ? nlohmann::json(d->ToIsoString()) : nlohmann::json(nullptr);
}

// "dd/mm/jjjj hh:mm" in the zone.
inline std::string LocalStamp(LocalTime& zone, Instant t) {
  const LocalDateTime l = zone.ToLocal(t);
  return fmt::format("{} {:02d}:{:02d}", l.date.ToDutchString(), l.seconds_of_day / 3600,
                     l.seconds_of_day % 3600 / 60);
}

}  // namespace webapp
}  // namespace hh
