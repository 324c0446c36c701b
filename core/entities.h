#pragma once
// The records of DOMAIN.md as plain values. Identity is `id` (0 until stored); references to
// other records are ids. These are data only: the rules live in services, storage in Store.

#include <optional>
#include <string>
#include <vector>

#include "core/enums.h"
#include "core/types.h"

namespace rapport::core {

struct Channel {
    Id id = 0;
    std::string name;
    ChannelKind kind = ChannelKind::Other;
    std::string handle;
    std::optional<int> charLimit;           ///< nullopt: no limit
    std::optional<int> dailyCap;            ///< nullopt: no cap
    std::vector<TimeOfDay> preferredTimes;  ///< local times, ascending

    /// The character limit a channel of this kind has unless the user says otherwise.
    static std::optional<int> defaultCharLimit(ChannelKind kind);
    /// A new channel of this kind with the defaults that fit it: character limit, a daily cap
    /// and posting times that suit how people use that kind of place.
    static Channel withDefaults(ChannelKind kind);
};

struct Goal {
    Id id = 0;
    std::string title;
    std::string why;
    MetricKind metric = MetricKind::Relationships;
    double baseline = 0;
    double target = 0;
    Date startDate{};
    Date deadline{};
    std::optional<Id> nicheId;
    GoalStatus status = GoalStatus::Active;
    /// The current value, for metrics entered by hand (audience_size, custom).
    std::optional<double> manualValue;
};

struct Niche {
    Id id = 0;
    std::string name;
    std::string topic;
    std::string whoTheyAre;
    std::string questions;             ///< their questions and pain points
    std::string whereTheyGather;       ///< places in words ("r/SEO, the Ahrefs community")
    std::vector<Id> gatherChannelIds;  ///< our channels that reach them
    std::string unique;                ///< what makes you unique
    std::string provides;              ///< what you provide that no one else does
    std::string draw;                  ///< your draw
};

/// How much a campaign may sell (DOMAIN.md, Content mix).
struct MixPolicy {
    MixPreset preset = MixPreset::EightyTwenty;
    int earnFirst = 5;      ///< value posts needed in a niche before its first promotion
    int ratioWindow = 10;   ///< consecutive posts looked at
    int ratioMaxPromo = 2;  ///< promotional posts allowed in any window

    static MixPolicy fromPreset(MixPreset preset);
    bool operator==(const MixPolicy&) const = default;
};

struct ChannelCadence {
    Id channelId = 0;
    int postsPerWeek = 0;
    bool operator==(const ChannelCadence&) const = default;
};

struct Campaign {
    Id id = 0;
    std::string name;
    std::vector<Id> goalIds;
    std::vector<Id> nicheIds;
    std::optional<Date> startDate;
    std::optional<Date> endDate;
    MixPolicy mix;
    CampaignStatus status = CampaignStatus::Planning;
    std::vector<ChannelCadence> cadence;
};

/// A recurrence rule for posts. The series' posts point at it; the post without an
/// occurrence date is the template, the others are exceptions for one occurrence.
struct Series {
    Id id = 0;
    Frequency frequency = Frequency::Weekly;
    unsigned weekdays = 0;   ///< weekly: bit 0 Monday .. bit 6 Sunday
    int intervalDays = 1;    ///< every_n_days: N
    int monthDay = 1;        ///< monthly: day of month, 1..31 (short months use their last day)
    TimeOfDay time{9 * 60};  ///< local time of every occurrence
    Date startDate{};
    std::optional<Date> endDate;
    std::optional<int> count;
};

struct PostResults {
    int comments = 0;
    int replies = 0;
    int shares = 0;
    int clicks = 0;
    int conversions = 0;
    bool operator==(const PostResults&) const = default;
};

struct Post {
    Id id = 0;
    std::string title;
    std::string body;
    Id channelId = 0;
    Purpose purpose = Purpose::Value;
    PostStatus status = PostStatus::Idea;
    std::optional<Instant> scheduledAt;
    std::optional<Id> campaignId;
    std::optional<Id> nicheId;
    std::optional<Id> goalId;
    std::string link;
    PostResults results;
    std::optional<Id> seriesId;
    /// For an exception of a series: the date of the occurrence this post replaces.
    std::optional<Date> occurrenceDate;
    std::optional<Id> topicIdeaId;
};

struct Handle {
    ChannelKind kind = ChannelKind::Other;
    std::string handle;
    bool operator==(const Handle&) const = default;
};

struct Contact {
    Id id = 0;
    std::string displayName;
    std::vector<Handle> handles;  ///< at most one per channel kind
    std::string email;
    std::string company;
    std::string role;
    std::optional<Id> nicheId;
    Stage stage = Stage::Looker;
    std::optional<int> cadenceDays;  ///< the user's own cadence, replacing the stage's
    bool cadenceNever = false;       ///< the user says: never remind me
    std::optional<Date> nextFollowUp;
    std::optional<Date> snoozedUntil;
    std::vector<std::string> tags;
    std::string notes;
    Date createdOn{};
    ContactSource source = ContactSource::Manual;
    std::string uid;  ///< an external identity (vCard UID), so a re-import matches
};

struct Interaction {
    Id id = 0;
    Id contactId = 0;
    Instant at{};
    InteractionKind kind = InteractionKind::Comment;
    Direction direction = Direction::Inbound;
    std::optional<Id> channelId;
    std::optional<Id> postId;
    std::string note;
};

struct SequenceStep {
    Id id = 0;
    int phase = 1;  ///< 1: build the relationship; 2: share what you have
    int position = 0;
    std::string action;
    InteractionKind kind = InteractionKind::Comment;
    std::optional<Id> channelId;
    int delayDays = 0;
};

struct Sequence {
    Id id = 0;
    std::string name;
    std::optional<Id> nicheId;
    std::string description;
    std::string assetTitle;
    std::string assetLink;
    int minInbound = 2;  ///< inbound interactions since enrolment that qualify for phase 2
    std::vector<SequenceStep> steps;  ///< ordered by phase, then position
};

struct StepDone {
    Id stepId = 0;
    Date on{};
    bool skipped = false;
    bool operator==(const StepDone&) const = default;
};

struct Enrollment {
    Id id = 0;
    Id contactId = 0;
    Id sequenceId = 0;
    Date enrolledOn{};
    EnrollmentState state = EnrollmentState::Active;
    std::optional<Id> currentStepId;  ///< the next step to do; none when waiting or closed
    std::optional<Date> nextDue;      ///< when the current step is due
    std::vector<StepDone> stepsDone;
    std::string gateOverrideReason;  ///< non-empty: phase 2 opened by hand, and why
    std::string exitReason;

    bool isOpen() const {
        return state == EnrollmentState::Active || state == EnrollmentState::Waiting ||
               state == EnrollmentState::Qualified;
    }
};

struct TopicIdea {
    Id id = 0;
    std::string title;
    std::string notes;
    std::optional<Id> nicheId;
    std::vector<Id> askedBy;  ///< interactions that raised it
    IdeaStatus status = IdeaStatus::New;
};

/// Workspace-wide settings.
struct WorkspaceInfo {
    std::string name;
    std::string timeZone;  ///< IANA name, e.g. "Europe/Berlin"
};

}  // namespace rapport::core
