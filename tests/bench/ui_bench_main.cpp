// The ui benchmarks' main: a QApplication on the offscreen platform, so models and views run
// as they do in the app, without a display.

#include <QApplication>

#include <benchmark/benchmark.h>

#include <functional>
#include <vector>

#include "uibench.h"

namespace {

std::vector<std::function<void()>>& cleanups() {
    static std::vector<std::function<void()>> list;
    return list;
}

}  // namespace

void rapport::bench::beforeAppExit(std::function<void()> cleanup) {
    cleanups().push_back(std::move(cleanup));
}

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    // Widgets made for the benchmarks go while the application still exists.
    for (auto it = cleanups().rbegin(); it != cleanups().rend(); ++it) {
        (*it)();
    }
    return 0;
}
