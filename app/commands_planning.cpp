// Planning: `goals [--json]`.

#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/clisupport.h"
#include "app/commands.h"
#include "core/dashboard.h"
#include "core/goalprogress.h"
#include "core/timeutil.h"

namespace rapport::app {

using namespace rapport::core;

int goalsCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--json", false}}};
    args.expectPositionals(0, "");
    auto store = openExisting(inv);
    const auto clock = commandClock();
    GoalProgress progress{*store, *clock};
    const auto goals = store->list<Goal>();
    if (args.has("--json")) {
        auto out = nlohmann::json::array();
        for (const auto& g : goals) {
            auto goal = goalJson(g, progress.report(g));
            goal["niche"] = g.nicheId ? nlohmann::json(*g.nicheId) : nlohmann::json();
            goal["startDate"] = formatDate(g.startDate);
            out.push_back(std::move(goal));
        }
        std::cout << out.dump(2) << "\n";
        return kDone;
    }
    if (goals.empty()) {
        std::cout << "No goals yet.\n";
        return kDone;
    }
    for (const auto& g : goals) {
        const auto r = progress.report(g);
        std::cout << g.id << ". " << g.title << " [" << toString(g.metric) << "]\n"
                  << "   " << number(r.current) << " of " << number(g.target) << " (from "
                  << number(g.baseline) << "), " << static_cast<int>(r.progress * 100 + 0.5)
                  << "% done, " << static_cast<int>(r.elapsed * 100 + 0.5) << "% of the time gone: "
                  << (!r.started  ? "not started"
                      : r.onTrack ? "on track"
                                  : "behind");
        if (r.forecast && !r.ended) {
            std::cout << "; at this pace " << number(std::round(*r.forecast)) << " by "
                      << formatDate(g.deadline);
        }
        std::cout << ".\n";
        if (r.vanity) {
            std::cout << "   " << GoalProgress::vanityNote() << "\n";
        }
    }
    return kDone;
}

}  // namespace rapport::app
