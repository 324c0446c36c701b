#pragma once
// The follow-up queue (DOMAIN.md, Follow-up): who needs you on a day, and why. The rules are
// the pure function assess(); the service reads what they need for every contact in a few
// queries (each contact's latest interaction is kept by the schema) and asks a DueStepSource
// for the nurture steps, so they are never computed twice.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/duestepsource.h"
#include "core/entities.h"
#include "core/enums.h"

namespace rapport::core {

class Store;

/// Why a contact needs attention (DOMAIN.md, Follow-up, reasons 1 to 4).
enum class FollowUpReason { ReplyOwed, SequenceStep, Planned, Cadence };
/// Where a due contact stands in the queue of a day D.
enum class QueueBucket { Overdue, Today, ThisWeek };

template <>
struct EnumNames<FollowUpReason> {
    static constexpr auto values =
        std::to_array<std::string_view>({"reply_owed", "sequence_step", "planned", "cadence"});
    static constexpr std::string_view typeName = "FollowUpReason";
};
template <>
struct EnumNames<QueueBucket> {
    static constexpr auto values =
        std::to_array<std::string_view>({"overdue", "today", "this_week"});
    static constexpr std::string_view typeName = "QueueBucket";
};

/// One reason with the date it makes the contact due.
struct DueReason {
    FollowUpReason reason = FollowUpReason::Cadence;
    Date due{};
    /// Reply owed: the inbound interaction waiting for an answer.
    Id interactionId = 0;
    /// Reply owed: what they sent. Sequence step: what marking it done logs.
    std::optional<InteractionKind> kind;
    /// Sequence step: the step, its action and its enrollment.
    std::optional<DueStep> step;
    /// Cadence: the contact's cadence in days.
    int cadenceDays = 0;
    bool operator==(const DueReason&) const = default;
};

/// A contact's latest interaction, its date already local.
struct LatestInteraction {
    Id id = 0;
    Date on{};
    Direction direction = Direction::Inbound;
    InteractionKind kind = InteractionKind::Comment;
};

/// Everything the follow-up rules read about one contact.
struct FollowUpFacts {
    Stage stage = Stage::Looker;
    std::optional<int> cadenceDays;  ///< the contact's own cadence
    bool cadenceNever = false;
    std::optional<Date> nextFollowUp;
    std::optional<Date> snoozedUntil;
    Date createdOn{};
    std::optional<LatestInteraction> latest;  ///< none: no interactions at all
    std::vector<DueStep> steps;               ///< next steps of open enrollments
};

/// What the rules say about one contact on one day.
struct FollowUpStatus {
    /// When the contact needs you; none when no reason ever gives a date.
    std::optional<Date> due;
    /// Every reason that gives a date, earliest first (ties in the order of DOMAIN.md).
    std::vector<DueReason> reasons;
    /// True when a snooze moved `due` later than the earliest reason.
    bool snoozed = false;
    /// The cadence that applies, in days; none for never.
    std::optional<int> cadenceDays;
    /// The latest interaction's local date, or the created date when there is none.
    Date lastTouch{};
    bool touched = false;  ///< lastTouch is an interaction's date
    int daysSinceLastTouch = 0;
    /// The last touch is older than twice the cadence.
    bool losingTouch = false;
};

/// A contact in the queue of a day.
struct FollowUpItem {
    Id contactId = 0;
    std::string displayName;
    Stage stage = Stage::Looker;
    QueueBucket bucket = QueueBucket::Today;
    /// Its reasons are those due on or before the day + 7, the ones that put it in the queue.
    FollowUpStatus status;
};

/// The queue of day D: every contact due on or before D + 7, in three buckets, each sorted by
/// due date, then name.
struct FollowUpDay {
    Date day{};
    std::vector<FollowUpItem> overdue;   ///< due before D
    std::vector<FollowUpItem> today;     ///< due on D
    std::vector<FollowUpItem> thisWeek;  ///< due after D, on or before D + 7
    std::size_t size() const { return overdue.size() + today.size() + thisWeek.size(); }
    bool empty() const { return size() == 0; }
};

/// The follow-up rules over a workspace: the queue of a day and one contact's status.
class FollowUpQueue {
public:
    /// Days after D that still belong to D's queue ("this week").
    static constexpr int kHorizonDays = 7;

    /// Steps come from the stored enrollments (EnrollmentStepSource).
    FollowUpQueue(Store& store, const Clock& clock);
    /// Steps come from `steps`, which must outlive the queue.
    FollowUpQueue(Store& store, const Clock& clock, DueStepSource& steps);
    ~FollowUpQueue();
    FollowUpQueue(const FollowUpQueue&) = delete;
    FollowUpQueue& operator=(const FollowUpQueue&) = delete;

    /// The clock's day in the workspace's zone.
    Date today();
    /// The queue for day `day`.
    FollowUpDay forDay(Date day);
    FollowUpDay forToday() { return forDay(today()); }
    /// Overdue plus today: the number the tray icon shows.
    std::size_t needsYouCount(Date day);
    /// One contact's status on `day`, with every reason it has (whatever its date).
    FollowUpStatus statusOf(Id contactId, Date day);
    /// What the rules read about one contact; ValidationError when there is no such contact.
    FollowUpFacts factsOf(Id contactId);

    // ---- the rules, pure --------------------------------------------------------------------

    /// The cadence of a stage when the contact has none of its own; none for never.
    static std::optional<int> defaultCadence(Stage stage);
    /// The cadence that applies to a contact; none for never.
    static std::optional<int> cadenceOf(Stage stage, std::optional<int> own, bool never);
    /// Kinds of inbound interaction that expect an answer (a reply is owed).
    static bool expectsAnswer(InteractionKind kind);
    /// Applies DOMAIN.md's follow-up rules to one contact on day `day`.
    static FollowUpStatus assess(const FollowUpFacts& facts, Date day);
    /// The bucket of a due date in the queue of `day`; none when it is after day + 7.
    static std::optional<QueueBucket> bucketOf(Date due, Date day);
    /// A reason in words, e.g. "reply owed: their comment of 2026-11-20".
    static std::string describe(const DueReason& reason);

private:
    Store& m_store;
    const Clock& m_clock;
    std::unique_ptr<DueStepSource> m_ownSteps;
    DueStepSource& m_steps;
};

}  // namespace rapport::core
