#pragma once
// A small fixed workspace for the dashboard, relationship figures and weekly review tests, with
// "now" on Wednesday 2026-11-25 11:00 in Berlin (ISO week 2026-W48, Monday 23 to Sunday 29).
//
// Contacts (created 2026-10-01 unless said):
//   Ada Lovelace  relationship (looker, engaged 11-05, relationship 11-18); inbound comment on
//                 "Keyword basics" 11-20; enrolled in "Reader to client" 11-23, its phase-1 step
//                 done 11-24 (an outbound comment at midday); qualified by her stage, so
//                 "Share the guide" is due 11-26 (this week).
//   Ben Okri      engaged; inbound reply on "Keyword basics" 11-10, inbound comment on
//                 "How I pick keywords" 11-23: a reply owed since 11-23 (overdue).
//   Cleo Park     customer, created 11-01 (engaged, customer 11-20); follow-up planned 11-25.
//   Dan Brown     looker; nothing due.
//   Eve Adams     engaged, created 11-14; no interactions: cadence due 11-28 (this week).
//   Finn Grey     follower; inbound comment 11-23 and direct message 11-24 on "How I pick
//                 keywords": a reply owed since 11-24 (overdue).
// Posts: "Keyword basics" value, published 11-20; "How I pick keywords" conversation, published
// 11-23; "Audit checklist" resource, scheduled 11-26; "Buy my course" promotion, scheduled 11-27
// (breaks earn-first: 3 value posts of 5); "Weekend idea" draft; "Skipped post" skipped 11-28;
// "Newsletter #12" value, no niche, scheduled 12-02.
// Goals: "Grow real relationships" (relationships 0 -> 4, 11-01..12-31), "Start conversations"
// (conversations 0 -> 20, 11-01..11-30), "Old abandoned goal" (abandoned).

#include "core/clock.h"
#include "core/entities.h"
#include "core/nurtureengine.h"
#include "core/relationshipstats.h"
#include "core/store.h"
#include "core/timeutil.h"

namespace rapport::test {

struct ReviewIds {
    core::Id x = 0, blog = 0, niche = 0;
    core::Id ada = 0, ben = 0, cleo = 0, dan = 0, eve = 0, finn = 0;
    core::Id keywordBasics = 0, pickKeywords = 0, audit = 0, course = 0, idea = 0, skipped = 0,
             newsletter = 0;
    core::Id relationshipsGoal = 0, conversationsGoal = 0, abandonedGoal = 0;
    core::Id sequence = 0, enrollment = 0;
};

inline core::Instant reviewNow() {
    return *core::parseInstant("2026-11-25T10:00:00Z");
}

inline ReviewIds buildReviewWorkspace(core::Store& store, const core::Clock& clock) {
    using namespace rapport::core;
    const auto at = [](const char* text) { return *parseInstant(text); };
    const auto day = [](const char* text) { return *parseDate(text); };
    ReviewIds ids;
    store.setInfo({"Review test", "Europe/Berlin"});

    Channel x;
    x.name = "X";
    x.kind = ChannelKind::X;
    ids.x = store.add(x);
    Channel blog;
    blog.name = "Blog";
    blog.kind = ChannelKind::Blog;
    ids.blog = store.add(blog);
    Niche niche;
    niche.name = "SEO readers";
    niche.topic = "Search engine optimisation";
    ids.niche = store.add(niche);

    const auto goal = [&](const char* title, MetricKind metric, double target, const char* from,
                          const char* to, GoalStatus status) {
        Goal g;
        g.title = title;
        g.metric = metric;
        g.baseline = 0;
        g.target = target;
        g.startDate = day(from);
        g.deadline = day(to);
        g.status = status;
        return store.add(g);
    };
    ids.relationshipsGoal = goal("Grow real relationships", MetricKind::Relationships, 4,
                                 "2026-11-01", "2026-12-31", GoalStatus::Active);
    ids.conversationsGoal = goal("Start conversations", MetricKind::Conversations, 20, "2026-11-01",
                                 "2026-11-30", GoalStatus::Active);
    ids.abandonedGoal = goal("Old abandoned goal", MetricKind::Relationships, 10, "2026-01-01",
                             "2026-06-30", GoalStatus::Abandoned);

    const auto post = [&](const char* title, Purpose purpose, PostStatus status, const char* when,
                          bool inNiche, Id channel) {
        Post p;
        p.title = title;
        p.channelId = channel;
        p.purpose = purpose;
        p.status = status;
        if (when != nullptr) {
            p.scheduledAt = at(when);
        }
        if (inNiche) {
            p.nicheId = ids.niche;
        }
        store.add(p);
        return p;
    };
    auto basics = post("Keyword basics", Purpose::Value, PostStatus::Published,
                       "2026-11-20T08:00:00Z", true, ids.blog);
    basics.results = {4, 1, 0, 0, 0};
    store.update(basics);
    ids.keywordBasics = basics.id;
    auto pick = post("How I pick keywords", Purpose::Conversation, PostStatus::Published,
                     "2026-11-23T08:00:00Z", true, ids.x);
    pick.results = {6, 2, 1, 10, 0};
    store.update(pick);
    ids.pickKeywords = pick.id;
    ids.audit = post("Audit checklist", Purpose::Resource, PostStatus::Scheduled,
                     "2026-11-26T08:00:00Z", true, ids.blog)
                    .id;
    ids.course = post("Buy my course", Purpose::Promotion, PostStatus::Scheduled,
                      "2026-11-27T17:00:00Z", true, ids.x)
                     .id;
    ids.idea = post("Weekend idea", Purpose::Value, PostStatus::Draft, nullptr, true, ids.x).id;
    ids.skipped = post("Skipped post", Purpose::Value, PostStatus::Skipped, "2026-11-28T09:00:00Z",
                       true, ids.x)
                      .id;
    ids.newsletter = post("Newsletter #12", Purpose::Value, PostStatus::Scheduled,
                          "2026-12-02T09:00:00Z", false, ids.blog)
                         .id;

    const auto contact = [&](const char* name, Stage stage, const char* created) {
        Contact c;
        c.displayName = name;
        c.stage = stage;
        c.createdOn = day(created);
        return store.add(c);
    };
    ids.ada = contact("Ada Lovelace", Stage::Relationship, "2026-10-01");
    ids.ben = contact("Ben Okri", Stage::Engaged, "2026-10-01");
    {
        Contact cleo;
        cleo.displayName = "Cleo Park";
        cleo.stage = Stage::Customer;
        cleo.createdOn = day("2026-11-01");
        cleo.nextFollowUp = day("2026-11-25");
        ids.cleo = store.add(cleo);
    }
    ids.dan = contact("Dan Brown", Stage::Looker, "2026-10-01");
    ids.eve = contact("Eve Adams", Stage::Engaged, "2026-11-14");
    ids.finn = contact("Finn Grey", Stage::Follower, "2026-10-01");

    recordStageChange(store, ids.ada, Stage::Looker, day("2026-10-01"));
    recordStageChange(store, ids.ada, Stage::Engaged, day("2026-11-05"));
    recordStageChange(store, ids.ada, Stage::Relationship, day("2026-11-18"));
    recordStageChange(store, ids.cleo, Stage::Engaged, day("2026-11-01"));
    recordStageChange(store, ids.cleo, Stage::Customer, day("2026-11-20"));

    const auto inbound = [&](Id contactId, const char* when, InteractionKind kind, Id postId) {
        Interaction i;
        i.contactId = contactId;
        i.at = at(when);
        i.kind = kind;
        i.direction = Direction::Inbound;
        i.postId = postId;
        store.add(i);
    };
    inbound(ids.ada, "2026-11-20T09:00:00Z", InteractionKind::Comment, ids.keywordBasics);
    inbound(ids.ben, "2026-11-10T10:00:00Z", InteractionKind::Reply, ids.keywordBasics);
    inbound(ids.ben, "2026-11-23T12:00:00Z", InteractionKind::Comment, ids.pickKeywords);
    inbound(ids.finn, "2026-11-23T18:00:00Z", InteractionKind::Comment, ids.pickKeywords);
    inbound(ids.finn, "2026-11-24T15:00:00Z", InteractionKind::DirectMessage, ids.pickKeywords);

    Sequence s;
    s.name = "Reader to client";
    s.minInbound = 1;
    s.steps = {{0, 1, 1, "Comment on their post", InteractionKind::Comment, {}, 0},
               {0, 2, 1, "Share the guide", InteractionKind::Email, {}, 2}};
    ids.sequence = store.add(s);
    NurtureEngine engine{store, clock};
    ids.enrollment = engine.enroll(ids.ada, ids.sequence, day("2026-11-23")).id;
    engine.markDone(ids.enrollment, day("2026-11-24"));
    return ids;
}

}  // namespace rapport::test
