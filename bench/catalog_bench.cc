// Catalog build and snapshot load times on the default catalog.
//   build/release/catalog_bench
#include <benchmark/benchmark.h>

#include <cstdio>

#include "core/io.h"
#include "vigil/catalog.h"

namespace {

void BM_BuildDefaultCatalog(benchmark::State& state) {
  auto options = vigil::DefaultCatalogOptions(vigil::DefaultDataDir());
  if (!options.ok()) {
    state.SkipWithError(options.status().ToString().c_str());
    return;
  }
  size_t n = 0;
  for (auto _ : state) {
    auto c = vigil::BuildCatalog(*options);
    if (!c.ok()) {
      state.SkipWithError(c.status().ToString().c_str());
      return;
    }
    n = (*c)->size();
  }
  state.counters["entities"] = static_cast<double>(n);
}
BENCHMARK(BM_BuildDefaultCatalog)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_LoadSnapshot(benchmark::State& state) {
  auto options = vigil::DefaultCatalogOptions(vigil::DefaultDataDir());
  auto c = options.ok() ? vigil::BuildCatalog(*options) : options.status();
  if (!c.ok()) {
    state.SkipWithError(c.status().ToString().c_str());
    return;
  }
  std::string path = "/tmp/vigil_bench_catalog.vcat";
  if (!(*c)->Save(path).ok()) {
    state.SkipWithError("cannot save snapshot");
    return;
  }
  auto bytes = vigil::ReadRawFile(path);
  for (auto _ : state) {
    auto loaded = vigil::Catalog::Load(path);
    benchmark::DoNotOptimize(loaded);
  }
  state.counters["snapshot_bytes"] = static_cast<double>(bytes.ok() ? bytes->size() : 0);
  std::remove(path.c_str());
}
BENCHMARK(BM_LoadSnapshot)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
