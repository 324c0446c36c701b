// Issue 7's figure: the dashboard of a workspace with 100,000 contacts, 1,000,000 interactions
// and 50,000 posts computed within 300 ms (the Dashboard page computes it off the GUI thread and
// shows it when done). Also timed: the relationship figures behind the charts, and the weekly
// review's figures, on the same workspace.
//
// The workspace is the contacts bench's (synthetic.h, kept up with the queue: about one contact
// in 50 due) with 50,000 posts over 2026 instead of 5,000, and four goals, one per computed
// metric. It is kept in the temp folder between runs.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "core/clock.h"
#include "core/dashboard.h"
#include "core/relationshipstats.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/weeklyreview.h"
#include "core/workspacejson.h"
#include "synthetic.h"

namespace {

using namespace rapport::core;
namespace fs = std::filesystem;

constexpr std::size_t kContacts = 100'000;
constexpr std::size_t kInteractions = 1'000'000;
constexpr std::size_t kPosts = 50'000;

// A Monday inside the synthetic year: posts before and after it, a full 30-day mix ahead.
const Date kDay{date::year{2026}, date::month{11}, date::day{23}};

Store& dashboardWorkspace() {
    static auto store = [] {
        const auto dir = fs::temp_directory_path() / "rapport-bench";
        fs::create_directories(dir);
        const auto path = (dir / "dashboard-100k-1m-50k.rapport").string();
        auto data = rapport::bench::syntheticWorkspace({kContacts, kInteractions, kPosts});
        rapport::bench::keepUp(data, kDay);
        const MetricKind metrics[] = {MetricKind::Relationships, MetricKind::Conversations,
                                      MetricKind::Conversions, MetricKind::Engagement};
        Id id = 0;
        for (const auto metric : metrics) {
            Goal g;
            g.id = ++id;
            g.title = "Goal " + std::to_string(id);
            g.metric = metric;
            g.target = 1000;
            g.startDate = Date{date::year{2026}, date::month{9}, date::day{1}};
            g.deadline = Date{date::year{2026}, date::month{12}, date::day{31}};
            data.goals.push_back(g);
        }
        std::error_code ec;
        if (fs::exists(path, ec)) {
            try {
                auto existing = Store::open(path);
                if (existing->count<Post>() == static_cast<std::int64_t>(data.posts.size()) &&
                    existing->count<Interaction>() ==
                        static_cast<std::int64_t>(data.interactions.size()) &&
                    existing->count<Goal>() == static_cast<std::int64_t>(data.goals.size())) {
                    return existing;
                }
            } catch (const std::exception&) {
            }
        }
        for (const char* suffix : {"", "-wal", "-shm"}) {
            fs::remove(path + suffix, ec);
        }
        auto created = Store::open(path);
        workspacejson::restore(*created, data, workspacejson::Existing::Refuse);
        created->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return created;
    }();
    return *store;
}

FixedClock& benchClock() {
    static FixedClock clock{toInstant(kDay, TimeOfDay{9 * 60}, "Europe/Berlin")};
    return clock;
}

// Everything the Dashboard page shows: the queue's counts and first names, the week's posts by
// day, a card per goal, the content mix of the coming 30 days per niche.
void BM_DashboardFigures(benchmark::State& state) {
    auto& store = dashboardWorkspace();
    Dashboard dashboard{store, benchClock()};
    DashboardFigures f;
    for (auto _ : state) {
        f = dashboard.compute(kDay);
        benchmark::DoNotOptimize(f.queue.overdue);
    }
    state.counters["queue"] = f.queue.total();
    state.counters["week_posts"] = f.weekPostCount();
    state.counters["goals"] = static_cast<double>(f.goals.size());
    state.counters["niches"] = static_cast<double>(f.mix.size());
}
BENCHMARK(BM_DashboardFigures)->Unit(benchmark::kMillisecond);

// The charts' figures: 12 weeks of contacts by stage and of inbound conversations, the top 5
// posts by conversations started, each sequence's funnel.
void BM_RelationshipFigures(benchmark::State& state) {
    auto& store = dashboardWorkspace();
    RelationshipStats stats{store, benchClock()};
    RelationshipFigures f;
    for (auto _ : state) {
        f = stats.compute(kDay);
        benchmark::DoNotOptimize(f.stages.data());
    }
    state.counters["last_week_inbound"] = f.inbound.empty() ? 0 : f.inbound.back().count;
}
BENCHMARK(BM_RelationshipFigures)->Unit(benchmark::kMillisecond);

// The weekly review's figures for the week of the day (the charts' figures included).
void BM_WeeklyReviewFigures(benchmark::State& state) {
    auto& store = dashboardWorkspace();
    WeeklyReviewBuilder builder{store, benchClock()};
    for (auto _ : state) {
        auto r = builder.build(IsoWeek::of(kDay));
        benchmark::DoNotOptimize(r.posts.data());
    }
}
BENCHMARK(BM_WeeklyReviewFigures)->Unit(benchmark::kMillisecond);

}  // namespace
