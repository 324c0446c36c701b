#pragma once
// Shared by the ui benchmarks (rapport_ui_bench).

#include <functional>

namespace rapport::bench {

/// Runs `cleanup` after the benchmarks and before the QApplication goes: a fixture made once
/// and kept in a static (a page with its widgets) must not outlive the application.
void beforeAppExit(std::function<void()> cleanup);

}  // namespace rapport::bench
