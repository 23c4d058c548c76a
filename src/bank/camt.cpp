// ISO 20022 camt.053 (BkToCstmrStmt) and camt.054 (BkToCstmrDbtCdtNtfctn) with pugixml (GAS.md
// 4.4). Elements are matched by local name only, so any namespace prefix and any .001.xx version
// reads the same; where versions differ (Sts as text or Sts/Cd, Dbtr/Nm or Dbtr/Pty/Nm, TxDtls/Amt
// or AmtDtls/TxAmt/Amt) both forms are accepted.
#include "bank/camt.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hh {
namespace {

constexpr std::string_view kStatementMessage = "BkToCstmrStmt";             // camt.053
constexpr std::string_view kNotificationMessage = "BkToCstmrDbtCdtNtfctn";  // camt.054
// LooksLikeCamt looks this far into a file for the message element: it follows the XML
// declaration and the Document start tag, whose namespace and schemaLocation attributes are a
// few hundred bytes; 64 KiB leaves room for a long leading comment.
constexpr size_t kSniffBytes = size_t{64} * 1024;
// A value quoted in a message is cut to this many characters (a whole element in a broken file
// could otherwise fill the screen).
constexpr size_t kQuoteMax = 40;
// ISO 20022 amounts (ActiveOrHistoricCurrencyAndAmount) have at most 18 digits; 15 integer
// digits keep the cents inside int64_t with a wide margin.
constexpr size_t kMaxIntegerDigits = 15;

std::string_view LocalName(const char* qualified) {
  std::string_view name(qualified);
  size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimXml(std::string_view s) {
  while (!s.empty() && IsXmlSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsXmlSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The first child element of `n` with local name `local` (a null node when there is none or
// `n` is null).
pugi::xml_node Child(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) return c;
  }
  return {};
}

// Child(Child(n, a), b)...
pugi::xml_node Find(pugi::xml_node n, std::initializer_list<std::string_view> path) {
  for (std::string_view step : path) n = Child(n, step);
  return n;
}

std::vector<pugi::xml_node> Children(pugi::xml_node n, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) out.push_back(c);
  }
  return out;
}

// The character data of an element (escapes resolved, CDATA included), trimmed; "" for a null
// node.
std::string Text(pugi::xml_node n) {
  std::string out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return std::string(TrimXml(out));
}

std::string WithoutSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

std::string Quote(std::string_view text) {
  if (text.size() > kQuoteMax) return "\"" + std::string(text.substr(0, kQuoteMax)) + "...\"";
  return "\"" + std::string(text) + "\"";
}

// A camt amount: digits, optionally '.' and fraction digits, no sign (ISO 20022 amounts are
// never negative; CdtDbtInd carries the direction). Fraction digits past the second must be
// zero, since we keep cents.
std::optional<Money> ParseAmount(std::string_view text) {
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || whole.size() > kMaxIntegerDigits) return std::nullopt;
  if (dot != std::string_view::npos && frac.empty()) return std::nullopt;
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(whole) || !digits(frac)) return std::nullopt;
  int64_t cents = 0;
  for (char c : whole) cents = cents * 10 + (c - '0');
  for (size_t i = 0; i < 2; ++i) cents = cents * 10 + (i < frac.size() ? frac[i] - '0' : 0);
  for (size_t i = 2; i < frac.size(); ++i) {
    if (frac[i] != '0') return std::nullopt;
  }
  return Money::FromCents(cents);
}

struct Party {
  std::string name;
  std::string account;
  bool empty() const { return name.empty() && account.empty(); }
};

// RltdPties/<role> and RltdPties/<role>Acct: the name directly under the party (up to .001.07)
// or under Pty (.001.08), the account as IBAN or Othr/Id, spaces removed.
Party ReadParty(pugi::xml_node parties, std::string_view role, std::string_view account_role) {
  Party p;
  pugi::xml_node party = Child(parties, role);
  pugi::xml_node name = Child(party, "Nm");
  if (!name) name = Find(party, {"Pty", "Nm"});
  p.name = Text(name);
  pugi::xml_node id = Find(parties, {account_role, "Id"});
  p.account = WithoutSpaces(Text(Child(id, "IBAN")));
  if (p.account.empty()) p.account = WithoutSpaces(Text(Find(id, {"Othr", "Id"})));
  return p;
}

class CamtReader {
 public:
  CamtReader(std::string_view bytes, std::string_view file) : bytes_(bytes), file_(file) {}

  Result<std::vector<BankStatement>> Read();

 private:
  // "line 52" for the start of `n` in the source bytes.
  std::string Where(pugi::xml_node n) const;
  // "FILE: line 52, element Stmt/Ntry/Amt: WHAT"
  Status Error(pugi::xml_node at, std::string_view element, const std::string& what) const;

  Status ReadStatement(pugi::xml_node box, std::string_view format, BankStatement* st);
  Status ReadBalances(pugi::xml_node box, BankStatement* st);
  Status ReadEntry(pugi::xml_node ntry, BankStatement* st);
  // Reads `amt` (an Amt element) into *value and its Ccy attribute into *currency.
  Status ReadAmount(pugi::xml_node amt, std::string_view element, Money* value,
                    std::string* currency) const;
  // The CdtDbtInd child of `parent`: +1 for CRDT, -1 for DBIT; `required` says whether a
  // missing one is an error (else *sign is left alone).
  Status ReadSign(pugi::xml_node parent, std::string_view element, bool required, int* sign) const;
  // A date choice (BookgDt, ValDt, Bal/Dt): its Dt, or the date part of its DtTm as written.
  Status ReadDate(pugi::xml_node choice, std::string_view element,
                  std::optional<LocalDate>* out) const;
  // The amount of one TxDtls in the entry's currency (TxDtls/Amt, else AmtDtls/TxAmt/Amt), or
  // nullopt when it has none in that currency.
  Status ReadDetailAmount(pugi::xml_node tx, const std::string& currency,
                          std::optional<Money>* out) const;
  // Communication and OGM of a TxDtls (or, for an entry without details, of AddtlNtryInf).
  void ReadRemittance(pugi::xml_node tx, BankTransaction* t, BankStatement* st) const;

  std::string box_;  // "Stmt" or "Ntfctn": the first step of element paths in messages
  std::string_view bytes_;
  std::string_view file_;
};

std::string CamtReader::Where(pugi::xml_node n) const {
  ptrdiff_t offset = n.offset_debug();
  if (offset < 0) return "line ?";
  size_t end = std::min(static_cast<size_t>(offset), bytes_.size());
  size_t line = 1 + std::count(bytes_.begin(), bytes_.begin() + static_cast<ptrdiff_t>(end), '\n');
  return "line " + std::to_string(line);
}

Status CamtReader::Error(pugi::xml_node at, std::string_view element,
                         const std::string& what) const {
  return InvalidArgument(std::string(file_) + ": " + Where(at) + ", element " + box_ + "/" +
                         std::string(element) + ": " + what);
}

Status CamtReader::ReadAmount(pugi::xml_node amt, std::string_view element, Money* value,
                              std::string* currency) const {
  std::string text = Text(amt);
  std::optional<Money> m = ParseAmount(text);
  if (!m) return Error(amt, element, Quote(text) + " is not an amount");
  *value = *m;
  *currency = std::string(TrimXml(amt.attribute("Ccy").value()));
  return Status::Ok();
}

Status CamtReader::ReadSign(pugi::xml_node parent, std::string_view element, bool required,
                            int* sign) const {
  pugi::xml_node ind = Child(parent, "CdtDbtInd");
  if (!ind) {
    if (required) return Error(parent, element, "missing");
    return Status::Ok();
  }
  std::string text = Text(ind);
  if (text == "CRDT") {
    *sign = 1;
  } else if (text == "DBIT") {
    *sign = -1;
  } else {
    return Error(ind, element, Quote(text) + " must be CRDT or DBIT");
  }
  return Status::Ok();
}

Status CamtReader::ReadDate(pugi::xml_node choice, std::string_view element,
                            std::optional<LocalDate>* out) const {
  if (pugi::xml_node dt = Child(choice, "Dt")) {
    std::string text = Text(dt);
    auto d = LocalDate::Parse(text);
    if (!d.ok()) return Error(dt, element, Quote(text) + " is not a date (YYYY-MM-DD)");
    *out = *d;
    return Status::Ok();
  }
  if (pugi::xml_node dttm = Child(choice, "DtTm")) {
    // The calendar day as the bank wrote it: camt date-times are the bank's local time, often
    // without an offset.
    std::string text = Text(dttm);
    auto d = LocalDate::Parse(std::string_view(text).substr(0, 10));
    if (!d.ok() || text.size() < 11 || (text[10] != 'T' && text[10] != 't')) {
      return Error(dttm, element, Quote(text) + " is not a date-time (YYYY-MM-DDThh:mm:ss)");
    }
    *out = *d;
    return Status::Ok();
  }
  return Error(choice, element, "has neither Dt nor DtTm");
}

Status CamtReader::ReadBalances(pugi::xml_node box, BankStatement* st) {
  bool opening_from_opbd = false;
  bool have_closing = false;
  for (pugi::xml_node bal : Children(box, "Bal")) {
    std::string code = Text(Find(bal, {"Tp", "CdOrPrtry", "Cd"}));
    pugi::xml_node amt = Child(bal, "Amt");
    if (st->currency.empty() && amt) {
      st->currency = std::string(TrimXml(amt.attribute("Ccy").value()));
    }
    // OPBD (opening booked) is the opening balance; PRCD (previous closing booked) stands in
    // when a bank sends that instead. CLBD (closing booked) is the closing balance. The
    // available and interim balances (OPAV, CLAV, ITBD, ...) are not needed.
    bool opening = code == "OPBD" || (code == "PRCD" && !opening_from_opbd);
    bool closing = code == "CLBD" && !have_closing;
    if (!opening && !closing) continue;
    if (!amt) return Error(bal, "Bal/Amt", "missing");
    Money value;
    std::string currency;
    Status s = ReadAmount(amt, "Bal/Amt", &value, &currency);
    if (!s.ok()) return s;
    int sign = 0;
    s = ReadSign(bal, "Bal/CdtDbtInd", /*required=*/true, &sign);
    if (!s.ok()) return s;
    std::optional<LocalDate> date;
    if (pugi::xml_node dt = Child(bal, "Dt")) {
      s = ReadDate(dt, "Bal/Dt", &date);
      if (!s.ok()) return s;
    }
    Money signed_value = sign < 0 ? -value : value;
    if (opening) {
      st->opening_balance = signed_value;
      st->opening_date = date;
      opening_from_opbd = code == "OPBD";
    } else {
      st->closing_balance = signed_value;
      st->closing_date = date;
      have_closing = true;
    }
  }
  return Status::Ok();
}

Status CamtReader::ReadDetailAmount(pugi::xml_node tx, const std::string& currency,
                                    std::optional<Money>* out) const {
  const std::pair<pugi::xml_node, std::string_view> candidates[] = {
      {Child(tx, "Amt"), "Ntry/NtryDtls/TxDtls/Amt"},
      {Find(tx, {"AmtDtls", "TxAmt", "Amt"}), "Ntry/NtryDtls/TxDtls/AmtDtls/TxAmt/Amt"}};
  for (const auto& [amt, element] : candidates) {
    if (!amt) continue;
    std::string ccy(TrimXml(amt.attribute("Ccy").value()));
    if (!ccy.empty() && !currency.empty() && ccy != currency) continue;
    Money value;
    Status s = ReadAmount(amt, element, &value, &ccy);
    if (!s.ok()) return s;
    *out = value;
    return Status::Ok();
  }
  return Status::Ok();
}

void CamtReader::ReadRemittance(pugi::xml_node tx, BankTransaction* t, BankStatement* st) const {
  std::string free_text;
  std::string refs;
  for (pugi::xml_node rmt : Children(tx, "RmtInf")) {
    for (pugi::xml_node ustrd : Children(rmt, "Ustrd")) {
      std::string part = Text(ustrd);
      if (part.empty()) continue;
      if (!free_text.empty()) free_text += ' ';
      free_text += part;
    }
    for (pugi::xml_node strd : Children(rmt, "Strd")) {
      for (pugi::xml_node cri : Children(strd, "CdtrRefInf")) {
        std::string ref = Text(Child(cri, "Ref"));
        if (ref.empty()) continue;
        if (!refs.empty()) refs += ' ';
        refs += ref;
        if (t->ogm) continue;
        // The Belgian OGM is SCOR with issuer BBA (GAS.md 4.4); a Ref that is a valid OGM
        // under another or no issuer is taken too (some banks leave the issuer out). Swiss QRR
        // (27 digits) and ISO RF references never parse as one.
        auto ogm = StructuredReference::Parse(ref);
        if (ogm.ok()) {
          t->ogm = *ogm;
        } else if (Text(Find(cri, {"Tp", "CdOrPrtry", "Cd"})) == "SCOR" &&
                   Text(Find(cri, {"Tp", "Issr"})) == "BBA") {
          st->warnings.push_back(Where(cri) +
                                 ": a structured reference with issuer BBA is not a valid OGM (" +
                                 ogm.status().message() + ")");
        }
      }
    }
  }
  if (!t->ogm) t->ogm = StructuredReference::FindInText(free_text);
  t->communication = free_text.empty() ? refs : free_text;
}

Status CamtReader::ReadEntry(pugi::xml_node ntry, BankStatement* st) {
  // Sts is text up to .001.06 and Sts/Cd (or Sts/Prtry) from .001.07; no Sts counts as booked.
  std::string status = "BOOK";
  if (pugi::xml_node sts = Child(ntry, "Sts")) {
    status = Text(sts);
    if (status.empty()) status = Text(Child(sts, "Cd"));
    if (status.empty()) status = Text(Child(sts, "Prtry"));
  }
  if (status != "BOOK") {
    // Pending, information-only and future entries are not on the account (yet).
    if (status != "PDNG" && status != "INFO" && status != "FUTR") {
      st->warnings.push_back(Where(ntry) + ": an entry with status " + Quote(status) +
                             " was skipped (only BOOK entries count)");
    }
    return Status::Ok();
  }

  pugi::xml_node amt = Child(ntry, "Amt");
  if (!amt) return Error(ntry, "Ntry/Amt", "missing");
  Money entry_amount;
  std::string currency;
  Status s = ReadAmount(amt, "Ntry/Amt", &entry_amount, &currency);
  if (!s.ok()) return s;
  if (st->currency.empty()) st->currency = currency;
  if (!currency.empty() && currency != st->currency) {
    st->warnings.push_back(Where(ntry) + ": an entry in " + Quote(currency) + " on an account in " +
                           Quote(st->currency));
  }
  int sign = 0;
  s = ReadSign(ntry, "Ntry/CdtDbtInd", /*required=*/true, &sign);
  if (!s.ok()) return s;
  // RvslInd only says that the entry undoes an earlier one: CdtDbtInd already gives the
  // direction of this booking (ISO 20022: CRDT with RvslInd true reverses a debit), so the sign
  // is not flipped. It does swap the parties: the counterparty is that of the original booking.
  std::string reversal = Text(Child(ntry, "RvslInd"));
  bool reversed = reversal == "true" || reversal == "1";

  pugi::xml_node booking = Child(ntry, "BookgDt");
  if (!booking) return Error(ntry, "Ntry/BookgDt", "missing");
  std::optional<LocalDate> booking_date;
  s = ReadDate(booking, "Ntry/BookgDt", &booking_date);
  if (!s.ok()) return s;
  std::optional<LocalDate> value_date;
  if (pugi::xml_node val = Child(ntry, "ValDt")) {
    s = ReadDate(val, "Ntry/ValDt", &value_date);
    if (!s.ok()) return s;
  }
  std::string entry_ref = Text(Child(ntry, "AcctSvcrRef"));

  BankTransaction base;
  base.booking_date = *booking_date;
  base.value_date = value_date;
  base.bank_reference = entry_ref;

  std::vector<pugi::xml_node> details;
  for (pugi::xml_node dtls : Children(ntry, "NtryDtls")) {
    for (pugi::xml_node tx : Children(dtls, "TxDtls")) details.push_back(tx);
  }
  Money entry_signed = sign < 0 ? -entry_amount : entry_amount;
  if (details.empty()) {
    BankTransaction t = base;
    t.amount = entry_signed;
    t.communication = Text(Child(ntry, "AddtlNtryInf"));
    t.ogm = StructuredReference::FindInText(t.communication);
    st->warnings.push_back(Where(ntry) +
                           ": an entry without transaction details (TxDtls), taken as one "
                           "transaction without counterparty");
    st->transactions.push_back(std::move(t));
    return Status::Ok();
  }

  std::vector<BankTransaction> out;
  Money total;
  for (pugi::xml_node tx : details) {
    BankTransaction t = base;
    std::optional<Money> amount;
    s = ReadDetailAmount(tx, currency, &amount);
    if (!s.ok()) return s;
    if (!amount && details.size() == 1) amount = entry_amount;
    if (!amount) {
      // Several details and one without its own amount: the split is unknown, so the entry
      // stays one transaction; its OGM would be a guess.
      BankTransaction whole = base;
      whole.amount = entry_signed;
      whole.communication = Text(Child(ntry, "AddtlNtryInf"));
      st->warnings.push_back(Where(tx) + ": a transaction detail without amount in an entry of " +
                             std::to_string(details.size()) +
                             " details: the entry is taken as one transaction of " +
                             entry_signed.ToDecimalString() + " without OGM or counterparty");
      st->transactions.push_back(std::move(whole));
      return Status::Ok();
    }
    int tx_sign = sign;
    s = ReadSign(tx, "Ntry/NtryDtls/TxDtls/CdtDbtInd", /*required=*/false, &tx_sign);
    if (!s.ok()) return s;
    t.amount = tx_sign < 0 ? -*amount : *amount;
    total += t.amount;
    if (t.bank_reference.empty()) t.bank_reference = Text(Find(tx, {"Refs", "AcctSvcrRef"}));

    // The counterparty of a credit is the debtor, of a debit the creditor (for a reversal, of
    // the booking it undoes); when the file names only the other party, that one.
    pugi::xml_node parties = Child(tx, "RltdPties");
    bool payer_side = (tx_sign > 0) != reversed;
    Party debtor = ReadParty(parties, "Dbtr", "DbtrAcct");
    Party creditor = ReadParty(parties, "Cdtr", "CdtrAcct");
    Party counterparty = payer_side ? debtor : creditor;
    if (counterparty.empty()) counterparty = payer_side ? creditor : debtor;
    t.counterparty_name = std::move(counterparty.name);
    t.counterparty_account = std::move(counterparty.account);

    ReadRemittance(tx, &t, st);
    out.push_back(std::move(t));
  }
  if (total != entry_signed) {
    st->warnings.push_back(Where(ntry) + ": the transaction details add up to " +
                           total.ToDecimalString() + ", the entry amount is " +
                           entry_signed.ToDecimalString());
  }
  for (BankTransaction& t : out) st->transactions.push_back(std::move(t));
  return Status::Ok();
}

Status CamtReader::ReadStatement(pugi::xml_node box, std::string_view format, BankStatement* st) {
  st->format = std::string(format);
  st->number = Text(Child(box, "Id"));
  pugi::xml_node acct = Child(box, "Acct");
  if (!acct) return Error(box, "Acct", "missing");
  pugi::xml_node id = Child(acct, "Id");
  st->account = WithoutSpaces(Text(Child(id, "IBAN")));
  if (st->account.empty()) st->account = WithoutSpaces(Text(Find(id, {"Othr", "Id"})));
  if (st->account.empty()) return Error(acct, "Acct/Id", "has neither IBAN nor Othr/Id");
  st->currency = Text(Child(acct, "Ccy"));

  Status s = ReadBalances(box, st);
  if (!s.ok()) return s;
  for (pugi::xml_node ntry : Children(box, "Ntry")) {
    s = ReadEntry(ntry, st);
    if (!s.ok()) return s;
  }

  if (st->opening_balance && st->closing_balance) {
    Money movements;
    for (const BankTransaction& t : st->transactions) movements += t.amount;
    Money computed = *st->opening_balance + movements;
    if (computed != *st->closing_balance) {
      st->warnings.push_back("opening balance " + st->opening_balance->ToDecimalString() +
                             " + booked movements " + movements.ToDecimalString() + " = " +
                             computed.ToDecimalString() + ", but the closing balance is " +
                             st->closing_balance->ToDecimalString() + " (a difference of " +
                             (*st->closing_balance - computed).ToDecimalString() + ")");
    }
  }
  return Status::Ok();
}

Result<std::vector<BankStatement>> CamtReader::Read() {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(bytes_.data(), bytes_.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    size_t offset =
        std::min(static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0)), bytes_.size());
    std::string_view before = bytes_.substr(0, offset);
    size_t line = 1 + std::count(before.begin(), before.end(), '\n');
    size_t line_start = before.rfind('\n');
    size_t column = line_start == std::string_view::npos ? offset + 1 : offset - line_start;
    return InvalidArgument(std::string(file_) + ": line " + std::to_string(line) + ", column " +
                           std::to_string(column) + " (byte offset " + std::to_string(offset) +
                           "): malformed XML: " + parsed.description());
  }
  pugi::xml_node root = doc.document_element();
  pugi::xml_node message;
  std::string_view format;
  if (LocalName(root.name()) == "Document") {
    if ((message = Child(root, kStatementMessage))) {
      format = "camt.053";
      box_ = "Stmt";
    } else if ((message = Child(root, kNotificationMessage))) {
      format = "camt.054";
      box_ = "Ntfctn";
    }
  }
  if (!message) {
    pugi::xml_node first = Child(root, "BkToCstmrAcctRpt");
    return InvalidArgument(
        std::string(file_) + ": " + Where(first ? first : root) + ": " +
        (first ? "a camt.052 account report, not a statement (camt.053) or notification (camt.054)"
               : "not a camt.053 or camt.054 document (a Document with BkToCstmrStmt or "
                 "BkToCstmrDbtCdtNtfctn)"));
  }
  std::vector<pugi::xml_node> boxes = Children(message, box_);
  if (boxes.empty()) {
    return InvalidArgument(std::string(file_) + ": " + Where(message) + ", element " +
                           std::string(LocalName(message.name())) + ": has no " + box_);
  }
  std::vector<BankStatement> statements;
  for (pugi::xml_node box : boxes) {
    BankStatement st;
    Status s = ReadStatement(box, format, &st);
    if (!s.ok()) return s;
    statements.push_back(std::move(st));
  }
  return statements;
}

}  // namespace

bool LooksLikeCamt(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // UTF-8 byte order mark
  while (!bytes.empty() && IsXmlSpace(bytes.front())) bytes.remove_prefix(1);
  if (bytes.empty() || bytes.front() != '<') return false;
  // A textual look, not a parse: a camt file that is broken further on is still recognised, so
  // that ReadCamt can say where it is broken instead of "not a bank statement".
  std::string_view head = bytes.substr(0, kSniffBytes);
  return head.find("Document") != std::string_view::npos &&
         (head.find(kStatementMessage) != std::string_view::npos ||
          head.find(kNotificationMessage) != std::string_view::npos);
}

Result<std::vector<BankStatement>> ReadCamt(std::string_view bytes, std::string_view file) {
  return CamtReader(bytes, file).Read();
}

}  // namespace hh
