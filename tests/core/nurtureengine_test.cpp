// The two-step nurture engine over several weeks of a fake clock: the gate, qualification by
// replies and by stage, conversion, exit, one open enrollment, gate override, edited delays,
// and the follow-up queue asking the engine for due steps.

#include "core/nurtureengine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/followupqueue.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;
using testing::HasSubstr;

namespace {

class Nurture : public testing::Test {
protected:
    void SetUp() override {
        store->setInfo({"t", "Europe/Berlin"});
        auto c = rapport::test::sampleContact("Priya");
        c.stage = Stage::Engaged;
        c.createdOn = ymd(2026, 3, 2);  // a new contact: cadence (14 days) is not due yet
        store->add(c);
        contact = c.id;
        sequence.name = "Book launch";
        sequence.minInbound = 2;
        sequence.assetTitle = "Chapter 1";
        sequence.steps = {
            {0, 1, 1, "Comment on their latest post", InteractionKind::Comment, {}, 0},
            {0, 1, 2, "Share one of their posts", InteractionKind::Share, {}, 3},
            {0, 2, 1, "Offer the free chapter", InteractionKind::DirectMessage, {}, 2},
            {0, 2, 2, "Ask what they thought", InteractionKind::Email, {}, 7},
        };
        store->add(sequence);
    }

    // Moves the fake clock to 10:00 local on `day`.
    void setDay(Date day) { clock.set(toInstant(day, TimeOfDay{600}, "Europe/Berlin")); }

    void inbound(Date day, InteractionKind kind = InteractionKind::Reply) {
        Interaction i;
        i.contactId = contact;
        i.at = toInstant(day, TimeOfDay{15 * 60}, "Europe/Berlin");
        i.kind = kind;
        i.direction = Direction::Inbound;
        engine.logInteraction(i);
    }

    Id step(int index) const { return sequence.steps[static_cast<std::size_t>(index)].id; }

    std::unique_ptr<Store> store = Store::openInMemory();
    FixedClock clock{*parseInstant("2026-03-02T09:00:00Z")};
    NurtureEngine engine{*store, clock};
    Sequence sequence;
    Id contact = 0;
    const Date d0 = ymd(2026, 3, 2);  // a Monday
};

}  // namespace

TEST_F(Nurture, EnrollingMakesTheFirstStepDueAfterItsDelay) {
    setDay(d0);
    const auto e = engine.enroll(contact, sequence.id);
    EXPECT_EQ(e.enrolledOn, d0);
    EXPECT_EQ(e.state, EnrollmentState::Active);
    EXPECT_EQ(e.currentStepId, step(0));
    EXPECT_EQ(e.nextDue, d0);
    ASSERT_EQ(engine.dueSteps(d0).size(), 1u);
    EXPECT_EQ(engine.dueSteps(d0)[0].action, "Comment on their latest post");
}

TEST_F(Nurture, TheGateHoldsPhaseTwoUntilRepliesQualify) {
    setDay(d0);
    auto e = engine.enroll(contact, sequence.id);
    e = engine.markDone(e.id);
    EXPECT_EQ(e.currentStepId, step(1));
    EXPECT_EQ(e.nextDue, addDays(d0, 3));
    // Marking done logged the outbound touch of the step's kind.
    const auto log = store->list<Interaction>();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].kind, InteractionKind::Comment);
    EXPECT_EQ(log[0].direction, Direction::Outbound);

    setDay(addDays(d0, 3));
    e = engine.markDone(e.id);
    EXPECT_EQ(e.state, EnrollmentState::Waiting);
    EXPECT_FALSE(e.nextDue);
    EXPECT_THAT(engine.dueSteps(addDays(d0, 60)), testing::IsEmpty());
    EXPECT_EQ(engine.qualification(e).reason, "0 of 2 replies since enrolment");
    EXPECT_THROW(engine.markDone(e.id), ValidationError);  // phase 2 is locked

    // One reply is not enough...
    setDay(addDays(d0, 5));
    inbound(addDays(d0, 5));
    e = store->get<Enrollment>(e.id);
    EXPECT_EQ(e.state, EnrollmentState::Waiting);
    EXPECT_EQ(engine.qualification(e).reason, "1 of 2 replies since enrolment");
    // ...the second qualifies it, and the offer is due that day plus its delay.
    setDay(addDays(d0, 8));
    inbound(addDays(d0, 8));
    e = store->get<Enrollment>(e.id);
    EXPECT_EQ(e.state, EnrollmentState::Qualified);
    EXPECT_EQ(e.currentStepId, step(2));
    EXPECT_EQ(e.nextDue, addDays(d0, 10));

    setDay(addDays(d0, 10));
    e = engine.markDone(e.id);
    EXPECT_EQ(e.nextDue, addDays(d0, 17));
    setDay(addDays(d0, 17));
    e = engine.markDone(e.id);
    EXPECT_EQ(e.state, EnrollmentState::Completed);
    EXPECT_EQ(e.stepsDone.size(), 4u);
}

TEST_F(Nurture, RepliesBeforePhaseOneEndsQualifyAtOnce) {
    setDay(d0);
    auto e = engine.enroll(contact, sequence.id);
    inbound(addDays(d0, 1));
    inbound(addDays(d0, 2));
    e = engine.markDone(e.id, d0);
    e = engine.markDone(e.id, addDays(d0, 3));
    EXPECT_EQ(e.state, EnrollmentState::Qualified);
    EXPECT_EQ(e.nextDue, addDays(d0, 5));  // phase-1 done date + 2
}

TEST_F(Nurture, ARelationshipStageQualifiesAtOnce) {
    auto c = store->get<Contact>(contact);
    c.stage = Stage::Relationship;
    store->update(c);
    setDay(d0);
    auto e = engine.enroll(contact, sequence.id);
    e = engine.markDone(e.id);
    e = engine.markDone(e.id, addDays(d0, 4));
    EXPECT_EQ(e.state, EnrollmentState::Qualified);
    EXPECT_EQ(e.nextDue, addDays(d0, 6));
    EXPECT_THAT(engine.qualification(e).reason, HasSubstr("relationship stage"));
}

TEST_F(Nurture, APurchaseConvertsAnOpenEnrollment) {
    setDay(d0);
    auto e = engine.enroll(contact, sequence.id);
    setDay(addDays(d0, 2));
    inbound(addDays(d0, 2), InteractionKind::Purchase);
    e = store->get<Enrollment>(e.id);
    EXPECT_EQ(e.state, EnrollmentState::Converted);
    EXPECT_FALSE(e.nextDue);
    EXPECT_THAT(engine.dueSteps(addDays(d0, 30)), testing::IsEmpty());
    EXPECT_EQ(engine.funnel(sequence.id).converted, 1);
}

TEST_F(Nurture, ExitKeepsTheReasonAndFreesTheSequenceForANewEnrollment) {
    setDay(d0);
    auto e = engine.enroll(contact, sequence.id);
    EXPECT_THROW(engine.enroll(contact, sequence.id), ValidationError);  // one open at a time
    EXPECT_THROW(engine.exit(e.id, "  "), ValidationError);
    e = engine.exit(e.id, "Asked me to stop");
    EXPECT_EQ(e.state, EnrollmentState::Exited);
    EXPECT_EQ(store->get<Enrollment>(e.id).exitReason, "Asked me to stop");
    EXPECT_NO_THROW(engine.enroll(contact, sequence.id, addDays(d0, 1)));
}

TEST_F(Nurture, AGateOverrideOpensPhaseTwoWithItsReasonKept) {
    setDay(d0);
    auto e = engine.enroll(contact, sequence.id);
    e = engine.markDone(e.id);
    e = engine.markDone(e.id);
    ASSERT_EQ(e.state, EnrollmentState::Waiting);
    setDay(addDays(d0, 4));
    EXPECT_THROW(engine.overrideGate(e.id, ""), ValidationError);
    e = engine.overrideGate(e.id, "We met at the conference; she asked for the chapter");
    EXPECT_EQ(e.state, EnrollmentState::Qualified);
    EXPECT_EQ(e.nextDue, addDays(d0, 6));
    EXPECT_THAT(engine.qualification(e).reason, HasSubstr("she asked for the chapter"));
}

TEST_F(Nurture, EditingDelaysKeepsDueDatesAlreadySet) {
    setDay(d0);
    auto e = engine.enroll(contact, sequence.id);
    e = engine.markDone(e.id);
    ASSERT_EQ(e.nextDue, addDays(d0, 3));
    auto edited = store->get<Sequence>(sequence.id);
    edited.steps[1].delayDays = 10;  // the step already due
    edited.steps[2].delayDays = 5;   // a later one
    store->update(edited);
    // The date already set stays; the new delays apply from the next step on.
    EXPECT_EQ(store->get<Enrollment>(e.id).nextDue, addDays(d0, 3));
    e = engine.overrideGate(e.id, "old friend");
    e = engine.markDone(e.id, addDays(d0, 3));
    EXPECT_EQ(e.nextDue, addDays(d0, 8));
}

TEST_F(Nurture, MarkingDoneIsTheTouchThatClearsPlansAndSnoozes) {
    auto c = store->get<Contact>(contact);
    c.nextFollowUp = addDays(d0, 20);
    c.snoozedUntil = addDays(d0, 10);
    store->update(c);
    setDay(d0);
    const auto e = engine.enroll(contact, sequence.id);
    engine.markDone(e.id);
    c = store->get<Contact>(contact);
    EXPECT_FALSE(c.nextFollowUp);
    EXPECT_FALSE(c.snoozedUntil);
}

TEST_F(Nurture, SkippingAdvancesWithoutLoggingAnything) {
    setDay(d0);
    auto e = engine.enroll(contact, sequence.id);
    e = engine.skip(e.id);
    EXPECT_EQ(e.currentStepId, step(1));
    EXPECT_TRUE(e.stepsDone[0].skipped);
    EXPECT_EQ(store->count<Interaction>(), 0);
}

TEST_F(Nurture, FunnelCountsEachStage) {
    setDay(d0);
    // Five contacts: one stays in phase 1, one waits, two qualify (one offered), one buys.
    std::vector<Id> people = {contact};
    for (int i = 0; i < 4; ++i) {
        auto c = rapport::test::sampleContact("P" + std::to_string(i));
        c.stage = i < 2 ? Stage::Relationship : Stage::Engaged;
        store->add(c);
        people.push_back(c.id);
    }
    std::vector<Id> es;
    for (const Id p : people) {
        es.push_back(engine.enroll(p, sequence.id).id);
    }
    // people[1], [2] (relationship) and [3] finish phase 1; [1] gets the offer.
    for (const std::size_t i : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
        engine.markDone(es[i]);
        engine.markDone(es[i]);
    }
    engine.markDone(es[1]);
    contact = people[4];
    inbound(d0, InteractionKind::Purchase);
    const auto f = engine.funnel(sequence.id);
    EXPECT_EQ(f.enrolled, 5);
    EXPECT_EQ(f.phase1Done, 3);
    EXPECT_EQ(f.qualified, 2);
    EXPECT_EQ(f.offered, 1);
    EXPECT_EQ(f.converted, 1);
    EXPECT_DOUBLE_EQ(f.rate(1), 3.0 / 5.0);
    EXPECT_DOUBLE_EQ(f.rate(3), 0.5);
    ASSERT_EQ(engine.funnels().size(), 1u);
}

TEST_F(Nurture, TheFollowUpQueueAsksTheEngineForDueSteps) {
    setDay(d0);
    auto e = engine.enroll(contact, sequence.id);
    FollowUpQueue queue{*store, clock, engine};
    const auto day = queue.forDay(d0);
    ASSERT_EQ(day.today.size(), 1u);
    const auto& reasons = day.today[0].status.reasons;
    ASSERT_FALSE(reasons.empty());
    EXPECT_EQ(reasons[0].reason, FollowUpReason::SequenceStep);
    ASSERT_TRUE(reasons[0].step);
    EXPECT_EQ(reasons[0].step->action, "Comment on their latest post");
    engine.markDone(e.id);
    // Done: the next step is due in three days, in this week's bucket.
    const auto after = queue.forDay(d0);
    EXPECT_TRUE(after.today.empty());
    ASSERT_EQ(after.thisWeek.size(), 1u);
    EXPECT_EQ(after.thisWeek[0].status.due, addDays(d0, 3));
}
