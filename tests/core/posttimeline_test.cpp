// PostTimeline holds the posts in memory for the calendar; it must answer exactly as
// effectivePosts does from the file, after every kind of edit the app makes.

#include "core/posttimeline.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "calendarfixture.h"
#include "core/recurrence.h"
#include "core/timeutil.h"

using namespace rapport::core;
using namespace rapport::test;

namespace {

// A post as one line with every field, so a difference names itself in the failure message.
std::string describe(const Post& p) {
    std::ostringstream out;
    out << p.id << " '" << p.title << "' '" << p.body << "' ch" << p.channelId << " "
        << toString(p.purpose) << " " << toString(p.status) << " "
        << (p.scheduledAt ? formatInstant(*p.scheduledAt) : "-") << " c" << p.campaignId.value_or(0)
        << " n" << p.nicheId.value_or(0) << " g" << p.goalId.value_or(0) << " '" << p.link << "' "
        << p.results.comments << "/" << p.results.replies << "/" << p.results.shares << "/"
        << p.results.clicks << "/" << p.results.conversions << " s" << p.seriesId.value_or(0)
        << " @" << (p.occurrenceDate ? formatDate(*p.occurrenceDate) : "-") << " t"
        << p.topicIdeaId.value_or(0);
    return out.str();
}

std::vector<std::string> describe(const std::vector<Post>& posts) {
    std::vector<std::string> out;
    out.reserve(posts.size());
    for (const auto& p : posts) {
        out.push_back(describe(p));
    }
    return out;
}

// The timeline and the file agree on each of these ranges: a day, a week, a month grid, one
// across the spring clock change and one across the autumn one.
void expectSameAsStore(PostTimeline& timeline, Store& store) {
    const std::pair<Date, Date> ranges[] = {
        {ymd(2026, 3, 2), ymd(2026, 3, 2)},     {ymd(2026, 3, 9), ymd(2026, 3, 15)},
        {ymd(2026, 2, 23), ymd(2026, 4, 5)},    {ymd(2026, 3, 28), ymd(2026, 3, 30)},
        {ymd(2026, 10, 24), ymd(2026, 10, 26)}, {ymd(2026, 1, 1), ymd(2026, 12, 31)},
    };
    for (const auto& [from, to] : ranges) {
        SCOPED_TRACE(formatDate(from) + " to " + formatDate(to));
        EXPECT_EQ(describe(timeline.effectivePosts(from, to)),
                  describe(effectivePosts(store, from, to)));
    }
    EXPECT_TRUE(timeline.isCurrent());
}

struct Fixture {
    CalendarWorkspace w;
    Series monday = CalendarWorkspace::weekly(ymd(2026, 3, 2), kMon, "09:00");
    Post templ = w.post("Keyword Monday", w.at(ymd(2026, 3, 2), "09:00"));
    Id single = 0;

    Fixture() {
        monday.id = w.addSeries(monday, templ);
        templ.seriesId = monday.id;
        Post moved = occurrencePost(templ, monday, ymd(2026, 3, 16), w.zone());
        moved.scheduledAt = w.at(ymd(2026, 3, 17), "10:00");
        saveOccurrence(*w.store, moved);
        skipOccurrence(*w.store, monday.id, ymd(2026, 3, 23));
        Post draft = occurrencePost(templ, monday, ymd(2026, 3, 30), w.zone());
        draft.status = PostStatus::Draft;
        draft.scheduledAt.reset();
        saveOccurrence(*w.store, draft);
        single = w.addPost(w.post("A single post", w.at(ymd(2026, 3, 10), "12:00")));
        w.addPost(w.post("An idea without a time", {}, Purpose::Value, PostStatus::Idea));
        w.addPost(w.post("Late night", w.at(ymd(2026, 3, 29), "23:30")));
    }
};

}  // namespace

TEST(PostTimeline, AnswersAsTheStoreDoes) {
    Fixture f;
    PostTimeline timeline(*f.w.store);
    EXPECT_FALSE(timeline.isCurrent());  // nothing read before the first use
    expectSameAsStore(timeline, *f.w.store);
    // The template, three exceptions (one without a time) and two posts; the idea without a
    // time belongs to no day and is not held.
    EXPECT_EQ(timeline.size(), 6u);
}

TEST(PostTimeline, FollowsEachEditTheCalendarMakes) {
    Fixture f;
    Store& store = *f.w.store;
    PostTimeline timeline(store);
    expectSameAsStore(timeline, store);

    {
        SCOPED_TRACE("a post moved, retitled and given results");
        auto p = store.get<Post>(f.single);
        p.scheduledAt = f.w.at(ymd(2026, 3, 12), "08:15");
        p.title = "Moved and renamed";
        p.status = PostStatus::Published;
        p.results.replies = 4;
        store.update(p);
        EXPECT_FALSE(timeline.isCurrent());
        expectSameAsStore(timeline, store);
    }
    {
        SCOPED_TRACE("a post removed");
        store.remove<Post>(f.single);
        expectSameAsStore(timeline, store);
    }
    {
        SCOPED_TRACE("an occurrence saved, one skipped");
        Post edited = occurrencePost(f.templ, f.monday, ymd(2026, 3, 9), f.w.zone());
        edited.title = "Keyword Monday: near me";
        saveOccurrence(store, edited);
        skipOccurrence(store, f.monday.id, ymd(2026, 4, 6));
        expectSameAsStore(timeline, store);
    }
    {
        SCOPED_TRACE("the template edited");
        auto series = store.get<Series>(f.monday.id);
        auto templ = *seriesTemplate(store, series.id);
        templ.title = "Keyword Monday, new words";
        store.update(templ);
        expectSameAsStore(timeline, store);
    }
    {
        SCOPED_TRACE("this and all following, with a new rule");
        Post edited = *seriesTemplate(store, f.monday.id);
        edited.purpose = Purpose::Conversation;
        Series rule = f.monday;
        rule.weekdays = kMon | kThu;
        splitSeries(store, f.monday.id, ymd(2026, 3, 23), edited, rule);
        expectSameAsStore(timeline, store);
    }
    {
        SCOPED_TRACE("a niche removed clears it from its posts without a post announcement");
        store.remove<Niche>(f.w.seoId);
        expectSameAsStore(timeline, store);
    }
    {
        SCOPED_TRACE("a series removed takes its posts with it");
        const auto all = store.list<Series>();
        ASSERT_FALSE(all.empty());
        store.remove<Series>(all.front().id);
        expectSameAsStore(timeline, store);
    }
    {
        SCOPED_TRACE("the workspace's zone changed");
        auto info = store.info();
        info.timeZone = "America/New_York";
        store.setInfo(info);
        expectSameAsStore(timeline, store);
    }
    {
        SCOPED_TRACE("another connection changed the file");
        store.db().exec("UPDATE posts SET title = title || ' (restored)'");
        store.announceExternalChange();
        expectSameAsStore(timeline, store);
    }
}

TEST(PostTimeline, ARollbackLeavesItAsTheFile) {
    Fixture f;
    Store& store = *f.w.store;
    PostTimeline timeline(store);
    expectSameAsStore(timeline, store);
    EXPECT_THROW(store.transaction([&] {
        auto p = store.get<Post>(f.single);
        p.title = "Never kept";
        store.update(p);
        throw std::runtime_error("cancelled");
    }),
                 std::runtime_error);
    EXPECT_TRUE(timeline.isCurrent());  // nothing was announced
    expectSameAsStore(timeline, store);
}

// Many random edits in a row, each followed by the comparison: the order of edits the hand-made
// test above does not think of.
TEST(PostTimeline, StaysTheSameAsTheFileThroughRandomEdits) {
    Fixture f;
    Store& store = *f.w.store;
    PostTimeline timeline(store);
    std::mt19937 random(20261126);
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    const auto someDay = [&] { return addDays(ymd(2026, 2, 20), pick(60)); };
    std::vector<Id> posts{f.single};
    for (int step = 0; step < 150; ++step) {
        SCOPED_TRACE("step " + std::to_string(step));
        switch (pick(8)) {
            case 0: {
                Post p = f.w.post("Post " + std::to_string(step),
                                  f.w.at(someDay(), pick(2) ? "09:00" : "18:45"),
                                  pick(3) ? Purpose::Value : Purpose::Promotion);
                if (pick(4) == 0) {
                    p.status = PostStatus::Idea;
                    p.scheduledAt.reset();
                }
                posts.push_back(f.w.addPost(p));
                break;
            }
            case 1: {
                auto p = store.find<Post>(
                    posts[static_cast<std::size_t>(pick(static_cast<int>(posts.size())))]);
                if (p && p->scheduledAt) {
                    p->scheduledAt = f.w.at(someDay(), "07:30");
                    p->body += " more";
                    store.update(*p);
                }
                break;
            }
            case 2: {
                const auto i = static_cast<std::size_t>(pick(static_cast<int>(posts.size())));
                if (store.find<Post>(posts[i])) {
                    store.remove<Post>(posts[i]);
                }
                break;
            }
            case 3: {
                const auto dates = occurrenceDates(f.monday, someDay(), ymd(2026, 5, 1));
                if (!dates.empty()) {
                    Post o = occurrencePost(f.templ, f.monday, dates.front(), f.w.zone());
                    o.scheduledAt = f.w.at(addDays(dates.front(), pick(3)), "11:00");
                    saveOccurrence(store, o);
                }
                break;
            }
            case 4: {
                const auto dates = occurrenceDates(f.monday, someDay(), ymd(2026, 5, 1));
                if (!dates.empty()) {
                    skipOccurrence(store, f.monday.id, dates.front());
                }
                break;
            }
            case 5: {
                // A new series of its own, on a random weekday and time.
                auto rule = CalendarWorkspace::weekly(someDay(), 1u << pick(7),
                                                      pick(2) ? "08:00" : "17:30");
                Post templ = f.w.post("Series " + std::to_string(step), std::nullopt);
                templ.scheduledAt = f.w.at(rule.startDate, "08:00");
                f.w.addSeries(rule, templ);
                break;
            }
            case 6: {
                // A series' rule changed in place, or the series removed with its posts.
                auto all = store.list<Series>();
                auto& series = all[static_cast<std::size_t>(pick(static_cast<int>(all.size())))];
                if (series.id != f.monday.id && pick(2) == 0) {
                    store.remove<Series>(series.id);
                } else if (series.id != f.monday.id) {
                    series.time = TimeOfDay{pick(24) * 60};
                    store.update(series);
                }
                break;
            }
            default:
                // A restore elsewhere: announced as a Reset.
                if (pick(3) == 0) {
                    store.announceExternalChange();
                }
                break;
        }
        if (step % 5 == 0) {
            expectSameAsStore(timeline, store);
        }
    }
    expectSameAsStore(timeline, store);
}

// The first read may run on a worker: what changed while it read is taken in afterwards, and a
// snapshot that comes after the timeline has read everything itself is not used.
TEST(PostTimeline, ASnapshotReadElsewhereIsBroughtUpToDate) {
    Fixture f;
    Store& store = *f.w.store;
    PostTimeline timeline(store);
    const auto ticket = timeline.expectSnapshot();
    EXPECT_NE(ticket, 0u);
    // An edit before the read: in the snapshot, and noted as well.
    auto p = store.get<Post>(f.single);
    p.title = "Before the read";
    store.update(p);
    PostSnapshot snapshot = PostTimeline::read(store);
    EXPECT_EQ(snapshot.posts.size(), static_cast<std::size_t>(store.count<Post>()));
    // Edits after the read, which the snapshot does not hold.
    p.scheduledAt = f.w.at(ymd(2026, 3, 3), "06:00");
    p.title = "After the read";
    store.update(p);
    const Id added =
        f.w.addPost(f.w.post("Added after the read", f.w.at(ymd(2026, 3, 4), "08:00")));
    skipOccurrence(store, f.monday.id, ymd(2026, 3, 9));
    EXPECT_FALSE(timeline.isLoaded());

    timeline.adopt(ticket, std::move(snapshot));
    EXPECT_TRUE(timeline.isLoaded());
    EXPECT_FALSE(timeline.isCurrent());  // the edits since wait for the next use
    expectSameAsStore(timeline, store);
    EXPECT_EQ(timeline.effectivePosts(ymd(2026, 3, 4), ymd(2026, 3, 4)).front().id, added);

    {
        SCOPED_TRACE("a niche removed while a snapshot is read: everything is read again");
        PostTimeline other(store);
        const auto t = other.expectSnapshot();
        PostSnapshot early = PostTimeline::read(store);
        store.remove<Niche>(f.w.seoId);
        other.adopt(t, std::move(early));
        expectSameAsStore(other, store);
    }
    {
        SCOPED_TRACE("a late snapshot is ignored");
        PostTimeline other(store);
        const auto t = other.expectSnapshot();
        PostSnapshot late = PostTimeline::read(store);
        store.remove<Post>(added);
        expectSameAsStore(other, store);  // needed before the snapshot came: read itself
        other.adopt(t, std::move(late));
        expectSameAsStore(other, store);
    }
}

// After a restore on another connection (a Reset), the timeline can be read again on a worker
// too; until the snapshot comes it never answers from what it held before.
TEST(PostTimeline, AfterAResetASnapshotReplacesWhatWasHeld) {
    Fixture f;
    Store& store = *f.w.store;
    PostTimeline timeline(store);
    expectSameAsStore(timeline, store);
    EXPECT_FALSE(timeline.needsFullRead());
    EXPECT_EQ(timeline.expectSnapshot(), 0u);  // nothing to do while current
    store.db().exec("UPDATE posts SET title = title || ' (restored)'");
    store.announceExternalChange();
    EXPECT_TRUE(timeline.needsFullRead());

    const auto ticket = timeline.expectSnapshot();
    PostSnapshot snapshot = PostTimeline::read(store);
    auto p = store.get<Post>(f.single);
    p.title = "Edited after the restore";
    store.update(p);
    EXPECT_TRUE(timeline.needsFullRead());  // the old posts are not used meanwhile
    timeline.adopt(ticket, std::move(snapshot));
    EXPECT_FALSE(timeline.needsFullRead());
    expectSameAsStore(timeline, store);

    {
        SCOPED_TRACE("a second Reset while the snapshot is read");
        store.announceExternalChange();
        const auto t = timeline.expectSnapshot();
        PostSnapshot early = PostTimeline::read(store);
        store.db().exec("UPDATE posts SET body = 'changed behind its back'");
        store.announceExternalChange();
        timeline.adopt(t, std::move(early));
        EXPECT_TRUE(timeline.needsFullRead());
        expectSameAsStore(timeline, store);
    }
    {
        SCOPED_TRACE("a second snapshot asked for while the first is read: only it counts");
        store.announceExternalChange();
        const auto first = timeline.expectSnapshot();
        PostSnapshot old = PostTimeline::read(store);
        store.db().exec("UPDATE posts SET title = 'After a second restore'");
        store.announceExternalChange();
        const auto second = timeline.expectSnapshot();
        EXPECT_NE(first, second);
        PostSnapshot fresh = PostTimeline::read(store);
        timeline.adopt(first, std::move(old));  // the first worker finishes first
        EXPECT_TRUE(timeline.needsFullRead());
        timeline.adopt(second, std::move(fresh));
        EXPECT_FALSE(timeline.needsFullRead());
        expectSameAsStore(timeline, store);
    }
}

// Another connection (the command line, or a worker) writes without this store announcing
// anything: the next use sees the file's version count move and reads everything again.
TEST(PostTimeline, SeesWhatAnotherConnectionWrote) {
    TempDir dir;
    const auto path = dir.file("work.rapport");
    Id postId = 0;
    {
        auto store = Store::open(path);
        Channel x = sampleChannel("X");
        const Id channel = store->add(x);
        Post p;
        p.title = "First words";
        p.channelId = channel;
        p.status = PostStatus::Scheduled;
        p.scheduledAt = toInstant(ymd(2026, 3, 10), TimeOfDay{9 * 60}, "UTC");
        postId = store->add(p);
    }
    auto store = Store::open(path);
    PostTimeline timeline(*store);
    ASSERT_EQ(timeline.effectivePosts(ymd(2026, 3, 1), ymd(2026, 3, 31)).size(), 1u);
    EXPECT_FALSE(timeline.changedElsewhere());

    auto other = Store::openConnection(path);
    auto p = other->get<Post>(postId);
    p.title = "Changed by another program";
    other->update(p);

    // The use sees it by itself.
    const auto posts = timeline.effectivePosts(ymd(2026, 3, 1), ymd(2026, 3, 31));
    ASSERT_EQ(posts.size(), 1u);
    EXPECT_EQ(posts.front().title, "Changed by another program");
    EXPECT_FALSE(timeline.changedElsewhere());
    // And a caller that keeps results of its own can ask.
    p.title = "Changed by another program again";
    other->update(p);
    EXPECT_TRUE(timeline.changedElsewhere());
    EXPECT_EQ(timeline.effectivePosts(ymd(2026, 3, 1), ymd(2026, 3, 31)).front().title,
              "Changed by another program again");
    // This connection's own writes are announced, not counted as another's.
    p.title = "Changed here";
    store->update(p);
    EXPECT_FALSE(timeline.changedElsewhere());
    expectSameAsStore(timeline, *store);
}
