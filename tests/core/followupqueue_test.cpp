// The follow-up rules of DOMAIN.md: each rule, their interplay, the queue's buckets, and the
// service over a workspace (local dates in the workspace's zone, a fake clock, steps from a
// DueStepSource), checked against the rules applied contact by contact.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "core/enrollmentstepsource.h"
#include "core/errors.h"
#include "core/followupactions.h"
#include "core/followupqueue.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;
using Reason = FollowUpReason;

namespace {

const Date kDay = ymd(2026, 11, 23);  // a Monday

LatestInteraction latest(Date on, Direction direction,
                         InteractionKind kind = InteractionKind::Comment) {
    return {1, on, direction, kind};
}

FollowUpFacts facts(Stage stage, Date created = ymd(2026, 10, 1)) {
    FollowUpFacts f;
    f.stage = stage;
    f.createdOn = created;
    return f;
}

DueStep step(Date due, std::string action = "Comment on their latest post") {
    DueStep s;
    s.enrollmentId = 7;
    s.contactId = 1;
    s.sequenceId = 3;
    s.stepId = 11;
    s.due = due;
    s.action = std::move(action);
    s.sequenceName = "Book launch";
    return s;
}

std::vector<Reason> reasonsOf(const FollowUpStatus& s) {
    std::vector<Reason> out;
    for (const auto& r : s.reasons) {
        out.push_back(r.reason);
    }
    return out;
}

struct RuleCase {
    const char* name;
    FollowUpFacts facts;
    std::optional<Date> due;
    std::vector<Reason> reasons;
    bool snoozed = false;
    bool losingTouch = false;
    int daysSince = -1;  // -1: not checked
};

class FollowUpRules : public testing::TestWithParam<RuleCase> {};

std::vector<RuleCase> ruleCases() {
    std::vector<RuleCase> cases;
    const auto add = [&](RuleCase c) { cases.push_back(std::move(c)); };
    {
        add({"NoInteractionsCadenceRunsFromTheCreatedDate",
             facts(Stage::Engaged, ymd(2026, 11, 1)),
             ymd(2026, 11, 15),
             {Reason::Cadence},
             false,
             false,
             22});
    }
    {
        add({"NoInteractionsAndCadenceNeverIsNeverDue",
             facts(Stage::Looker),
             std::nullopt,
             {},
             false,
             false,
             53});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 20), Direction::Inbound, InteractionKind::Comment);
        add({"ReplyOwedIsDueOnTheInboundDate",
             f,
             ymd(2026, 11, 20),
             {Reason::ReplyOwed, Reason::Cadence},
             false,
             false,
             3});
    }
    {
        // The latest interaction is the outbound answer: no reply is owed, the cadence runs
        // from the answer.
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 20), Direction::Outbound, InteractionKind::Reply);
        add({"NoReplyOwedWhenTheLatestTouchIsOutbound", f, ymd(2026, 12, 4), {Reason::Cadence}});
    }
    {
        auto f = facts(Stage::Looker);
        f.latest = latest(ymd(2026, 11, 2), Direction::Inbound, InteractionKind::DirectMessage);
        add({"ReplyOwedEvenWhenTheStageHasNoCadence",
             f,
             ymd(2026, 11, 2),
             {Reason::ReplyOwed},
             false,
             false,
             21});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 10), Direction::Outbound);
        f.nextFollowUp = ymd(2026, 11, 18);
        add({"PlannedEarlierThanCadenceWins",
             f,
             ymd(2026, 11, 18),
             {Reason::Planned, Reason::Cadence}});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 10), Direction::Outbound);
        f.nextFollowUp = ymd(2026, 12, 20);
        add({"PlannedLaterThanCadenceLeavesCadenceFirst",
             f,
             ymd(2026, 11, 24),
             {Reason::Cadence, Reason::Planned}});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 20), Direction::Inbound);
        f.snoozedUntil = ymd(2026, 11, 26);
        add({"SnoozeBeyondTheDueDateMovesIt",
             f,
             ymd(2026, 11, 26),
             {Reason::ReplyOwed, Reason::Cadence},
             true});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 20), Direction::Inbound);
        f.snoozedUntil = ymd(2026, 11, 18);
        add({"SnoozeBeforeTheDueDateChangesNothing",
             f,
             ymd(2026, 11, 20),
             {Reason::ReplyOwed, Reason::Cadence},
             false});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 20), Direction::Inbound);
        f.snoozedUntil = ymd(2026, 11, 20);
        add({"SnoozeOnTheDueDateChangesNothing",
             f,
             ymd(2026, 11, 20),
             {Reason::ReplyOwed, Reason::Cadence},
             false});
    }
    {
        auto f = facts(Stage::Follower);
        f.snoozedUntil = ymd(2026, 11, 30);
        add({"SnoozeAloneMakesNothingDue", f, std::nullopt, {}, false});
    }
    {
        auto f = facts(Stage::Relationship);
        f.cadenceNever = true;
        f.latest = latest(ymd(2026, 1, 5), Direction::Outbound);
        add({"CadenceNeverLeavesNoCadenceAndNoLosingTouch",
             f,
             std::nullopt,
             {},
             false,
             false,
             322});
    }
    {
        auto f = facts(Stage::Relationship);
        f.cadenceNever = true;
        f.latest = latest(ymd(2026, 11, 21), Direction::Inbound, InteractionKind::Email);
        add({"CadenceNeverStillOwesAReply", f, ymd(2026, 11, 21), {Reason::ReplyOwed}});
    }
    {
        auto f = facts(Stage::Relationship);
        f.cadenceDays = 7;
        f.latest = latest(ymd(2026, 11, 10), Direction::Outbound);
        add({"OwnCadenceReplacesTheStagesCadence",
             f,
             ymd(2026, 11, 17),
             {Reason::Cadence},
             false,
             false,
             13});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(addDays(kDay, -28), Direction::Outbound);
        add({"ExactlyTwiceTheCadenceIsNotYetLosingTouch",
             f,
             addDays(kDay, -14),
             {Reason::Cadence},
             false,
             false,
             28});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(addDays(kDay, -29), Direction::Outbound);
        add({"OneDayMoreThanTwiceTheCadenceIsLosingTouch",
             f,
             addDays(kDay, -15),
             {Reason::Cadence},
             false,
             true,
             29});
    }
    {
        auto f = facts(Stage::Customer, addDays(kDay, -91));
        add({"LosingTouchCountsFromTheCreatedDateWithoutInteractions",
             f,
             addDays(kDay, -46),
             {Reason::Cadence},
             false,
             true,
             91});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 20), Direction::Outbound);
        f.steps = {step(ymd(2026, 11, 22))};
        add({"SequenceStepEarlierThanCadence",
             f,
             ymd(2026, 11, 22),
             {Reason::SequenceStep, Reason::Cadence}});
    }
    {
        auto f = facts(Stage::Looker);
        f.steps = {step(ymd(2026, 11, 25))};
        add({"SequenceStepForAContactWithoutCadence",
             f,
             ymd(2026, 11, 25),
             {Reason::SequenceStep}});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 20), Direction::Inbound);
        f.nextFollowUp = ymd(2026, 11, 20);
        f.steps = {step(ymd(2026, 11, 20))};
        add({"TiesKeepTheOrderOfDomainMd",
             f,
             ymd(2026, 11, 20),
             {Reason::ReplyOwed, Reason::SequenceStep, Reason::Planned, Reason::Cadence}});
    }
    {
        auto f = facts(Stage::Engaged);
        f.latest = latest(ymd(2026, 11, 20), Direction::Inbound);
        f.nextFollowUp = ymd(2026, 11, 19);
        f.snoozedUntil = ymd(2026, 11, 24);
        add({"SnoozeMovesPastEveryReason",
             f,
             ymd(2026, 11, 24),
             {Reason::Planned, Reason::ReplyOwed, Reason::Cadence},
             true});
    }
    {
        auto f = facts(Stage::Advocate);
        f.latest = latest(addDays(kDay, 3), Direction::Outbound);
        add({"ALastTouchAfterTheDayCountsAsZeroDays",
             f,
             addDays(kDay, 33),
             {Reason::Cadence},
             false,
             false,
             0});
    }
    return cases;
}

TEST_P(FollowUpRules, Apply) {
    const auto& c = GetParam();
    const auto st = FollowUpQueue::assess(c.facts, kDay);
    EXPECT_EQ(st.due, c.due);
    EXPECT_EQ(reasonsOf(st), c.reasons);
    EXPECT_EQ(st.snoozed, c.snoozed);
    EXPECT_EQ(st.losingTouch, c.losingTouch);
    if (c.daysSince >= 0) {
        EXPECT_EQ(st.daysSinceLastTouch, c.daysSince);
    }
    for (std::size_t i = 1; i < st.reasons.size(); ++i) {
        EXPECT_LE(date::sys_days{st.reasons[i - 1].due}, date::sys_days{st.reasons[i].due});
    }
}

INSTANTIATE_TEST_SUITE_P(Domain, FollowUpRules, testing::ValuesIn(ruleCases()),
                         [](const auto& p) { return std::string{p.param.name}; });

TEST(FollowUpRules, DefaultCadenceByStage) {
    const std::vector<std::pair<Stage, std::optional<int>>> table = {
        {Stage::Looker, std::nullopt}, {Stage::Follower, std::nullopt}, {Stage::Engaged, 14},
        {Stage::Relationship, 30},     {Stage::Customer, 45},           {Stage::Advocate, 30}};
    for (const auto& [stage, days] : table) {
        EXPECT_EQ(FollowUpQueue::defaultCadence(stage), days) << toString(stage);
        EXPECT_EQ(FollowUpQueue::cadenceOf(stage, 9, false), 9) << toString(stage);
        EXPECT_EQ(FollowUpQueue::cadenceOf(stage, std::nullopt, true), std::nullopt);
    }
}

TEST(FollowUpRules, OnlyKindsThatExpectAnAnswerOweAReply) {
    for (std::size_t k = 0; k < enumCount<InteractionKind>(); ++k) {
        const auto kind = static_cast<InteractionKind>(k);
        const bool expects = kind == InteractionKind::Comment || kind == InteractionKind::Reply ||
                             kind == InteractionKind::Mention ||
                             kind == InteractionKind::DirectMessage ||
                             kind == InteractionKind::Email;
        EXPECT_EQ(FollowUpQueue::expectsAnswer(kind), expects) << toString(kind);
        auto f = facts(Stage::Follower);
        f.latest = latest(ymd(2026, 11, 20), Direction::Inbound, kind);
        const auto st = FollowUpQueue::assess(f, kDay);
        EXPECT_EQ(st.due.has_value(), expects) << toString(kind);
        f.latest->direction = Direction::Outbound;
        EXPECT_FALSE(FollowUpQueue::assess(f, kDay).due) << toString(kind);
    }
}

TEST(FollowUpRules, BucketEdges) {
    const std::vector<std::pair<int, std::optional<QueueBucket>>> table = {
        {-30, QueueBucket::Overdue}, {-1, QueueBucket::Overdue}, {0, QueueBucket::Today},
        {1, QueueBucket::ThisWeek},  {7, QueueBucket::ThisWeek}, {8, std::nullopt},
        {40, std::nullopt}};
    for (const auto& [offset, bucket] : table) {
        EXPECT_EQ(FollowUpQueue::bucketOf(addDays(kDay, offset), kDay), bucket) << offset;
    }
}

TEST(FollowUpRules, ReasonsInWords) {
    DueReason reply;
    reply.reason = Reason::ReplyOwed;
    reply.kind = InteractionKind::DirectMessage;
    EXPECT_EQ(FollowUpQueue::describe(reply), "reply owed: their direct message");
    DueReason seq;
    seq.reason = Reason::SequenceStep;
    seq.step = step(kDay, "Share one of their posts");
    EXPECT_EQ(FollowUpQueue::describe(seq),
              "sequence step: Share one of their posts (Book launch)");
    DueReason cadence;
    cadence.reason = Reason::Cadence;
    cadence.cadenceDays = 14;
    EXPECT_EQ(FollowUpQueue::describe(cadence), "cadence: every 14 days");
    DueReason planned;
    planned.reason = Reason::Planned;
    EXPECT_EQ(FollowUpQueue::describe(planned), "planned follow-up");
}

// ---- the service over a workspace --------------------------------------------------------

class FollowUpService : public testing::Test {
protected:
    void SetUp() override {
        store = Store::openInMemory();
        store->setInfo({"Test", "America/New_York"});
    }

    Id contact(const std::string& name, Stage stage, Date created = ymd(2026, 10, 1)) {
        Contact c;
        c.displayName = name;
        c.stage = stage;
        c.createdOn = created;
        return store->add(c);
    }

    // An interaction at local time `hour`:00 in New York on `on`.
    Id touch(Id who, Date on, Direction direction, InteractionKind kind = InteractionKind::Comment,
             int hour = 12) {
        Interaction i;
        i.contactId = who;
        i.at = toInstant(on, TimeOfDay{hour * 60}, "America/New_York");
        i.direction = direction;
        i.kind = kind;
        return store->add(i);
    }

    std::vector<std::string> names(const std::vector<FollowUpItem>& items) {
        std::vector<std::string> out;
        for (const auto& i : items) {
            out.push_back(i.displayName);
        }
        return out;
    }

    std::unique_ptr<Store> store;
    FixedClock clock{toInstant(kDay, TimeOfDay{9 * 60}, "America/New_York")};
};

TEST_F(FollowUpService, TodayIsTheClocksDayInTheWorkspaceZone) {
    FollowUpQueue queue{*store, clock};
    EXPECT_EQ(queue.today(), kDay);
    clock.set(toInstant(kDay, TimeOfDay{23 * 60 + 30}, "America/New_York"));  // 04:30 UTC next day
    EXPECT_EQ(queue.today(), kDay);
}

TEST_F(FollowUpService, BucketsHoldContactsDueUpToAWeekAheadSortedByDateThenName) {
    // Engaged (14 days): a last touch 14 + k days ago is due k days ago.
    const std::vector<std::pair<std::string, int>> people = {
        {"Overdue Bea", -3}, {"overdue Al", -3}, {"Yesterday", -1},   {"Today", 0},
        {"Tomorrow", 1},     {"In a week", 7},   {"In eight days", 8}};
    for (const auto& [name, offset] : people) {
        touch(contact(name, Stage::Engaged), addDays(kDay, offset - 14), Direction::Outbound);
    }
    FollowUpQueue queue{*store, clock};
    const auto day = queue.forDay(kDay);
    EXPECT_EQ(day.day, kDay);
    EXPECT_EQ(names(day.overdue),
              (std::vector<std::string>{"overdue Al", "Overdue Bea", "Yesterday"}));
    EXPECT_EQ(names(day.today), std::vector<std::string>{"Today"});
    EXPECT_EQ(names(day.thisWeek), (std::vector<std::string>{"Tomorrow", "In a week"}));
    EXPECT_EQ(day.size(), 6u);
    EXPECT_EQ(queue.needsYouCount(kDay), 4u);
    for (const auto& item : day.overdue) {
        EXPECT_EQ(item.bucket, QueueBucket::Overdue);
        EXPECT_EQ(item.stage, Stage::Engaged);
    }
    // The queue can be shown for any date.
    EXPECT_EQ(names(queue.forDay(addDays(kDay, 1)).today), std::vector<std::string>{"Tomorrow"});
}

TEST_F(FollowUpService, InteractionDatesAreTakenInTheWorkspaceZone) {
    const Id who = contact("Late night", Stage::Follower);
    // 23:30 in New York on the 20th is already the 21st in UTC.
    touch(who, ymd(2026, 11, 20), Direction::Inbound, InteractionKind::Email, 23);
    FollowUpQueue queue{*store, clock};
    const auto status = queue.statusOf(who, kDay);
    ASSERT_TRUE(status.due);
    EXPECT_EQ(*status.due, ymd(2026, 11, 20));
    EXPECT_EQ(status.lastTouch, ymd(2026, 11, 20));
    EXPECT_EQ(status.daysSinceLastTouch, 3);
}

TEST_F(FollowUpService, AReplyOwedIsClearedByALaterOutboundTouchTheSameDay) {
    const Id who = contact("Quick answer", Stage::Engaged);
    touch(who, ymd(2026, 11, 20), Direction::Inbound, InteractionKind::Comment, 9);
    FollowUpQueue queue{*store, clock};
    EXPECT_THAT(reasonsOf(queue.statusOf(who, kDay)),
                testing::ElementsAre(Reason::ReplyOwed, Reason::Cadence));
    touch(who, ymd(2026, 11, 20), Direction::Outbound, InteractionKind::Reply, 10);
    const auto after = queue.statusOf(who, kDay);
    EXPECT_THAT(reasonsOf(after), testing::ElementsAre(Reason::Cadence));
    EXPECT_EQ(after.due, ymd(2026, 12, 4));
    // An older inbound message logged afterwards does not make a reply owed again.
    touch(who, ymd(2026, 11, 19), Direction::Inbound, InteractionKind::Comment);
    EXPECT_THAT(reasonsOf(queue.statusOf(who, kDay)), testing::ElementsAre(Reason::Cadence));
}

TEST_F(FollowUpService, TheQueueListsOnlyReasonsWithinTheWeekButTheContactPageShowsAll) {
    const Id who = contact("Planner", Stage::Relationship);
    touch(who, ymd(2026, 11, 20), Direction::Inbound, InteractionKind::Mention);
    planFollowUp(*store, who, ymd(2027, 1, 15));
    FollowUpQueue queue{*store, clock};
    const auto day = queue.forDay(kDay);
    ASSERT_EQ(day.overdue.size(), 1u);
    EXPECT_THAT(reasonsOf(day.overdue[0].status), testing::ElementsAre(Reason::ReplyOwed));
    EXPECT_THAT(reasonsOf(queue.statusOf(who, kDay)),
                testing::ElementsAre(Reason::ReplyOwed, Reason::Cadence, Reason::Planned));
}

TEST_F(FollowUpService, SnoozeBeyondTheWeekTakesAContactOutUntilThen) {
    const Id who = contact("Sleepy", Stage::Engaged);
    touch(who, ymd(2026, 11, 20), Direction::Inbound);
    FollowUpQueue queue{*store, clock};
    snoozeContact(*store, who, addDays(kDay, 8));
    EXPECT_TRUE(queue.forDay(kDay).empty());
    const auto later = queue.forDay(addDays(kDay, 1));
    ASSERT_EQ(later.thisWeek.size(), 1u);
    EXPECT_EQ(later.thisWeek[0].status.due, addDays(kDay, 8));
    EXPECT_TRUE(later.thisWeek[0].status.snoozed);
    snoozeContact(*store, who, addDays(kDay, 2));
    ASSERT_EQ(queue.forDay(kDay).thisWeek.size(), 1u);
    snoozeContact(*store, who, std::nullopt);
    ASSERT_EQ(queue.forDay(kDay).overdue.size(), 1u);
}

TEST_F(FollowUpService, LoggingAnOutboundTouchClearsThePlannedDateAndTheSnooze) {
    const Id who = contact("Busy", Stage::Engaged);
    touch(who, ymd(2026, 11, 1), Direction::Outbound);
    planFollowUp(*store, who, ymd(2026, 11, 25));
    snoozeContact(*store, who, ymd(2026, 11, 27));

    Interaction inbound;
    inbound.contactId = who;
    inbound.at = clock.now();
    inbound.kind = InteractionKind::Email;
    inbound.direction = Direction::Inbound;
    const auto in = logInteraction(*store, inbound);
    EXPECT_NE(in.interactionId, 0);
    EXPECT_FALSE(in.clearedNextFollowUp);
    EXPECT_EQ(store->get<Contact>(who).nextFollowUp, ymd(2026, 11, 25));

    Interaction outbound = inbound;
    outbound.id = 0;
    outbound.at += std::chrono::minutes{5};
    outbound.direction = Direction::Outbound;
    outbound.kind = InteractionKind::Reply;
    const auto out = logInteraction(*store, outbound);
    EXPECT_EQ(out.interactionId, outbound.id);
    EXPECT_EQ(out.clearedNextFollowUp, ymd(2026, 11, 25));
    EXPECT_EQ(out.clearedSnooze, ymd(2026, 11, 27));
    const auto after = store->get<Contact>(who);
    EXPECT_FALSE(after.nextFollowUp);
    EXPECT_FALSE(after.snoozedUntil);
    // The touch resets the cadence.
    FollowUpQueue queue{*store, clock};
    EXPECT_EQ(queue.statusOf(who, kDay).due, addDays(kDay, 14));
    EXPECT_TRUE(queue.forDay(kDay).empty());
}

TEST_F(FollowUpService, LoggingIsOneTransaction) {
    const Id who = contact("Careful", Stage::Engaged);
    planFollowUp(*store, who, ymd(2026, 11, 25));
    Interaction bad;
    bad.contactId = who;
    bad.at = clock.now();
    bad.direction = Direction::Outbound;
    bad.channelId = 99;  // no such channel: the add fails, nothing changes
    EXPECT_THROW(logInteraction(*store, bad), ValidationError);
    EXPECT_EQ(store->get<Contact>(who).nextFollowUp, ymd(2026, 11, 25));
    EXPECT_EQ(store->count<Interaction>(), 0);
}

// A DueStepSource that answers from a list, like the nurture engine will.
class ListedSteps final : public DueStepSource {
public:
    std::vector<DueStep> steps;
    std::vector<Date> askedUpTo;
    std::vector<DueStep> dueSteps(Date upTo) override {
        askedUpTo.push_back(upTo);
        std::vector<DueStep> out;
        for (const auto& s : steps) {
            if (date::sys_days{s.due} <= date::sys_days{upTo}) {
                out.push_back(s);
            }
        }
        return out;
    }
    std::vector<DueStep> stepsOf(Id contactId) override {
        std::vector<DueStep> out;
        for (const auto& s : steps) {
            if (s.contactId == contactId) {
                out.push_back(s);
            }
        }
        return out;
    }
};

TEST_F(FollowUpService, SequenceStepsComeFromTheStepSource) {
    const Id quiet = contact("Quiet looker", Stage::Looker);
    const Id later = contact("Later looker", Stage::Looker);
    ListedSteps source;
    auto s1 = step(kDay, "Comment on their latest post");
    s1.contactId = quiet;
    auto s2 = step(addDays(kDay, 9), "Send the free chapter");
    s2.contactId = later;
    source.steps = {s1, s2};
    FollowUpQueue queue{*store, clock, source};
    const auto day = queue.forDay(kDay);
    EXPECT_EQ(source.askedUpTo, std::vector<Date>{addDays(kDay, 7)});
    ASSERT_EQ(day.today.size(), 1u);
    EXPECT_EQ(day.today[0].contactId, quiet);
    ASSERT_THAT(reasonsOf(day.today[0].status), testing::ElementsAre(Reason::SequenceStep));
    EXPECT_EQ(day.today[0].status.reasons[0].step->action, "Comment on their latest post");
    EXPECT_TRUE(day.thisWeek.empty());
    EXPECT_EQ(queue.statusOf(later, kDay).due, addDays(kDay, 9));
}

TEST_F(FollowUpService, TheDefaultStepSourceReadsOpenEnrollments) {
    const Id who = contact("Enrolled", Stage::Follower);
    const Id done = contact("Finished", Stage::Follower);
    auto seq = rapport::test::sampleSequence();
    store->add(seq);
    Enrollment open;
    open.contactId = who;
    open.sequenceId = seq.id;
    open.enrolledOn = ymd(2026, 11, 20);
    open.currentStepId = seq.steps[1].id;
    open.nextDue = ymd(2026, 11, 24);
    store->add(open);
    Enrollment closed = open;
    closed.id = 0;
    closed.contactId = done;
    closed.state = EnrollmentState::Completed;
    store->add(closed);

    EnrollmentStepSource source{*store};
    const auto steps = source.dueSteps(addDays(kDay, 7));
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].contactId, who);
    EXPECT_EQ(steps[0].enrollmentId, open.id);
    EXPECT_EQ(steps[0].stepId, seq.steps[1].id);
    EXPECT_EQ(steps[0].action, "Share one of their posts");
    EXPECT_EQ(steps[0].kind, InteractionKind::Share);
    EXPECT_EQ(steps[0].sequenceName, "Book launch");
    EXPECT_TRUE(source.dueSteps(addDays(kDay, -1)).empty());
    EXPECT_EQ(source.stepsOf(who), steps);
    EXPECT_TRUE(source.stepsOf(done).empty());

    FollowUpQueue queue{*store, clock};
    const auto day = queue.forDay(kDay);
    ASSERT_EQ(day.thisWeek.size(), 1u);
    EXPECT_EQ(day.thisWeek[0].displayName, "Enrolled");
}

TEST_F(FollowUpService, StatusOfAMissingContactNamesIt) {
    FollowUpQueue queue{*store, clock};
    try {
        queue.statusOf(404, kDay);
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.record(), "contact 404");
    }
}

// The latest interaction the schema keeps per contact follows every way of writing.
TEST_F(FollowUpService, TheLastTouchFollowsDeletesUpdatesAndMoves) {
    const Id a = contact("A", Stage::Engaged);
    const Id b = contact("B", Stage::Engaged);
    const Id early = touch(a, ymd(2026, 11, 1), Direction::Outbound);
    const Id late = touch(a, ymd(2026, 11, 20), Direction::Inbound);
    FollowUpQueue queue{*store, clock};
    EXPECT_EQ(queue.statusOf(a, kDay).lastTouch, ymd(2026, 11, 20));
    store->remove<Interaction>(late);
    EXPECT_EQ(queue.statusOf(a, kDay).lastTouch, ymd(2026, 11, 1));
    auto moved = store->get<Interaction>(early);
    moved.contactId = b;
    store->update(moved);
    EXPECT_FALSE(queue.statusOf(a, kDay).touched);
    EXPECT_EQ(queue.statusOf(b, kDay).lastTouch, ymd(2026, 11, 1));
    moved.at = toInstant(ymd(2026, 11, 22), TimeOfDay{8 * 60}, "America/New_York");
    store->update(moved);
    EXPECT_EQ(queue.statusOf(b, kDay).lastTouch, ymd(2026, 11, 22));
    store->remove<Contact>(b);
    EXPECT_EQ(store->count<Interaction>(), 0);
}

// The queue's SQL only narrows; the rules decide. Over a random workspace, every contact the
// rules put in the queue must be there, in the right bucket, and no other.
struct ZoneCase {
    const char* zone;
    Date day;
};

class QueueMatchesTheRules : public testing::TestWithParam<ZoneCase> {};

TEST_P(QueueMatchesTheRules, ContactByContact) {
    const auto& param = GetParam();
    auto store = Store::openInMemory();
    store->setInfo({"Random", param.zone});
    std::mt19937 rng{20261123};
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>{0, n - 1}(rng); };
    ListedSteps steps;
    for (int i = 0; i < 400; ++i) {
        Contact c;
        c.displayName = "Person " + std::to_string(i);
        c.stage = static_cast<Stage>(pick(6));
        c.createdOn = addDays(param.day, -pick(120));
        switch (pick(5)) {
            case 0:
                c.cadenceDays = 1 + pick(40);
                break;
            case 1:
                c.cadenceNever = true;
                break;
            default:
                break;
        }
        if (pick(4) == 0) {
            c.nextFollowUp = addDays(param.day, pick(30) - 15);
        }
        if (pick(4) == 0) {
            c.snoozedUntil = addDays(param.day, pick(30) - 10);
        }
        store->add(c);
        for (int k = pick(4); k > 0; --k) {
            Interaction x;
            x.contactId = c.id;
            // Around midnight local time, where the zone decides the date.
            x.at = toInstant(addDays(param.day, -pick(70)),
                             TimeOfDay{(22 * 60 + pick(4) * 60) % 1440}, param.zone) +
                   std::chrono::minutes{pick(180)};
            x.kind = static_cast<InteractionKind>(pick(11));
            x.direction = pick(2) ? Direction::Inbound : Direction::Outbound;
            store->add(x);
        }
        if (pick(8) == 0) {
            auto s = step(addDays(param.day, pick(20) - 5));
            s.contactId = c.id;
            steps.steps.push_back(s);
        }
    }
    FixedClock clock{toInstant(param.day, TimeOfDay{12 * 60}, param.zone)};
    FollowUpQueue queue{*store, clock, steps};
    for (const int offset : {-2, 0, 3}) {
        const Date day = addDays(param.day, offset);
        const auto q = queue.forDay(day);
        std::map<Id, QueueBucket> listed;
        for (const auto* bucket : {&q.overdue, &q.today, &q.thisWeek}) {
            for (const auto& item : *bucket) {
                listed[item.contactId] = item.bucket;
                EXPECT_EQ(item.status.due, queue.statusOf(item.contactId, day).due);
            }
        }
        std::map<Id, QueueBucket> expected;
        for (const auto& c : store->list<Contact>()) {
            const auto st = queue.statusOf(c.id, day);
            if (st.due) {
                if (const auto bucket = FollowUpQueue::bucketOf(*st.due, day)) {
                    expected[c.id] = *bucket;
                }
            }
        }
        EXPECT_EQ(listed, expected) << param.zone << " " << formatDate(day);
        EXPECT_GT(expected.size(), 20u);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Zones, QueueMatchesTheRules,
    testing::Values(ZoneCase{"UTC", ymd(2026, 11, 23)},
                    ZoneCase{"America/New_York", ymd(2026, 11, 2)},  // the day after DST ends
                    ZoneCase{"Europe/Berlin", ymd(2026, 3, 30)},     // the day after DST starts
                    ZoneCase{"Pacific/Auckland", ymd(2026, 9, 28)},
                    ZoneCase{"Asia/Kolkata", ymd(2026, 6, 1)}),
    [](const auto& p) {
        std::string n = p.param.zone;
        std::replace(n.begin(), n.end(), '/', '_');
        return n;
    });

}  // namespace
