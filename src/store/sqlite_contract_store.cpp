#include "store/sqlite_contract_store.h"

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "store/sql_queries.h"  // generated from sql/queries/*.sql

namespace hh {
namespace {

void BindDate(Statement& st, int index, const std::optional<LocalDate>& d) {
  if (d) {
    st.BindText(index, d->ToIsoString());
  } else {
    st.BindNull(index);
  }
}

Result<std::optional<LocalDate>> ColumnDate(const Statement& st, int column) {
  if (st.Type(column) == ColumnType::kNull) return std::optional<LocalDate>();
  Result<LocalDate> d = LocalDate::Parse(st.ColumnText(column));
  if (!d.ok()) return Internal("contract store: a stored date is not YYYY-MM-DD");
  return std::optional<LocalDate>(*d);
}

ContractText ColumnTexts(const Statement& st, int text, int original, int line) {
  return {st.ColumnText(text), st.ColumnText(original), static_cast<int>(st.ColumnInt64(line))};
}

void BindTexts(Statement& st, int index, const ContractText& t) {
  st.BindText(index, t.text);
  st.BindText(index + 1, t.original);
  st.BindInt64(index + 2, t.line);
}

// Runs `sql` once per element of `items`, binding each with `bind(statement, position, item)`.
template <typename T, typename Bind>
Status InsertAll(Database& db, std::string_view sql, const std::vector<T>& items, Bind bind) {
  Result<Statement> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < items.size(); ++i) {
    st->Reset();
    bind(*st, static_cast<int64_t>(i), items[i]);
    if (Status s = st->Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

// Runs `sql` (no parameters) and calls `row` for each row, stopping at its first error.
template <typename F>
Status ForEachRow(Database& db, std::string_view sql, F row) {
  Result<Statement> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> more = st->Step();
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
    if (Status s = row(*st); !s.ok()) return s;
  }
}

}  // namespace

Status SqliteContractStore::ReplaceContract(const Contract& c, Instant imported_at) {
  if (db_->InTransaction()) return Write(c, imported_at);
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  if (Status s = Write(c, imported_at); !s.ok()) return s;
  return tx->Commit();
}

Status SqliteContractStore::Write(const Contract& c, Instant imported_at) {
  Result<Statement> del = db_->Prepare(sql::kContractDelete);
  if (!del.ok()) return del.status();
  if (Status s = del->Run(); !s.ok()) return s;

  Result<Statement> ins = db_->Prepare(sql::kContractInsert);
  if (!ins.ok()) return ins.status();
  ins->BindText(1, c.source_file);
  BindDate(*ins, 2, c.period_from);
  BindDate(*ins, 3, c.period_to);
  BindDate(*ins, 4, c.decision.date);
  ins->BindInt64(5, c.decision.votes_for);
  ins->BindInt64(6, c.decision.votes_against);
  ins->BindInt64(7, c.decision.abstentions);
  ins->BindText(8, imported_at.ToUtcString());
  if (Status s = ins->Run(); !s.ok()) return s;

  Status s = InsertAll(*db_, sql::kContractPartiesInsert, c.parties,
                       [](Statement& st, int64_t pos, const ContractParty& p) {
                         st.BindInt64(1, pos);
                         st.BindText(2, p.role);
                         BindTexts(st, 3, p.name);
                       });
  if (!s.ok()) return s;
  s = InsertAll(*db_, sql::kContractAbstainersInsert, c.decision.abstainers,
                [](Statement& st, int64_t pos, const std::string& name) {
                  st.BindInt64(1, pos);
                  st.BindText(2, name);
                });
  if (!s.ok()) return s;
  s = InsertAll(*db_, sql::kContractRubricsInsert, c.rubrics,
                [](Statement& st, int64_t pos, const Rubric& r) {
                  st.BindText(1, r.number);
                  st.BindInt64(2, pos);
                  BindTexts(st, 3, r.title);
                  st.BindInt64(6, r.annual_amount.cents());
                });
  if (!s.ok()) return s;
  for (const Rubric& r : c.rubrics) {
    s = InsertAll(*db_, sql::kContractRubricYearsInsert, r.years,
                  [&r](Statement& st, int64_t, const RubricYear& y) {
                    st.BindText(1, r.number);
                    st.BindInt64(2, y.year);
                    st.BindInt64(3, y.amount.cents());
                  });
    if (!s.ok()) return s;
  }

  Result<Statement> group = db_->Prepare(sql::kContractGroupsInsert);
  Result<Statement> strategic = db_->Prepare(sql::kContractStrategicInsert);
  Result<Statement> item = db_->Prepare(sql::kContractItemsInsert);
  Result<Statement> indicator = db_->Prepare(sql::kContractIndicatorsInsert);
  for (const Status& p : {group.status(), strategic.status(), item.status(), indicator.status()}) {
    if (!p.ok()) return p;
  }
  for (size_t g = 0; g < c.objectives.size(); ++g) {
    const ObjectiveGroup& og = c.objectives[g];
    group->Reset();
    group->BindInt64(1, static_cast<int64_t>(g));
    group->BindText(2, og.rubric);
    if (og.sector) {
      group->BindInt64(3, *og.sector);
    } else {
      group->BindNull(3);
    }
    BindTexts(*group, 4, og.general);
    if (Status r = group->Run(); !r.ok()) return r;
    int64_t group_id = db_->LastInsertId();
    for (size_t k = 0; k < og.strategic.size(); ++k) {
      const StrategicObjective& so = og.strategic[k];
      strategic->Reset();
      strategic->BindInt64(1, group_id);
      strategic->BindInt64(2, static_cast<int64_t>(k));
      strategic->BindInt64(3, so.number);
      BindTexts(*strategic, 4, so.title);
      if (Status r = strategic->Run(); !r.ok()) return r;
      int64_t strategic_id = db_->LastInsertId();
      for (const auto& [list, texts] : {std::pair<const char*, const std::vector<ContractText>*>{
                                            "operational", &so.operational},
                                        {"expected_result", &so.expected_results}}) {
        for (size_t i = 0; i < texts->size(); ++i) {
          item->Reset();
          item->BindInt64(1, strategic_id);
          item->BindText(2, list);
          item->BindInt64(3, static_cast<int64_t>(i));
          BindTexts(*item, 4, (*texts)[i]);
          if (Status r = item->Run(); !r.ok()) return r;
        }
      }
      for (size_t i = 0; i < so.indicators.size(); ++i) {
        const Indicator& ind = so.indicators[i];
        indicator->Reset();
        indicator->BindInt64(1, strategic_id);
        indicator->BindInt64(2, static_cast<int64_t>(i));
        BindTexts(*indicator, 3, ind.text);
        indicator->BindText(6, IndicatorKindName(ind.kind));
        if (ind.threshold) {
          indicator->BindInt64(7, ind.threshold->min);
          indicator->BindText(8, ind.threshold->per);
        } else {
          indicator->BindNull(7);
          indicator->BindNull(8);
        }
        if (Status r = indicator->Run(); !r.ok()) return r;
      }
    }
  }

  s = InsertAll(*db_, sql::kContractStepsInsert, c.procedure,
                [](Statement& st, int64_t pos, const ProcedureStep& p) {
                  st.BindInt64(1, pos);
                  BindTexts(st, 2, p.step);
                  BindDate(st, 5, p.deadline);
                });
  if (!s.ok()) return s;
  s = InsertAll(*db_, sql::kContractTotalsInsert, c.totals,
                [](Statement& st, int64_t pos, const StatedTotal& t) {
                  st.BindInt64(1, pos);
                  st.BindInt64(2, t.line);
                  st.BindInt64(3, t.amount.cents());
                  st.BindText(4, t.as_written);
                  st.BindInt64(5, t.well_formed ? 1 : 0);
                });
  if (!s.ok()) return s;
  s = InsertAll(*db_, sql::kContractWarningsInsert, c.warnings,
                [](Statement& st, int64_t pos, const std::string& w) {
                  st.BindInt64(1, pos);
                  st.BindText(2, w);
                });
  if (!s.ok()) return s;
  return InsertAll(*db_, sql::kContractUncertainInsert, c.uncertain,
                   [](Statement& st, int64_t pos, const UncertainItem& u) {
                     st.BindInt64(1, pos);
                     st.BindText(2, u.what);
                     st.BindInt64(3, u.line);
                     st.BindText(4, u.original);
                     st.BindText(5, u.corrected);
                   });
}

Result<Contract> SqliteContractStore::LoadContract() {
  // One snapshot for all the reads; a read-only transaction that is rolled back at the end.
  std::optional<Transaction> tx;
  if (!db_->InTransaction()) {
    Result<Transaction> t = Transaction::Begin(*db_, Transaction::Mode::kDeferred);
    if (!t.ok()) return t.status();
    tx.emplace(std::move(*t));
  }
  Contract c;
  {
    Result<Statement> get = db_->Prepare(sql::kContractGet);
    if (!get.ok()) return get.status();
    Result<bool> row = get->Step();
    if (!row.ok()) return row.status();
    if (!*row) return NotFound("no contract has been imported (handhaving contract import)");
    c.source_file = get->ColumnText(0);
    Result<std::optional<LocalDate>> from = ColumnDate(*get, 1);
    Result<std::optional<LocalDate>> to = ColumnDate(*get, 2);
    Result<std::optional<LocalDate>> date = ColumnDate(*get, 3);
    for (const Status& st : {from.status(), to.status(), date.status()}) {
      if (!st.ok()) return st;
    }
    c.period_from = *from;
    c.period_to = *to;
    c.decision.date = *date;
    c.decision.votes_for = static_cast<int>(get->ColumnInt64(4));
    c.decision.votes_against = static_cast<int>(get->ColumnInt64(5));
    c.decision.abstentions = static_cast<int>(get->ColumnInt64(6));
  }
  Status s = ForEachRow(*db_, sql::kContractPartiesAll, [&](const Statement& st) {
    c.parties.push_back({st.ColumnText(0), ColumnTexts(st, 1, 2, 3)});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachRow(*db_, sql::kContractAbstainersAll, [&](const Statement& st) {
    c.decision.abstainers.push_back(st.ColumnText(0));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::map<std::string, size_t> rubric_index;
  s = ForEachRow(*db_, sql::kContractRubricsAll, [&](const Statement& st) {
    Rubric r;
    r.number = st.ColumnText(0);
    r.title = ColumnTexts(st, 1, 2, 3);
    r.annual_amount = Money::FromCents(st.ColumnInt64(4));
    rubric_index[r.number] = c.rubrics.size();
    c.rubrics.push_back(std::move(r));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachRow(*db_, sql::kContractRubricYearsAll, [&](const Statement& st) {
    auto it = rubric_index.find(st.ColumnText(0));
    if (it == rubric_index.end()) return Internal("contract store: a year of no rubric");
    c.rubrics[it->second].years.push_back(
        {static_cast<int>(st.ColumnInt64(1)), Money::FromCents(st.ColumnInt64(2))});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::map<int64_t, size_t> group_index;
  s = ForEachRow(*db_, sql::kContractGroupsAll, [&](const Statement& st) {
    ObjectiveGroup g;
    g.rubric = st.ColumnText(1);
    if (st.Type(2) != ColumnType::kNull) g.sector = static_cast<int>(st.ColumnInt64(2));
    g.general = ColumnTexts(st, 3, 4, 5);
    group_index[st.ColumnInt64(0)] = c.objectives.size();
    c.objectives.push_back(std::move(g));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  // Where each strategic objective is: its group's index and its index in the group.
  std::map<int64_t, std::pair<size_t, size_t>> strategic_at;
  s = ForEachRow(*db_, sql::kContractStrategicAll, [&](const Statement& st) {
    auto it = group_index.find(st.ColumnInt64(1));
    if (it == group_index.end()) return Internal("contract store: an objective of no group");
    StrategicObjective so;
    so.number = static_cast<int>(st.ColumnInt64(2));
    so.title = ColumnTexts(st, 3, 4, 5);
    std::vector<StrategicObjective>& list = c.objectives[it->second].strategic;
    strategic_at[st.ColumnInt64(0)] = {it->second, list.size()};
    list.push_back(std::move(so));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  auto objective = [&](int64_t id) -> StrategicObjective* {
    auto it = strategic_at.find(id);
    if (it == strategic_at.end()) return nullptr;
    return &c.objectives[it->second.first].strategic[it->second.second];
  };
  s = ForEachRow(*db_, sql::kContractItemsAll, [&](const Statement& st) {
    StrategicObjective* so = objective(st.ColumnInt64(0));
    if (so == nullptr) return Internal("contract store: an item of no objective");
    std::string list = st.ColumnText(1);
    (list == "operational" ? so->operational : so->expected_results)
        .push_back(ColumnTexts(st, 2, 3, 4));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachRow(*db_, sql::kContractIndicatorsAll, [&](const Statement& st) {
    StrategicObjective* so = objective(st.ColumnInt64(0));
    if (so == nullptr) return Internal("contract store: an indicator of no objective");
    Indicator ind;
    ind.text = ColumnTexts(st, 1, 2, 3);
    std::optional<IndicatorKind> kind = IndicatorKindFromName(st.ColumnText(4));
    if (!kind) return Internal("contract store: an indicator of an unknown kind");
    ind.kind = *kind;
    if (st.Type(5) != ColumnType::kNull)
      ind.threshold = Threshold{st.ColumnInt64(5), st.ColumnText(6)};
    so->indicators.push_back(std::move(ind));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachRow(*db_, sql::kContractStepsAll, [&](const Statement& st) {
    ProcedureStep p;
    p.step = ColumnTexts(st, 0, 1, 2);
    Result<std::optional<LocalDate>> d = ColumnDate(st, 3);
    if (!d.ok()) return d.status();
    p.deadline = *d;
    c.procedure.push_back(std::move(p));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachRow(*db_, sql::kContractTotalsAll, [&](const Statement& st) {
    c.totals.push_back({static_cast<int>(st.ColumnInt64(0)), Money::FromCents(st.ColumnInt64(1)),
                        st.ColumnText(2), st.ColumnInt64(3) != 0});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachRow(*db_, sql::kContractWarningsAll, [&](const Statement& st) {
    c.warnings.push_back(st.ColumnText(0));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachRow(*db_, sql::kContractUncertainAll, [&](const Statement& st) {
    c.uncertain.push_back({st.ColumnText(0), static_cast<int>(st.ColumnInt64(1)), st.ColumnText(2),
                           st.ColumnText(3)});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return c;
}

Status SqliteContractStore::AddSpending(const std::vector<Spending>& rows,
                                        std::string_view source_file,
                                        std::string_view source_sha256, Instant imported_at) {
  std::optional<Transaction> tx;
  if (!db_->InTransaction()) {
    Result<Transaction> t = Transaction::Begin(*db_);
    if (!t.ok()) return t.status();
    tx.emplace(std::move(*t));
  }
  const std::string at = imported_at.ToUtcString();
  {
    Result<Statement> seen = db_->Prepare(sql::kContractBudgetFileSeen);
    if (!seen.ok()) return seen.status();
    seen->BindText(1, source_sha256);
    Result<bool> row = seen->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      return AlreadyExists(std::string(source_file) +
                           ": this budget file was imported before (same content); nothing added");
    }
    Result<Statement> file = db_->Prepare(sql::kContractBudgetFileInsert);
    if (!file.ok()) return file.status();
    file->BindText(1, source_sha256);
    file->BindText(2, source_file);
    file->BindInt64(3, static_cast<int64_t>(rows.size()));
    file->BindText(4, at);
    if (Status s = file->Run(); !s.ok()) return s;
  }
  Status s = InsertAll(*db_, sql::kContractSpendingInsert, rows,
                       [&](Statement& st, int64_t, const Spending& r) {
                         st.BindText(1, r.date.ToIsoString());
                         st.BindText(2, r.rubric);
                         st.BindText(3, r.description);
                         st.BindInt64(4, r.amount.cents());
                         st.BindText(5, r.supplier);
                         st.BindText(6, r.document);
                         st.BindText(7, source_file);
                         st.BindInt64(8, r.line);
                         st.BindText(9, at);
                       });
  if (!s.ok()) return s;
  return tx ? tx->Commit() : Status::Ok();
}

Result<std::vector<Spending>> SqliteContractStore::SpendingBetween(LocalDate from, LocalDate to) {
  Result<Statement> st = db_->Prepare(sql::kContractSpendingBetween);
  if (!st.ok()) return st.status();
  st->BindText(1, from.ToIsoString());
  st->BindText(2, to.ToIsoString());
  std::vector<Spending> out;
  for (;;) {
    Result<bool> more = st->Step();
    if (!more.ok()) return more.status();
    if (!*more) break;
    Result<LocalDate> day = LocalDate::Parse(st->ColumnText(0));
    if (!day.ok()) return Internal("contract store: a stored day is not YYYY-MM-DD");
    out.push_back({*day, st->ColumnText(1), st->ColumnText(2), Money::FromCents(st->ColumnInt64(3)),
                   st->ColumnText(4), st->ColumnText(5), static_cast<int>(st->ColumnInt64(6))});
  }
  return out;
}

namespace {

Result<Instant> ColumnInstant(const Statement& st, int column) {
  Result<Instant> t = Instant::Parse(st.ColumnText(column));
  if (!t.ok()) return Internal("contract store: a stored instant is not RFC 3339");
  return *t;
}

}  // namespace

Status SqliteContractStore::Bind(const IndicatorBinding& b) {
  Result<Statement> st = db_->Prepare(sql::kContractBindingsUpsert);
  if (!st.ok()) return st.status();
  st->BindText(1, b.key);
  st->BindText(2, b.text);
  st->BindText(3, b.measure);
  st->BindText(4, b.bound_at.ToUtcString());
  st->BindText(5, b.bound_by);
  return st->Run();
}

Status SqliteContractStore::Unbind(std::string_view key) {
  Result<Statement> st = db_->Prepare(sql::kContractBindingsDelete);
  if (!st.ok()) return st.status();
  st->BindText(1, key);
  if (Status s = st->Run(); !s.ok()) return s;
  if (db_->Changes() == 0) {
    return NotFound("indicator " + std::string(key) + " is not bound");
  }
  return Status::Ok();
}

Result<std::vector<IndicatorBinding>> SqliteContractStore::Bindings() {
  std::vector<IndicatorBinding> out;
  Status s = ForEachRow(*db_, sql::kContractBindingsAll, [&](const Statement& st) -> Status {
    Result<Instant> at = ColumnInstant(st, 3);
    if (!at.ok()) return at.status();
    out.push_back({st.ColumnText(0), st.ColumnText(1), st.ColumnText(2), *at, st.ColumnText(4)});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<int64_t> SqliteContractStore::AddEvidence(const IndicatorEvidence& e,
                                                 std::string_view content) {
  Result<Statement> st = db_->Prepare(sql::kContractEvidenceInsert);
  if (!st.ok()) return st.status();
  st->BindText(1, e.key);
  st->BindText(2, e.text);
  st->BindInt64(3, e.year);
  st->BindText(4, e.note);
  if (e.file_name.empty()) {
    for (int i = 5; i <= 9; ++i) st->BindNull(i);
  } else {
    st->BindText(5, e.file_name);
    st->BindText(6, e.content_type);
    st->BindText(7, e.sha256);
    st->BindBlob(8, std::as_bytes(std::span(content.data(), content.size())));
    st->BindInt64(9, static_cast<int64_t>(content.size()));
  }
  st->BindText(10, e.added_at.ToUtcString());
  st->BindText(11, e.added_by);
  if (Status s = st->Run(); !s.ok()) return s;
  return db_->LastInsertId();
}

Result<std::vector<IndicatorEvidence>> SqliteContractStore::EvidenceOfYear(int year) {
  Result<Statement> st = db_->Prepare(sql::kContractEvidenceOfYear);
  if (!st.ok()) return st.status();
  st->BindInt64(1, year);
  std::vector<IndicatorEvidence> out;
  for (;;) {
    Result<bool> more = st->Step();
    if (!more.ok()) return more.status();
    if (!*more) break;
    IndicatorEvidence e;
    e.id = st->ColumnInt64(0);
    e.key = st->ColumnText(1);
    e.text = st->ColumnText(2);
    e.year = static_cast<int>(st->ColumnInt64(3));
    e.note = st->ColumnText(4);
    if (st->Type(5) != ColumnType::kNull) {
      e.file_name = st->ColumnText(5);
      e.content_type = st->ColumnText(6);
      e.sha256 = st->ColumnText(7);
      e.size = st->ColumnInt64(8);
    }
    Result<Instant> at = ColumnInstant(*st, 9);
    if (!at.ok()) return at.status();
    e.added_at = *at;
    e.added_by = st->ColumnText(10);
    out.push_back(std::move(e));
  }
  return out;
}

Result<ContractStore::EvidenceFile> SqliteContractStore::EvidenceFileOf(int64_t id) {
  Result<Statement> st = db_->Prepare(sql::kContractEvidenceFile);
  if (!st.ok()) return st.status();
  st->BindInt64(1, id);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound("no evidence file " + std::to_string(id));
  std::vector<std::byte> bytes = st->ColumnBlob(2);
  EvidenceFile f{st->ColumnText(0), st->ColumnText(1), {}};
  f.content.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return f;
}

Status SqliteContractStore::Resolve(const Resolution& r) {
  Result<Statement> st = db_->Prepare(sql::kContractResolutionsUpsert);
  if (!st.ok()) return st.status();
  st->BindText(1, r.what);
  st->BindText(2, r.original);
  st->BindInt64(3, r.confirmed ? 1 : 0);
  st->BindText(4, r.value);
  st->BindText(5, r.at.ToUtcString());
  st->BindText(6, r.by);
  return st->Run();
}

Result<std::vector<Resolution>> SqliteContractStore::Resolutions() {
  std::vector<Resolution> out;
  Status s = ForEachRow(*db_, sql::kContractResolutionsAll, [&](const Statement& st) -> Status {
    Result<Instant> at = ColumnInstant(st, 4);
    if (!at.ok()) return at.status();
    out.push_back({st.ColumnText(0), st.ColumnText(1), st.ColumnInt64(2) != 0, st.ColumnText(3),
                   *at, st.ColumnText(5)});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status SqliteContractStore::SaveAmendment(const Amendment& a) {
  Result<Statement> st = db_->Prepare(sql::kContractAmendmentsUpsert);
  if (!st.ok()) return st.status();
  st->BindText(1, a.path);
  st->BindText(2, a.value);
  st->BindText(3, a.original);
  st->BindText(4, a.at.ToUtcString());
  st->BindText(5, a.by);
  return st->Run();
}

Status SqliteContractStore::RemoveAmendment(std::string_view path) {
  Result<Statement> st = db_->Prepare(sql::kContractAmendmentsDelete);
  if (!st.ok()) return st.status();
  st->BindText(1, path);
  if (Status s = st->Run(); !s.ok()) return s;
  if (db_->Changes() == 0) return NotFound(std::string(path) + " is not amended");
  return Status::Ok();
}

Result<std::vector<Amendment>> SqliteContractStore::Amendments() {
  std::vector<Amendment> out;
  Status s = ForEachRow(*db_, sql::kContractAmendmentsAll, [&](const Statement& st) -> Status {
    Result<Instant> at = ColumnInstant(st, 3);
    if (!at.ok()) return at.status();
    out.push_back({st.ColumnText(0), st.ColumnText(1), *at, st.ColumnText(4), st.ColumnText(2)});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status SqliteContractStore::RetextIndicator(std::string_view key, std::string_view from,
                                            std::string_view to) {
  for (std::string_view sql : {sql::kContractBindingsRetext, sql::kContractEvidenceRetext}) {
    Result<Statement> st = db_->Prepare(sql);
    if (!st.ok()) return st.status();
    st->BindText(1, key);
    st->BindText(2, from);
    st->BindText(3, to);
    if (Status s = st->Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status SqliteContractStore::Transact(const std::function<Status()>& work) {
  if (db_->InTransaction()) return work();
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  if (Status s = work(); !s.ok()) return s;
  return tx->Commit();
}

}  // namespace hh
