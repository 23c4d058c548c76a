#include "holders/vehicle_register.h"

namespace hh {

std::string_view HolderKindName(HolderKind kind) {
  return kind == HolderKind::kCompany ? "company" : "person";
}

std::optional<std::string> NormaliseCountryCode(std::string_view raw) {
  if (raw.size() != 2) return std::nullopt;
  std::string out(raw);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
    if (c < 'A' || c > 'Z') return std::nullopt;
  }
  return out;
}

std::optional<std::string> NormaliseCompanyNumber(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    if (c == '.' || c == ' ') continue;
    if (c < '0' || c > '9') return std::nullopt;
    out.push_back(c);
  }
  if (out.size() != 10) return std::nullopt;
  return out;
}

bool IsLetterLanguage(std::string_view code) {
  return code == "nl" || code == "fr" || code == "de" || code == "en";
}

}  // namespace hh
