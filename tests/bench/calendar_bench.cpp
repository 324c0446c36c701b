// Issue 4's figures over a workspace of 50,000 posts (and 20 weekly series): the content-mix
// advisor for a month view under 5 ms; and the queries that load a month and a week of posts for
// the calendar views. Against a workspace file on disk, as users run them.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "core/freeslot.h"
#include "core/mixadvisor.h"
#include "core/posttimeline.h"
#include "core/recurrence.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"
#include "synthetic.h"

namespace {

using namespace rapport::core;
namespace fs = std::filesystem;

const Date kMonthFrom = *parseDate("2026-06-01");
const Date kMonthTo = *parseDate("2026-06-30");

Store& calendarStore() {
    static const std::unique_ptr<Store> store = [] {
        const auto dir = fs::temp_directory_path() / "rapport-bench";
        fs::create_directories(dir);
        const auto path = (dir / "calendar.rapport").string();
        for (const char* suffix : {"", "-wal", "-shm"}) {
            fs::remove(path + suffix);
        }
        auto s = Store::open(path);
        rapport::bench::Size size;
        size.posts = 50'000;
        size.series = 20;
        size.contacts = 1'000;
        size.interactions = 10'000;
        workspacejson::restore(*s, rapport::bench::syntheticWorkspace(size),
                               workspacejson::Existing::Refuse);
        return s;
    }();
    return *store;
}

// The month view's posts: every post of the month with each series expanded.
void BM_CalendarMonthPosts(benchmark::State& state) {
    auto& store = calendarStore();
    std::size_t n = 0;
    for (auto _ : state) {
        const auto posts = effectivePosts(store, kMonthFrom, kMonthTo);
        n = posts.size();
        benchmark::DoNotOptimize(posts.data());
    }
    state.counters["posts"] = static_cast<double>(n);
    state.counters["workspace_posts"] = static_cast<double>(store.count<Post>());
}
BENCHMARK(BM_CalendarMonthPosts)->Unit(benchmark::kMillisecond);

void BM_CalendarWeekPosts(benchmark::State& state) {
    auto& store = calendarStore();
    std::size_t n = 0;
    for (auto _ : state) {
        const auto posts =
            effectivePosts(store, *parseDate("2026-06-08"), *parseDate("2026-06-14"));
        n = posts.size();
        benchmark::DoNotOptimize(posts.data());
    }
    state.counters["posts"] = static_cast<double>(n);
}
BENCHMARK(BM_CalendarWeekPosts)->Unit(benchmark::kMillisecond);

// The calendar page's timeline: every post read into memory once (the first look at the
// calendar, or after a restore), then a month taken from memory as effectivePosts gives it.
void BM_PostTimelineLoad(benchmark::State& state) {
    auto& store = calendarStore();
    std::size_t n = 0;
    for (auto _ : state) {
        PostTimeline timeline{store};
        n = timeline.size();
        benchmark::DoNotOptimize(n);
    }
    state.counters["posts"] = static_cast<double>(n);
}
BENCHMARK(BM_PostTimelineLoad)->Unit(benchmark::kMillisecond);

void BM_PostTimelineMonthPosts(benchmark::State& state) {
    auto& store = calendarStore();
    PostTimeline timeline{store};
    std::size_t n = timeline.size();
    for (auto _ : state) {
        const auto posts = timeline.effectivePosts(kMonthFrom, kMonthTo);
        n = posts.size();
        benchmark::DoNotOptimize(posts.data());
    }
    state.counters["posts"] = static_cast<double>(n);
}
BENCHMARK(BM_PostTimelineMonthPosts)->Unit(benchmark::kMillisecond);

// The advisor as the month view asks it: load the month, read each niche's history, flag.
void BM_MixAdvisorMonth(benchmark::State& state) {
    auto& store = calendarStore();
    MixAdvisor advisor{store};
    std::size_t flagged = 0;
    std::size_t posts = 0;
    for (auto _ : state) {
        const auto report = advisor.advise(kMonthFrom, kMonthTo);
        flagged = report.flaggedPosts();
        posts = report.posts.size();
        benchmark::DoNotOptimize(report.flags.data());
    }
    state.counters["posts"] = static_cast<double>(posts);
    state.counters["flagged"] = static_cast<double>(flagged);
}
BENCHMARK(BM_MixAdvisorMonth)->Unit(benchmark::kMillisecond);

// The advisor over the posts the view already holds (what a view re-checks after an edit).
void BM_MixAdvisorOnLoadedMonth(benchmark::State& state) {
    auto& store = calendarStore();
    MixAdvisor advisor{store};
    const auto loaded = effectivePosts(store, kMonthFrom, kMonthTo);
    for (auto _ : state) {
        state.PauseTiming();
        auto posts = loaded;
        state.ResumeTiming();
        const auto report = advisor.advise(kMonthFrom, kMonthTo, std::move(posts));
        benchmark::DoNotOptimize(report.flags.data());
    }
    state.counters["posts"] = static_cast<double>(loaded.size());
}
BENCHMARK(BM_MixAdvisorOnLoadedMonth)->Unit(benchmark::kMillisecond);

// The next free slot a few days ahead (the synthetic year is full; 2027 holds only series).
void BM_NextFreeSlot(benchmark::State& state) {
    auto& store = calendarStore();
    const auto from = toInstant(*parseDate("2026-12-29"), TimeOfDay{0}, store.timeZone());
    for (auto _ : state) {
        benchmark::DoNotOptimize(nextFreeSlot(store, 1, from));
    }
}
BENCHMARK(BM_NextFreeSlot)->Unit(benchmark::kMillisecond);

// A far one: every day from June to December is at the channel's cap.
void BM_NextFreeSlotAfterSevenFullMonths(benchmark::State& state) {
    auto& store = calendarStore();
    const auto from = toInstant(kMonthFrom, TimeOfDay{0}, store.timeZone());
    for (auto _ : state) {
        benchmark::DoNotOptimize(nextFreeSlot(store, 1, from));
    }
}
BENCHMARK(BM_NextFreeSlotAfterSevenFullMonths)->Unit(benchmark::kMillisecond);

}  // namespace
