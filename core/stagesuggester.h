#pragma once
// Stage suggestions (DOMAIN.md, Stages). The stage is the user's to set: this only proposes a
// move forward, with the reason, and never writes.

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/entities.h"

namespace rapport::core {

class Store;

/// What a contact's interactions say, as the stage rules read it.
struct StageEvidence {
    int inbound = 0;        ///< inbound interactions, ever
    int inboundRecent = 0;  ///< inbound interactions in the last 90 days (today included)
    std::optional<Date> lastInbound;
    std::optional<Date> lastPurchase;
    std::optional<Date> lastReferral;
};

/// Which rule of DOMAIN.md made the suggestion.
enum class StageRule { FirstInbound, RecentInbound, Purchase, Referral };

struct StageSuggestion {
    Stage from = Stage::Looker;
    Stage to = Stage::Engaged;
    StageRule rule = StageRule::FirstInbound;
    /// The sentence shown beside the suggestion, e.g. "3 inbound interactions in the last 90
    /// days (an engaged contact with 3 or more is a relationship)".
    std::string reason;
};

/// Suggests the next stage of a contact from its interactions; today comes from the clock.
class StageSuggester {
public:
    static constexpr int kRecentDays = 90;
    static constexpr int kRelationshipInbound = 3;

    StageSuggester(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    /// The suggestion for a contact today, or none when its stage fits.
    std::optional<StageSuggestion> suggest(Id contactId);
    std::optional<StageSuggestion> suggest(Id contactId, Date today);
    /// Counts a contact's interactions as the rules need them, as of `today` (local dates).
    StageEvidence evidenceOf(Id contactId, Date today);

    /// The rules, pure: the furthest stage the evidence supports beyond `current`, if any.
    static std::optional<StageSuggestion> suggest(Stage current, const StageEvidence& evidence);

private:
    Store& m_store;
    const Clock& m_clock;
};

}  // namespace rapport::core
