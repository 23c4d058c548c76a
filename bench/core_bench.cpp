// Micro-benchmarks of the per-row hot paths of screening: `./dev bench micro`.
#include <benchmark/benchmark.h>

#include "anpr/confidence.h"
#include "core/instant.h"
#include "core/local_time.h"
#include "core/plate.h"
#include "csv/csv_reader.h"

namespace hh {
namespace {

void BM_InstantParse(benchmark::State& state) {
  Instant t;
  const char* why;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Instant::TryParse("2026-03-26T00:00:01+01:00", &t, &why));
  }
}
BENCHMARK(BM_InstantParse);

void BM_LocalTimeCached(benchmark::State& state) {
  LocalTime tz = LocalTime::Brussels();
  Instant t = *Instant::Parse("2026-03-26T10:00:00Z");
  for (auto _ : state) {
    t = t.PlusSeconds(1);
    benchmark::DoNotOptimize(tz.ToLocal(t));
  }
}
BENCHMARK(BM_LocalTimeCached);

void BM_PlateNormalise(benchmark::State& state) {
  char out[16];
  for (auto _ : state) benchmark::DoNotOptimize(NormalisePlateInto("1-abc-123", out));
}
BENCHMARK(BM_PlateNormalise);

void BM_Confidence(benchmark::State& state) {
  Confidence c;
  for (auto _ : state) benchmark::DoNotOptimize(Confidence::Parse("0.937", &c));
}
BENCHMARK(BM_Confidence);

void BM_CsvRows(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < 10000; ++i) {
    text +=
        "CAM035,D001239556,2026-03-26T00:00:01+01:00,1bnj973,BE,0.911,img/CAM035/001239556.jpg\n";
  }
  for (auto _ : state) {
    auto r = CsvReader::FromString(text);
    CsvRecord rec;
    size_t n = 0;
    while (r->Next(&rec)) n += rec.fields.size();
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CsvRows);

}  // namespace
}  // namespace hh
