// Issue 2's figure: cold start of the app to a shown main window on the demo workspace under
// 1 s. Runs the real binary (offscreen) with --startup-probe, which reports the time from
// process start to the first shown window and quits.

#include <benchmark/benchmark.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string run(const std::string& cmd) {
    std::string out;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) {
        return out;
    }
    std::array<char, 512> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) {
        out.append(buf.data(), n);
    }
    ::pclose(pipe);
    return out;
}

void BM_ColdStartToShownWindow(benchmark::State& state) {
    const auto home = fs::temp_directory_path() / "rapport-bench-home";
    fs::remove_all(home);
    fs::create_directories(home);
    const std::string env = "HOME=" + home.string() + " XDG_DATA_HOME= QT_QPA_PLATFORM=offscreen ";
    // The first run seeds the default workspace with the demo; time the runs after it.
    run(env + RAPPORT_BINARY " --startup-probe 2>&1");
    const std::regex shown{"shown after ([0-9]+) ms"};
    double reported = 0;
    for (auto _ : state) {
        const auto out = run(env + RAPPORT_BINARY " --startup-probe 2>&1");
        std::smatch m;
        if (!std::regex_search(out, m, shown)) {
            state.SkipWithError(("no startup report: " + out).c_str());
            break;
        }
        reported = std::stod(m[1]);
    }
    state.counters["shown_ms"] = reported;
}
BENCHMARK(BM_ColdStartToShownWindow)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

}  // namespace
