// Statement files by content: zip (libzip, in memory), camt.053 / camt.054, CODA; and the JSON
// view of the statements (nlohmann::ordered_json, so the keys keep the documented order).
#include "bank/statement_file.h"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bank/camt.h"
#include "bank/coda.h"

namespace hh {
namespace {

// A zip's first bytes: a local file header, or the end-of-central-directory record of an empty
// archive (PKWARE APPNOTE 4.3.7 and 4.3.16).
constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kEmptyZipMagic = "PK\x05\x06";
// A daily CODA or camt file is kilobytes, a month of a busy account a few megabytes. An entry
// that inflates past this is refused rather than read (a zip bomb would otherwise fill memory).
constexpr uint64_t kMaxEntryBytes = 256ull * 1024 * 1024;
// Zips inside zips are read to this depth; deeper nesting is refused (an archive that contains
// itself would otherwise recurse until memory runs out).
constexpr int kMaxZipDepth = 4;

Result<std::vector<BankStatement>> ReadBytes(std::string_view bytes, const std::string& file,
                                             int depth);

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Whether an archive member is not a statement by construction: a folder, or the resource forks
// macOS adds under __MACOSX/.
bool SkippedEntry(std::string_view name) {
  if (name.empty() || name.back() == '/') return true;
  return name.starts_with("__MACOSX/") || name.find("/__MACOSX/") != std::string_view::npos;
}

Result<std::vector<BankStatement>> ReadZip(std::string_view bytes, const std::string& file,
                                           int depth) {
  if (depth >= kMaxZipDepth) {
    return InvalidArgument(file + ": zip archives nested more than " +
                           std::to_string(kMaxZipDepth) + " deep");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return InvalidArgument(file + ": not a readable zip archive (" + why + ")");
  }
  std::unique_ptr<zip_t, ZipDiscard> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (archive == nullptr) {
    zip_source_free(source);  // zip_open_from_source takes it only on success
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return InvalidArgument(file + ": not a readable zip archive (" + why + ")");
  }
  zip_error_fini(&error);

  std::vector<std::pair<std::string, zip_uint64_t>> entries;
  zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (name == nullptr || SkippedEntry(name)) continue;
    entries.emplace_back(name, static_cast<zip_uint64_t>(i));
  }
  if (entries.empty()) return InvalidArgument(file + ": the zip archive holds no file");
  std::sort(entries.begin(), entries.end());

  std::vector<BankStatement> statements;
  for (const auto& [name, index] : entries) {
    std::string entry_file = file;
    entry_file.append(": ").append(name);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), index, 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
      return InvalidArgument(entry_file + ": cannot be read (" + zip_strerror(archive.get()) + ")");
    }
    if (stat.size > kMaxEntryBytes) {
      return InvalidArgument(entry_file + ": " + std::to_string(stat.size) +
                             " bytes uncompressed, more than a statement file can be (" +
                             std::to_string(kMaxEntryBytes) + ")");
    }
    std::unique_ptr<zip_file_t, ZipFileClose> in(zip_fopen_index(archive.get(), index, 0));
    if (in == nullptr) {
      return InvalidArgument(entry_file + ": cannot be read (" + zip_strerror(archive.get()) + ")");
    }
    std::string content(stat.size, '\0');
    zip_int64_t got = stat.size == 0 ? 0 : zip_fread(in.get(), content.data(), stat.size);
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
      return InvalidArgument(entry_file + ": cannot be read (" + zip_file_strerror(in.get()) + ")");
    }
    auto read = ReadBytes(content, entry_file, depth + 1);
    if (!read.ok()) return read.status();
    for (BankStatement& st : *read) statements.push_back(std::move(st));
  }
  return statements;
}

Result<std::vector<BankStatement>> ReadBytes(std::string_view bytes, const std::string& file,
                                             int depth) {
  if (bytes.starts_with(kZipMagic) || bytes.starts_with(kEmptyZipMagic)) {
    return ReadZip(bytes, file, depth);
  }
  if (LooksLikeCamt(bytes)) return ReadCamt(bytes, file);
  if (LooksLikeCoda(bytes)) return ReadCoda(bytes, file);
  return InvalidArgument(file +
                         ": not a bank statement (CODA, camt.053, camt.054 or a zip of them)");
}

nlohmann::ordered_json TextOrNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

nlohmann::ordered_json MoneyOrNull(const std::optional<Money>& m) {
  if (!m) return nullptr;
  return m->ToDecimalString();
}

nlohmann::ordered_json DateOrNull(const std::optional<LocalDate>& d) {
  if (!d) return nullptr;
  return d->ToIsoString();
}

}  // namespace

Result<std::vector<BankStatement>> ReadStatementBytes(std::string_view bytes,
                                                      std::string_view file) {
  return ReadBytes(bytes, std::string(file), 0);
}

Result<std::vector<BankStatement>> ReadStatementFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Unavailable(path + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable(path + ": cannot be opened (" + std::strerror(errno) + ")");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Unavailable(path + ": cannot be read (" + std::strerror(errno) + ")");
  return ReadStatementBytes(content.view(), path);
}

std::string StatementsJson(const std::vector<BankStatement>& statements) {
  using nlohmann::ordered_json;
  ordered_json list = ordered_json::array();
  for (const BankStatement& st : statements) {
    ordered_json transactions = ordered_json::array();
    for (const BankTransaction& t : st.transactions) {
      ordered_json tx;
      tx["amount"] = t.amount.ToDecimalString();
      tx["booking_date"] = t.booking_date.ToIsoString();
      tx["value_date"] = DateOrNull(t.value_date);
      tx["bank_reference"] = TextOrNull(t.bank_reference);
      tx["ogm"] = t.ogm ? ordered_json(t.ogm->digits()) : ordered_json(nullptr);
      tx["communication"] = TextOrNull(t.communication);
      tx["counterparty_name"] = TextOrNull(t.counterparty_name);
      tx["counterparty_account"] = TextOrNull(t.counterparty_account);
      transactions.push_back(std::move(tx));
    }
    ordered_json j;
    j["format"] = st.format;
    j["account"] = st.account;
    j["currency"] = TextOrNull(st.currency);
    j["number"] = TextOrNull(st.number);
    j["opening_balance"] = MoneyOrNull(st.opening_balance);
    j["closing_balance"] = MoneyOrNull(st.closing_balance);
    j["opening_date"] = DateOrNull(st.opening_date);
    j["closing_date"] = DateOrNull(st.closing_date);
    j["transactions"] = std::move(transactions);
    j["warnings"] = st.warnings;
    list.push_back(std::move(j));
  }
  ordered_json root;
  root["statements"] = std::move(list);
  // Bank files are not always valid UTF-8 (CODA is often Latin-1): replace what is not, rather
  // than throw.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace hh
