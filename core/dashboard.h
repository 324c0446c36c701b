#pragma once
// The dashboard's figures (DOMAIN.md, Goals; issue 7): in one look, who needs you today (the
// follow-up queue's counts and its first names), what goes out this week (posts by day), how the
// goals stand (a card per goal) and whether the plan is value first (the content mix of the
// coming 30 days per niche, with the rules it breaks). The GUI's Dashboard page and the CLI's
// `dashboard --json` both show exactly these figures.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/clock.h"
#include "core/entities.h"
#include "core/followupqueue.h"
#include "core/goalprogress.h"
#include "core/mixadvisor.h"

namespace rapport::core {

class Store;

/// The follow-up queue of the day in numbers, with the first few names.
struct QueueSummary {
    int overdue = 0;
    int today = 0;
    int thisWeek = 0;
    /// Overdue plus today: "needs you today".
    int needsYou() const { return overdue + today; }
    int total() const { return overdue + today + thisWeek; }

    struct Entry {
        Id contactId = 0;
        std::string displayName;
        QueueBucket bucket = QueueBucket::Today;
        Date due{};
        std::string reason;  ///< the first reason in words (FollowUpQueue::describe)
    };
    /// The first Dashboard::kQueueNames contacts of the queue: overdue first, then today, then
    /// this week, each in the queue's order.
    std::vector<Entry> first;
};

/// One post going out in the coming week, as the dashboard lists it.
struct WeekPost {
    Id id = 0;  ///< 0 for a generated series occurrence
    std::optional<Id> seriesId;
    std::string title;
    Id channelId = 0;
    std::string channelName;
    Purpose purpose = Purpose::Value;
    PostStatus status = PostStatus::Scheduled;
    Instant at{};
};

/// The posts of one local day (ideas, drafts, scheduled and published; skipped ones are left out).
struct DayPosts {
    Date day{};
    std::vector<WeekPost> posts;
};

/// A card per goal: where it stands today.
struct GoalCard {
    Goal goal;
    GoalReport report;
};

/// The content mix of one niche over the coming 30 days, with the rules it breaks.
struct MixCard {
    NicheMix mix;
    int flaggedPosts = 0;  ///< posts of this niche that break a rule
    /// How many posts break each rule, indexed by FlagKind (earn-first, ratio, daily-cap,
    /// char-limit).
    std::array<int, 4> broken{};
    /// The first broken rule's sentence for each rule broken, in FlagKind order.
    std::vector<std::string> messages;
};

struct DashboardFigures {
    Date today{};
    QueueSummary queue;
    /// Seven days from today: today and the six after it, each with its posts in time order.
    std::vector<DayPosts> week;
    int weekPostCount() const;
    /// Active goals first (by deadline, then title), then achieved ones; abandoned goals are
    /// left out.
    std::vector<GoalCard> goals;
    Date mixFrom{};            ///< today
    Date mixTo{};              ///< today + 29
    std::vector<MixCard> mix;  ///< by niche name; "No niche" last
};

/// Computes the dashboard's figures. Reads only; safe on a worker thread's own Store.
class Dashboard {
public:
    /// Names listed under the queue's counts.
    static constexpr int kQueueNames = 5;
    /// Days of the content mix, today included.
    static constexpr int kMixDays = 30;
    /// Days of "this week", today included.
    static constexpr int kWeekDays = 7;

    Dashboard(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    /// The figures of `day` (default: the clock's day in the workspace's zone).
    DashboardFigures compute(std::optional<Date> day = std::nullopt);

private:
    Store& m_store;
    const Clock& m_clock;
};

/// The figures as the CLI's `dashboard --json` prints them (documented in docs/cli.md).
nlohmann::json toJson(const DashboardFigures& figures);

/// A goal and where it stands, as `dashboard --json` and `goals --json` both print it: id,
/// title, metric, status, deadline, baseline, target, current, progress, elapsed, onTrack,
/// forecast (null before the period starts) and vanity. Each command adds its own fields.
nlohmann::json goalJson(const Goal& goal, const GoalReport& report);

}  // namespace rapport::core
