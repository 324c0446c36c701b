// Duplicates (same email, same handle on a network, same normalised name) and merging two
// contacts: every interaction, handle, tag and note kept, one transaction, undone exactly.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/contactkeys.h"
#include "core/contactmerger.h"
#include "core/duplicatefinder.h"
#include "core/errors.h"
#include "core/followupqueue.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;
using testing::ElementsAre;
using testing::HasSubstr;

namespace {

TEST(ContactKeys, NormaliseNamesEmailsAndHandles) {
    const std::vector<std::pair<std::string, std::string>> names = {
        {"José  Núñez-Ortiz", "jose nunez ortiz"},
        {"  ZOË O'Brien ", "zoe o brien"},
        {"Łukasz Żółć", "lukasz zolc"},
        {"Straße, Æsir", "strasse aesir"},
        {"Dr. Ana López (she/her)", "dr ana lopez she her"},
        {"Иван Петров", "Иван Петров"},
        {"", ""}};
    for (const auto& [in, out] : names) {
        EXPECT_EQ(keys::name(in), out) << in;
    }
    EXPECT_EQ(keys::email("  Priya@Example.COM "), "priya@example.com");
    const std::vector<std::tuple<ChannelKind, std::string, std::string>> handles = {
        {ChannelKind::LinkedIn, "https://www.linkedin.com/in/PriyaRaman/?trk=x", "in/priyaraman"},
        {ChannelKind::LinkedIn, "in/priyaraman", "in/priyaraman"},
        {ChannelKind::X, "https://twitter.com/RiseAndCrumb", "riseandcrumb"},
        {ChannelKind::X, "@riseandcrumb", "riseandcrumb"},
        {ChannelKind::Instagram, "instagram.com/x", "instagram.com/x"},
        {ChannelKind::Blog, "https://Blog.Example.com/", "https://blog.example.com"}};
    for (const auto& [kind, in, out] : handles) {
        EXPECT_EQ(keys::handle(kind, in), out) << in;
    }
    EXPECT_EQ(keys::handleFromUrl("https://m.facebook.com/priya.bakes"),
              (Handle{ChannelKind::Facebook, "priya.bakes"}));
    EXPECT_EQ(keys::handleFromUrl("https://www.youtube.com/@bakes"),
              (Handle{ChannelKind::YouTube, "@bakes"}));
    EXPECT_EQ(keys::handleFromUrl("https://example.com/in/x"), std::nullopt);
    EXPECT_EQ(keys::handleFromUrl("ftp://x.com/a"), std::nullopt);
}

class Merging : public testing::Test {
protected:
    void SetUp() override {
        auto seq = rapport::test::sampleSequence();
        store->add(seq);
        sequence = seq;

        keep.displayName = "Priya Raman";
        keep.email = "priya@example.com";
        keep.stage = Stage::Engaged;
        keep.createdOn = ymd(2026, 10, 8);
        keep.handles = {{ChannelKind::X, "@riseandcrumb"}};
        keep.tags = {"local"};
        keep.notes = "Runs a bakery.";
        store->add(keep);

        other.displayName = "priya raman";
        other.email = "priya.work@example.com";
        other.company = "Rise & Crumb Bakery";
        other.stage = Stage::Customer;
        other.createdOn = ymd(2025, 3, 1);
        other.handles = {{ChannelKind::X, "@priyabakes"}, {ChannelKind::LinkedIn, "in/priyaraman"}};
        other.tags = {"local", "customer"};
        other.notes = "Bought the course.";
        other.uid = "urn:uuid:1";
        other.nextFollowUp = ymd(2026, 12, 1);
        store->add(other);

        for (int i = 0; i < 3; ++i) {
            Interaction x;
            x.contactId = i == 0 ? keep.id : other.id;
            x.at = toInstant(ymd(2026, 11, 10 + i), TimeOfDay{600}, "UTC");
            x.direction = Direction::Inbound;
            store->add(x);
            interactions.push_back(x.id);
        }
        TopicIdea idea;
        idea.title = "Sourdough SEO";
        idea.askedBy = {interactions[2]};
        store->add(idea);
        ideaId = idea.id;

        // Both are in the same sequence: the other's open enrollment cannot stay open.
        for (const Id who : {keep.id, other.id}) {
            Enrollment e;
            e.contactId = who;
            e.sequenceId = sequence.id;
            e.enrolledOn = ymd(2026, 11, 1);
            e.currentStepId = sequence.steps[0].id;
            e.nextDue = ymd(2026, 11, 25);
            store->add(e);
            enrollments.push_back(e.id);
        }
        Enrollment finished;
        finished.contactId = other.id;
        finished.sequenceId = sequence.id;
        finished.enrolledOn = ymd(2026, 6, 1);
        finished.state = EnrollmentState::Completed;
        store->add(finished);
        enrollments.push_back(finished.id);
    }

    std::string snapshot() { return workspacejson::toText(workspacejson::read(*store)); }

    std::unique_ptr<Store> store = Store::openInMemory();
    Sequence sequence;
    Contact keep;
    Contact other;
    std::vector<Id> interactions;
    std::vector<Id> enrollments;
    Id ideaId = 0;
};

TEST_F(Merging, FindsDuplicatesByEmailHandleAndName) {
    Contact third;
    third.displayName = "Someone";
    third.email = "PRIYA.work@example.com";
    third.createdOn = ymd(2026, 1, 1);
    third.handles = {{ChannelKind::LinkedIn, "https://www.linkedin.com/in/PriyaRaman/"}};
    store->add(third);
    DuplicateFinder finder{*store};
    const auto groups = finder.all();
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_EQ(
        groups[0],
        (DuplicateGroup{
            DuplicateReason::Email, std::nullopt, "priya.work@example.com", {other.id, third.id}}));
    EXPECT_EQ(groups[1], (DuplicateGroup{DuplicateReason::Handle,
                                         ChannelKind::LinkedIn,
                                         "in/priyaraman",
                                         {other.id, third.id}}));
    EXPECT_EQ(
        groups[2],
        (DuplicateGroup{DuplicateReason::Name, std::nullopt, "priya raman", {keep.id, other.id}}));
    EXPECT_EQ(finder.of(keep.id).size(), 1u);
    EXPECT_EQ(finder.of(third.id).size(), 2u);
    // The same handle on different networks is not a duplicate.
    Contact fourth;
    fourth.displayName = "Fourth";
    fourth.createdOn = ymd(2026, 1, 1);
    fourth.handles = {{ChannelKind::Instagram, "@riseandcrumb"}};
    store->add(fourth);
    EXPECT_TRUE(finder.of(fourth.id).empty());
}

TEST_F(Merging, KeepsEverythingOfBoth) {
    ContactMerger merger{*store};
    const auto undo = merger.merge(keep.id, other.id);
    EXPECT_FALSE(store->find<Contact>(other.id));
    const auto merged = store->get<Contact>(keep.id);
    EXPECT_EQ(merged.displayName, "Priya Raman");
    EXPECT_EQ(merged.email, "priya@example.com");
    EXPECT_EQ(merged.company, "Rise & Crumb Bakery");
    EXPECT_EQ(merged.stage, Stage::Customer);
    EXPECT_EQ(merged.createdOn, ymd(2025, 3, 1));
    EXPECT_EQ(merged.uid, "urn:uuid:1");
    EXPECT_EQ(merged.nextFollowUp, ymd(2026, 12, 1));
    EXPECT_THAT(merged.tags, testing::UnorderedElementsAre("local", "customer"));
    EXPECT_THAT(merged.handles,
                testing::UnorderedElementsAre(Handle{ChannelKind::X, "@riseandcrumb"},
                                              Handle{ChannelKind::LinkedIn, "in/priyaraman"}));
    // What has no field left is kept in the notes: the second email and X handle, the name.
    EXPECT_THAT(merged.notes, HasSubstr("Runs a bakery."));
    EXPECT_THAT(merged.notes, HasSubstr("Bought the course."));
    EXPECT_THAT(merged.notes, HasSubstr("Also: priya.work@example.com"));
    EXPECT_THAT(merged.notes, HasSubstr("Also on x: @priyabakes"));
    EXPECT_THAT(merged.notes, HasSubstr("Also known as: priya raman"));
    for (const Id id : interactions) {
        EXPECT_EQ(store->get<Interaction>(id).contactId, keep.id);
    }
    EXPECT_EQ(store->get<TopicIdea>(ideaId).askedBy, std::vector<Id>{interactions[2]});
    EXPECT_THAT(undo.movedInteractions, ElementsAre(interactions[1], interactions[2]));
    const auto exited = store->get<Enrollment>(enrollments[1]);
    EXPECT_EQ(exited.contactId, keep.id);
    EXPECT_EQ(exited.state, EnrollmentState::Exited);
    EXPECT_THAT(exited.exitReason, HasSubstr("already enrolled"));
    EXPECT_EQ(store->get<Enrollment>(enrollments[2]).state, EnrollmentState::Completed);
    EXPECT_EQ(store->get<Enrollment>(enrollments[2]).contactId, keep.id);
    // The follow-up rules see the merged history.
    FixedClock clock{toInstant(ymd(2026, 11, 23), TimeOfDay{600}, "UTC")};
    FollowUpQueue queue{*store, clock};
    EXPECT_EQ(queue.statusOf(keep.id, ymd(2026, 11, 23)).lastTouch, ymd(2026, 11, 12));
}

TEST_F(Merging, UnmergePutsBothBackExactly) {
    const auto before = snapshot();
    ContactMerger merger{*store};
    const auto undo = merger.merge(keep.id, other.id);
    EXPECT_NE(snapshot(), before);
    merger.unmerge(undo);
    EXPECT_EQ(snapshot(), before);
    // And again: merge, undo, redo.
    const auto again = merger.merge(keep.id, other.id);
    EXPECT_EQ(again.removed.id, other.id);
    merger.unmerge(again);
    EXPECT_EQ(snapshot(), before);
}

TEST_F(Merging, IsOneTransaction) {
    const auto before = snapshot();
    ContactMerger merger{*store};
    EXPECT_THROW(merger.merge(keep.id, 999), ValidationError);
    EXPECT_THROW(merger.merge(keep.id, keep.id), ValidationError);
    EXPECT_EQ(snapshot(), before);
    // An unmerge that cannot be applied (the id was taken again) changes nothing either.
    const auto undo = merger.merge(keep.id, other.id);
    const auto merged = snapshot();
    Contact squatter;
    squatter.id = other.id;
    squatter.displayName = "Squatter";
    squatter.createdOn = ymd(2026, 1, 1);
    store->add(squatter);
    const auto withSquatter = snapshot();
    EXPECT_THROW(merger.unmerge(undo), ValidationError);
    EXPECT_EQ(snapshot(), withSquatter);
    (void)merged;
}

TEST(ContactMergerRules, CombinedPrefersTheKeptValues) {
    Contact a;
    a.displayName = "A";
    a.cadenceNever = true;
    a.createdOn = ymd(2026, 1, 2);
    a.nextFollowUp = ymd(2026, 12, 5);
    Contact b;
    b.displayName = "A";
    b.cadenceDays = 7;
    b.createdOn = ymd(2026, 1, 3);
    b.nextFollowUp = ymd(2026, 12, 1);
    b.snoozedUntil = ymd(2026, 12, 2);
    const auto c = ContactMerger::combined(a, b);
    EXPECT_TRUE(c.cadenceNever);
    EXPECT_FALSE(c.cadenceDays);
    EXPECT_EQ(c.createdOn, ymd(2026, 1, 2));
    EXPECT_EQ(c.nextFollowUp, ymd(2026, 12, 1));  // the earlier plan
    EXPECT_EQ(c.snoozedUntil, ymd(2026, 12, 2));
    EXPECT_EQ(c.notes, "");  // nothing of b needed a note
}

}  // namespace
