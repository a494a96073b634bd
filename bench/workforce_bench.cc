// Workforce scan cost: 10k and 100k workers with a year of logins (about
// three sessions a week each) and monthly payments, generated in memory.
// Reports peak resident memory and the dataset's own size as counters.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>
#include <map>
#include <memory>

#include "vigil/workforce.h"

namespace {

using namespace vigil::workforce;

const Generated& Data(uint32_t workers) {
  static std::map<uint32_t, std::unique_ptr<Generated>> cache;
  auto& slot = cache[workers];
  if (!slot) {
    GeneratorOptions o;
    o.workers = workers;
    o.seed = 42;
    slot = std::make_unique<Generated>(GenerateWorkforce(o));
  }
  return *slot;
}

const RulePack& Pack() {
  static const RulePack pack = [] {
    auto p = LoadDefaultRulePack();
    if (!p.ok()) std::abort();
    return std::move(*p);
  }();
  return pack;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

void BM_WorkforceGenerate(benchmark::State& state) {
  GeneratorOptions o;
  o.workers = static_cast<uint32_t>(state.range(0));
  o.seed = 1;
  size_t logins = 0;
  for (auto _ : state) {
    Generated g = GenerateWorkforce(o);
    logins = g.data.logins.size();
    benchmark::DoNotOptimize(g);
  }
  state.counters["logins"] = static_cast<double>(logins);
}
BENCHMARK(BM_WorkforceGenerate)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_WorkforceScan(benchmark::State& state) {
  const Generated& g = Data(static_cast<uint32_t>(state.range(0)));
  ScanOptions options;
  options.rules = &Pack();
  size_t high = 0;
  for (auto _ : state) {
    auto r = Scan(g.data, options);
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
    high = 0;
    for (const auto& w : r->workers) high += w.level == "high";
    benchmark::DoNotOptimize(r);
  }
  state.counters["logins"] = static_cast<double>(g.data.logins.size());
  state.counters["payments"] = static_cast<double>(g.data.payments.size());
  state.counters["high_risk"] = static_cast<double>(high);
  state.counters["dataset_mb"] = static_cast<double>(g.data.memory_bytes()) / (1 << 20);
  state.counters["peak_rss_mb"] = PeakRssMb();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(g.data.logins.size()));
}
BENCHMARK(BM_WorkforceScan)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

// Reading the CSV files back (10k workers: ~1.5M login rows).
void BM_WorkforceLoadCsv(benchmark::State& state) {
  const Generated& g = Data(static_cast<uint32_t>(state.range(0)));
  std::string dir = (std::filesystem::temp_directory_path() / "vigil_workforce_bench").string();
  if (!WriteDatasetCsv(g.data, dir).ok()) state.SkipWithError("cannot write CSV");
  for (auto _ : state) {
    auto d = LoadDataset(dir);
    if (!d.ok()) state.SkipWithError(d.status().ToString().c_str());
    benchmark::DoNotOptimize(d);
  }
  state.counters["peak_rss_mb"] = PeakRssMb();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_WorkforceLoadCsv)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
