#include "store/gas_settings_store.h"

#include <charconv>
#include <functional>

namespace hh {
namespace {

struct Field {
  std::string_view key;
  std::string_view source;
  std::function<std::string(const GasSettings&)> get;
  // Parses and sets; false when the text is not a value of this field's type.
  std::function<bool(GasSettings&, std::string_view)> set;
};

bool ParseInt(std::string_view text, int* out) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return false;
  *out = v;
  return true;
}
bool ParseBool(std::string_view text, bool* out) {
  if (text == "true") {
    *out = true;
  } else if (text == "false") {
    *out = false;
  } else {
    return false;
  }
  return true;
}

Field IntField(std::string_view key, std::string_view source, int GasSettings::*member) {
  return {key, source, [member](const GasSettings& s) { return std::to_string(s.*member); },
          [member](GasSettings& s, std::string_view t) { return ParseInt(t, &(s.*member)); }};
}
Field BoolField(std::string_view key, std::string_view source, bool GasSettings::*member) {
  return {key, source, [member](const GasSettings& s) { return s.*member ? "true" : "false"; },
          [member](GasSettings& s, std::string_view t) { return ParseBool(t, &(s.*member)); }};
}
Field RuleField(std::string_view key, std::string_view source, WeekendRule GasSettings::*member) {
  return {
      key, source,
      [member](const GasSettings& s) {
        return std::string(s.*member == WeekendRule::kShiftToNextWorkingDay ? "shift" : "no_shift");
      },
      [member](GasSettings& s, std::string_view t) {
        if (t == "shift") {
          s.*member = WeekendRule::kShiftToNextWorkingDay;
        } else if (t == "no_shift") {
          s.*member = WeekendRule::kNoShift;
        } else {
          return false;
        }
        return true;
      }};
}

Field TextField(std::string_view key, std::string_view source, std::string GasSettings::*member) {
  return {key, source, [member](const GasSettings& s) { return s.*member; },
          [member](GasSettings& s, std::string_view t) {
            s.*member = std::string(t);
            return true;
          }};
}

const std::vector<Field>& Fields() {
  static const std::vector<Field> kFields = {
      IntField("gas.minimum_age", "local policy, GAS.md 1.5 (14 or 16)", &GasSettings::minimum_age),
      IntField("gas.deemed_notification_working_days", "[UNVERIFIED] GAS.md 1.4.8",
               &GasSettings::deemed_notification_working_days),
      {"gas.decision_limit_start", "legal setting, GAS.md 1.4.6",
       [](const GasSettings& s) {
         return std::string(s.decision_limit_start == DecisionLimitStart::kDateOfFacts
                                ? "date_of_facts"
                                : "date_of_receipt");
       },
       [](GasSettings& s, std::string_view t) {
         if (t == "date_of_facts") {
           s.decision_limit_start = DecisionLimitStart::kDateOfFacts;
         } else if (t == "date_of_receipt") {
           s.decision_limit_start = DecisionLimitStart::kDateOfReceipt;
         } else {
           return false;
         }
         return true;
       }},
      RuleField("gas.citizen_deadline_weekend_rule", "legal setting, Ger.W. art. 52-53",
                &GasSettings::citizen_deadline_weekend_rule),
      RuleField("gas.decision_limit_weekend_rule", "legal setting, GAS.md 1.4.6",
                &GasSettings::decision_limit_weekend_rule),
      IntField("gas.community_service_max_hours_minor", "law, GAS.md 1.3",
               &GasSettings::community_service_max_hours_minor),
      IntField("gas.community_service_max_hours_adult", "[UNVERIFIED] GAS.md 1.3",
               &GasSettings::community_service_max_hours_adult),
      IntField("gas.community_service_completion_months", "[UNVERIFIED] GAS.md 1.3",
               &GasSettings::community_service_completion_months),
      IntField("gas.overlast_payment_months", "local policy, GAS.md 6.2",
               &GasSettings::overlast_payment_months),
      IntField("gas.register_retention_years", "[UNVERIFIED] GAS.md 1.6 (art. 44)",
               &GasSettings::register_retention_years),
      BoolField("gas.traffic_decision_limit", "[UNVERIFIED] GAS.md 2.2",
                &GasSettings::traffic_decision_limit),
      BoolField("gas.review_camera_cases", "local policy, GAS.md 6.4",
                &GasSettings::review_camera_cases),
      IntField("gas.camera_warning_days", "local policy, GAS.md 6.4",
               &GasSettings::camera_warning_days),
      IntField("gas.parking_grouping_minutes", "local policy, PEERS.md 1b",
               &GasSettings::parking_grouping_minutes),
      {"gas.foreign_agreements", "local policy, GAS.md 2.4",
       [](const GasSettings& s) { return s.foreign_agreements; },
       [](GasSettings& s, std::string_view t) {
         // Comma-separated two-letter codes, upper-cased; empty means none.
         std::string out;
         size_t i = 0;
         while (i <= t.size() && !t.empty()) {
           size_t j = t.find(',', i);
           if (j == std::string_view::npos) j = t.size();
           std::string_view code = t.substr(i, j - i);
           if (code.size() != 2) return false;
           if (!out.empty()) out += ',';
           for (char c : code) {
             if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
             out += static_cast<char>(c & ~0x20);
           }
           i = j + 1;
         }
         s.foreign_agreements = out;
         return true;
       }},
      IntField("gas.read_memory_days", "privacy, GAS.md 5 and 6.7", &GasSettings::read_memory_days),
      TextField("letters.city_name", "city details", &GasSettings::city_name),
      TextField("letters.sender", "city details (lines separated by |)", &GasSettings::city_sender),
      TextField("letters.place", "city details", &GasSettings::city_place),
      TextField("letters.iban", "city details: the collection account", &GasSettings::city_iban),
      TextField("letters.bic", "city details", &GasSettings::city_bic),
      TextField("letters.beneficiary", "city details: EPC QR name (EPC069-12, <= 70)",
                &GasSettings::city_beneficiary),
      TextField("letters.qr_ogm_field", "[UNVERIFIED] GAS.md 4.2 (test with the banking apps)",
                &GasSettings::qr_ogm_field),
      TextField("letters.templates_dir", "local: empty = the installed templates",
                &GasSettings::letter_templates_dir),
      IntField("letters.window_left_mm", "the city's envelopes (0 = docs/letters.md default)",
               &GasSettings::window_left_mm),
      IntField("letters.window_top_mm", "the city's envelopes", &GasSettings::window_top_mm),
      IntField("letters.window_width_mm", "the city's envelopes", &GasSettings::window_width_mm),
      IntField("letters.window_height_mm", "the city's envelopes", &GasSettings::window_height_mm),
  };
  return kFields;
}

const Field* FindField(std::string_view key) {
  for (const Field& f : Fields()) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

}  // namespace

std::vector<GasSettingInfo> GasSettingCatalogue() {
  std::vector<GasSettingInfo> out;
  const GasSettings defaults;
  for (const Field& f : Fields()) out.push_back({f.key, f.source, f.get(defaults)});
  return out;
}

Result<GasSettings> LoadGasSettings(SettingsStore& store) {
  GasSettings s;
  for (const Field& f : Fields()) {
    auto v = store.Get(f.key);
    if (!v.ok()) return v.status();
    if (!v->has_value()) continue;
    if (!f.set(s, **v)) {
      return InvalidArgument("setting " + std::string(f.key) + ": stored value \"" + **v +
                             "\" is not valid");
    }
  }
  Status valid = ValidateSettings(s);
  if (!valid.ok()) return valid;
  return s;
}

Result<std::string> GasSettingValue(SettingsStore& store, std::string_view key) {
  const Field* f = FindField(key);
  if (f == nullptr) return NotFound("unknown setting \"" + std::string(key) + "\"");
  auto s = LoadGasSettings(store);
  if (!s.ok()) return s.status();
  return f->get(*s);
}

Status SetGasSetting(SettingsStore& store, std::string_view key, std::string_view value,
                     std::string_view source, std::string_view user, Instant at) {
  const Field* f = FindField(key);
  if (f == nullptr) return NotFound("unknown setting \"" + std::string(key) + "\"");
  auto current = LoadGasSettings(store);
  if (!current.ok()) return current.status();
  GasSettings next = *current;
  if (!f->set(next, value)) {
    return InvalidArgument("setting " + std::string(key) + ": \"" + std::string(value) +
                           "\" is not a valid value");
  }
  Status valid = ValidateSettings(next);
  if (!valid.ok()) return valid;
  return store.Put(key, f->get(next), source, user, at);
}

}  // namespace hh
