#pragma once
// The campaign wizard's draft plan: idea posts laid on the channels' preferred times across a
// period, at each channel's cadence, never over a daily cap, and in a content mix that earns
// the right to sell first and then keeps to the ratio.

#include <optional>
#include <string>
#include <vector>

#include "core/entities.h"

namespace rapport::core {

struct PlanRequest {
    Date from{};  ///< first day of the period (local)
    Date to{};    ///< last day, inclusive
    std::string timeZone = "UTC";
    std::vector<Channel> channels;        ///< every channel named in `cadence`
    std::vector<ChannelCadence> cadence;  ///< posts a week per channel
    std::vector<Id> nicheIds;             ///< posts take these niches in turn; none: no niche
    std::vector<std::string> nicheNames;  ///< for titles, parallel to nicheIds
    MixPolicy mix;
    std::optional<Id> campaignId;
    std::string campaignName;
    /// Posts already in the workspace: they fill daily caps, and the scheduled and published
    /// ones count toward the mix before the plan.
    std::vector<Post> existing;
};

/// Lays the plan. Throws ValidationError (record "campaign plan") naming the field at fault:
/// an empty or reversed period, a cadence of 0, a channel that is not given, or a cadence
/// that the channel's daily cap and posting times cannot fit in the period.
std::vector<Post> generatePlan(const PlanRequest& request);

/// How many posts a channel can take on one local day: its preferred times (at least one),
/// bounded by its daily cap.
int dailyCapacity(const Channel& channel);

}  // namespace rapport::core
