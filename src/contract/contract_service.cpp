#include "contract/contract_service.h"

#include <fmt/core.h>

#include "billing/digest.h"
#include "contract/gas_measures.h"

namespace hh {

Status BindIndicator(ContractStore& store, GasMeasures& gas, std::string_view key,
                     std::string_view measure, const std::string& login, Instant now) {
  Result<Contract> c = LoadAmendedContract(store);
  if (!c.ok()) return c.status();
  std::optional<IndicatorRef> at = FindIndicator(*c, key);
  if (!at) return NotFound(fmt::format("no indicator {} in the contract", key));
  if (at->indicator->kind == IndicatorKind::kExistence) {
    return InvalidArgument(fmt::format(
        "indicator {} is an existence indicator: it is met by evidence, not by a measure", key));
  }
  MeasureRegistry registry;
  if (Status s = RegisterGasMeasures(registry, gas); !s.ok()) return s;
  if (registry.Find(measure) == nullptr) {
    return NotFound(
        fmt::format("no measure {} (handhaving contract measures lists them)", measure));
  }
  return store.Bind({std::string(key), at->indicator->text.text, std::string(measure), now, login});
}

Result<int64_t> AddIndicatorEvidence(ContractStore& store, std::string_view key, int year,
                                     std::string note, std::string file_name,
                                     std::string content_type, std::string_view content,
                                     const std::string& login, Instant now) {
  Result<Contract> c = LoadAmendedContract(store);
  if (!c.ok()) return c.status();
  std::optional<IndicatorRef> at = FindIndicator(*c, key);
  if (!at) return NotFound(fmt::format("no indicator {} in the contract", key));
  if (note.find_first_not_of(" \t\r\n") == std::string::npos) {
    return InvalidArgument("evidence: the note is empty (say what proves the indicator)");
  }
  if ((c->period_from && year < c->period_from->year()) ||
      (c->period_to && year > c->period_to->year()) || year < 1900 || year > 9999) {
    return InvalidArgument(fmt::format("evidence: {} is not a working year of the contract", year));
  }
  if (!file_name.empty() && content.empty()) {
    return InvalidArgument("evidence: the file " + file_name + " is empty");
  }
  IndicatorEvidence e;
  e.key = std::string(key);
  e.text = at->indicator->text.text;
  e.year = year;
  e.note = std::move(note);
  e.file_name = std::move(file_name);
  e.content_type = content_type.empty() ? "application/octet-stream" : std::move(content_type);
  if (!e.file_name.empty()) e.sha256 = Sha256Hex(content);
  e.added_at = now;
  e.added_by = login;
  return store.AddEvidence(e, content);
}

Status ResolveUncertain(ContractStore& store, int number, std::string value,
                        const std::string& login, Instant now) {
  Result<Contract> c = LoadAmendedContract(store);
  if (!c.ok()) return c.status();
  if (number < 1 || number > static_cast<int>(c->uncertain.size())) {
    return NotFound(
        fmt::format("no uncertain item {} (there are {})", number, c->uncertain.size()));
  }
  const UncertainItem& u = c->uncertain[static_cast<size_t>(number - 1)];
  Resolution r;
  r.what = u.what;
  r.original = u.original;
  r.confirmed = value.empty();
  r.value = std::move(value);
  r.at = now;
  r.by = login;
  return store.Resolve(r);
}

Result<Contract> LoadAmendedContract(ContractStore& store) {
  Result<Contract> c = store.LoadContract();
  if (!c.ok()) return c.status();
  Result<std::vector<Amendment>> a = store.Amendments();
  if (!a.ok()) return a.status();
  if (a->empty()) return c;
  return ApplyAmendments(*c, *a).contract;
}

namespace {

// `all` without the amendment of `path`.
std::vector<Amendment> Without(const std::vector<Amendment>& all, std::string_view path) {
  std::vector<Amendment> out;
  for (const Amendment& a : all) {
    if (a.path != path) out.push_back(a);
  }
  return out;
}

// When `path` is an indicator's text that changes from `before` to `after`, the bindings and
// evidence kept with the old text follow the key.
Status FollowText(ContractStore& store, std::string_view path, const Contract& before,
                  const Contract& after) {
  std::optional<std::string> key = IndicatorKeyOfTextPath(path);
  if (!key) return Status::Ok();
  Result<std::string> from = PartValue(before, path);
  Result<std::string> to = PartValue(after, path);
  if (!from.ok() || !to.ok() || *from == *to) return Status::Ok();
  return store.RetextIndicator(*key, *from, *to);
}

}  // namespace

Result<Amendment> AmendContract(ContractStore& store, std::string_view path, std::string value,
                                const std::string& login, Instant now) {
  Result<Contract> imported = store.LoadContract();
  if (!imported.ok()) return imported.status();
  Result<std::vector<Amendment>> all = store.Amendments();
  if (!all.ok()) return all.status();
  // The new amendment is the latest: it applies after every other one.
  std::vector<Amendment> others = Without(*all, path);
  Contract after = ApplyAmendments(*imported, others).contract;
  if (Status s = ApplyAmendment(after, path, value); !s.ok()) return s;
  const Contract before = ApplyAmendments(*imported, *all).contract;
  Amendment a;
  a.path = std::string(path);
  a.value = std::move(value);
  a.at = now;
  a.by = login;
  Result<std::string> as_imported = PartValue(*imported, path);
  if (as_imported.ok()) a.original = *as_imported;
  Status s = store.Transact([&]() -> Status {
    if (Status w = store.SaveAmendment(a); !w.ok()) return w;
    return FollowText(store, path, before, after);
  });
  if (!s.ok()) return s;
  return a;
}

Status UndoAmendment(ContractStore& store, std::string_view path) {
  Result<Contract> imported = store.LoadContract();
  if (!imported.ok()) return imported.status();
  Result<std::vector<Amendment>> all = store.Amendments();
  if (!all.ok()) return all.status();
  const Contract before = ApplyAmendments(*imported, *all).contract;
  const Contract after = ApplyAmendments(*imported, Without(*all, path)).contract;
  return store.Transact([&]() -> Status {
    if (Status w = store.RemoveAmendment(path); !w.ok()) return w;
    return FollowText(store, path, before, after);
  });
}

Result<ContractReport> ContractReportOf(ContractStore& store, GasMeasures& gas, int year,
                                        LocalDate today) {
  if (year < 1900 || year > 9999) {
    return InvalidArgument(fmt::format("year {}: must be a year such as 2019", year));
  }
  Result<Contract> c = LoadAmendedContract(store);
  if (!c.ok()) return c.status();
  ReportInputs in;
  in.contract = &*c;
  Result<std::vector<IndicatorBinding>> b = store.Bindings();
  if (!b.ok()) return b.status();
  in.bindings = std::move(*b);
  Result<std::vector<IndicatorEvidence>> e = store.EvidenceOfYear(year);
  if (!e.ok()) return e.status();
  in.evidence = std::move(*e);
  Result<std::vector<Resolution>> r = store.Resolutions();
  if (!r.ok()) return r.status();
  in.resolutions = std::move(*r);
  const Period y = Period::Year(year);
  Result<std::vector<Spending>> s = store.SpendingBetween(y.from, y.to);
  if (!s.ok()) return s.status();
  in.spending = std::move(*s);
  MeasureRegistry registry;
  if (Status st = RegisterGasMeasures(registry, gas); !st.ok()) return st;
  return BuildContractReport(in, registry, year, today);
}

}  // namespace hh
