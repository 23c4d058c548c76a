// CsvVehicleRegister: a VehicleRegister read from a CSV file, for the demo and the tests (the real
// register is the DIV; see vehicle_register.h). The register owns the rows it loaded; it is
// immutable after Load, so Lookup may be called from many threads at once.
//
// The file (columns found by name, in any order; extra columns ignored; a missing one refuses it):
//   plate,country,valid_from,valid_to,holder_kind,name,street,house_number,postal_code,city,
//   birth_date,company_number,language
// One row is one registration: `plate` (normalised as Plate::Parse) registered in `country` (two
// letters, upper-cased) to one holder for the half-open period [valid_from, valid_to) (RFC 3339
// instants; an empty valid_to means still valid). holder_kind is person (birth_date YYYY-MM-DD
// required, company_number empty) or company (company_number required: 10 digits once dots and
// spaces are dropped; birth_date empty). name is required; the address fields are taken as they
// are and may be empty. language is nl, fr, de or en; empty means nl.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "holders/vehicle_register.h"

namespace hh {

class CsvVehicleRegister : public VehicleRegister {
 public:
  // Reads the whole file. Any bad row refuses the file: InvalidArgument
  // "<path>: line 7, field valid_to: ..." for the first bad row (a message never holds a plate, a
  // name, an address, a birth date or a company number). Two registrations of the same plate and
  // country whose periods overlap refuse it too, naming both lines. A file that does not exist is
  // NotFound; one that cannot be read (a folder, an I/O error) is Unavailable.
  static Result<std::unique_ptr<CsvVehicleRegister>> Load(const std::string& path);

  // Finds the registration whose period holds query.at: valid_from <= at < valid_to. The country
  // is compared case-insensitively; a country that is not two letters finds nothing. Never fails.
  Result<std::optional<Holder>> Lookup(const RegisterQuery& query) override;
  // "csv:" and the path as given to Load.
  std::string Name() const override;

  // The number of registrations (rows) loaded.
  size_t size() const { return rows_; }

 private:
  struct Registration {
    Instant from;
    std::optional<Instant> to;  // nullopt: still valid
    Holder holder;
    uint64_t line = 0;  // in the file, for the overlap message
  };

  explicit CsvVehicleRegister(std::string path) : path_(std::move(path)) {}

  std::string path_;
  size_t rows_ = 0;
  // Country (2 letters) followed by the normalised plate -> its registrations, sorted by
  // valid_from and not overlapping.
  std::unordered_map<std::string, std::vector<Registration>> index_;
};

}  // namespace hh
