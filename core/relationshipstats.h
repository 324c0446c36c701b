#pragma once
// "Relationships, not numbers" (issue 7): contacts by stage over time, inbound conversations per
// week, the posts that started the most conversations, and each sequence's funnel. The charts
// of the Dashboard page and of the weekly review are drawn from these figures.
//
// Stage over time comes from the stage history (table stage_changes, schema v5): a contact
// without entries has been at its current stage since its created date; a contact's first
// change of stage records its created date with the stage before, and each change the day of
// the change with the new stage. A contact counts from its created date on, at the stage of its
// latest entry on or before the day.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/clock.h"
#include "core/entities.h"
#include "core/enums.h"
#include "core/nurtureengine.h"

namespace rapport::core {

class Store;

/// Contacts by stage at the end of one week (its Sunday).
struct StagePoint {
    Date weekStart{};              ///< the Monday of the ISO week
    std::array<int, 6> byStage{};  ///< indexed by Stage
    int total() const;
};

/// Inbound interactions in one ISO week (local days Monday..Sunday).
struct WeekCount {
    Date weekStart{};
    int count = 0;
};

/// A post with the conversations it started: inbound interactions linked to it.
struct PostConversations {
    Id postId = 0;
    std::string title;
    std::string channelName;
    std::optional<Instant> at;
    int interactions = 0;  ///< inbound interactions linked to the post
    int contacts = 0;      ///< distinct contacts among them
};

struct RelationshipFigures {
    Date from{};                     ///< the Monday of the first week
    Date to{};                       ///< the Sunday of the last week
    std::vector<StagePoint> stages;  ///< one per week, oldest first
    std::vector<WeekCount> inbound;  ///< one per week, oldest first
    /// The posts with the most inbound interactions linked to them (all time), most first; ties
    /// by post id.
    std::vector<PostConversations> topPosts;
    std::vector<Funnel> funnels;  ///< each sequence's funnel, by sequence name
};

/// The Monday of the ISO week holding `day`.
Date weekStartOf(Date day);

class RelationshipStats {
public:
    static constexpr int kDefaultWeeks = 12;
    static constexpr int kDefaultTopPosts = 5;

    RelationshipStats(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    /// The `weeks` ISO weeks ending with the week of `day` (default: today in the workspace's
    /// zone), and the `topPosts` posts that started the most conversations.
    RelationshipFigures compute(std::optional<Date> day = std::nullopt, int weeks = kDefaultWeeks,
                                int topPosts = kDefaultTopPosts);

    /// Contacts by stage at the end of each week of [firstMonday, lastMonday].
    std::vector<StagePoint> stagesOverTime(Date firstMonday, int weeks);
    /// Inbound interactions per ISO week, `weeks` weeks from `firstMonday`.
    std::vector<WeekCount> inboundPerWeek(Date firstMonday, int weeks);
    /// The `limit` posts with the most inbound interactions linked to them.
    std::vector<PostConversations> topPosts(int limit);

private:
    Store& m_store;
    const Clock& m_clock;
};

/// Records a contact's stage from a day on in its history (replacing that day's entry; the
/// first entry keeps the contact's current stage from its created date). The schema keeps the
/// history itself on each change of stage; this is for history from elsewhere and for tests.
void recordStageChange(Store& store, Id contactId, Stage stage, Date on);

nlohmann::json toJson(const RelationshipFigures& figures);

}  // namespace rapport::core
