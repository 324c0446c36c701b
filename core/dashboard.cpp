#include "core/dashboard.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/recurrence.h"
#include "core/store.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

void addFirst(QueueSummary& q, const std::vector<FollowUpItem>& items) {
    for (const auto& item : items) {
        if (static_cast<int>(q.first.size()) >= Dashboard::kQueueNames) {
            return;
        }
        QueueSummary::Entry e;
        e.contactId = item.contactId;
        e.displayName = item.displayName;
        e.bucket = item.bucket;
        e.due = item.status.due.value_or(Date{});
        if (!item.status.reasons.empty()) {
            e.reason = FollowUpQueue::describe(item.status.reasons.front());
        }
        q.first.push_back(std::move(e));
    }
}

int goalOrder(GoalStatus s) {
    return s == GoalStatus::Active ? 0 : 1;
}

nlohmann::json optionalId(const std::optional<Id>& id) {
    return id ? nlohmann::json(*id) : nlohmann::json();
}

}  // namespace

int DashboardFigures::weekPostCount() const {
    int n = 0;
    for (const auto& d : week) {
        n += static_cast<int>(d.posts.size());
    }
    return n;
}

DashboardFigures Dashboard::compute(std::optional<Date> day) {
    DashboardFigures f;
    const auto zone = m_store.timeZone();
    f.today = day.value_or(localDate(m_clock.now(), zone));

    // Who needs you.
    {
        FollowUpQueue queue{m_store, m_clock};
        const auto q = queue.forDay(f.today);
        f.queue.overdue = static_cast<int>(q.overdue.size());
        f.queue.today = static_cast<int>(q.today.size());
        f.queue.thisWeek = static_cast<int>(q.thisWeek.size());
        addFirst(f.queue, q.overdue);
        addFirst(f.queue, q.today);
        addFirst(f.queue, q.thisWeek);
    }

    // What goes out this week.
    std::map<Id, std::string> channelNames;
    for (const auto& c : m_store.list<Channel>()) {
        channelNames[c.id] = c.name;
    }
    {
        const Date last = addDays(f.today, kWeekDays - 1);
        for (int i = 0; i < kWeekDays; ++i) {
            f.week.push_back(DayPosts{addDays(f.today, i), {}});
        }
        for (const auto& p : effectivePosts(m_store, f.today, last)) {
            if (p.status == PostStatus::Skipped || !p.scheduledAt) {
                continue;
            }
            const int index = daysBetween(f.today, localDate(*p.scheduledAt, zone));
            if (index < 0 || index >= kWeekDays) {
                continue;
            }
            WeekPost w;
            w.id = p.id;
            w.seriesId = p.seriesId;
            w.title = p.title;
            w.channelId = p.channelId;
            w.channelName = channelNames[p.channelId];
            w.purpose = p.purpose;
            w.status = p.status;
            w.at = *p.scheduledAt;
            f.week[static_cast<std::size_t>(index)].posts.push_back(std::move(w));
        }
    }

    // How the goals stand.
    {
        GoalProgress progress{m_store, m_clock};
        for (const auto& g : m_store.list<Goal>()) {
            if (g.status == GoalStatus::Abandoned) {
                continue;
            }
            f.goals.push_back(
                GoalCard{g, GoalProgress::assess(g, progress.valueAsOf(g, f.today), f.today)});
        }
        std::stable_sort(f.goals.begin(), f.goals.end(), [](const GoalCard& a, const GoalCard& b) {
            const int oa = goalOrder(a.goal.status);
            const int ob = goalOrder(b.goal.status);
            if (oa != ob) {
                return oa < ob;
            }
            if (a.goal.deadline != b.goal.deadline) {
                return a.goal.deadline < b.goal.deadline;
            }
            return a.goal.title < b.goal.title;
        });
    }

    // Whether the plan is value first.
    {
        f.mixFrom = f.today;
        f.mixTo = addDays(f.today, kMixDays - 1);
        MixAdvisor advisor{m_store};
        const auto report = advisor.advise(f.mixFrom, f.mixTo);
        for (const auto& n : report.niches) {
            f.mix.push_back(MixCard{n, 0, {}, {}});
        }
        const auto cardOf = [&](const std::optional<Id>& niche) -> MixCard* {
            for (auto& c : f.mix) {
                if (c.mix.nicheId == niche) {
                    return &c;
                }
            }
            return nullptr;
        };
        std::map<const MixCard*, std::array<std::string, 4>> firstMessage;
        for (std::size_t i = 0; i < report.posts.size(); ++i) {
            const auto& flags = report.flags[i];
            if (flags.empty()) {
                continue;
            }
            MixCard* card = cardOf(report.posts[i].nicheId);
            if (card == nullptr) {
                continue;  // a post that does not count toward the mix (an idea or draft)
            }
            ++card->flaggedPosts;
            for (const auto& flag : flags) {
                const auto k = static_cast<std::size_t>(flag.kind);
                if (card->broken[k]++ == 0) {
                    firstMessage[card][k] = flag.message;
                }
            }
        }
        for (auto& card : f.mix) {
            const auto it = firstMessage.find(&card);
            if (it == firstMessage.end()) {
                continue;
            }
            for (const auto& m : it->second) {
                if (!m.empty()) {
                    card.messages.push_back(m);
                }
            }
        }
    }
    return f;
}

nlohmann::json toJson(const DashboardFigures& f) {
    using nlohmann::json;
    json out;
    out["date"] = formatDate(f.today);

    json first = json::array();
    for (const auto& e : f.queue.first) {
        first.push_back({{"contact", e.contactId},
                         {"name", e.displayName},
                         {"bucket", toString(e.bucket)},
                         {"due", formatDate(e.due)},
                         {"reason", e.reason}});
    }
    out["queue"] = {{"overdue", f.queue.overdue},
                    {"today", f.queue.today},
                    {"thisWeek", f.queue.thisWeek},
                    {"needsYou", f.queue.needsYou()},
                    {"first", first}};

    json week = json::array();
    for (const auto& d : f.week) {
        json posts = json::array();
        for (const auto& p : d.posts) {
            posts.push_back({{"id", p.id},
                             {"series", optionalId(p.seriesId)},
                             {"title", p.title},
                             {"channel", p.channelName},
                             {"purpose", toString(p.purpose)},
                             {"status", toString(p.status)},
                             {"at", formatInstant(p.at)}});
        }
        week.push_back({{"date", formatDate(d.day)}, {"count", d.posts.size()}, {"posts", posts}});
    }
    out["week"] = week;
    out["weekPosts"] = f.weekPostCount();

    json goals = json::array();
    for (const auto& c : f.goals) {
        json goal = goalJson(c.goal, c.report);
        goal["started"] = c.report.started;
        goal["ended"] = c.report.ended;
        goals.push_back(std::move(goal));
    }
    out["goals"] = goals;

    json mix = json::array();
    for (const auto& c : f.mix) {
        json byPurpose = json::object();
        for (std::size_t i = 0; i < c.mix.byPurpose.size(); ++i) {
            byPurpose[std::string{toString(static_cast<Purpose>(i))}] = c.mix.byPurpose[i];
        }
        json broken = json::object();
        for (std::size_t i = 0; i < c.broken.size(); ++i) {
            if (c.broken[i] > 0) {
                broken[std::string{flagName(static_cast<FlagKind>(i))}] = c.broken[i];
            }
        }
        mix.push_back({{"niche", optionalId(c.mix.nicheId)},
                       {"name", c.mix.name},
                       {"value", c.mix.value},
                       {"promotional", c.mix.promotional},
                       {"valueShare", c.mix.valueShare()},
                       {"byPurpose", byPurpose},
                       {"flaggedPosts", c.flaggedPosts},
                       {"broken", broken},
                       {"messages", c.messages}});
    }
    out["mix"] = {{"from", formatDate(f.mixFrom)}, {"to", formatDate(f.mixTo)}, {"niches", mix}};
    return out;
}

nlohmann::json goalJson(const Goal& g, const GoalReport& r) {
    using nlohmann::json;
    return {{"id", g.id},
            {"title", g.title},
            {"metric", toString(g.metric)},
            {"status", toString(g.status)},
            {"deadline", formatDate(g.deadline)},
            {"baseline", g.baseline},
            {"target", g.target},
            {"current", r.current},
            {"progress", r.progress},
            {"elapsed", r.elapsed},
            {"onTrack", r.onTrack},
            {"forecast", r.forecast ? json(*r.forecast) : json()},
            {"vanity", r.vanity}};
}

}  // namespace rapport::core
