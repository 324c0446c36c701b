// Issue 2's figures: restore of 10,000 contacts, 100,000 interactions and 5,000 posts under
// 3 s; export under 2 s. Both against a workspace file on disk, as users run them.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "core/store.h"
#include "core/workspacejson.h"
#include "synthetic.h"

namespace {

using namespace rapport::core;
namespace fs = std::filesystem;

const std::string& documentText() {
    static const std::string text =
        workspacejson::toText(rapport::bench::syntheticWorkspace(rapport::bench::Size{}));
    return text;
}

fs::path scratch(const char* name) {
    const auto dir = fs::temp_directory_path() / "rapport-bench";
    fs::create_directories(dir);
    const auto path = dir / name;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix);
    }
    return path;
}

// Parse and check the whole document, then write it into a new workspace file.
void BM_RestoreFromJson(benchmark::State& state) {
    const auto& text = documentText();
    for (auto _ : state) {
        state.PauseTiming();
        const auto path = scratch("restore.rapport");
        auto store = Store::open(path.string());
        state.ResumeTiming();
        const auto data = workspacejson::parse(text, "bench.json");
        workspacejson::restore(*store, data, workspacejson::Existing::Refuse);
        benchmark::DoNotOptimize(store->count<Interaction>());
    }
    state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_RestoreFromJson)->Unit(benchmark::kMillisecond)->Iterations(3);

// Read every record and write the document to a file.
void BM_ExportToJson(benchmark::State& state) {
    const auto path = scratch("export.rapport");
    auto store = Store::open(path.string());
    workspacejson::restore(*store, workspacejson::parse(documentText(), "bench.json"),
                           workspacejson::Existing::Refuse);
    const auto out = scratch("export.json");
    for (auto _ : state) {
        workspacejson::writeFile(out.string(), workspacejson::toText(workspacejson::read(*store)));
    }
}
BENCHMARK(BM_ExportToJson)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
