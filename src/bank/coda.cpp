// Reader for CODA 2.x (GAS.md 4.3; record layouts from Febelfin "Coded statement of account
// (CODA)", version 2.6, annex I). A file holds one or more statements, each a header record 0,
// an old balance 1, movements 2.1/2.2/2.3 with information records 3.x, a new balance 8, free
// messages 4 and a trailer 9. Malformed records refuse the whole file; what does not add up is
// a warning on the statement.
#include "bank/coda.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/instant.h"
#include "core/money.h"
#include "payref/structured_reference.h"

namespace hh {
namespace {

// Every CODA record is 128 characters (Febelfin CODA 2.6, annex I).
constexpr size_t kRecordLength = 128;

// CODA dates are DDMMYY. [decision] YY is read as 20YY: a CODA 2 statement from the 1900s would
// be far past any retention period, and the rule holds until 2099.
constexpr int kCodaCentury = 2000;

// CODA files are single-byte text: read as Windows-1252 (as acsone/pycoda decodes them), a
// superset of ISO 8859-1; the model holds UTF-8. Bytes 0x80-0x9F of Windows-1252 as Unicode code
// points; 0 where the code page leaves them undefined.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The Windows-1252 byte for a code point, or '?' when the code page has none.
char Cp1252Byte(uint32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<char>(cp);
  for (int i = 0; i < 32; ++i) {
    if (kCp1252High[i] != 0 && kCp1252High[i] == cp) return static_cast<char>(0x80 + i);
  }
  return '?';
}

// Decodes `s` as UTF-8 into code points; false when it is not valid UTF-8.
bool DecodeUtf8(std::string_view s, std::vector<uint32_t>* cps) {
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int extra = 0;
    uint32_t cp = 0;
    if (b < 0x80) {
      cp = b;
    } else if ((b & 0xE0) == 0xC0 && b >= 0xC2) {
      extra = 1;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      extra = 2;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0 && b <= 0xF4) {
      extra = 3;
      cp = b & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size() && extra > 0) return false;
    for (int k = 1; k <= extra; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    cps->push_back(cp);
    i += 1 + extra;
  }
  return true;
}

// A line as a record of exactly 128 single-byte (Windows-1252) characters: the line itself
// when it has 128 bytes, or its Windows-1252 form when it is UTF-8 text of 128 characters (a
// file an editor saved as UTF-8). Otherwise false, with *chars the length to report.
bool ToRecord(std::string_view line, std::string* rec, size_t* chars) {
  if (line.size() == kRecordLength) {
    rec->assign(line);
    return true;
  }
  std::vector<uint32_t> cps;
  if (!DecodeUtf8(line, &cps)) {
    *chars = line.size();
    return false;
  }
  *chars = cps.size();
  if (cps.size() != kRecordLength) return false;
  rec->clear();
  for (uint32_t cp : cps) rec->push_back(Cp1252Byte(cp));
  return true;
}

// Positions as the Febelfin tables give them: 1-based, both ends included.
std::string_view Field(std::string_view rec, size_t from, size_t to) {
  return rec.substr(from - 1, to - from + 1);
}

// The text of a fixed-width zone for people: Windows-1252 to UTF-8, each run of blanks (the
// padding of the zones) made one space, both ends trimmed.
std::string Text(std::string_view zone) {
  std::string out;
  bool blank = false;
  for (char ch : zone) {
    auto b = static_cast<unsigned char>(ch);
    if (b == ' ') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out.push_back(' ');
    blank = false;
    if (b < 0x80) {
      out.push_back(ch);
    } else if (b < 0xA0) {
      uint16_t cp = kCp1252High[b - 0x80];
      AppendUtf8(cp != 0 ? cp : 0xFFFD, &out);
    } else {
      AppendUtf8(b, &out);
    }
  }
  return out;
}

// An account number as the model keeps it: no spaces; empty when the bank wrote only zeros.
std::string Account(std::string_view zone) {
  std::string out;
  for (char ch : Text(zone)) {
    if (ch != ' ') out.push_back(ch);
  }
  if (out.find_first_not_of('0') == std::string::npos) out.clear();
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

int64_t DigitsValue(std::string_view s) {
  int64_t v = 0;
  for (char ch : s) v = v * 10 + (ch - '0');
  return v;
}

// The IBAN of a 12-digit Belgian account number (BBAN): "BE", the check digits 98 - (BBAN
// followed by B=11 E=14 00) mod 97 (ISO 13616), then the BBAN.
std::string BelgianIban(std::string_view bban) {
  std::string digits = std::string(bban) + "111400";
  int rest = 0;
  for (char ch : digits) rest = (rest * 10 + (ch - '0')) % 97;
  int check = 98 - rest;
  std::string iban = "BE";
  iban.push_back(static_cast<char>('0' + check / 10));
  iban.push_back(static_cast<char>('0' + check % 10));
  iban += bban;
  return iban;
}

// "'x'" for a printable character, "byte 0x07" for another: for messages about one position.
std::string Shown(char ch) {
  auto b = static_cast<unsigned char>(ch);
  if (b >= 0x20 && b < 0x7F) return std::string("'") + ch + "'";
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("byte 0x") + kHex[b >> 4] + kHex[b & 0xF];
}

std::string Quoted(std::string_view zone) { return "\"" + Text(zone) + "\""; }

std::string Seq(int n) {
  std::string s = std::to_string(n);
  return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s;
}

// One movement record 2.1 with its 2.2 and 2.3, and its place in a globalisation.
struct Movement {
  size_t line = 0;
  int sequence = 0;
  int detail = 0;
  int globalisation = 0;  // 0 = none; 1..9 = the hierarchy level it opens or closes
  BankTransaction tx;     // everything but the communication, finished at the end
  bool structured = false;
  std::string zone;              // 2.1 positions 63-115, then 2.2 11-63 and 2.3 83-125 when present
  std::vector<size_t> children;  // detail records directly below this one
  bool opens = false;            // it opened a globalisation level (it is a total)
  bool closed = false;           // and a later detail closed that level
};

// A statement between its header record 0 and its trailer record 9.
struct OpenStatement {
  BankStatement st;
  size_t header_line = 0;
  size_t old_line = 0;  // 0 until the old balance record 1
  size_t new_line = 0;  // 0 until the new balance record 8
  char structure = '2';
  std::string previous;  // the last record's kind: "1", "21", "22", "23", "3", "4", "8"
  int64_t records = 0;   // records 1, 2.x, 3.x and 8: what the trailer counts
  Money debit;           // movements with detail number 0000: what the trailer sums
  Money credit;
  std::vector<Movement> group;                 // the records 2.1 of the current sequence number
  std::vector<std::pair<int, size_t>> levels;  // open globalisation levels: code, index
};

class CodaReader {
 public:
  explicit CodaReader(std::string_view file) : file_(file) {}

  Result<std::vector<BankStatement>> Read(std::string_view bytes);

 private:
  // "file: line 4, field amount (33-47): ..."
  Status Error(size_t line, std::string_view field, const std::string& what) const {
    return InvalidArgument(file_ + ": line " + std::to_string(line) + ", field " +
                           std::string(field) + ": " + what);
  }
  Status LineError(size_t line, const std::string& what) const {
    return InvalidArgument(file_ + ": line " + std::to_string(line) + ": " + what);
  }
  void Warn(size_t line, const std::string& what) {
    open_->st.warnings.push_back("line " + std::to_string(line) + ": " + what);
  }

  Status Digits(std::string_view rec, size_t line, size_t from, size_t to, std::string_view field,
                int64_t* out) const;
  Status Amount(std::string_view rec, size_t line, size_t from, std::string_view field,
                Money* out) const;
  Status Sign(std::string_view rec, size_t line, size_t at, std::string_view field,
              bool* debit) const;
  Status Date(std::string_view rec, size_t line, size_t from, std::string_view field,
              bool zero_is_unknown, std::optional<LocalDate>* out) const;
  void AccountZone(std::string_view zone, std::string* account, std::string* currency) const;

  Status Record(std::string_view rec, size_t line);
  Status Header(std::string_view rec, size_t line);
  Status OldBalance(std::string_view rec, size_t line);
  Status Movement1(std::string_view rec, size_t line);
  Status Movement23(std::string_view rec, size_t line, char article);
  Status NewBalance(std::string_view rec, size_t line);
  Status Trailer(std::string_view rec, size_t line);

  void FlushGroup();
  void Emit(size_t index);

  std::string file_;
  std::vector<BankStatement> done_;
  std::optional<OpenStatement> open_;
};

Status CodaReader::Digits(std::string_view rec, size_t line, size_t from, size_t to,
                          std::string_view field, int64_t* out) const {
  std::string_view z = Field(rec, from, to);
  if (!AllDigits(z)) return Error(line, field, Quoted(z) + " must be digits");
  *out = DigitsValue(z);
  return Status::Ok();
}

// Amounts are 15 digits with 3 implied decimals (12 + 3): the third decimal must be 0, as Money
// holds cents.
Status CodaReader::Amount(std::string_view rec, size_t line, size_t from, std::string_view field,
                          Money* out) const {
  std::string_view z = Field(rec, from, from + 14);
  if (!AllDigits(z)) return Error(line, field, Quoted(z) + " must be 15 digits");
  int64_t thousandths = DigitsValue(z);
  if (thousandths % 10 != 0) {
    return Error(line, field,
                 "\"" + std::string(z) + "\" has a third decimal that is not 0 (cents only)");
  }
  *out = Money::FromCents(thousandths / 10);
  return Status::Ok();
}

Status CodaReader::Sign(std::string_view rec, size_t line, size_t at, std::string_view field,
                        bool* debit) const {
  char ch = rec[at - 1];
  if (ch != '0' && ch != '1') {
    return Error(line, field, Shown(ch) + " must be 0 (credit) or 1 (debit)");
  }
  *debit = ch == '1';
  return Status::Ok();
}

Status CodaReader::Date(std::string_view rec, size_t line, size_t from, std::string_view field,
                        bool zero_is_unknown, std::optional<LocalDate>* out) const {
  std::string_view z = Field(rec, from, from + 5);
  if (zero_is_unknown && z == "000000") {
    out->reset();
    return Status::Ok();
  }
  LocalDate d;
  if (!AllDigits(z) ||
      !LocalDate::FromYmd(kCodaCentury + static_cast<int>(DigitsValue(z.substr(4, 2))),
                          static_cast<int>(DigitsValue(z.substr(2, 2))),
                          static_cast<int>(DigitsValue(z.substr(0, 2))), &d)) {
    return Error(line, field, Quoted(z) + " is not a date DDMMYY");
  }
  *out = d;
  return Status::Ok();
}

// The 37 positions "account number and currency code" of records 1 and 8, laid out by the
// account structure of record 1 (CODA 2.6, 7.5): 0 = Belgian account number (12 digits, blank,
// currency), 1 = foreign account number (34, currency), 2 = IBAN of a Belgian account (31,
// extension zone 3, currency), 3 = IBAN of a foreign account (34, currency). A Belgian account
// number is given as its IBAN, so that it compares with the city's.
void CodaReader::AccountZone(std::string_view zone, std::string* account,
                             std::string* currency) const {
  switch (open_->structure) {
    case '0': {
      std::string_view bban = zone.substr(0, 12);
      *account = AllDigits(bban) ? BelgianIban(bban) : Account(bban);
      *currency = Text(zone.substr(13, 3));
      break;
    }
    case '2':
      *account = Account(zone.substr(0, 31));
      *currency = Text(zone.substr(34, 3));
      break;
    default:  // '1', '3'
      *account = Account(zone.substr(0, 34));
      *currency = Text(zone.substr(34, 3));
      break;
  }
}

Result<std::vector<BankStatement>> CodaReader::Read(std::string_view bytes) {
  // Lines end in LF or CRLF; empty lines at the end of the file are no records.
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos <= bytes.size();) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) return InvalidArgument(file_ + ": the file is empty (no CODA records)");

  std::string rec;
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t line = i + 1;
    size_t chars = 0;
    if (!ToRecord(lines[i], &rec, &chars)) {
      return LineError(
          line, "the record has " + std::to_string(chars) + " characters, a CODA record has 128");
    }
    Status s = Record(rec, line);
    if (!s.ok()) return s;
  }
  if (open_) {
    return LineError(lines.size(), "the file ends inside the statement that starts on line " +
                                       std::to_string(open_->header_line) +
                                       ", before its trailer record 9 (is the file complete?)");
  }
  return std::move(done_);
}

Status CodaReader::Record(std::string_view rec, size_t line) {
  const char type = rec[0];
  if (type == '0') return Header(rec, line);
  if (!open_) {
    if (line == 1) {
      return Error(line, "record type (1)",
                   Shown(type) + ": a CODA file starts with a header record 0");
    }
    return Error(line, "record type (1)",
                 Shown(type) + ": after a trailer record 9 only a header record 0 may follow");
  }
  OpenStatement& o = *open_;
  const char article = rec[1];
  if (type == '1') {
    if (o.old_line != 0) {
      return Error(line, "record type (1)",
                   "a second old balance record 1 (the first is on line " +
                       std::to_string(o.old_line) + ")");
    }
    return OldBalance(rec, line);
  }
  if (type == '9') return Trailer(rec, line);
  if (type != '2' && type != '3' && type != '4' && type != '8') {
    return Error(line, "record type (1)", Shown(type) + " is not a CODA record type");
  }
  if (o.old_line == 0) {
    return Error(line, "record type (1)",
                 std::string("record ") + type + " before the old balance record 1");
  }
  if (type == '4') {
    // Free messages from the bank: nothing to reconcile, and the trailer does not count them.
    o.previous = "4";
    return Status::Ok();
  }
  if (o.new_line != 0) {
    return Error(line, "record type (1)",
                 std::string("record ") + type + " after the new balance record 8 (line " +
                     std::to_string(o.new_line) + ")");
  }
  if (type == '8') return NewBalance(rec, line);
  if (article < '1' || article > '3') {
    return Error(line, "article code (2)",
                 Shown(article) + " must be 1, 2 or 3 for a record " + type);
  }
  ++o.records;
  if (type == '3') {
    // Information records 3.1-3.3 (counterparty address, SEPA details, ...) carry no booked
    // amount; nothing of them reaches the model.
    o.previous = "3";
    return Status::Ok();
  }
  if (article == '1') return Movement1(rec, line);
  return Movement23(rec, line, article);
}

Status CodaReader::Header(std::string_view rec, size_t line) {
  if (open_) {
    return Error(line, "record type (1)",
                 "a header record 0 inside the statement that starts on line " +
                     std::to_string(open_->header_line) + " (its trailer record 9 is missing)");
  }
  if (rec[127] != '2') {
    return Error(line, "version (128)",
                 "CODA version " + Shown(rec[127]) +
                     " is not supported: this reader reads CODA 2.x (version code 2)");
  }
  std::optional<LocalDate> created;
  Status s = Date(rec, line, 6, "creation date (6-11)", false, &created);
  if (!s.ok()) return s;
  open_.emplace();
  open_->header_line = line;
  open_->st.format = "coda";
  return Status::Ok();
}

Status CodaReader::OldBalance(std::string_view rec, size_t line) {
  OpenStatement& o = *open_;
  char structure = rec[1];
  if (structure < '0' || structure > '3') {
    return Error(line, "account structure (2)",
                 Shown(structure) +
                     " must be 0, 1, 2 or 3 (Belgian or foreign account number, "
                     "Belgian or foreign IBAN)");
  }
  o.structure = structure;
  o.old_line = line;
  o.previous = "1";
  ++o.records;
  o.st.number = Text(Field(rec, 3, 5));
  AccountZone(Field(rec, 6, 42), &o.st.account, &o.st.currency);
  if (o.st.account.empty()) return Error(line, "account number (6-42)", "empty");
  bool debit = false;
  Status s = Sign(rec, line, 43, "old balance sign (43)", &debit);
  if (!s.ok()) return s;
  Money balance;
  s = Amount(rec, line, 44, "old balance (44-58)", &balance);
  if (!s.ok()) return s;
  o.st.opening_balance = debit ? -balance : balance;
  return Date(rec, line, 59, "old balance date (59-64)", true, &o.st.opening_date);
}

Status CodaReader::Movement1(std::string_view rec, size_t line) {
  OpenStatement& o = *open_;
  Movement m;
  m.line = line;
  int64_t v = 0;
  Status s = Digits(rec, line, 3, 6, "sequence number (3-6)", &v);
  if (!s.ok()) return s;
  m.sequence = static_cast<int>(v);
  s = Digits(rec, line, 7, 10, "detail number (7-10)", &v);
  if (!s.ok()) return s;
  m.detail = static_cast<int>(v);
  m.tx.bank_reference = Text(Field(rec, 11, 31));
  bool debit = false;
  s = Sign(rec, line, 32, "movement sign (32)", &debit);
  if (!s.ok()) return s;
  Money amount;
  s = Amount(rec, line, 33, "amount (33-47)", &amount);
  if (!s.ok()) return s;
  m.tx.amount = debit ? -amount : amount;
  // The value date is 000000 when the bank does not know it (CODA 2.6, record 2.1).
  s = Date(rec, line, 48, "value date (48-53)", true, &m.tx.value_date);
  if (!s.ok()) return s;
  char ctype = rec[61];
  if (ctype != '0' && ctype != '1') {
    return Error(line, "communication type (62)",
                 Shown(ctype) + " must be 0 (free) or 1 (structured)");
  }
  m.structured = ctype == '1';
  m.zone = std::string(Field(rec, 63, 115));
  std::optional<LocalDate> entry;
  s = Date(rec, line, 116, "entry date (116-121)", false, &entry);
  if (!s.ok()) return s;
  m.tx.booking_date = *entry;
  char glob = rec[124];
  if (glob != ' ' && (glob < '0' || glob > '9')) {
    return Error(line, "globalisation code (125)", Shown(glob) + " must be a digit");
  }
  m.globalisation = glob == ' ' ? 0 : glob - '0';

  // The trailer sums the movements with detail number 0000 (CODA 2.6, record 9).
  if (m.detail == 0) (debit ? o.debit : o.credit) += amount;
  bool joins = m.detail != 0 && !o.group.empty() && o.group.front().sequence == m.sequence;
  if (!joins) {
    FlushGroup();
    if (m.detail != 0) {
      Warn(line, "movement " + Seq(m.sequence) + " starts with detail number " + Seq(m.detail) +
                     ", not 0000");
    }
  }
  o.group.push_back(std::move(m));
  o.previous = "21";

  // Globalisation (CODA 2.6, record 2.1 position 125): a code on the total opens a level; the
  // details below it follow, and the last of them repeats the code to close it. A detail with a
  // code that is not open opens a level below (a subtotal).
  const size_t index = o.group.size() - 1;
  Movement& cur = o.group.back();
  if (index > 0) {
    size_t parent = o.levels.empty() ? 0 : o.levels.back().second;
    o.group[parent].children.push_back(index);
  }
  if (cur.globalisation == 0) return Status::Ok();
  size_t open_at = o.levels.size();
  for (size_t k = 0; k < o.levels.size(); ++k) {
    if (o.levels[k].first == cur.globalisation) open_at = k;
  }
  if (index > 0 && open_at < o.levels.size()) {
    while (o.levels.size() > open_at) {
      o.group[o.levels.back().second].closed = true;
      o.levels.pop_back();
    }
  } else {
    cur.opens = true;
    o.levels.emplace_back(cur.globalisation, index);
  }
  return Status::Ok();
}

Status CodaReader::Movement23(std::string_view rec, size_t line, char article) {
  OpenStatement& o = *open_;
  const std::string kind = article == '2' ? "22" : "23";
  if (o.previous != "21" && !(article == '3' && o.previous == "22")) {
    return Error(line, "article code (2)",
                 "a record 2." + std::string(1, article) + " must follow the record 2.1" +
                     (article == '3' ? " or 2.2" : "") + " of its movement");
  }
  Movement& m = o.group.back();
  int64_t sequence = 0;
  int64_t detail = 0;
  Status s = Digits(rec, line, 3, 6, "sequence number (3-6)", &sequence);
  if (!s.ok()) return s;
  s = Digits(rec, line, 7, 10, "detail number (7-10)", &detail);
  if (!s.ok()) return s;
  if (sequence != m.sequence || detail != m.detail) {
    return Error(line, "sequence and detail number (3-10)",
                 "\"" + std::string(Field(rec, 3, 10)) + "\" differs from the movement " +
                     Seq(m.sequence) + Seq(m.detail) + " it continues (line " +
                     std::to_string(m.line) + ")");
  }
  o.previous = kind;
  if (article == '2') {
    m.zone += Field(rec, 11, 63);
    return Status::Ok();
  }
  // Counterparty account (11-47): a 12-digit Belgian account number, a blank and the currency,
  // or an IBAN / foreign number of up to 34 characters and the currency.
  std::string_view account = Field(rec, 11, 47);
  m.tx.counterparty_account =
      Account(account[12] == ' ' ? account.substr(0, 12) : account.substr(0, 34));
  m.tx.counterparty_name = Text(Field(rec, 48, 82));
  m.zone += Field(rec, 83, 125);
  return Status::Ok();
}

Status CodaReader::NewBalance(std::string_view rec, size_t line) {
  OpenStatement& o = *open_;
  FlushGroup();
  o.new_line = line;
  o.previous = "8";
  ++o.records;
  std::string account;
  std::string currency;
  AccountZone(Field(rec, 5, 41), &account, &currency);
  if (!account.empty() && account != o.st.account) {
    Warn(line, "the new balance record names another account than the old balance record (line " +
                   std::to_string(o.old_line) + ")");
  }
  bool debit = false;
  Status s = Sign(rec, line, 42, "new balance sign (42)", &debit);
  if (!s.ok()) return s;
  Money balance;
  s = Amount(rec, line, 43, "new balance (43-57)", &balance);
  if (!s.ok()) return s;
  o.st.closing_balance = debit ? -balance : balance;
  return Date(rec, line, 58, "new balance date (58-63)", true, &o.st.closing_date);
}

Status CodaReader::Trailer(std::string_view rec, size_t line) {
  OpenStatement& o = *open_;
  if (o.new_line == 0) {
    return Error(line, "record type (1)", "a trailer record 9 before the new balance record 8");
  }
  int64_t count = 0;
  Status s = Digits(rec, line, 17, 22, "number of records (17-22)", &count);
  if (!s.ok()) return s;
  Money debit;
  s = Amount(rec, line, 23, "debit movements (23-37)", &debit);
  if (!s.ok()) return s;
  Money credit;
  s = Amount(rec, line, 38, "credit movements (38-52)", &credit);
  if (!s.ok()) return s;

  if (count != o.records) {
    Warn(line, "the trailer counts " + std::to_string(count) + " records, the statement has " +
                   std::to_string(o.records) + " (records 1, 2.x, 3.x and 8)");
  }
  if (debit != o.debit) {
    Warn(line, "the trailer's debit total is " + debit.ToDecimalString() +
                   ", the debit movements (detail number 0000) add up to " +
                   o.debit.ToDecimalString());
  }
  if (credit != o.credit) {
    Warn(line, "the trailer's credit total is " + credit.ToDecimalString() +
                   ", the credit movements (detail number 0000) add up to " +
                   o.credit.ToDecimalString());
  }
  Money movements;
  for (const BankTransaction& t : o.st.transactions) movements += t.amount;
  Money computed = *o.st.opening_balance + movements;
  if (computed != *o.st.closing_balance) {
    Warn(o.new_line, "old balance " + o.st.opening_balance->ToDecimalString() + " + movements " +
                         movements.ToDecimalString() + " = " + computed.ToDecimalString() +
                         ", but the new balance is " + o.st.closing_balance->ToDecimalString());
  }
  done_.push_back(std::move(o.st));
  open_.reset();
  return Status::Ok();
}

// Finishes the records 2.1 of one sequence number: communication and OGM, then the
// transactions, globalised totals replaced by their details.
void CodaReader::FlushGroup() {
  OpenStatement& o = *open_;
  if (o.group.empty()) return;
  for (Movement& m : o.group) {
    if (m.structured) {
      // Structured: a 3-digit type (CODA 2.6, annex III), then the communication. 101 and 102
      // are the Belgian structured reference (written and reconstituted); 12 digits whose check
      // fails, or another type (114: a card payment reference), is no OGM.
      std::string_view type = std::string_view(m.zone).substr(0, 3);
      if (type == "101" || type == "102") {
        auto ogm = StructuredReference::FromDigits(std::string_view(m.zone).substr(3, 12));
        if (ogm.ok()) m.tx.ogm = *ogm;
      }
      m.tx.communication = Text(std::string_view(m.zone).substr(3));
    } else {
      m.tx.communication = Text(m.zone);
      m.tx.ogm = StructuredReference::FindInText(m.tx.communication);
    }
  }
  Emit(0);
  o.group.clear();
  o.levels.clear();
}

// Appends the transaction of group[index], or those of its details when it has details that
// add up to it (GAS.md 4.3: reconcile on the detail lines only). Details that do not add up
// leave the booked total as one transaction.
void CodaReader::Emit(size_t index) {
  OpenStatement& o = *open_;
  const Movement& m = o.group[index];
  const std::string what = "movement " + Seq(m.sequence) + " detail " + Seq(m.detail);
  if (m.children.empty()) {
    if (m.opens) {
      Warn(m.line, what + " opens a globalisation (code " + std::to_string(m.globalisation) +
                       ") but no detail lines follow: it is booked as one movement");
    }
    o.st.transactions.push_back(m.tx);
    return;
  }
  Money sum;
  bool child_ogm = false;
  for (size_t c : m.children) {
    sum += o.group[c].tx.amount;
    child_ogm = child_ogm || o.group[c].tx.ogm.has_value();
  }
  if (sum != m.tx.amount) {
    Warn(m.line, "the " + std::to_string(m.children.size()) + " detail lines of " + what +
                     " add up to " + sum.ToDecimalString() + ", its amount is " +
                     m.tx.amount.ToDecimalString() + ": it is booked as one movement");
    o.st.transactions.push_back(m.tx);
    return;
  }
  if (!m.opens) {
    Warn(m.line, what + " has detail lines but no globalisation code; its " +
                     std::to_string(m.children.size()) + " detail lines add up and are booked");
  } else if (!m.closed) {
    Warn(m.line,
         "the globalisation of " + what + " is not closed; its detail lines add up and are booked");
  }
  if (m.tx.ogm && !child_ogm) {
    Warn(m.line, what +
                     " carries an OGM that none of its detail lines repeats: the details are "
                     "booked without it");
  }
  for (size_t c : m.children) Emit(c);
}

}  // namespace

bool LooksLikeCoda(std::string_view bytes) {
  std::string_view first = bytes.substr(0, bytes.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  std::string rec;
  size_t chars = 0;
  if (!ToRecord(first, &rec, &chars)) return false;
  // Header record 0: "0", zeros (2-5), creation date (6-11), bank identification (12-14),
  // application code 05 (15-16), duplicate code D or blank (17).
  std::string_view r = rec;
  return r.substr(0, 5) == "00000" && AllDigits(Field(r, 6, 14)) && Field(r, 15, 16) == "05" &&
         (r[16] == ' ' || r[16] == 'D');
}

Result<std::vector<BankStatement>> ReadCoda(std::string_view bytes, std::string_view file) {
  return CodaReader(file).Read(bytes);
}

}  // namespace hh
