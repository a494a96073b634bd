// Screening speed: single-query latency (p50/p99) and batch throughput on the
// default catalog and on a synthetic catalog of 1M aliases, each beside the
// brute-force reference measured in the same run.
//   build/release/match_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

#include "match/batch.h"
#include "synthetic_catalog.h"
#include "vigil/catalog.h"
#include "vigil/matcher.h"

namespace {

using vigil::Matcher;
using vigil::Query;

const Matcher& DefaultMatcher() {
  static std::unique_ptr<Matcher> m = [] {
    auto c = vigil::LoadDefaultCatalog();
    if (!c.ok()) std::abort();
    return Matcher::Create(*c);
  }();
  return *m;
}

const Matcher& SyntheticMatcher() {
  static std::unique_ptr<Matcher> m = Matcher::Create(vigil::bench::SyntheticCatalog(1000000, 42));
  return *m;
}

// Queries: listed names with a typo (hits) and fresh synthetic names (mostly
// misses), as a screening workload has both.
std::vector<Query> Queries(const Matcher& m, size_t n) {
  vigil::bench::SplitMix64 rng(99);
  std::vector<Query> out;
  const auto& entities = m.catalog().entities();
  for (size_t i = 0; i < n; ++i) {
    Query q;
    if (i % 2 == 0) {
      const auto& e = entities[rng.Below(entities.size())];
      std::string name = e.caption();
      if (name.size() > 5) name.erase(1 + rng.Below(name.size() - 2), 1);
      q.schema = e.schema();
      q.names = {name};
    } else {
      bool person;
      q.names = {vigil::bench::SyntheticName(rng, &person)};
      q.schema = person ? "Person" : "Organization";
    }
    out.push_back(std::move(q));
  }
  return out;
}

void Latency(benchmark::State& state, const Matcher& m, bool brute_force) {
  auto queries = Queries(m, brute_force ? 40 : 2000);
  vigil::MatchOptions o;
  o.brute_force = brute_force;
  std::vector<double> micros;
  size_t i = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    auto r = m.Match(queries[i++ % queries.size()], o);
    auto t1 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(r);
    micros.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::sort(micros.begin(), micros.end());
  if (!micros.empty()) {
    state.counters["p50_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
  }
  state.counters["forms"] = static_cast<double>(m.indexed_forms());
  state.counters["index_MB"] = static_cast<double>(m.memory_bytes()) / 1e6;
}

void BM_DefaultIndexed(benchmark::State& s) { Latency(s, DefaultMatcher(), false); }
void BM_DefaultBruteForce(benchmark::State& s) { Latency(s, DefaultMatcher(), true); }
void BM_Synthetic1MIndexed(benchmark::State& s) { Latency(s, SyntheticMatcher(), false); }
BENCHMARK(BM_DefaultIndexed)->Unit(benchmark::kMicrosecond)->Iterations(20000);
BENCHMARK(BM_DefaultBruteForce)->Unit(benchmark::kMillisecond)->Iterations(40);
BENCHMARK(BM_Synthetic1MIndexed)->Unit(benchmark::kMicrosecond)->Iterations(5000);

void BM_DefaultBatchOneCore(benchmark::State& state) {
  const Matcher& m = DefaultMatcher();
  auto queries = Queries(m, 10000);
  vigil::BatchOptions o;
  o.jobs = 1;
  for (auto _ : state) {
    auto r = vigil::ScreenAll(m, queries, o);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * queries.size()));
}
BENCHMARK(BM_DefaultBatchOneCore)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_BuildIndexDefault(benchmark::State& state) {
  auto c = vigil::LoadDefaultCatalog();
  for (auto _ : state) {
    auto m = Matcher::Create(*c);
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_BuildIndexDefault)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
