// The Store API: create, read, update, delete and list every record, validation that names the
// field at fault, and change notifications.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::sampleChannel;
using rapport::test::sampleContact;
using rapport::test::sampleSequence;
using rapport::test::ymd;
using testing::HasSubstr;

namespace {

class StoreTest : public testing::Test {
protected:
    std::unique_ptr<Store> store = Store::openInMemory();

    // The field a ValidationError names, or "" when the call succeeded.
    template <class F>
    static std::string failingField(F&& f) {
        try {
            f();
        } catch (const ValidationError& e) {
            return e.field();
        }
        return "";
    }

    Id channel() {
        auto c = sampleChannel();
        return store->add(c);
    }
    Id niche() {
        Niche n;
        n.name = "SEO readers";
        n.topic = "SEO for small blogs";
        return store->add(n);
    }
};

}  // namespace

TEST_F(StoreTest, ChannelRoundTripsAndUpdates) {
    auto c = sampleChannel();
    c.handle = "@maya";
    c.dailyCap = 3;
    const Id id = store->add(c);
    EXPECT_GT(id, 0);
    auto got = store->get<Channel>(id);
    EXPECT_EQ(got.name, "X");
    EXPECT_EQ(got.charLimit, 280);
    EXPECT_EQ(got.dailyCap, 3);
    EXPECT_EQ(got.preferredTimes, c.preferredTimes);
    got.handle = "@maya_writes";
    got.charLimit.reset();
    store->update(got);
    EXPECT_EQ(store->get<Channel>(id).handle, "@maya_writes");
    EXPECT_FALSE(store->get<Channel>(id).charLimit);
    EXPECT_EQ(store->list<Channel>().size(), 1u);
    store->remove<Channel>(id);
    EXPECT_FALSE(store->find<Channel>(id));
    EXPECT_EQ(store->count<Channel>(), 0);
}

TEST_F(StoreTest, DefaultCharacterLimitsFollowTheKind) {
    EXPECT_EQ(Channel::defaultCharLimit(ChannelKind::X), 280);
    EXPECT_EQ(Channel::defaultCharLimit(ChannelKind::LinkedIn), 3000);
    EXPECT_EQ(Channel::defaultCharLimit(ChannelKind::Instagram), 2200);
    EXPECT_EQ(Channel::defaultCharLimit(ChannelKind::Facebook), 63206);
    EXPECT_FALSE(Channel::defaultCharLimit(ChannelKind::Blog));
    for (std::size_t k = 0; k < enumCount<ChannelKind>(); ++k) {
        const auto kind = static_cast<ChannelKind>(k);
        auto c = Channel::withDefaults(kind);
        EXPECT_EQ(c.charLimit, Channel::defaultCharLimit(kind));
        EXPECT_FALSE(c.preferredTimes.empty()) << toString(kind);
        c.name = std::string{toString(kind)};
        EXPECT_NO_THROW(store->add(c)) << toString(kind);  // the defaults pass validation
    }
}

TEST_F(StoreTest, EveryRecordKindRoundTrips) {
    const Id ch = channel();
    Niche n;
    n.name = "SEO readers";
    n.topic = "SEO";
    n.draw = "A teardown a week";
    n.gatherChannelIds = {ch};
    store->add(n);
    EXPECT_EQ(store->get<Niche>(n.id).gatherChannelIds, std::vector<Id>{ch});

    Goal g;
    g.title = "25 relationships";
    g.metric = MetricKind::Relationships;
    g.baseline = 4;
    g.target = 25;
    g.startDate = ymd(2026, 11, 1);
    g.deadline = ymd(2027, 2, 28);
    g.nicheId = n.id;
    store->add(g);
    EXPECT_EQ(store->get<Goal>(g.id).deadline, ymd(2027, 2, 28));

    Campaign camp;
    camp.name = "Book launch";
    camp.goalIds = {g.id};
    camp.nicheIds = {n.id};
    camp.mix = MixPolicy::fromPreset(MixPreset::FourOneOne);
    camp.cadence = {{ch, 5}};
    store->add(camp);
    const auto gotCamp = store->get<Campaign>(camp.id);
    EXPECT_EQ(gotCamp.mix, camp.mix);
    EXPECT_EQ(gotCamp.cadence, camp.cadence);
    EXPECT_EQ(gotCamp.goalIds, camp.goalIds);

    Series s;
    s.weekdays = 0b0001001;  // Monday and Thursday
    s.startDate = ymd(2026, 11, 2);
    s.count = 10;
    store->add(s);
    EXPECT_EQ(store->get<Series>(s.id).weekdays, 0b0001001u);

    Post p;
    p.title = "Keyword Monday";
    p.channelId = ch;
    p.status = PostStatus::Published;
    p.scheduledAt = toInstant(ymd(2026, 11, 2), TimeOfDay{540}, "Europe/Berlin");
    p.results = {3, 2, 1, 40, 1};
    p.seriesId = s.id;
    p.occurrenceDate = ymd(2026, 11, 2);
    p.link = "https://example.com/keywords";
    store->add(p);
    const auto gotPost = store->get<Post>(p.id);
    EXPECT_EQ(gotPost.scheduledAt, p.scheduledAt);
    EXPECT_EQ(gotPost.results, p.results);
    EXPECT_EQ(gotPost.occurrenceDate, p.occurrenceDate);

    auto c = sampleContact();
    c.cadenceDays = 10;
    c.nextFollowUp = ymd(2026, 12, 1);
    c.nicheId = n.id;
    store->add(c);
    const auto gotContact = store->get<Contact>(c.id);
    EXPECT_EQ(gotContact.handles, c.handles);
    EXPECT_EQ(gotContact.cadenceDays, 10);
    EXPECT_EQ(gotContact.nextFollowUp, c.nextFollowUp);

    Interaction i;
    i.contactId = c.id;
    i.at = *parseInstant("2026-11-20T10:00:00Z");
    i.kind = InteractionKind::DirectMessage;
    i.channelId = ch;
    i.postId = p.id;
    store->add(i);
    EXPECT_EQ(store->get<Interaction>(i.id).kind, InteractionKind::DirectMessage);

    auto seq = sampleSequence();
    store->add(seq);
    ASSERT_EQ(store->get<Sequence>(seq.id).steps.size(), 3u);

    Enrollment e;
    e.contactId = c.id;
    e.sequenceId = seq.id;
    e.enrolledOn = ymd(2026, 11, 10);
    e.currentStepId = seq.steps[1].id;
    e.nextDue = ymd(2026, 11, 13);
    e.stepsDone = {{seq.steps[0].id, ymd(2026, 11, 10), false}};
    store->add(e);
    EXPECT_EQ(store->get<Enrollment>(e.id).stepsDone, e.stepsDone);

    TopicIdea idea;
    idea.title = "How to pick keywords";
    idea.askedBy = {i.id};
    store->add(idea);
    p.topicIdeaId = idea.id;
    store->update(p);
    EXPECT_EQ(store->get<Post>(p.id).topicIdeaId, idea.id);

    EXPECT_FALSE(store->isEmpty());
    // Deleting a contact takes its interactions and enrollments with it.
    store->remove<Contact>(c.id);
    EXPECT_EQ(store->count<Interaction>(), 0);
    EXPECT_EQ(store->count<Enrollment>(), 0);
    EXPECT_TRUE(store->get<TopicIdea>(idea.id).askedBy.empty());
}

TEST_F(StoreTest, ValidationNamesTheField) {
    const Id ch = channel();
    struct Case {
        const char* field;
        std::function<void(Store&)> write;
    };
    const std::vector<Case> cases = {
        {"name",
         [](Store& s) {
             auto c = sampleChannel("");
             s.add(c);
         }},
        {"dailyCap",
         [](Store& s) {
             auto c = sampleChannel("Y");
             c.dailyCap = 0;
             s.add(c);
         }},
        {"name",
         [](Store& s) {
             auto c = sampleChannel("X");
             s.add(c);
         }},  // taken
        {"target",
         [](Store& s) {
             Goal g{0, "G", "", MetricKind::Conversations, 5, 5, ymd(2026, 1, 1), ymd(2026, 2, 1)};
             s.add(g);
         }},
        {"deadline",
         [](Store& s) {
             Goal g{0, "G", "", MetricKind::Conversations, 0, 5, ymd(2026, 3, 1), ymd(2026, 2, 1)};
             s.add(g);
         }},
        {"niche",
         [](Store& s) {
             Goal g{0, "G", "", MetricKind::Conversations, 0, 5, ymd(2026, 1, 1), ymd(2026, 2, 1)};
             g.nicheId = 42;
             s.add(g);
         }},
        {"link",
         [ch](Store& s) {
             Post p;
             p.title = "P";
             p.channelId = ch;
             p.link = "javascript:alert(1)";
             s.add(p);
         }},
        {"scheduledAt",
         [ch](Store& s) {
             Post p;
             p.title = "P";
             p.channelId = ch;
             p.status = PostStatus::Scheduled;
             s.add(p);
         }},
        {"results.clicks",
         [ch](Store& s) {
             Post p;
             p.title = "P";
             p.channelId = ch;
             p.results.clicks = -1;
             s.add(p);
         }},
        {"email",
         [](Store& s) {
             auto c = sampleContact();
             c.email = "sam at home";
             s.add(c);
         }},
        {"cadence",
         [](Store& s) {
             auto c = sampleContact();
             c.cadenceNever = true;
             c.cadenceDays = 7;
             s.add(c);
         }},
        {"contact",
         [](Store& s) {
             Interaction i;
             i.contactId = 77;
             s.add(i);
         }},
        {"steps",
         [](Store& s) {
             auto q = sampleSequence();
             q.steps.pop_back();  // no phase-2 step left
             s.add(q);
         }},
        {"steps[1].delayDays",
         [](Store& s) {
             auto q = sampleSequence();
             q.steps[1].delayDays = -2;
             s.add(q);
         }},
        {"assetLink",
         [](Store& s) {
             auto q = sampleSequence();
             q.assetLink = "chapter1.pdf";
             s.add(q);
         }},
        {"minInbound",
         [](Store& s) {
             auto q = sampleSequence();
             q.minInbound = -1;
             s.add(q);
         }},
        {"title",
         [](Store& s) {
             TopicIdea t;
             t.title = "  ";
             s.add(t);
         }},
        {"mix.ratioMaxPromo",
         [](Store& s) {
             Campaign c;
             c.name = "C";
             c.mix = {MixPreset::Custom, 5, 4, 6};
             s.add(c);
         }},
        {"weekdays",
         [](Store& s) {
             Series r;
             r.startDate = ymd(2026, 1, 1);
             s.add(r);
         }},
    };
    for (const auto& c : cases) {
        const auto before = store->isEmpty();
        EXPECT_EQ(failingField([&] { c.write(*store); }), c.field);
        EXPECT_EQ(store->isEmpty(), before);
    }
    EXPECT_EQ(store->count<Channel>(), 1);
    EXPECT_EQ(store->count<Goal>(), 0);
    EXPECT_EQ(store->count<Post>(), 0);
}

TEST_F(StoreTest, ValidationMessageIsASentence) {
    auto c = sampleContact();
    c.email = "nope";
    try {
        store->add(c);
        FAIL() << "accepted a bad email";
    } catch (const ValidationError& e) {
        EXPECT_EQ(std::string{e.what()}, "new contact: email is not an email address (\"nope\").");
        EXPECT_EQ(e.record(), "new contact");
    }
}

TEST_F(StoreTest, EmailAddressesNeedOneAtWithTextOnBothSides) {
    const std::vector<std::pair<std::string, bool>> cases = {
        {"maya@example.com", true},
        {"first.last+tag@mail.example.co.uk", true},
        {"bob@", false},
        {"@example.com", false},
        {"maya@localhost", true},
        {"bob@@example.com", false},
        {"bob@example.com@x", false},
        {"bob at example", false},
        {"bob @example.com", false},
        {"bob@exa\tmple.com", false},
    };
    for (const auto& [email, valid] : cases) {
        SCOPED_TRACE(email);
        auto c = sampleContact();
        c.email = email;
        if (valid) {
            EXPECT_GT(store->add(c), 0);
        } else {
            EXPECT_EQ(failingField([&] { store->add(c); }), "email");
        }
    }
}

TEST_F(StoreTest, UpdatingOrRemovingAMissingRecordIsRefused) {
    auto c = sampleContact();
    c.id = 999;
    EXPECT_EQ(failingField([&] { store->update(c); }), "id");
    EXPECT_EQ(failingField([&] { store->remove<Contact>(999); }), "id");
    EXPECT_EQ(failingField([&] { store->get<Contact>(999); }), "id");
}

TEST_F(StoreTest, AChannelWithPostsCannotBeDeleted) {
    const Id ch = channel();
    Post p;
    p.title = "P";
    p.channelId = ch;
    store->add(p);
    try {
        store->remove<Channel>(ch);
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_THAT(e.what(), HasSubstr("still has 1 posts"));
    }
    EXPECT_TRUE(store->find<Channel>(ch));
}

TEST_F(StoreTest, OneOpenEnrollmentPerContactAndSequence) {
    auto c = sampleContact();
    store->add(c);
    auto q = sampleSequence();
    store->add(q);
    Enrollment e{0, c.id, q.id, ymd(2026, 11, 1)};
    store->add(e);
    Enrollment again{0, c.id, q.id, ymd(2026, 11, 5)};
    EXPECT_EQ(failingField([&] { store->add(again); }), "contact");
    e.state = EnrollmentState::Completed;
    store->update(e);
    EXPECT_NO_THROW(store->add(again));
    Enrollment wrongStep{0, c.id, q.id, ymd(2026, 11, 5), EnrollmentState::Exited};
    wrongStep.currentStepId = 12345;
    EXPECT_EQ(failingField([&] { store->add(wrongStep); }), "currentStep");
}

TEST_F(StoreTest, EditingASequenceKeepsStepIdsSoEnrollmentsStayValid) {
    auto q = sampleSequence();
    store->add(q);
    const auto ids = std::vector<Id>{q.steps[0].id, q.steps[1].id, q.steps[2].id};
    auto c = sampleContact();
    store->add(c);
    Enrollment e{0, c.id, q.id, ymd(2026, 11, 1)};
    e.currentStepId = ids[1];
    e.stepsDone = {{ids[0], ymd(2026, 11, 1), false}};
    store->add(e);

    auto edited = store->get<Sequence>(q.id);
    std::swap(edited.steps[0].position, edited.steps[1].position);  // reorder phase 1
    edited.steps[1].delayDays = 5;
    edited.steps.push_back({0, 2, 2, "Ask what they thought", InteractionKind::Email, {}, 7});
    store->update(edited);

    const auto after = store->get<Sequence>(q.id);
    ASSERT_EQ(after.steps.size(), 4u);
    EXPECT_EQ(after.steps[0].id, ids[1]);  // now first in phase 1
    EXPECT_EQ(after.steps[0].delayDays, 5);
    EXPECT_EQ(after.steps[1].id, ids[0]);
    EXPECT_EQ(store->get<Enrollment>(e.id).currentStepId, ids[1]);
    EXPECT_EQ(store->get<Enrollment>(e.id).stepsDone.size(), 1u);
}

TEST_F(StoreTest, ChangesAreAnnouncedAfterCommitAndNotOnRollback) {
    std::vector<Change> seen;
    auto sub = store->subscribe([&](const Change& c) { seen.push_back(c); });
    auto c = sampleContact();
    store->add(c);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0], (Change{Entity::Contact, ChangeKind::Added, c.id}));

    c.stage = Stage::Relationship;
    store->update(c);
    EXPECT_EQ(seen.back(), (Change{Entity::Contact, ChangeKind::Updated, c.id}));

    // Inside a transaction nothing is heard until it commits...
    std::size_t heardInside = 0;
    store->transaction([&] {
        auto d = sampleContact("Dana");
        store->add(d);
        heardInside = seen.size();
    });
    EXPECT_EQ(heardInside, 2u);
    EXPECT_EQ(seen.size(), 3u);

    // ...and nothing at all when it rolls back.
    EXPECT_THROW(store->transaction([&] {
        auto e = sampleContact("Eve");
        store->add(e);
        throw std::runtime_error("changed my mind");
    }),
                 std::runtime_error);
    EXPECT_EQ(seen.size(), 3u);
    EXPECT_EQ(store->count<Contact>(), 2);

    store->remove<Contact>(c.id);
    EXPECT_EQ(seen.back(), (Change{Entity::Contact, ChangeKind::Removed, c.id}));

    sub.reset();
    auto f = sampleContact("Fay");
    store->add(f);
    EXPECT_EQ(seen.size(), 4u);  // no longer listening
}

TEST_F(StoreTest, WorkspaceInfoNeedsAKnownTimeZone) {
    store->setInfo({"Maya's launch", "America/New_York"});
    EXPECT_EQ(store->timeZone(), "America/New_York");
    EXPECT_EQ(failingField([&] { store->setInfo({"x", "Mars/Base"}); }), "timeZone");
    EXPECT_EQ(store->info().name, "Maya's launch");
}
