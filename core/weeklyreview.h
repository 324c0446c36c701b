#pragma once
// The weekly review (issue 7): for one ISO week, how the goals stand, the week's posts with their
// results, the conversations, the follow-ups done and missed, and how the sequences moved. The
// review document (ui/reviewdocument) and the CLI's `review` command render these figures.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/dashboard.h"
#include "core/entities.h"
#include "core/nurtureengine.h"
#include "core/relationshipstats.h"

namespace rapport::core {

class Store;

/// An ISO 8601 week, "2026-W48".
struct IsoWeek {
    int year = 0;
    int week = 0;  ///< 1..53

    /// "2026-W48"; nullopt unless the text is such a week and the week exists in that year.
    static std::optional<IsoWeek> parse(std::string_view text);
    static IsoWeek of(Date day);
    std::string text() const;
    Date monday() const;
    Date sunday() const;
    bool operator==(const IsoWeek&) const = default;
};

/// One post of the week with its results.
struct ReviewPost {
    Post post;
    std::string channelName;
    std::string nicheName;  ///< empty: no niche
    /// Inbound interactions linked to the post (any time).
    int conversations = 0;
};

/// One contact's conversation in the week.
struct ReviewConversation {
    Id contactId = 0;
    std::string displayName;
    Stage stage = Stage::Looker;
    int inbound = 0;
    int outbound = 0;
    Instant last{};  ///< the latest interaction of the week
};

/// A follow-up done: an outbound interaction logged in the week.
struct FollowUpDone {
    Id contactId = 0;
    std::string displayName;
    Date on{};
    InteractionKind kind = InteractionKind::Comment;
    std::string note;
};

/// A follow-up missed: a contact still overdue at the end of the week (the queue of the day
/// after the week, or of today while the week is still running).
struct FollowUpMissed {
    Id contactId = 0;
    std::string displayName;
    Date due{};
    std::string reason;
};

/// How one sequence moved in the week.
struct ReviewSequence {
    Funnel funnel;         ///< where it stands now
    int enrolled = 0;      ///< enrollments started in the week
    int stepsDone = 0;     ///< steps done in the week
    int stepsSkipped = 0;  ///< steps skipped in the week
};

struct WeeklyReview {
    IsoWeek week;
    Date from{};  ///< Monday
    Date to{};    ///< Sunday
    Date asOf{};  ///< the day the goals and the missed follow-ups are taken on
    std::string workspaceName;
    std::string timeZone;  ///< the workspace's, in which the days above are local
    std::vector<GoalCard> goals;
    std::vector<ReviewPost> posts;  ///< in time order; skipped posts left out
    PostResults totals;             ///< summed over the week's posts
    int inbound = 0;                ///< inbound interactions in the week
    int outbound = 0;
    std::vector<ReviewConversation> conversations;  ///< contacts with an inbound interaction,
                                                    ///< most inbound first, then name
    std::vector<FollowUpDone> followUpsDone;        ///< by day, then name
    std::vector<FollowUpMissed> followUpsMissed;    ///< by due date, then name
    std::vector<ReviewSequence> sequences;          ///< by sequence name
    RelationshipFigures relationships;              ///< the charts: 12 weeks ending with this one
};

class WeeklyReviewBuilder {
public:
    WeeklyReviewBuilder(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    WeeklyReview build(IsoWeek week);

private:
    Store& m_store;
    const Clock& m_clock;
};

}  // namespace rapport::core
