#pragma once
// Goal progress (DOMAIN.md, Goals): the current value of each metric kind computed from the
// workspace, progress toward the target, whether the goal is on track, and the forecast.

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/entities.h"

namespace rapport::core {

class Store;

/// Where a goal stands on a given day.
struct GoalReport {
    double current = 0;
    double progress = 0;   ///< (current - baseline) / (target - baseline), clamped to 0..1
    double elapsed = 0;    ///< the part of the period behind us, 0..1
    bool onTrack = false;  ///< progress >= elapsed
    bool started = false;  ///< today is on or after the start date
    bool ended = false;    ///< today is after the deadline
    /// The value expected at the deadline at the pace so far; none before the period starts.
    std::optional<double> forecast;
    /// True for metrics that count an audience instead of relationships (audience_size).
    bool vanity = false;
    /// True when the current value is typed in by the user rather than computed.
    bool manual = false;
};

/// Computes goal reports from the workspace; "today" comes from the clock, in the workspace's
/// time zone.
class GoalProgress {
public:
    GoalProgress(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    GoalReport report(const Goal& goal);
    /// The metric's current value; for hand-entered metrics, the entered value (or baseline).
    double currentValue(const Goal& goal);
    /// The metric's value as it stood at the end of `asOf` (a local day in the workspace's
    /// zone): the counted period is clipped to that day, and relationships count the contacts
    /// created by then at their stage of that day (the stage history). From today on it is
    /// currentValue(). Hand-entered metrics have no history: their entered value.
    double valueAsOf(const Goal& goal, Date asOf);

    /// Pure arithmetic of DOMAIN.md over a known current value and day; exposed for tests.
    static GoalReport assess(const Goal& goal, double current, Date today);

    /// The sentence shown for a vanity metric.
    static std::string vanityNote();
    /// The relationship metric suggested in place of a vanity metric.
    static MetricKind suggestedReplacement(MetricKind metric);

private:
    double value(const Goal& goal, std::optional<Date> asOf);

    Store& m_store;
    const Clock& m_clock;
};

}  // namespace rapport::core
