// Tests of the CSV vehicle register: lookups at and around the edges of registration periods, a
// plate that moves between holders, and the exact message of every refused file. All plates,
// names and addresses are synthetic.
#include "holders/csv_vehicle_register.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace hh {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHeader =
    "plate,country,valid_from,valid_to,holder_kind,name,street,house_number,postal_code,city,"
    "birth_date,company_number,language\n";

// Line 2: a person holds 1ABC123 in Belgium until 2024-06-01T10:00Z; line 3: then a company
// holds it, still valid. Line 4: the same plate in the Netherlands, another person, from 2021.
// Line 5: a closed period of its own, written with dashes and a lower-case country.
constexpr const char* kRows =
    "1ABC123,BE,2020-01-01T00:00:00Z,2024-06-01T10:00:00Z,person,Testpersoon Een,Proefstraat,12,"
    "9000,Gent,1980-05-17,,nl\n"
    "1ABC123,BE,2024-06-01T12:00:00+02:00,,company,Voorbeeld NV,Testlaan,3A,2800,Mechelen,,"
    "0123.456.789,fr\n"
    "1ABC123,NL,2021-01-01T00:00:00Z,,person,Testpersoon Twee,Proefweg,1,1234 AB,Utrecht,"
    "1975-12-31,,en\n"
    "2-xyz-789,be,2022-01-01T00:00:00Z,2023-01-01T00:00:00Z,person,Testpersoon Drie,Straat,,"
    "1000,Brussel,2001-02-28,,\n";

class CsvVehicleRegisterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("hh_holders_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& content) {
    std::string p = (dir_ / "register.csv").string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  std::unique_ptr<CsvVehicleRegister> LoadGood() {
    auto r = CsvVehicleRegister::Load(Write(std::string(kHeader) + kRows));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : nullptr;
  }

  fs::path dir_;
};

Instant At(const char* text) {
  auto t = Instant::Parse(text);
  EXPECT_TRUE(t.ok()) << text;
  return t.ok() ? *t : Instant();
}

// The holder of plate/country at `at`, or nullopt; fails the test if the lookup itself fails.
std::optional<Holder> Find(VehicleRegister& reg, const char* plate, const char* country,
                           const char* at) {
  auto p = Plate::Parse(plate);
  EXPECT_TRUE(p.ok());
  if (!p.ok()) return std::nullopt;
  auto r = reg.Lookup(RegisterQuery{*p, country, At(at)});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::nullopt;
}

// The name of the holder found, "" when none.
std::string NameAt(VehicleRegister& reg, const char* plate, const char* country, const char* at) {
  auto h = Find(reg, plate, country, at);
  return h ? h->name : "";
}

TEST_F(CsvVehicleRegisterTest, PersonFoundInsidePeriodWithEveryField) {
  auto reg = LoadGood();
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(reg->size(), 4u);
  auto h = Find(*reg, "1ABC123", "BE", "2023-03-15T08:30:00Z");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->kind, HolderKind::kPerson);
  EXPECT_EQ(h->name, "Testpersoon Een");
  EXPECT_EQ(h->address.street, "Proefstraat");
  EXPECT_EQ(h->address.house_number, "12");
  EXPECT_EQ(h->address.postal_code, "9000");
  EXPECT_EQ(h->address.city, "Gent");
  ASSERT_TRUE(h->birth_date.has_value());
  EXPECT_EQ(h->birth_date->ToIsoString(), "1980-05-17");
  EXPECT_EQ(h->company_number, "");
  EXPECT_EQ(h->language, "nl");
}

TEST_F(CsvVehicleRegisterTest, CompanyFoundWithNormalisedNumberAndNoBirthDate) {
  auto reg = LoadGood();
  ASSERT_NE(reg, nullptr);
  auto h = Find(*reg, "1ABC123", "BE", "2025-01-01T00:00:00Z");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->kind, HolderKind::kCompany);
  EXPECT_EQ(h->name, "Voorbeeld NV");
  EXPECT_EQ(h->address.street, "Testlaan");
  EXPECT_EQ(h->address.house_number, "3A");
  EXPECT_EQ(h->address.postal_code, "2800");
  EXPECT_EQ(h->address.city, "Mechelen");
  EXPECT_FALSE(h->birth_date.has_value());
  EXPECT_EQ(h->company_number, "0123456789");
  EXPECT_EQ(h->language, "fr");
}

TEST_F(CsvVehicleRegisterTest, PeriodIsHalfOpen) {
  auto reg = LoadGood();
  ASSERT_NE(reg, nullptr);
  // 2XYZ789 in BE: [2022-01-01T00:00:00Z, 2023-01-01T00:00:00Z).
  EXPECT_EQ(NameAt(*reg, "2XYZ789", "BE", "2021-12-31T23:59:59.999999999Z"), "");
  EXPECT_EQ(NameAt(*reg, "2XYZ789", "BE", "2022-01-01T00:00:00Z"), "Testpersoon Drie");
  EXPECT_EQ(NameAt(*reg, "2XYZ789", "BE", "2022-12-31T23:59:59.999999999Z"), "Testpersoon Drie");
  EXPECT_EQ(NameAt(*reg, "2XYZ789", "BE", "2023-01-01T00:00:00Z"), "");
  EXPECT_EQ(NameAt(*reg, "2XYZ789", "BE", "2030-01-01T00:00:00Z"), "");
  // The same instant written with an offset: 2023-01-01T00:59:59+01:00 is 23:59:59Z the day before.
  EXPECT_EQ(NameAt(*reg, "2XYZ789", "BE", "2023-01-01T00:59:59+01:00"), "Testpersoon Drie");
  EXPECT_EQ(NameAt(*reg, "2XYZ789", "BE", "2023-01-01T01:00:00+01:00"), "");
}

TEST_F(CsvVehicleRegisterTest, PlateMovesFromOneHolderToTheNext) {
  auto reg = LoadGood();
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(NameAt(*reg, "1ABC123", "BE", "2019-12-31T23:59:59Z"), "");
  EXPECT_EQ(NameAt(*reg, "1ABC123", "BE", "2020-01-01T00:00:00Z"), "Testpersoon Een");
  EXPECT_EQ(NameAt(*reg, "1ABC123", "BE", "2024-06-01T09:59:59.999Z"), "Testpersoon Een");
  // The company's valid_from is 12:00+02:00, the same instant as the person's valid_to (10:00Z).
  EXPECT_EQ(NameAt(*reg, "1ABC123", "BE", "2024-06-01T10:00:00Z"), "Voorbeeld NV");
  EXPECT_EQ(NameAt(*reg, "1ABC123", "BE", "2024-06-01T10:00:00.000000001Z"), "Voorbeeld NV");
}

TEST_F(CsvVehicleRegisterTest, OpenEndedPeriodStaysValid) {
  auto reg = LoadGood();
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(NameAt(*reg, "1ABC123", "BE", "2099-12-31T23:59:59Z"), "Voorbeeld NV");
  EXPECT_EQ(NameAt(*reg, "1ABC123", "NL", "9999-12-31T23:59:59Z"), "Testpersoon Twee");
}

TEST_F(CsvVehicleRegisterTest, PlateIsNormalisedInQueryAndFile) {
  auto reg = LoadGood();
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(NameAt(*reg, "1-abc-123", "BE", "2023-01-01T00:00:00Z"), "Testpersoon Een");
  EXPECT_EQ(NameAt(*reg, "1 ABC 123", "BE", "2023-01-01T00:00:00Z"), "Testpersoon Een");
  // Written "2-xyz-789" in the file.
  EXPECT_EQ(NameAt(*reg, "2XYZ789", "BE", "2022-06-01T00:00:00Z"), "Testpersoon Drie");
  // A similar plate is another plate.
  EXPECT_EQ(NameAt(*reg, "1ABC124", "BE", "2023-01-01T00:00:00Z"), "");
}

TEST_F(CsvVehicleRegisterTest, CountryMatters) {
  auto reg = LoadGood();
  ASSERT_NE(reg, nullptr);
  EXPECT_EQ(NameAt(*reg, "1ABC123", "BE", "2022-01-01T00:00:00Z"), "Testpersoon Een");
  EXPECT_EQ(NameAt(*reg, "1ABC123", "NL", "2022-01-01T00:00:00Z"), "Testpersoon Twee");
  // The NL registration starts in 2021; the BE one in 2020.
  EXPECT_EQ(NameAt(*reg, "1ABC123", "NL", "2020-06-01T00:00:00Z"), "");
  EXPECT_EQ(NameAt(*reg, "1ABC123", "FR", "2022-01-01T00:00:00Z"), "");
  // Case-insensitive in the query ("be" in the file was upper-cased too); not two letters: none.
  EXPECT_EQ(NameAt(*reg, "1ABC123", "nl", "2022-01-01T00:00:00Z"), "Testpersoon Twee");
  EXPECT_EQ(NameAt(*reg, "2XYZ789", "Be", "2022-06-01T00:00:00Z"), "Testpersoon Drie");
  EXPECT_EQ(NameAt(*reg, "1ABC123", "BEL", "2022-01-01T00:00:00Z"), "");
  EXPECT_EQ(NameAt(*reg, "1ABC123", "", "2022-01-01T00:00:00Z"), "");
  // The country is not part of the plate: "BE1ABC123" is another plate.
  EXPECT_EQ(NameAt(*reg, "BE1ABC123", "BE", "2022-01-01T00:00:00Z"), "");
}

TEST_F(CsvVehicleRegisterTest, EmptyLanguageIsDutchAndNameShowsPath) {
  std::string path = Write(std::string(kHeader) + kRows);
  auto reg = CsvVehicleRegister::Load(path);
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  auto h = Find(**reg, "2XYZ789", "BE", "2022-06-01T00:00:00Z");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->language, "nl");
  EXPECT_EQ(h->address.house_number, "");
  EXPECT_EQ((*reg)->Name(), "csv:" + path);
}

TEST_F(CsvVehicleRegisterTest, ColumnsByNameInAnyOrderExtraIgnored) {
  auto reg = CsvVehicleRegister::Load(
      Write("language,note,company_number,birth_date,city,postal_code,house_number,street,name,"
            "holder_kind,valid_to,valid_from,country,plate\n"
            "de,anything,,1990-01-02,Eupen,4700,5,Teststrasse,Testperson Vier,person,,"
            "2020-01-01T00:00:00Z,BE,3DEF456\n"));
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  auto h = Find(**reg, "3DEF456", "BE", "2021-01-01T00:00:00Z");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->name, "Testperson Vier");
  EXPECT_EQ(h->address.city, "Eupen");
  EXPECT_EQ(h->birth_date->ToIsoString(), "1990-01-02");
  EXPECT_EQ(h->language, "de");
}

TEST_F(CsvVehicleRegisterTest, HeaderOnlyIsAnEmptyRegister) {
  auto reg = CsvVehicleRegister::Load(Write(kHeader));
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  EXPECT_EQ((*reg)->size(), 0u);
  EXPECT_EQ(NameAt(**reg, "1ABC123", "BE", "2022-01-01T00:00:00Z"), "");
}

// A good row to put before each bad one, so that the bad one is on line 3.
constexpr const char* kGoodRow =
    "9ZZZ999,BE,2020-01-01T00:00:00Z,,person,Testpersoon Nul,Straat,1,9000,Gent,1970-01-01,,nl\n";

struct FieldCase {
  const char* row;       // line 3 of the file
  const char* expected;  // the message after "<path>: "
};

TEST_F(CsvVehicleRegisterTest, EveryFieldErrorHasItsMessageAndLine) {
  const FieldCase cases[] = {
      {"--,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field plate: no letter or digit in the plate"},
      {"1ABC123,,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field country: empty"},
      {"1ABC123,BEL,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field country: \"BEL\" must be two letters (ISO 3166-1 alpha-2)"},
      {"1ABC123,B1,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field country: \"B1\" must be two letters (ISO 3166-1 alpha-2)"},
      {"1ABC123,BE,,,person,Naam,S,1,9000,Gent,1980-01-01,,nl", "line 3, field valid_from: empty"},
      {"1ABC123,BE,2020-01-01 00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field valid_from: \"2020-01-01 00:00:00Z\" is not an RFC 3339 instant (date and "
       "time must be separated by 'T')"},
      {"1ABC123,BE,2020-01-01,,person,Naam,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field valid_from: \"2020-01-01\" is not an RFC 3339 instant (too short for an RFC "
       "3339 date-time (YYYY-MM-DDThh:mm:ssZ))"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,2021-02-30T00:00:00Z,person,Naam,S,1,9000,Gent,"
       "1980-01-01,,nl",
       "line 3, field valid_to: \"2021-02-30T00:00:00Z\" is not an RFC 3339 instant (no such day "
       "in that month)"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,2021-01-01T00:00:00,person,Naam,S,1,9000,Gent,"
       "1980-01-01,,nl",
       "line 3, field valid_to: \"2021-01-01T00:00:00\" is not an RFC 3339 instant (missing time "
       "zone offset ('Z' or +hh:mm))"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,2020-01-01T01:00:00+01:00,person,Naam,S,1,9000,Gent,"
       "1980-01-01,,nl",
       "line 3, field valid_to: must be later than valid_from"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,2019-01-01T00:00:00Z,person,Naam,S,1,9000,Gent,"
       "1980-01-01,,nl",
       "line 3, field valid_to: must be later than valid_from"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,Person,Naam,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field holder_kind: \"Person\" must be person or company"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,,Naam,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field holder_kind: \"\" must be person or company"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field name: empty"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,company,  ,S,1,9000,Gent,,0123456789,nl",
       "line 3, field name: empty"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,,,nl",
       "line 3, field birth_date: empty (required for a person)"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,17/05/1980,,nl",
       "line 3, field birth_date: is not a date YYYY-MM-DD"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1981-02-29,,nl",
       "line 3, field birth_date: is not a date YYYY-MM-DD"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,0123456789,nl",
       "line 3, field company_number: must be empty for a person"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,company,Naam,S,1,9000,Gent,,,nl",
       "line 3, field company_number: empty (required for a company)"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,company,Naam,S,1,9000,Gent,,0123.456.78,nl",
       "line 3, field company_number: must be 10 digits (dots and spaces allowed)"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,company,Naam,S,1,9000,Gent,,0123.456.7890,nl",
       "line 3, field company_number: must be 10 digits (dots and spaces allowed)"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,company,Naam,S,1,9000,Gent,,BE0123456789,nl",
       "line 3, field company_number: must be 10 digits (dots and spaces allowed)"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,company,Naam,S,1,9000,Gent,1980-01-01,0123456789,nl",
       "line 3, field birth_date: must be empty for a company"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,,NL",
       "line 3, field language: \"NL\" must be nl, fr, de or en (or empty for nl)"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,,es",
       "line 3, field language: \"es\" must be nl, fr, de or en (or empty for nl)"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,",
       "line 3, field row: expected 13 fields, found 12"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,1980-01-01,,nl,extra",
       "line 3, field row: expected 13 fields, found 14"},
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,\"Naam\"x,S,1,9000,Gent,1980-01-01,,nl",
       "line 3, field row: text after the closing quote of a field"},
  };
  for (const FieldCase& c : cases) {
    SCOPED_TRACE(c.row);
    std::string path = Write(std::string(kHeader) + kGoodRow + c.row + "\n");
    auto r = CsvVehicleRegister::Load(path);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), path + ": " + c.expected);
  }
}

TEST_F(CsvVehicleRegisterTest, MessagesHoldNoPersonalData) {
  // Bad personal fields: the message names the field, never the value.
  const char* rows[] = {
      "1ABC123,BE,2020-01-01T00:00:00Z,,person,Naam,S,1,9000,Gent,17/05/1980,,nl",
      "1ABC123,BE,2020-01-01T00:00:00Z,,company,Naam,S,1,9000,Gent,,0123.456.78,nl",
  };
  for (const char* row : rows) {
    std::string path = Write(std::string(kHeader) + row + "\n");
    auto r = CsvVehicleRegister::Load(path);
    ASSERT_FALSE(r.ok());
    const std::string tail = r.status().message().substr(path.size());
    for (const char* personal : {"1ABC123", "Naam", "Gent", "9000", "1980", "456"}) {
      EXPECT_EQ(tail.find(personal), std::string::npos) << personal;
    }
  }
}

TEST_F(CsvVehicleRegisterTest, OverlappingPeriodsRefuseTheFile) {
  const std::string p = std::string(kHeader) + kGoodRow;  // line 2: 9ZZZ999 BE from 2020
  struct OverlapCase {
    std::string rows;
    std::string expected;
  } cases[] = {
      // Line 4 starts inside line 3's period.
      {"1ABC123,BE,2020-01-01T00:00:00Z,2022-01-01T00:00:00Z,person,A,S,1,9000,Gent,1980-01-01,,\n"
       "1ABC123,BE,2021-12-31T23:59:59Z,,person,B,S,1,9000,Gent,1980-01-01,,\n",
       "line 4, field valid_from: the period overlaps that of line 3 for the same plate and "
       "country"},
      // Line 4 starts first and its period runs past the start of line 3's.
      {"1ABC123,BE,2022-01-01T00:00:00Z,,person,A,S,1,9000,Gent,1980-01-01,,\n"
       "1-abc-123,be,2020-01-01T00:00:00Z,2022-01-01T00:00:01Z,person,B,S,1,9000,Gent,"
       "1980-01-01,,\n",
       "line 4, field valid_to: the period overlaps that of line 3 for the same plate and "
       "country"},
      // An open-ended period before a later one (lines 3 and 4), and the same start twice (lines
      // 2 and 5): of the two pairs, the one whose later line comes first is reported.
      {"1ABC123,BE,2020-01-01T00:00:00Z,,person,A,S,1,9000,Gent,1980-01-01,,\n"
       "1ABC123,BE,2030-01-01T00:00:00Z,,person,B,S,1,9000,Gent,1980-01-01,,\n"
       "9ZZZ999,BE,2020-01-01T00:00:00Z,2021-01-01T00:00:00Z,person,C,S,1,9000,Gent,"
       "1980-01-01,,\n",
       "line 4, field valid_from: the period overlaps that of line 3 for the same plate and "
       "country"},
      {"9ZZZ999,BE,2025-01-01T00:00:00Z,,person,A,S,1,9000,Gent,1980-01-01,,\n",
       "line 3, field valid_from: the period overlaps that of line 2 for the same plate and "
       "country"},
  };
  for (const OverlapCase& c : cases) {
    SCOPED_TRACE(c.rows);
    std::string path = Write(p + c.rows);
    auto r = CsvVehicleRegister::Load(path);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), path + ": " + c.expected);
  }
}

TEST_F(CsvVehicleRegisterTest, TouchingPeriodsAndOtherCountriesDoNotOverlap) {
  auto r = CsvVehicleRegister::Load(Write(
      std::string(kHeader) +
      "1ABC123,BE,2020-01-01T00:00:00Z,2021-01-01T00:00:00Z,person,A,S,1,9000,Gent,1980-01-01,,\n"
      "1ABC123,BE,2021-01-01T01:00:00+01:00,2022-01-01T00:00:00Z,person,B,S,1,9000,Gent,"
      "1980-01-01,,\n"
      "1ABC123,NL,2020-06-01T00:00:00Z,,person,C,S,1,9000,Gent,1980-01-01,,\n"
      "1ABC123,FR,2020-06-01T00:00:00Z,,person,D,S,1,9000,Gent,1980-01-01,,\n"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(NameAt(**r, "1ABC123", "BE", "2020-12-31T23:59:59Z"), "A");
  EXPECT_EQ(NameAt(**r, "1ABC123", "BE", "2021-01-01T00:00:00Z"), "B");
  EXPECT_EQ(NameAt(**r, "1ABC123", "BE", "2022-01-01T00:00:00Z"), "");
  EXPECT_EQ(NameAt(**r, "1ABC123", "NL", "2021-01-01T00:00:00Z"), "C");
  EXPECT_EQ(NameAt(**r, "1ABC123", "FR", "2021-01-01T00:00:00Z"), "D");
}

TEST_F(CsvVehicleRegisterTest, ManyPeriodsOfOnePlate) {
  // 50 consecutive one-day registrations, written newest first: each day gives its own holder.
  std::string text = kHeader;
  const int64_t start = At("2030-01-01T00:00:00Z").unix_seconds();
  for (int d = 49; d >= 0; --d) {
    text += "5MNO321,BE," + Instant::FromUnix(start + d * 86'400).ToUtcString() + "," +
            Instant::FromUnix(start + (d + 1) * 86'400).ToUtcString() + ",person,H" +
            std::to_string(d) + ",S,1,9000,Gent,1980-01-01,,\n";
  }
  auto r = CsvVehicleRegister::Load(Write(text));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (int d = 0; d < 50; ++d) {
    auto p = Plate::Parse("5MNO321");
    ASSERT_TRUE(p.ok());
    for (int64_t s : {int64_t{0}, int64_t{43'200}, int64_t{86'399}}) {
      auto h = (*r)->Lookup(RegisterQuery{*p, "BE", Instant::FromUnix(start + d * 86'400 + s)});
      ASSERT_TRUE(h.ok());
      ASSERT_TRUE(h->has_value());
      EXPECT_EQ((*h)->name, "H" + std::to_string(d));
    }
  }
  EXPECT_EQ(NameAt(**r, "5MNO321", "BE", "2029-12-31T23:59:59Z"), "");
  EXPECT_EQ(NameAt(**r, "5MNO321", "BE", "2030-02-20T00:00:00Z"), "");  // day 50: the end
}

TEST_F(CsvVehicleRegisterTest, MissingColumnRefusesTheFile) {
  std::string header = kHeader;
  header.replace(header.find(",language"), 9, "");
  std::string path = Write(header +
                           "1ABC123,BE,2020-01-01T00:00:00Z,,person,A,S,1,9000,Gent,"
                           "1980-01-01,\n");
  auto r = CsvVehicleRegister::Load(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            path + ": line 1, field language: column missing from the header");

  path = Write("plate,country\n");
  r = CsvVehicleRegister::Load(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            path + ": line 1, field valid_from: column missing from the header");
}

TEST_F(CsvVehicleRegisterTest, EmptyFileRefused) {
  std::string path = Write("");
  auto r = CsvVehicleRegister::Load(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), path + ": line 1: the file is empty (a header row is required)");
}

TEST_F(CsvVehicleRegisterTest, UnreadableFileIsUnavailableMissingFileNotFound) {
  // A folder cannot be read as a file.
  auto r = CsvVehicleRegister::Load(dir_.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.status().message(), dir_.string() + ": not a regular file");

  r = CsvVehicleRegister::Load((dir_ / "absent.csv").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(VehicleRegisterChecks, Normalisers) {
  EXPECT_EQ(NormaliseCountryCode("be"), "BE");
  EXPECT_EQ(NormaliseCountryCode("Nl"), "NL");
  EXPECT_EQ(NormaliseCountryCode("B"), std::nullopt);
  EXPECT_EQ(NormaliseCountryCode("B-"), std::nullopt);
  EXPECT_EQ(NormaliseCountryCode("BEL"), std::nullopt);
  EXPECT_EQ(NormaliseCompanyNumber("0123.456.789"), "0123456789");
  EXPECT_EQ(NormaliseCompanyNumber("0123 456 789"), "0123456789");
  EXPECT_EQ(NormaliseCompanyNumber("1234567890"), "1234567890");
  EXPECT_EQ(NormaliseCompanyNumber("123.456.789"), std::nullopt);
  EXPECT_EQ(NormaliseCompanyNumber("0123-456-789"), std::nullopt);
  EXPECT_EQ(NormaliseCompanyNumber(""), std::nullopt);
  EXPECT_TRUE(IsLetterLanguage("nl"));
  EXPECT_TRUE(IsLetterLanguage("fr"));
  EXPECT_TRUE(IsLetterLanguage("de"));
  EXPECT_TRUE(IsLetterLanguage("en"));
  EXPECT_FALSE(IsLetterLanguage("NL"));
  EXPECT_FALSE(IsLetterLanguage(""));
  EXPECT_EQ(HolderKindName(HolderKind::kPerson), "person");
  EXPECT_EQ(HolderKindName(HolderKind::kCompany), "company");
}

}  // namespace
}  // namespace hh
