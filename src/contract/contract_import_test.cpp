// The contract importer (issue 6) against two decisions: the seed (the real Mechelen decision of
// 25 February 2019, OCR text in ../shared/seed) and testdata/heistrode_2020_2021.txt (a
// decision written for this test, with other headings, other OCR noise and another layout).
// Both are compared with a structure written by hand from reading the text, not from the
// program's output. How the hand-written texts are read from the lines:
//   - wrapped lines are joined with one space; a word hyphenated at the end of a line
//     ("GAS-" + "parkeren") is joined without one;
//   - bullets and stray marks before an item ("- -", "~ -", "»", "‘", "_") and isolated marks
//     after it (" : :", " '", " _", " .") are dropped; everything else stays as OCR gave it;
//   - without a word list nothing is corrected, so text == original.
// Then the parts: amounts, dates, vote, thresholds, headings, word correction, warnings.
#include "contract/contract_import.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "contract/contract_json.h"

namespace hh {
namespace {

const char* kSeed = HH_SOURCE_DIR "/../shared/seed/000_11eaa67567343206.txt";
const char* kHeistrode = HH_SOURCE_DIR "/src/contract/testdata/heistrode_2020_2021.txt";
const char* kDutchWords = "/usr/share/dict/nederlands";  // Debian wdutch

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Norm(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

struct ExpIndicator {
  ExpIndicator(std::string t, IndicatorKind k, int64_t m = 0, std::string p = "")
      : text(std::move(t)), kind(k), min(m), per(std::move(p)) {}
  std::string text;
  IndicatorKind kind;
  int64_t min;  // threshold; 0 = none
  std::string per;
};

struct ExpStrategic {
  int number;
  std::string title;
  std::vector<std::string> operational;
  std::vector<std::string> expected;
  std::vector<ExpIndicator> indicators;
};

struct ExpGroup {
  std::string rubric;
  int sector;  // 0 = none
  std::string general;
  std::vector<ExpStrategic> strategic;
};

constexpr IndicatorKind kE = IndicatorKind::kExistence;
constexpr IndicatorKind kC = IndicatorKind::kCount;
constexpr IndicatorKind kT = IndicatorKind::kThreshold;

std::vector<std::string> Originals(const std::vector<ContractText>& v) {
  std::vector<std::string> out;
  for (const ContractText& t : v) out.push_back(Norm(t.original));
  return out;
}

std::vector<std::string> Normed(const std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (const std::string& s : v) out.push_back(Norm(s));
  return out;
}

// Compares the imported objectives with the hand-written ones, list by list, so that a lost,
// merged or split item shows as a difference of whole lists.
void ExpectObjectives(const std::vector<ObjectiveGroup>& got, const std::vector<ExpGroup>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t g = 0; g < want.size(); ++g) {
    SCOPED_TRACE("group " + std::to_string(g) + " (rubric " + want[g].rubric + ")");
    EXPECT_EQ(got[g].rubric, want[g].rubric);
    EXPECT_EQ(got[g].sector.value_or(0), want[g].sector);
    EXPECT_EQ(got[g].sector.has_value(), want[g].sector != 0);
    EXPECT_EQ(Norm(got[g].general.original), Norm(want[g].general));
    ASSERT_EQ(got[g].strategic.size(), want[g].strategic.size());
    for (size_t s = 0; s < want[g].strategic.size(); ++s) {
      const StrategicObjective& gs = got[g].strategic[s];
      const ExpStrategic& ws = want[g].strategic[s];
      SCOPED_TRACE("strategic objective " + std::to_string(ws.number));
      EXPECT_EQ(gs.number, ws.number);
      EXPECT_EQ(Norm(gs.title.original), Norm(ws.title));
      EXPECT_EQ(Originals(gs.operational), Normed(ws.operational));
      EXPECT_EQ(Originals(gs.expected_results), Normed(ws.expected));
      std::vector<std::string> texts;
      for (const Indicator& i : gs.indicators) texts.push_back(Norm(i.text.original));
      std::vector<std::string> want_texts;
      for (const ExpIndicator& i : ws.indicators) want_texts.push_back(Norm(i.text));
      EXPECT_EQ(texts, want_texts);
      for (size_t i = 0; i < std::min(gs.indicators.size(), ws.indicators.size()); ++i) {
        SCOPED_TRACE(ws.indicators[i].text);
        EXPECT_EQ(gs.indicators[i].kind, ws.indicators[i].kind);
        if (ws.indicators[i].min > 0) {
          ASSERT_TRUE(gs.indicators[i].threshold.has_value());
          EXPECT_EQ(gs.indicators[i].threshold->min, ws.indicators[i].min);
          EXPECT_EQ(gs.indicators[i].threshold->per, ws.indicators[i].per);
        } else {
          EXPECT_FALSE(gs.indicators[i].threshold.has_value());
        }
      }
    }
  }
}

// The seed, read by hand: rubric I (no activity sectors, one strategic objective numbered 2),
// rubric II (activity sector 1 only, no general objective in the text), rubric III (its heading
// and its "Activiteitssector 1" heading lost in the OCR; sector 2 has its heading).
std::vector<ExpGroup> SeedByHand() {
  return {
      {"I",
       0,
       "Bestrijding van de criminaliteit, de overlast en het ohvei!igheidsgevoel",
       {{2,
         "Reactielrepfessie in het kader van criminaliteit en overlast",
         {"Gemeentelijke administratieve sancties zorgen voor een betere naleving van de regels in "
          "algemerne bestuurlijke politieverordening en dragen bij tot het bewaren van de openbare "
          "orde, rust en veiligheid in de stad Mechelen.",
          "Via gemeenteluke administratieve sancties worden parkeerovertredmgen en schendingen van "
          "de autoluwe zone aangepakt.",
          "Ontwikkeling van eén effmiente workflow voor de verwerking van processen~verbaal "
          "GAS-parkeren.",
          "Ontw;kkelmg van een efficiénte workflow voor de verwerking van processen-verbaal "
          "GAS-autoluw."},
         {"Er is een handhavingsplan dat zorgt voor de concrete toepassing van de ABP in de "
          "praktijk door alie lokale handhavers.",
          "inbedding van sanctionerend ambtenaren verkeer & autoluw in de d[enst bestuurlijk "
          "handhaven van de afdeling preventie en veiligheid",
          "De afhandeling van - processen-verbaal GAS-verkeer en GAS-autoluw efficiént en -zo "
          "automatisch mogelijk faten verlopen. met het oog op shelle, foutloze en correcte "
          "procedures",
          "LEAN-oefening zorgt voor een zicht op de srtuatle AS-IS en TO-BE met oog op vinden van "
          "eﬁlcmntnewmsten in de bestaande procedure"},
         {{"Bestaan van eén handhawngspian", kE},
          {"Bestaan van organogram", kE},
          {"Bestaan van software programma", kE},
          {"Resultaten van LEAN-oefening", kE}}}}},
      {"II",
       1,
       "",
       {{2,
         "Verhdgen van het veifigheids_gevoel",
         {"Informatie uitwisseling op niveau van individuele dossiers met de lokale politie via "
          "de lokale integrale veiligheidscel"},
         {"De werking van de lokale integrale veiligheidscel wordt gecontinueerd"},
         {{"Jaarlijks minstens 6 vergaderingen van de LIVC", kT, 6, "year"}}},
        {4,
         "Codrdineren en opvolgen van de lokale ve|I|ghe|ds en/of socio-preventieve projecten",
         {"Uitwerken van een integraal programma posmeve identiteit en maatschappuvormmg : (PIM) "
          "om jongeren die vervreemden of vervreemd zijn van dlverse maatschappehjke instituten "
          "terug in te sluiten",
          "Ontwikkelen van een ondersteunmgsaanbod voor maatschappelijke instituties voor het "
          "omgaan met vervreemding",
          "Hervormen van het LIVC naar een LIVC R"},
         {"Tewerksteling van een expert stafmedewerker positieve identiteit en "
          "maatschappijvorming als codrdinator van het integrale .PIM-programma & de "
          "voorbereiding-van de LIVC vergaderingen",
          "Een communicatietool met betrekking tot positieve identiteit en maatschappuvormmg",
          "evaluatie van de huidige werking van het LIVC met aanbevelingen naar een LIVC-R"},
         {{"Brochure Positieve Identiteit en maatschappuvormmg is opgemaakt", kE},
          {"Jaarlijks minstens 6 vergaderingen van de LIVC", kT, 6, "year"},
          {"Evaluatienota LIVC", kE}}}}},
      {"III",
       1,
       "Bestrijding van gewelddadige radicalisering - Preventie luik",
       {{1,
         "Online detectie - Screening sociale media",
         {"Vroegtijdig opsporen van kwetsbare jongeren via een online screening van sociale media"},
         {"Oprichten van een socio-preventieve structuur vVoor interne casusopvofgmg en — "
          "bespreking.",
          "Opvolging en analyse van somale media berichten.",
          "In 201 een marktverkenning van bestaande sociale medla scanners in functie van "
          "vroegtijdige detectie van ondemocratische vormen van rad;cahsering",
          "In 2019 test van online screening soclale media aan de hand van één of meerdere "
          "scanningstools.",
          "Versterken van het team extremisme en terrorlsme van de Lokale Politie MeWi m.o.0. het "
          "versterken van de proactieve en aanklampende aanzet in samenwerking met de andere "
          "parthers,",
          "In 2019 samenwerking met .een universitaire instelling voor een onderzoek naar de "
          "bepalende maatschappelijke factoren die van doorslaggevend belang zijn voor het "
          "welslagen van de ré-inclusie van sociaal vervreemde jongeren om het Mechelse "
          "handelingskader te optimaliseren."},
         {{"Bestaan van een structuur voor periodieke gemtegreerde opvolgmg en bespreking van "
           "casussen.",
           kE},
          {"Aantal geanalyseerde sociale media berichten via opvolging van openbare profielen.",
           kC},
          {"Aantal (informatie)contacten en casussen.", kC},
          {"Versterking van het team extremisme en terrorismé van de lokale recherche PZ MeWi.",
           kE},
          {"Een functionele analyse van de pro’s en contra’s van bestaande sociale mediascanners "
           "(in functie van vroegtiidige detectie) m.o.o. de realisatie van een markt voor een "
           "scanningstool ad hoc.",
           kE},
          {"In 2019-wordt minstens 1 testfase ontwikkeld voor online screening van sociale media;",
           kT, 1, "contract"},
          {"Het opstellen van een onderzoeksrapport met inzichten en beleidsaanbevelingen voor de "
           "bij vroegdetectie betrokken partners.",
           kE}}},
        {2,
         "Vroegtijdig ingrijpen na detectie",
         {"Vroegtijdig ingrijpen ten aanzien van dle kwetshare jongeren vanuit een vooraf bepaald "
          "handehngskader en gekaderd binnen de Lokale Integrale Veiligheidscel {LIVC)"},
         {"Marktverkenning en aanstelling van experten organisatie die in opdracht van de Stad "
          "Mechelen sociaal vervreemde jongeren op diverse vlakken (incl. het theologische) - "
          "individueel kan begeleiden en sleutelfiguren kan vormen in het omgaan met vervreemde "
          "individuen.",
          "Betrekken, ondersteunen en vormen van sleutelfiguren voor de ms]umng van Vervreemde "
          "jongeren in 3 belangrijke instituten: gezin, onderwijs & vrijetijdsinvulling",
          "Samenwerking met en actieve ondersteuning van jeugdwerking en sportcfubs‘ voor "
          "insluiten van jongeren die vervreemden van de maatschappij vanuit een integrale visie",
          "In 2019 versterkt de afdeling preventie en veiligheid de omkadering alsook de inzet op "
          "het terrein voor casewerking en vroegtijdig ingrijpen bij ‘bezorgdheidssignalen’ rond "
          "jongeren"},
         {{"Aanstelling van een experten organisafie voor casewerk en een praktijkgerlcht "
           "trainingsprogramma voor Mechelse sleutelfiguren.",
           kE},
          {"Operationeel ondersteuningskader (inhoudelijk, juridisch & fmancneei) voor actieve "
           "ondersteuning van jeugd- en sportclubs is uitgewerkt en operationeel.",
           kE},
          {"Samenwerkingsafspraken met minstens 1 lokale jeugdwerking en minstens 1 sportclub", kT,
           1, "contract"},
          {"Versterken van het team extremisme en terrorisme van de Lokale Politie MeWi m.o.0. het "
           "versterken van de proactieve en aanklampende aanzet in samenwerking met de andere "
           "partners,",
           kE},
          {"Tewerkstelling van twee ondersteunende medewerkers en één- omkadermgsfunctle voor "
           "sleutelfiguren en vervreemdende jongeren..",
           kE},
          {"Versterking van het team extremisme en terrorisme van de lokale recherche PZ MeWi.",
           kE}}},
        {3,
         "Counternarrative opzetten",
         {"Vertrekkend vanuit de expertise in het [okale Jeugdwerk een experlment inzake "
          "“counternarrative” opzetten"},
         {"Marktverkenning en aanstelling van experten organisatie die in opdracht van de Stad "
          "Mechelen met sociaal vervreemde jongeren in groep religieus- cu!tureel gevoel;ge "
          "(taboe-) onderwerpen bespreekbaar kan maken.",
          "Organisatie van meetingpoints en -vanaf 2019- safe spaces voor jongeren om onder "
          "begeleiding van opgeleide tramers religieus-cultureel gevoehge (taboe-) onderwerpen te "
          "bespreken.",
          "Vanaf 2019 online counter- en alternative narrat:ves Ianceren op websites en in online "
          "(chat)groepen"},
         {{"aanstelling van een experien organisatie", kE},
          {"aantal meetingpoints", kC},
          {"Het bestaan van safe spaces voor jongeren", kE},
          {"aantal counter of alternative narratives online/aantal casussen", kC}}}}},
      {"III",
       2,
       "Bestrijding van gewelddadige radicalisering door middel van diversiteit in het "
       "politiekorps en mu!t:dlscnplma!re aanpak",
       {{1,
         "Bevorderen van diversiteit in het politiekorps",
         {"Een voortraject uitwerken om kandidaten (met allochtone roots) voor te bereiden op de "
          "selectieproeven om -agentfinspecteur te worden"},
         {"Het, in samenwerking met het tweedekansonderw:]s organiseren van opleidingen m.o.o. "
          "het stimuleren van kandidaten (met allochione roots) om deel te nemen aan de "
          "selectieproeven van de geintegreerde politie;",
          "Het uitwerken van tijdelijke (contractuele) loopbaanprOJecten voor kandidaten die na "
          "pamctpatle aan een voortraject deel nemen aan de selectieproeven van de gelntegreerde "
          "politie;",
          "Het uitwerken van een communicatie- en rekrutermgscampagne in samenwerklng met "
          "partners",
          "Het ontwikkelen van een wervmgscampagne met specnﬂeke bijzondere aandacht voor "
          "diversiteit.",
          "Het aanwervmg diversiteitsmedewerker(s) binnen de lokale politie",
          "Het in plaats stellen van een team diversiteitscoaches om samen met de "
          "diversiteitsmedewerkers de brug tussen de lokale polit[e en de allochtone gemeenschap "
          "te versterken;",
          "Het organiseren van een trainingsprogramma en opleldmgen voor sleutelfiguren van het - "
          "diversiteitsbeleid van het korps/de stad;",
          "Het organiseren van infodagen en deelnemen aan contactmomenten is samenwerking met de "
          "betrokken partners m.o.o. het motiveren van kandidaten {met allochtone roots) om deel "
          "te nemen aan de selectieproeven van de geintegreerde politie;",
          "Het uitwerken van een samenwerking met de federale politie en het “Museum voor "
          "holcaust en mensenrechten” o.a. m.c.0. het participeren aan de ontwikkeling van "
          "opleidingen ad hoc."},
         {{"Het bestaan van voortrajecten;", kE},
          {"Het bestaan van een wervingscampagne;", kE},
          {"De aanwezigheid van tijdelijke contractuele medewerkers na een voortraject;", kE},
          {"De aanwetrving van diversiteitsmedewerker(s);", kE},
          {"Het aantal kandidaten die aan de select:eproeven voor de geintegreerde politie "
           "deelnemen uit de regio Mechelen;",
           kC},
          {"Het aantal georganiseerde infodagen;", kC},
          {"Het aantal deeinames aan contactmomenten/jobbeurzen", kC},
          {"De organisatie van een tramlngsprogramma en ople:dmgen voor sieute!flguren van het "
           "diversiteitsbeleid;",
           kE},
          {"Het bestaan van een opleidingsinitiatief rond “polarisatiemanagement”.", kE}}},
        {2,
         "Bevorderen multidisciplinaireaanpak",
         {"Een onderzoekscel oprichten met het_l oog op de rﬁultidiéciplinaire aanpak van "
          "huisjesmelken, “grijze economig”, financiéle doorlichting VZW's, opvolging "
          "“pseudo-verblijven”"},
         {"Het ontwikkelen van een visie voor de implementatie van het concept bestuurlijk "
          "handhaven voor de stad Mechelen en de politiezone MEW|;",
          "Het uitwerken van een gezamenlijk en multidisciplinair handhav;ngskader",
          "Periodieke casusbespreking van concrete probleempanden of -locaties waar mogelijke "
          "malafide economische activiteiten plaatsvinden;",
          "Het uitbreiden van het team Eco-Fin van de Lokale Politie MeWi m.6.0. het vergroten van "
          "de pro- en reactieve onderzoekscapaciteit van PZ MeWi in het bljzonder wat betreft "
          "“financiéle onderzoeken”;",
          "Het in plaats stellen van wukagenten met specialisalie in de materie "
          "woonbeleld/hwsvestmg, huisjesmeiken, domiciliefraude”,",
          "Het aanwijzen van een jurist bij de lokale politie MeWi met het oog op het verwerven "
          "van "
          "expertise i.f.v. dossierbeheer {(opbouw en opvolging) enerzijds en kennismahagement "
          "t.v.v. de lokale politie en de stad anderzijds;",
          "Beeldvorming door stad en politie m.b.t. leegstand, niet vergunde opdelingen,..."},
         // Line 508 holds two indicators run together: "De in plaats stelling" (its end lost)
         // and "Het aantal besproken dossiers/casussen".
         {{"Het bestaan van een visienota;", kE},
          {"Het bestaan van een handhavingskader;", kE},
          {"Het bestaan van periodiek vergaderingen voor casusbespreking;", kE},
          {"De aanwezigheid van een jurist bij de Iokale politie MeWi met expertise qua "
           "bestuur]ljke handhaving;",
           kE},
          {"De in plaats stelling", kE},
          {"Het aantal besproken dossiers/casussen;,", kC},
          {"Het bestaan van dossiers beeldvorming.", kE}}}}},
  };
}

bool HasUncertain(const Contract& c, const std::string& what, int line) {
  for (const UncertainItem& u : c.uncertain) {
    if (u.what == what && u.line == line) return true;
  }
  return false;
}

bool HasWarningWith(const Contract& c, const std::string& a, const std::string& b) {
  for (const std::string& w : c.warnings) {
    if (w.find(a) != std::string::npos && w.find(b) != std::string::npos) return true;
  }
  return false;
}

LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

class SeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kSeed)) {
      GTEST_SKIP() << "the seed " << kSeed << " is absent (../shared is not beside the source)";
    }
    text_ = ReadFile(kSeed);
  }
  std::string text_;
};

TEST_F(SeedTest, EveryObjectiveAsReadByHand) {
  auto c = ImportDecisionText(text_, "000_11eaa67567343206.txt", Wordlist());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ExpectObjectives(c->objectives, SeedByHand());
  for (const ObjectiveGroup& g : c->objectives) {
    for (const StrategicObjective& s : g.strategic) {
      for (const ContractText& t : s.operational) EXPECT_EQ(t.text, t.original);
    }
  }
}

TEST_F(SeedTest, RubricsPeriodVoteProcedure) {
  auto c = ImportDecisionText(text_, "000_11eaa67567343206.txt", Wordlist());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->rubrics.size(), 3u);
  EXPECT_EQ(c->rubrics[0].number, "I");
  EXPECT_EQ(c->rubrics[0].title.original, "Toelage veiligheids- en samenlevingscontract");
  EXPECT_EQ(c->rubrics[0].annual_amount, Money::FromCents(26817273));
  EXPECT_EQ(c->rubrics[1].number, "II");
  EXPECT_EQ(
      c->rubrics[1].title.original,
      "Bijkomende financiéle hulp in het kader van preventie van gewelddadige radicalisering");
  EXPECT_EQ(c->rubrics[1].annual_amount, Money::FromEuro(60000));
  EXPECT_EQ(c->rubrics[2].number, "III");
  EXPECT_EQ(c->rubrics[2].annual_amount, Money::FromEuro(790000));
  // "Deze toelagen zijn jaarlijkse bedragen ... voor het werkingsjaar 2018 als ... 2019".
  ASSERT_EQ(c->rubrics[2].years.size(), 2u);
  EXPECT_EQ(c->rubrics[2].years[0].year, 2018);
  EXPECT_EQ(c->rubrics[2].years[1].year, 2019);
  EXPECT_EQ(c->rubrics[2].years[1].amount, Money::FromEuro(790000));

  EXPECT_EQ(c->period_from, D("2018-01-01"));
  EXPECT_EQ(c->period_to, D("2019-12-31"));
  EXPECT_EQ(c->decision.date, D("2019-02-25"));
  EXPECT_EQ(c->decision.votes_for, 32);
  EXPECT_EQ(c->decision.votes_against, 0);
  EXPECT_EQ(c->decision.abstentions, 5);
  EXPECT_EQ(c->decision.abstainers.size(), 5u);

  ASSERT_EQ(c->parties.size(), 2u);
  EXPECT_EQ(c->parties[0].role, "enerzijds");
  EXPECT_EQ(c->parties[0].name.original,
            "de Staat vertegenwoordigd door de Minister van Binnenlaridse Zaken");
  EXPECT_EQ(c->parties[1].role, "anderzijds");
  EXPECT_EQ(c->parties[1].name.original, "De stad-Mechelen");

  ASSERT_EQ(c->procedure.size(), 3u);
  EXPECT_EQ(c->procedure[0].step.original,
            "Uiterlijk 18 februari 2019 een ontwerp van overeenkomst bezorgen aan de directie "
            "lokale integrale veiligheid (FOD Binnenlandse Zaken),");
  EXPECT_EQ(c->procedure[0].deadline, D("2019-02-18"));
  EXPECT_EQ(c->procedure[1].step.original,
            "Na ontvangstbevestiging volgt een inhoudelijke analyse door de FOD.");
  EXPECT_FALSE(c->procedure[1].deadline.has_value());
  EXPECT_EQ(c->procedure[2].step.original,
            "Een definitieve goedkeuring wordt per mail gecommuniceerd en per post worden 2, door "
            "de Minister ondertekende exemplaren, opgestuurd. Daarvan moet 1 tegengetekend worden "
            "en terug opgestuurd.");
  EXPECT_FALSE(c->procedure[2].deadline.has_value());
}

TEST_F(SeedTest, WarningsAndUncertainItems) {
  auto c = ImportDecisionText(text_, "000_11eaa67567343206.txt", Wordlist());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  // The yearly total, stated twice as "1.118.17,00", is not the rubrics' sum 1,118,172.73.
  EXPECT_TRUE(HasWarningWith(*c, "line 94:", "\"1.118.17,00\""));
  EXPECT_TRUE(HasWarningWith(*c, "line 138:", "\"1.118.17,00\""));
  EXPECT_TRUE(HasWarningWith(*c, "line 94:", "€ 1.118.172,73"));
  ASSERT_EQ(c->totals.size(), 2u);
  EXPECT_EQ(c->totals[0].line, 94);
  EXPECT_EQ(c->totals[1].line, 138);
  EXPECT_FALSE(c->totals[0].well_formed);
  EXPECT_TRUE(HasWarningWith(*c, "rubric II, activity sector 1", "no general objective"));
  EXPECT_EQ(c->warnings.size(), 3u);
  // The lost rubric III heading, rubric II's heading OCR'd as "I.", the lost sector heading of
  // rubric III, and the indicator line holding two indicators.
  EXPECT_TRUE(HasUncertain(*c, "rubric heading missing", 248));
  EXPECT_TRUE(HasUncertain(*c, "rubric heading numbered differently from its title", 196));
  EXPECT_TRUE(HasUncertain(*c, "activity sector heading missing", 250));
  EXPECT_TRUE(HasUncertain(*c, "one line read as two items", 508));
  EXPECT_TRUE(HasUncertain(*c, "threshold without a period: taken over the contract", 298));
}

TEST_F(SeedTest, ImportTakesMilliseconds) {
  auto start = std::chrono::steady_clock::now();
  auto c = ImportDecisionText(text_, "seed", Wordlist());
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  ASSERT_TRUE(c.ok());
  std::cout << "seed import without word list: " << ms.count() << " ms\n";
  EXPECT_LT(ms.count(), 1000);
}

TEST_F(SeedTest, WordListCorrectsWithoutChangingTheStructure) {
  if (!std::filesystem::exists(kDutchWords)) GTEST_SKIP() << kDutchWords << " is absent (wdutch)";
  auto load_start = std::chrono::steady_clock::now();
  auto words = Wordlist::Load(kDutchWords);
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  auto start = std::chrono::steady_clock::now();
  auto c = ImportDecisionText(text_, "seed", *words);
  auto end = std::chrono::steady_clock::now();
  ASSERT_TRUE(c.ok());
  std::cout << "word list load: "
            << std::chrono::duration<double, std::milli>(start - load_start).count()
            << " ms; seed import with it: "
            << std::chrono::duration<double, std::milli>(end - start).count() << " ms\n";
  double import_ms = std::chrono::duration<double, std::milli>(end - start).count();
  EXPECT_LT(import_ms, 1000);
  // The structure (compared on the original texts) is the same as without the word list.
  ExpectObjectives(c->objectives, SeedByHand());
  // Corrections keep the original beside them.
  const ContractText& general = c->objectives[0].general;
  EXPECT_EQ(general.text,
            "Bestrijding van de criminaliteit, de overlast en het onveiligheidsgevoel");
  EXPECT_EQ(general.original,
            "Bestrijding van de criminaliteit, de overlast en het ohvei!igheidsgevoel");
  EXPECT_EQ(
      c->rubrics[1].title.text,
      "Bijkomende financiële hulp in het kader van preventie van gewelddadige radicalisering");
  EXPECT_EQ(c->objectives[1].strategic[0].title.text, "Verhogen van het veifigheids_gevoel");
  const StrategicObjective& s4 = c->objectives[1].strategic[1];
  EXPECT_EQ(s4.operational[0].text,
            "Uitwerken van een integraal programma posmeve identiteit en maatschappijvorming : "
            "(PIM) om jongeren die vervreemden of vervreemd zijn van diverse maatschappehjke "
            "instituten terug in te sluiten");
  // Half a compound ("veiligheids- en") is left alone; so is a doubtful word ("vVoor").
  EXPECT_EQ(c->rubrics[0].title.text, "Toelage veiligheids- en samenlevingscontract");
  EXPECT_NE(c->objectives[2].strategic[0].expected_results[0].text.find("vVoor"),
            std::string::npos);
  bool listed = false;
  for (const UncertainItem& u : c->uncertain) {
    if (u.what == "OCR word with more than one correction" && u.original == "vVoor") listed = true;
  }
  EXPECT_TRUE(listed);
}

// ---------------------------------------------------------------------------------------------
// The second decision, written for this test.

std::vector<ExpGroup> HeistrodeByHand() {
  return {
      {"I",
       0,
       "Een veilige en leefbare gemeente voor alle inwoners",
       {{1,
         "Aanpak van overlast in het centrum",
         {"Inzetten van gemeenschapswachten op de markt en in de stationsbuurt van Heistrode",
          "Opmaken van een overlastkaart per wijk"},
         {"Minder meldingen van overlast in de stationsbuurt",
          "Een overlastkaart die Heistrode en de deelgemeenten dekt"},
         {{"Minimaal 4 buurtoverleggen per jaar", kT, 4, "year"},
          {"Aantal meldingen van overlast", kC},
          {"Bestaan van de overlastkaart", kE}}},
        {3,
         "Preventie van woninginbraken",
         {"Techno-preventief advies aan huis voor alle inwoners die erom vragen.",
          "Inbraakpreventie-avonden in de deelgemeenten."},
         {"Een inbraakpreventieadviseur is aangesteld.",
          "Inwoners kennen de eenvoudige maatregelen tegen inbraak",
          "Vanaf 2021 een premie voor inbraakwerende maatregelen voor wie een woning in Heistrode "
          "bezit of huurt."},
         {{"Aantal gegeven adviezen aan huis.", kC},
          {"Per kwartaal minstens 2 preventie-avonden.", kT, 2, "quarter"},
          {"Aantal toegekende premies", kC}}}}},
      {"II",
       1,
       "Minder fietsdiefstal",
       {{1,
         "Fietsen registreren en beveiligen",
         {"Graveeracties voor fietsen op scholen en markten",
          "Bewaakte fietsenstallingen aan het station"},
         {"Jaarlijks 500 gegraveerde fietsen", "Een bewaakte stalling met 200 plaatsen"},
         {{"Jaarlijks minstens 500 gegraveerde fietsen", kT, 500, "year"},
          {"Bestaan van de bewaakte stalling", kE}}}}},
      {"II",
       2,
       "Minder woninginbraken in de deelgemeenten",
       {{2,
         "Buurtinformatienetwerken uitbreiden",
         {"Oprichten van buurtinformatienetwerken in elke deelgemeente."},
         {"Elke deelgemeente heeft een buurtinformatienetwerk."},
         {{"Aantal leden van de buurtinformatienetwerken.", kC},
          {"Het bestaan van een BIN-coordinator", kE}}}}},
  };
}

TEST(HeistrodeTest, EveryObjectiveAsReadByHand) {
  auto c = ImportDecisionText(ReadFile(kHeistrode), "heistrode_2020_2021.txt", Wordlist());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ExpectObjectives(c->objectives, HeistrodeByHand());
  ASSERT_EQ(c->rubrics.size(), 2u);
  EXPECT_EQ(c->rubrics[0].annual_amount, Money::FromCents(14523050));
  EXPECT_EQ(c->rubrics[1].title.original,
            "Bijkomende financiele hulp voor de aanpak van woninginbraken en fietsdiefstal");
  EXPECT_EQ(c->rubrics[1].annual_amount, Money::FromEuro(38000));
  ASSERT_EQ(c->rubrics[1].years.size(), 2u);
  EXPECT_EQ(c->rubrics[1].years[0].year, 2020);
  EXPECT_EQ(c->period_from, D("2020-01-01"));
  EXPECT_EQ(c->period_to, D("2021-12-31"));  // "31 decernber 2021"
  EXPECT_EQ(c->decision.date, D("2021-03-14"));
  EXPECT_EQ(c->decision.votes_for, 25);
  EXPECT_EQ(c->decision.votes_against, 3);
  EXPECT_EQ(c->decision.abstentions, 2);
  EXPECT_EQ(c->decision.abstainers,
            (std::vector<std::string>{"Cas Lemmens", "Dora Van den Broeck"}));
  ASSERT_EQ(c->procedure.size(), 3u);
  EXPECT_EQ(c->procedure[0].step.original,
            "Uiterlijk 30 april 2021 het ondertekende ontwerp bezorgen aan de FOD Binnenlandse "
            "Zaken;");
  EXPECT_EQ(c->procedure[0].deadline, D("2021-04-30"));
  EXPECT_FALSE(c->procedure[1].deadline.has_value());
  EXPECT_EQ(c->procedure[2].deadline, D("2021-05-15"));
  // The stated total (183.230,50) is the sum of the rubrics; everything was found.
  EXPECT_TRUE(c->warnings.empty()) << c->warnings.front();
  EXPECT_TRUE(c->uncertain.empty()) << c->uncertain.front().what;
}

TEST(HeistrodeTest, JsonExportHasTheIssuesShape) {
  auto c = ImportDecisionText(ReadFile(kHeistrode), "heistrode_2020_2021.txt", Wordlist());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  nlohmann::json j = nlohmann::json::parse(ContractJson(*c));
  EXPECT_EQ(j["period"]["from"], "2020-01-01");
  EXPECT_EQ(j["period"]["to"], "2021-12-31");
  EXPECT_EQ(j["decision"]["date"], "2021-03-14");
  EXPECT_EQ(j["decision"]["votes_for"], 25);
  EXPECT_EQ(j["decision"]["votes_against"], 3);
  EXPECT_EQ(j["decision"]["abstentions"], 2);
  EXPECT_FALSE(j["decision"].contains("abstainers"));  // names are not exported
  ASSERT_EQ(j["rubrics"].size(), 2u);
  EXPECT_EQ(j["rubrics"][0]["number"], "I");
  EXPECT_EQ(j["rubrics"][0]["annual_amount"], "145230.50");
  EXPECT_EQ(j["rubrics"][1]["annual_amount"], "38000.00");
  ASSERT_EQ(j["objectives"].size(), 3u);
  EXPECT_TRUE(j["objectives"][0]["sector"].is_null());
  EXPECT_EQ(j["objectives"][1]["sector"], 1);
  EXPECT_EQ(j["objectives"][2]["rubric"], "II");
  const nlohmann::json& s = j["objectives"][0]["strategic"][0];
  EXPECT_EQ(s["number"], 1);
  EXPECT_EQ(s["title"], "Aanpak van overlast in het centrum");
  EXPECT_EQ(s["operational"].size(), 2u);
  EXPECT_EQ(s["expected_results"][1], "Een overlastkaart die Heistrode en de deelgemeenten dekt");
  EXPECT_EQ(s["indicators"][0]["kind"], "threshold");
  EXPECT_EQ(s["indicators"][0]["threshold"], nlohmann::json::parse(R"({"min":4,"per":"year"})"));
  EXPECT_EQ(s["indicators"][1]["kind"], "count");
  EXPECT_TRUE(s["indicators"][1]["threshold"].is_null());
  EXPECT_EQ(s["indicators"][2]["kind"], "existence");
  ASSERT_EQ(j["procedure"].size(), 3u);
  EXPECT_EQ(j["procedure"][0]["deadline"], "2021-04-30");
  EXPECT_TRUE(j["procedure"][1]["deadline"].is_null());
  EXPECT_TRUE(j["warnings"].is_array());
  EXPECT_TRUE(j["warnings"].empty());
  // The keys in the issue's order.
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"decision", "objectives", "period", "procedure",
                                            "rubrics", "warnings"}));
}

TEST(ImportTest, TextWithoutObjectivesIsRefused) {
  auto c =
      ImportDecisionText("Dit is een brief.\nMet vriendelijke groeten.\n", "brief.txt", Wordlist());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(c.status().message().find("brief.txt"), std::string::npos);
}

// A small decision for the checks: the total stated differently from the rubrics' sum.
constexpr const char* kSmall =
    "De beslissing wordt genomen met 20 stemmen voor en 1 onthouding (Pim Peeters).\n"
    "Zitting van de gemeenteraad van 3 juni 2020.\n"
    "- I. Toelage veiligheids- en samenlevingscontract van 100.000,00 euro.\n"
    "- II. Bijkomende hulp voor fietsdiefstal van 20.000,00 euro.\n"
    "De totale subsidie bedraagt 125.000,00 euro.\n"
    "\n"
    "Strategische doelstelling 1 :\n"
    "Fietsen beveiligen\n"
    "Operationele doelstellingen :\n"
    "- Graveren\n"
    "Te verwachten resultaten :\n"
    "- Minder diefstal\n"
    "Indicatoren :\n"
    "- Aantal gegraveerde fietsen\n";

TEST(ImportTest, TotalThatIsNotTheSumIsAWarning) {
  auto c = ImportDecisionText(kSmall, "small.txt", Wordlist());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(
      HasWarningWith(*c, "line 5:", "€ 125.000,00 is not the sum of the rubrics, € 120.000,00"));
  // The stated total is kept, so that the check can be redone when an amount is amended.
  ASSERT_EQ(c->totals.size(), 1u);
  EXPECT_EQ(c->totals[0], (StatedTotal{5, Money::FromEuro(125000), "125.000,00", true}));
  EXPECT_EQ(c->decision.votes_for, 20);
  EXPECT_EQ(c->decision.abstentions, 1);
  EXPECT_EQ(c->decision.abstainers, std::vector<std::string>{"Pim Peeters"});
  EXPECT_EQ(c->decision.date, D("2020-06-03"));
  // Objectives before any rubric heading go to the first rubric, and are flagged.
  ASSERT_EQ(c->objectives.size(), 1u);
  EXPECT_EQ(c->objectives[0].rubric, "I");
  EXPECT_TRUE(HasUncertain(*c, "objectives before any rubric heading", 7));
  EXPECT_TRUE(HasWarningWith(*c, "rubric I", "no general objective found"));
  EXPECT_TRUE(HasWarningWith(*c, "rubric II", "no objectives found"));
  EXPECT_TRUE(HasWarningWith(*c, "period", "not found"));
}

TEST(ImportTest, TotalThatIsTheSumIsNoWarning) {
  std::string text = kSmall;
  text.replace(text.find("125.000,00"), 10, "120.000,00");
  auto c = ImportDecisionText(text, "small.txt", Wordlist());
  ASSERT_TRUE(c.ok());
  for (const std::string& w : c->warnings) EXPECT_EQ(w.find("sum"), std::string::npos) << w;
}

TEST(ImportTest, RubricHeadingsWithoutARubricListMakeTheRubrics) {
  auto c = ImportDecisionText(
      "I. TOELAGE VEILIGHEID\n"
      "Algemene doelstelling :\n"
      "Veilig\n"
      "Strategische doelstelling 1 :\n"
      "Titel\n"
      "Indicatoren :\n"
      "- Bestaan van een plan\n"
      "\n"
      "II. PREVENTIE\n"
      "Algemene doelstelling :\n"
      "Preventief\n",
      "zonder_lijst.txt", Wordlist());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->rubrics.size(), 2u);
  EXPECT_EQ(c->rubrics[0].number, "I");
  EXPECT_EQ(c->rubrics[0].title.original, "TOELAGE VEILIGHEID");
  EXPECT_EQ(c->rubrics[1].number, "II");
  ASSERT_EQ(c->objectives.size(), 2u);
  EXPECT_EQ(c->objectives[1].rubric, "II");
  EXPECT_EQ(c->objectives[1].general.original, "Preventief");
  EXPECT_TRUE(HasWarningWith(*c, "line 1:", "rubric I has no amount"));
  EXPECT_TRUE(HasWarningWith(*c, "line 9:", "rubric II has no amount"));
}

// ---------------------------------------------------------------------------------------------
// The parts

TEST(AmountTest, BelgianForms) {
  auto a = FindAmounts("van 268.172,73,- euro. en 60.000,00,~ euro en 277.140,- euro");
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].amount, Money::FromCents(26817273));
  EXPECT_TRUE(a[0].well_formed);
  EXPECT_EQ(a[0].as_written, "268.172,73");
  EXPECT_EQ(a[1].amount, Money::FromEuro(60000));
  EXPECT_EQ(a[2].amount, Money::FromEuro(277140));
  EXPECT_EQ(a[2].as_written, "277.140");
  auto b = FindAmounts("bedrag van 1.118.17,00- EUR toegekend; 58 euro; 12,5 euro");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_FALSE(b[0].well_formed);  // a thousands group of two digits
  EXPECT_EQ(b[0].amount, Money::FromEuro(111817));
  EXPECT_EQ(b[1].amount, Money::FromEuro(58));
  EXPECT_EQ(b[2].amount, Money::FromCents(1250));
  // Numbers that are not amounts in euro.
  EXPECT_TRUE(FindAmounts("ramingsnummer 2018142667 en 2 exemplaren, 1.500 deelnemers").empty());
}

TEST(DateTest, DutchMonthNames) {
  auto d = FindDutchDates("Op 2 september 2016 (punt 65) en uiterlijk 18 februari 2019,");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].date, D("2016-09-02"));
  EXPECT_EQ(d[1].date, D("2019-02-18"));
  // One OCR error in a month name is read; a date that does not exist is not.
  auto e = FindDutchDates("op 31 decernber 2021 en 31 februari 2019 en 1 rnei 2020 en 5 jun 2020");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].date, D("2021-12-31"));
  EXPECT_EQ(e[1].date, D("2020-05-01"));  // "rnei": rn is m
}

TEST(VoteTest, ForAgainstAbstentionsAndNames) {
  std::string unsure;
  CouncilDecision v = ReadVote(
      "met 32 stemmen voor {A B, C D) en 5 onthoudingen (Frank Cre Cat ' Fr)ls Hans Kel Ing "
      "Klu, Dirk Tuy)",
      &unsure);
  EXPECT_EQ(v.votes_for, 32);
  EXPECT_EQ(v.votes_against, 0);
  EXPECT_EQ(v.abstentions, 5);
  EXPECT_EQ(v.abstainers.size(), 5u);
  EXPECT_TRUE(unsure.empty()) << unsure;
  CouncilDecision w =
      ReadVote("met 10 stemmen voor, 4 stemmen tegen en 2 onthoudingen (Ann Vos)", &unsure);
  EXPECT_EQ(w.votes_for, 10);
  EXPECT_EQ(w.votes_against, 4);
  EXPECT_EQ(w.abstentions, 2);
  EXPECT_EQ(w.abstainers, std::vector<std::string>{"Ann Vos"});
  EXPECT_EQ(unsure, "2 abstentions but 1 names read");
}

TEST(ThresholdTest, ReadFromText) {
  EXPECT_EQ(ReadThreshold("Jaarlijks minstens 6 vergaderingen van de LIVC"),
            (Threshold{6, "year"}));
  EXPECT_EQ(ReadThreshold("Minimaal 4 buurtoverleggen per jaar"), (Threshold{4, "year"}));
  EXPECT_EQ(ReadThreshold("Per kwartaal ten minste twee avonden"), (Threshold{2, "quarter"}));
  EXPECT_EQ(ReadThreshold("Maandelijks minstens 1 overleg"), (Threshold{1, "month"}));
  EXPECT_EQ(ReadThreshold("In 2019 wordt minstens 1 testfase ontwikkeld"),
            (Threshold{1, "contract"}));
  EXPECT_FALSE(ReadThreshold("Jaarlijks 500 gegraveerde fietsen").has_value());
  EXPECT_FALSE(ReadThreshold("Bestaan van organogram").has_value());
  EXPECT_EQ(ClassifyIndicator("Jaarlijks minstens 6 vergaderingen"), IndicatorKind::kThreshold);
  EXPECT_EQ(ClassifyIndicator("Het aantal georganiseerde infodagen;"), IndicatorKind::kCount);
  EXPECT_EQ(ClassifyIndicator("_aantal counter of alternative narratives"), IndicatorKind::kCount);
  EXPECT_EQ(ClassifyIndicator("Evaluatienota LIVC"), IndicatorKind::kExistence);
}

TEST(HeadingTest, FoundDespiteOcrNoise) {
  struct Case {
    const char* line;
    HeadingKind kind;
    int number;
  };
  const std::vector<Case> cases = {
      {"Operatlonele doelstellmqen", HeadingKind::kOperational, 0},
      {"Operationeie doelstellmgen", HeadingKind::kOperational, 0},
      {"-Operationele doelstellingen :", HeadingKind::kOperational, 0},
      {"0perationele doelstell1ngen :", HeadingKind::kOperational, 0},
      {"!ndlcatoren", HeadingKind::kIndicators, 0},
      {"indicatoren : .", HeadingKind::kIndicators, 0},
      {"\" Indicatoren :", HeadingKind::kIndicators, 0},
      {"Strategische doelsteliing 2:", HeadingKind::kStrategic, 2},
      {"~ Strategische doelstelling 1:", HeadingKind::kStrategic, 1},
      {"Strategische doelstelling 3: -", HeadingKind::kStrategic, 3},
      {"_ A[qemene doelstelling :", HeadingKind::kGeneral, 0},
      {"Algemene doelstellinq :", HeadingKind::kGeneral, 0},
      {"\" Te verwachten resuitaten", HeadingKind::kExpected, 0},
      {"Te verwachtfen resultaten :", HeadingKind::kExpected, 0},
      {"\\ctiviteitssector2 |", HeadingKind::kSector, 2},
      {"\" Activiteitssector 1", HeadingKind::kSector, 1},
  };
  for (const Case& c : cases) {
    HeadingMatch m = MatchHeading(c.line);
    EXPECT_EQ(m.kind, c.kind) << c.line;
    EXPECT_EQ(m.number.value_or(0), c.number) << c.line;
  }
  HeadingMatch titled = MatchHeading("Strategische doe|stelling 3: Preventie van woninginbraken");
  EXPECT_EQ(titled.kind, HeadingKind::kStrategic);
  EXPECT_EQ(titled.rest, "Preventie van woninginbraken");
  // Not headings: items that start with a heading's word, a strategic objective without its
  // number, a word too far from any heading.
  for (const char* line : {"Indicatoren worden jaarlijks gemeten", "Strategische doelstelling",
                           "Operationeel ondersteuningskader", "Bestaan van organogram",
                           "Te verwachten", "Indicatie"}) {
    EXPECT_EQ(MatchHeading(line).kind, HeadingKind::kNone) << line;
  }
}

TEST(HeadingTest, FoldAndDistance) {
  EXPECT_EQ(FoldOcr("Operatlonele"), FoldOcr("operationele"));
  EXPECT_EQ(FoldOcr("!ndlcatoren"), "indicatoren");
  EXPECT_EQ(FoldOcr("doelstellmqen"), "doeisteiimgen");
  EXPECT_EQ(FoldOcr("financiéle"), "financieie");
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("same", "same"), 0);
}

TEST(WordTest, CorrectsOnlyWithoutDoubtAndKeepsTheOriginal) {
  Wordlist words =
      Wordlist::FromWords({"onveiligheidsgevoel", "diverse", "veiligheid", "voor", "vloor", "laten",
                           "falen", "de", "het", "en", "van", "Mechelen", "overlast"});
  WordCorrector corr(words, "het opleldmgen aanbod; de opleidingen starten");
  EXPECT_EQ(corr.CorrectWord("ohvei!igheidsgevoel"), "onveiligheidsgevoel");  // ! and h->n
  EXPECT_EQ(corr.CorrectWord("dlverse"), "diverse");                          // l->i
  EXPECT_EQ(corr.CorrectWord("Dlverse"), "Diverse");                          // case kept
  EXPECT_EQ(corr.CorrectWord("overiast"), "overlast");                        // i->l
  EXPECT_EQ(corr.CorrectWord("opleldmgen"), "opleidingen");  // the document's own word
  EXPECT_FALSE(corr.CorrectWord("diverse").has_value());     // known
  EXPECT_FALSE(corr.CorrectWord("LIVC").has_value());        // an acronym
  EXPECT_FALSE(corr.CorrectWord("MeWi").has_value());
  // f -> l is an OCR confusion, f -> t... too, but only "laten" is a word; "falen" is one
  // edit away but not by a confusion, and confusions are tried first.
  EXPECT_EQ(corr.CorrectWord("faten"), "laten");
  std::vector<std::string> cands;
  EXPECT_FALSE(corr.CorrectWord("vVoor", &cands).has_value());  // voor or vloor: one edit each
  EXPECT_EQ(cands, (std::vector<std::string>{"vloor", "voor"}));
  std::vector<std::pair<std::string, std::string>> ambiguous;
  EXPECT_EQ(corr.CorrectText("het ohvei!igheidsgevoel (dlverse) vVoor.", &ambiguous),
            "het onveiligheidsgevoel (diverse) vVoor.");
  ASSERT_EQ(ambiguous.size(), 1u);
  EXPECT_EQ(ambiguous[0], (std::pair<std::string, std::string>{"vVoor", "vloor | voor"}));
  // Without a word list nothing is corrected.
  Wordlist none;
  WordCorrector plain(none, "");
  EXPECT_FALSE(plain.CorrectWord("dlverse").has_value());
  EXPECT_EQ(plain.CorrectText("dlverse", nullptr), "dlverse");
}

TEST(WordTest, ImportKeepsOriginalBesideCorrection) {
  Wordlist words = Wordlist::FromWords(
      {"fietsen", "beveiligen", "graveren", "minder", "diefstal", "aantal", "gegraveerde"});
  std::string text = kSmall;
  text.replace(text.find("Fietsen beveiligen"), 18, "Fietsen bevei!igen");
  auto c = ImportDecisionText(text, "small.txt", words);
  ASSERT_TRUE(c.ok());
  const ContractText& title = c->objectives[0].strategic[0].title;
  EXPECT_EQ(title.text, "Fietsen beveiligen");
  EXPECT_EQ(title.original, "Fietsen bevei!igen");
  EXPECT_TRUE(title.corrected());
  EXPECT_EQ(title.line, 8);
}

TEST(WordTest, LoadMissingFileIsUnavailable) {
  auto w = Wordlist::Load("/nonexistent/words");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace hh
