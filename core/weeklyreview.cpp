#include "core/weeklyreview.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include <date/iso_week.h>

#include "core/followupqueue.h"
#include "core/goalprogress.h"
#include "core/localdays.h"
#include "core/recurrence.h"
#include "core/store.h"
#include "core/timeutil.h"

namespace rapport::core {

// ---- ISO weeks ------------------------------------------------------------------------------

std::optional<IsoWeek> IsoWeek::parse(std::string_view text) {
    // Exactly "YYYY-Www".
    if (text.size() != 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')) {
        return std::nullopt;
    }
    const auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    const auto year = digits(0, 4);
    const auto week = digits(6, 2);
    if (!year || !week || *year < 1 || *week < 1) {
        return std::nullopt;
    }
    const auto last = iso_week::year_lastweek{iso_week::year{*year}}.weeknum();
    if (static_cast<unsigned>(*week) > static_cast<unsigned>(last)) {
        return std::nullopt;
    }
    return IsoWeek{*year, *week};
}

IsoWeek IsoWeek::of(Date day) {
    const iso_week::year_weeknum_weekday w{date::sys_days{day}};
    return IsoWeek{static_cast<int>(w.year()),
                   static_cast<int>(static_cast<unsigned>(w.weeknum()))};
}

std::string IsoWeek::text() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
    return buf;
}

Date IsoWeek::monday() const {
    const iso_week::year_weeknum_weekday w{iso_week::year{year},
                                           iso_week::weeknum{static_cast<unsigned>(week)},
                                           iso_week::weekday{1u}};
    return Date{date::sys_days{w}};
}

Date IsoWeek::sunday() const {
    return addDays(monday(), 6);
}

// ---- the review -----------------------------------------------------------------------------

WeeklyReview WeeklyReviewBuilder::build(IsoWeek week) {
    WeeklyReview r;
    r.week = week;
    r.from = week.monday();
    r.to = week.sunday();
    const auto zone = m_store.timeZone();
    r.workspaceName = m_store.info().name;
    r.timeZone = zone;
    const Date today = localDate(m_clock.now(), zone);
    r.asOf = std::min(today, r.to);
    LocalDays days{zone};
    const auto fromAt = days.startOf(r.from).time_since_epoch().count();
    const auto toAt = days.startOf(addDays(r.to, 1)).time_since_epoch().count();
    auto& db = m_store.db();

    // Goals, as they stand at the end of the week (or today while it runs).
    {
        GoalProgress progress{m_store, m_clock};
        for (const auto& g : m_store.list<Goal>()) {
            if (g.status == GoalStatus::Abandoned) {
                continue;
            }
            r.goals.push_back(
                GoalCard{g, GoalProgress::assess(g, progress.valueAsOf(g, r.asOf), r.asOf)});
        }
        std::stable_sort(r.goals.begin(), r.goals.end(), [](const GoalCard& a, const GoalCard& b) {
            if ((a.goal.status == GoalStatus::Active) != (b.goal.status == GoalStatus::Active)) {
                return a.goal.status == GoalStatus::Active;
            }
            if (a.goal.deadline != b.goal.deadline) {
                return a.goal.deadline < b.goal.deadline;
            }
            return a.goal.title < b.goal.title;
        });
    }

    // The week's posts and their results.
    {
        std::map<Id, std::string> channels;
        for (const auto& c : m_store.list<Channel>()) {
            channels[c.id] = c.name;
        }
        std::map<Id, std::string> niches;
        for (const auto& n : m_store.list<Niche>()) {
            niches[n.id] = n.name;
        }
        for (auto& p : effectivePosts(m_store, r.from, r.to)) {
            if (p.status == PostStatus::Skipped || !p.scheduledAt) {
                continue;
            }
            ReviewPost rp;
            rp.channelName = channels[p.channelId];
            rp.nicheName = p.nicheId ? niches[*p.nicheId] : std::string{};
            if (p.id != 0) {
                auto s = db.prepare(
                    "SELECT count(*) FROM interactions WHERE post_id = ?1 "
                    "AND direction = 'inbound'");
                s.bind(1, p.id);
                rp.conversations = s.step() ? s.int32(0) : 0;
            }
            r.totals.comments += p.results.comments;
            r.totals.replies += p.results.replies;
            r.totals.shares += p.results.shares;
            r.totals.clicks += p.results.clicks;
            r.totals.conversions += p.results.conversions;
            rp.post = std::move(p);
            r.posts.push_back(std::move(rp));
        }
    }

    // Conversations: who wrote to you, and how you answered.
    {
        auto s = db.prepare(
            "SELECT i.contact_id, c.display_name, c.stage, "
            "sum(i.direction = 'inbound'), sum(i.direction = 'outbound'), max(i.at) "
            "FROM interactions i JOIN contacts c ON c.id = i.contact_id "
            "WHERE i.at >= ?1 AND i.at < ?2 GROUP BY i.contact_id");
        s.bind(1, std::int64_t{fromAt}).bind(2, std::int64_t{toAt});
        while (s.step()) {
            ReviewConversation c;
            c.contactId = s.integer(0);
            c.displayName = s.text(1);
            c.stage = parseEnum<Stage>(s.text(2)).value_or(Stage::Looker);
            c.inbound = s.int32(3);
            c.outbound = s.int32(4);
            c.last = Instant{std::chrono::seconds{s.integer(5)}};
            r.inbound += c.inbound;
            r.outbound += c.outbound;
            if (c.inbound > 0) {
                r.conversations.push_back(std::move(c));
            }
        }
        std::sort(r.conversations.begin(), r.conversations.end(),
                  [](const ReviewConversation& a, const ReviewConversation& b) {
                      if (a.inbound != b.inbound) {
                          return a.inbound > b.inbound;
                      }
                      if (a.displayName != b.displayName) {
                          return a.displayName < b.displayName;
                      }
                      return a.contactId < b.contactId;
                  });
    }

    // Follow-ups done: what you sent in the week.
    {
        auto s = db.prepare(
            "SELECT i.contact_id, c.display_name, i.at, i.kind, i.note "
            "FROM interactions i JOIN contacts c ON c.id = i.contact_id "
            "WHERE i.at >= ?1 AND i.at < ?2 AND i.direction = 'outbound' ORDER BY i.at, i.id");
        s.bind(1, std::int64_t{fromAt}).bind(2, std::int64_t{toAt});
        while (s.step()) {
            FollowUpDone d;
            d.contactId = s.integer(0);
            d.displayName = s.text(1);
            d.on = days.dateOf(Instant{std::chrono::seconds{s.integer(2)}});
            d.kind = parseEnum<InteractionKind>(s.text(3)).value_or(InteractionKind::Other);
            d.note = s.text(4);
            r.followUpsDone.push_back(std::move(d));
        }
        std::stable_sort(r.followUpsDone.begin(), r.followUpsDone.end(),
                         [](const FollowUpDone& a, const FollowUpDone& b) {
                             if (a.on != b.on) {
                                 return a.on < b.on;
                             }
                             return a.displayName < b.displayName;
                         });
    }

    // Follow-ups missed: still overdue once the week is over (or today while it runs).
    if (today >= r.from) {
        FollowUpQueue queue{m_store, m_clock};
        const Date after = std::min(today, addDays(r.to, 1));
        for (const auto& item : queue.forDay(after).overdue) {
            FollowUpMissed m;
            m.contactId = item.contactId;
            m.displayName = item.displayName;
            m.due = item.status.due.value_or(Date{});
            if (!item.status.reasons.empty()) {
                m.reason = FollowUpQueue::describe(item.status.reasons.front());
            }
            r.followUpsMissed.push_back(std::move(m));
        }
    }

    // Sequence progress.
    {
        NurtureEngine engine{m_store, m_clock};
        std::map<Id, int> enrolled;
        {
            auto s = db.prepare(
                "SELECT sequence_id, count(*) FROM enrollments WHERE enrolled_on >= ?1 "
                "AND enrolled_on <= ?2 GROUP BY sequence_id");
            s.bind(1, formatDate(r.from)).bind(2, formatDate(r.to));
            while (s.step()) {
                enrolled[s.integer(0)] = s.int32(1);
            }
        }
        std::map<Id, std::pair<int, int>> steps;
        {
            auto s = db.prepare(
                "SELECT e.sequence_id, sum(es.skipped = 0), sum(es.skipped = 1) "
                "FROM enrollment_steps es JOIN enrollments e ON e.id = es.enrollment_id "
                "WHERE es.done_on >= ?1 AND es.done_on <= ?2 GROUP BY e.sequence_id");
            s.bind(1, formatDate(r.from)).bind(2, formatDate(r.to));
            while (s.step()) {
                steps[s.integer(0)] = {s.int32(1), s.int32(2)};
            }
        }
        for (auto& f : engine.funnels()) {
            ReviewSequence rs;
            rs.enrolled = enrolled[f.sequenceId];
            rs.stepsDone = steps[f.sequenceId].first;
            rs.stepsSkipped = steps[f.sequenceId].second;
            rs.funnel = std::move(f);
            r.sequences.push_back(std::move(rs));
        }
        std::stable_sort(r.sequences.begin(), r.sequences.end(),
                         [](const ReviewSequence& a, const ReviewSequence& b) {
                             return a.funnel.sequenceName < b.funnel.sequenceName;
                         });
    }

    RelationshipStats stats{m_store, m_clock};
    r.relationships = stats.compute(r.to);
    return r;
}

}  // namespace rapport::core
