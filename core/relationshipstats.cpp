#include "core/relationshipstats.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/localdays.h"
#include "core/store.h"
#include "core/tables.h"
#include "core/timeutil.h"

namespace rapport::core {

int StagePoint::total() const {
    int n = 0;
    for (const int c : byStage) {
        n += c;
    }
    return n;
}

Date weekStartOf(Date day) {
    const date::weekday wd{date::sys_days{day}};
    // Monday is 1 in date's encoding (Sunday 0); ISO weeks start on Monday.
    const int back = static_cast<int>((wd.c_encoding() + 6) % 7);
    return addDays(day, -back);
}

RelationshipFigures RelationshipStats::compute(std::optional<Date> day, int weeks, int top) {
    if (weeks < 1) {
        throw ValidationError("Relationship figures", "weeks", "must be at least 1");
    }
    const Date today = day.value_or(localDate(m_clock.now(), m_store.timeZone()));
    RelationshipFigures f;
    f.from = addDays(weekStartOf(today), -7 * (weeks - 1));
    f.to = addDays(weekStartOf(today), 6);
    f.stages = stagesOverTime(f.from, weeks);
    f.inbound = inboundPerWeek(f.from, weeks);
    f.topPosts = topPosts(top);
    NurtureEngine engine{m_store, m_clock};
    f.funnels = engine.funnels();
    std::stable_sort(f.funnels.begin(), f.funnels.end(), [](const Funnel& a, const Funnel& b) {
        return a.sequenceName < b.sequenceName;
    });
    return f;
}

std::vector<StagePoint> RelationshipStats::stagesOverTime(Date firstMonday, int weeks) {
    std::vector<StagePoint> points(static_cast<std::size_t>(std::max(weeks, 0)));
    if (points.empty()) {
        return points;
    }
    // The Sunday of each week, as stored text: ISO dates sort as text, so a row's week is
    // found without parsing it.
    std::vector<std::string> sundays;
    for (int w = 0; w < weeks; ++w) {
        points[static_cast<std::size_t>(w)].weekStart = addDays(firstMonday, 7 * w);
        sundays.push_back(formatDate(addDays(firstMonday, 7 * w + 6)));
    }
    // Per stage, +1 at the first week an entry holds and -1 at the week the next entry takes
    // over; a running sum gives each week's counts.
    constexpr std::size_t kStages = enumCount<Stage>();
    std::vector<std::array<int, kStages>> diff(points.size() + 1);
    const auto weekOf = [&](const std::string& day) {
        return static_cast<std::size_t>(std::lower_bound(sundays.begin(), sundays.end(), day) -
                                        sundays.begin());
    };
    auto s = m_store.db().prepare(
        "SELECT contact_id, changed_on, stage FROM stage_changes WHERE changed_on <= ?1 "
        "ORDER BY contact_id, changed_on");
    s.bind(1, sundays.back());
    Id contact = 0;
    std::size_t fromWeek = 0;
    std::size_t stage = 0;
    bool open = false;
    const auto close = [&](std::size_t untilWeek) {
        if (open && fromWeek < untilWeek) {
            ++diff[fromWeek][stage];
            --diff[untilWeek][stage];
        }
    };
    while (s.step()) {
        const Id id = s.integer(0);
        const auto week = weekOf(s.text(1));
        const auto parsed = parseEnum<Stage>(s.text(2));
        if (id != contact) {
            close(points.size());
            contact = id;
            open = false;
        } else {
            close(week);
        }
        fromWeek = week;
        stage = static_cast<std::size_t>(parsed.value_or(Stage::Looker));
        open = true;
    }
    close(points.size());
    std::unordered_set<Id> withHistory;
    {
        auto h = m_store.db().prepare("SELECT DISTINCT contact_id FROM stage_changes");
        while (h.step()) {
            withHistory.insert(h.integer(0));
        }
    }
    // A contact without history has been at its stage since its created date.
    auto c =
        m_store.db().prepare("SELECT id, created_on, stage FROM contacts WHERE created_on <= ?1");
    c.bind(1, sundays.back());
    while (c.step()) {
        if (withHistory.count(c.integer(0)) > 0) {
            continue;
        }
        const auto k =
            static_cast<std::size_t>(parseEnum<Stage>(c.text(2)).value_or(Stage::Looker));
        ++diff[weekOf(c.text(1))][k];
    }
    std::array<int, kStages> running{};
    for (std::size_t w = 0; w < points.size(); ++w) {
        for (std::size_t k = 0; k < kStages; ++k) {
            running[k] += diff[w][k];
            points[w].byStage[k] = running[k];
        }
    }
    return points;
}

std::vector<WeekCount> RelationshipStats::inboundPerWeek(Date firstMonday, int weeks) {
    const LocalDays days{m_store.timeZone()};
    std::vector<WeekCount> out;
    for (int w = 0; w < weeks; ++w) {
        const Date monday = addDays(firstMonday, 7 * w);
        const auto from = days.startOf(monday).time_since_epoch().count();
        const auto to = days.startOf(addDays(monday, 7)).time_since_epoch().count();
        auto s = m_store.db().prepare(
            "SELECT count(*) FROM interactions WHERE at >= ?1 AND at < ?2 "
            "AND direction = 'inbound'");
        s.bind(1, std::int64_t{from}).bind(2, std::int64_t{to});
        out.push_back(WeekCount{monday, s.step() ? s.int32(0) : 0});
    }
    return out;
}

std::vector<PostConversations> RelationshipStats::topPosts(int limit) {
    std::vector<PostConversations> out;
    if (limit <= 0) {
        return out;
    }
    auto s = m_store.db().prepare(
        "SELECT i.post_id, count(*) AS n, count(DISTINCT i.contact_id), p.title, "
        "coalesce(c.name, ''), p.scheduled_at FROM interactions i "
        "JOIN posts p ON p.id = i.post_id LEFT JOIN channels c ON c.id = p.channel_id "
        "WHERE i.post_id IS NOT NULL AND i.direction = 'inbound' "
        "GROUP BY i.post_id ORDER BY n DESC, i.post_id LIMIT ?1");
    s.bind(1, limit);
    while (s.step()) {
        PostConversations p;
        p.postId = s.integer(0);
        p.interactions = s.int32(1);
        p.contacts = s.int32(2);
        p.title = s.text(3);
        p.channelName = s.text(4);
        if (const auto at = s.optInteger(5)) {
            p.at = Instant{std::chrono::seconds{*at}};
        }
        out.push_back(std::move(p));
    }
    return out;
}

void recordStageChange(Store& store, Id contactId, Stage stage, Date on) {
    if (!store.find<Contact>(contactId)) {
        throw ValidationError("Contact " + std::to_string(contactId), "id", "no such contact");
    }
    store.transaction([&] {
        // The first entry keeps where the contact stood from its created date.
        auto first = store.db().prepare(
            "INSERT OR IGNORE INTO stage_changes (contact_id, changed_on, stage) "
            "SELECT id, created_on, stage FROM contacts WHERE id = ?1");
        first.bind(1, contactId);
        first.run();
        auto s = store.db().prepare(
            "INSERT OR REPLACE INTO stage_changes (contact_id, changed_on, stage) "
            "VALUES (?1, ?2, ?3)");
        s.bind(1, contactId).bind(2, formatDate(on)).bind(3, toString(stage));
        s.run();
    });
}

nlohmann::json toJson(const RelationshipFigures& f) {
    using nlohmann::json;
    json stages = json::array();
    for (const auto& p : f.stages) {
        json counts = json::object();
        for (std::size_t k = 0; k < p.byStage.size(); ++k) {
            counts[std::string{toString(static_cast<Stage>(k))}] = p.byStage[k];
        }
        stages.push_back({{"week", formatDate(p.weekStart)}, {"stages", counts}});
    }
    json inbound = json::array();
    for (const auto& w : f.inbound) {
        inbound.push_back({{"week", formatDate(w.weekStart)}, {"count", w.count}});
    }
    json top = json::array();
    for (const auto& p : f.topPosts) {
        top.push_back({{"post", p.postId},
                       {"title", p.title},
                       {"channel", p.channelName},
                       {"at", p.at ? json(formatInstant(*p.at)) : json()},
                       {"interactions", p.interactions},
                       {"contacts", p.contacts}});
    }
    json funnels = json::array();
    for (const auto& fu : f.funnels) {
        funnels.push_back({{"sequence", fu.sequenceId},
                           {"name", fu.sequenceName},
                           {"enrolled", fu.enrolled},
                           {"phase1Done", fu.phase1Done},
                           {"qualified", fu.qualified},
                           {"offered", fu.offered},
                           {"converted", fu.converted}});
    }
    return {{"from", formatDate(f.from)}, {"to", formatDate(f.to)}, {"stagesOverTime", stages},
            {"inboundPerWeek", inbound},  {"topPosts", top},        {"funnels", funnels}};
}

}  // namespace rapport::core
