// The EPC QR payload (EPC069-12 v2.1; GAS.md 4.2): checks every field, converts the text to the
// declared character set and joins the fields.
#include "payref/epc_qr.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace hh {
namespace {

// EPC069-12 v2.1, section 3.4 (the field table), as summarised in GAS.md 4.2 and the segno
// helper the fixtures come from.
constexpr size_t kMaxName = 70;
constexpr size_t kMaxIban = 34;
constexpr size_t kMinIban = 5;  // two letters, two check digits and at least one more
constexpr size_t kMaxReference = 35;
constexpr size_t kMaxText = 140;
constexpr size_t kMaxInformation = 70;
constexpr size_t kPurposeLength = 4;
constexpr int64_t kMinCents = 1;               // EUR 0.01
constexpr int64_t kMaxCents = 99'999'999'999;  // EUR 999999999.99
constexpr size_t kMaxPayloadBytes = 331;       // what QR version 13 at level M holds in 8 bits
constexpr int kCharsetUtf8 = 1;
constexpr int kCharsetLatin1 = 2;

Status FieldError(std::string_view field, const std::string& what) {
  return InvalidArgument("EPC QR: field " + std::string(field) + ": " + what);
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperAlnum(char c) { return IsAsciiUpper(c) || IsAsciiDigit(c); }

// Decodes `s` as UTF-8 into code points; false when it is not well-formed UTF-8 (overlong
// forms, surrogates and values above U+10FFFF included).
bool DecodeUtf8(std::string_view s, std::u32string* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    char32_t cp = 0;
    size_t n = 0;
    if (b < 0x80) {
      cp = b;
    } else if (b >= 0xC2 && b <= 0xDF) {
      cp = b & 0x1Fu;
      n = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      cp = b & 0x0Fu;
      n = 2;
    } else if (b >= 0xF0 && b <= 0xF4) {
      cp = b & 0x07u;
      n = 3;
    } else {
      return false;
    }
    if (n > 0 && i + n >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    out->push_back(cp);
    i += n + 1;
  }
  return true;
}

// Checks one text field (valid UTF-8, no line break, at most `max_chars` characters) and
// appends it to `out` in the payload's character set.
Status AppendText(std::string_view field, std::string_view value, size_t max_chars, int charset,
                  std::string* out) {
  std::u32string cps;
  if (!DecodeUtf8(value, &cps)) return FieldError(field, "not valid UTF-8");
  if (cps.size() > max_chars) {
    return FieldError(field, std::to_string(cps.size()) + " characters, at most " +
                                 std::to_string(max_chars) + " allowed");
  }
  for (char32_t cp : cps) {
    if (cp == U'\n' || cp == U'\r') return FieldError(field, "a line break would end the field");
  }
  if (charset == kCharsetUtf8) {
    out->append(value);
    return Status::Ok();
  }
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] > 0xFF) {
      return FieldError(field, "character " + std::to_string(i + 1) +
                                   " cannot be written in ISO-8859-1 (character set 2)");
    }
    out->push_back(static_cast<char>(cps[i]));
  }
  return Status::Ok();
}

// "EUR58", "EUR12.3", "EUR13.05": the decimals without trailing zeros (EPC069-12; segno);
// with `two_decimals` "EUR58.00", "EUR12.30".
std::string AmountField(Money amount, bool two_decimals) {
  int64_t c = amount.cents();
  std::string s = "EUR" + std::to_string(c / 100);
  int64_t frac = c % 100;
  if (two_decimals) {
    s += '.';
    s += static_cast<char>('0' + frac / 10);
    s += static_cast<char>('0' + frac % 10);
  } else if (frac != 0) {
    s += '.';
    s += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) s += static_cast<char>('0' + frac % 10);
  }
  return s;
}

}  // namespace

Result<std::string> EpcPayload(const EpcTransfer& t) {
  if (t.version != 1 && t.version != 2) {
    return FieldError("version", std::to_string(t.version) + " must be 1 or 2");
  }
  if (t.charset != kCharsetUtf8 && t.charset != kCharsetLatin1) {
    return FieldError(
        "charset", std::to_string(t.charset) + " is not supported (1 = UTF-8 or 2 = ISO-8859-1)");
  }
  if (t.bic.empty()) {
    if (t.version == 1) return FieldError("bic", "required in version 001");
  } else {
    if (t.bic.size() != 8 && t.bic.size() != 11) {
      return FieldError("bic", std::to_string(t.bic.size()) + " characters, must be 8 or 11");
    }
    for (char c : t.bic) {
      if (!IsUpperAlnum(c)) return FieldError("bic", "only capital letters and digits are allowed");
    }
  }
  if (t.name.empty()) return FieldError("name", "must not be empty");
  if (t.iban.size() < kMinIban || t.iban.size() > kMaxIban) {
    return FieldError("iban", std::to_string(t.iban.size()) + " characters, must be " +
                                  std::to_string(kMinIban) + " to " + std::to_string(kMaxIban));
  }
  for (char c : t.iban) {
    if (!IsUpperAlnum(c)) {
      return FieldError("iban", "only capital letters and digits are allowed (no spaces)");
    }
  }
  if (!IsAsciiUpper(t.iban[0]) || !IsAsciiUpper(t.iban[1]) || !IsAsciiDigit(t.iban[2]) ||
      !IsAsciiDigit(t.iban[3])) {
    return FieldError("iban", "must start with a country code and two check digits");
  }
  if (t.amount.has_value() && (t.amount->cents() < kMinCents || t.amount->cents() > kMaxCents)) {
    return FieldError("amount", t.amount->ToDecimalString() + " must be 0.01 to 999999999.99");
  }
  if (!t.purpose.empty()) {
    if (t.purpose.size() != kPurposeLength) {
      return FieldError("purpose", std::to_string(t.purpose.size()) + " characters, must be 4");
    }
    for (char c : t.purpose) {
      if (!IsUpperAlnum(c))
        return FieldError("purpose", "only capital letters and digits are allowed");
    }
  }
  if (!t.reference.empty() && !t.text.empty()) {
    return FieldError("text",
                      "must be empty when a structured reference is given (EPC: never both)");
  }

  // Fields 1..12; trailing empty optional fields are left out.
  std::array<std::string, 12> f;
  f[0] = "BCD";
  f[1] = t.version == 1 ? "001" : "002";
  f[2] = std::to_string(t.charset);
  f[3] = "SCT";
  f[4] = t.bic;
  Status s = AppendText("name", t.name, kMaxName, t.charset, &f[5]);
  if (!s.ok()) return s;
  f[6] = t.iban;
  if (t.amount.has_value()) f[7] = AmountField(*t.amount, t.amount_two_decimals);
  f[8] = t.purpose;
  if (s = AppendText("reference", t.reference, kMaxReference, t.charset, &f[9]); !s.ok()) return s;
  if (s = AppendText("text", t.text, kMaxText, t.charset, &f[10]); !s.ok()) return s;
  if (s = AppendText("information", t.information, kMaxInformation, t.charset, &f[11]); !s.ok()) {
    return s;
  }
  size_t used = f.size();
  while (f[used - 1].empty()) --used;  // stops at the IBAN, which is never empty
  std::string payload;
  for (size_t i = 0; i < used; ++i) {
    if (i > 0) payload += '\n';
    payload += f[i];
  }
  if (payload.size() > kMaxPayloadBytes) {
    return FieldError("payload", std::to_string(payload.size()) + " bytes, at most " +
                                     std::to_string(kMaxPayloadBytes) + " allowed");
  }
  return payload;
}

EpcTransfer PaymentTransfer(const std::string& bic, const std::string& name,
                            const std::string& iban, Money amount, const StructuredReference& ogm,
                            OgmPlacement placement) {
  EpcTransfer t;
  t.version = 2;
  t.charset = kCharsetUtf8;
  t.bic = bic;
  t.name = name;
  t.iban = iban;
  t.amount = amount;
  t.amount_two_decimals = true;
  if (placement == OgmPlacement::kStructured) {
    t.reference = ogm.digits();
  } else {
    t.text = ogm.Printed();
  }
  return t;
}

}  // namespace hh
