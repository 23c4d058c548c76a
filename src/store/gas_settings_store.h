// The GAS settings (gas/settings.h) as rows of the settings store: each field has a key
// ("gas.minimum_age"), a documented default and its source; LoadGasSettings reads the stored
// values over the defaults and validates the result, SetGasSetting checks one value before it
// is stored. Pure over the SettingsStore it is given; same thread rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/status.h"
#include "gas/settings.h"
#include "store/settings_store.h"

namespace hh {

struct GasSettingInfo {
  std::string_view key;
  std::string_view source;  // where the default comes from ("[UNVERIFIED] GAS.md 1.4.8", ...)
  std::string default_value;
};

// Every GAS setting with its default, in a stable order.
std::vector<GasSettingInfo> GasSettingCatalogue();

// The defaults with every stored value applied, validated (ValidateSettings). InvalidArgument
// naming the key when a stored value does not parse or is out of range.
[[nodiscard]] Result<GasSettings> LoadGasSettings(SettingsStore& store);

// The current value of `key` as text (stored or default). NotFound for an unknown key.
[[nodiscard]] Result<std::string> GasSettingValue(SettingsStore& store, std::string_view key);

// Stores `value` for `key` after checking that it parses and that the settings stay valid.
// NotFound for an unknown key; InvalidArgument for a bad value.
[[nodiscard]] Status SetGasSetting(SettingsStore& store, std::string_view key,
                                   std::string_view value, std::string_view source,
                                   std::string_view user, Instant at);

}  // namespace hh
