#include "core/goalprogress.h"

#include <algorithm>

#include "core/store.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

// The goal's period as instants: from the start date's first local second to the end of the
// deadline day (or of `asOf` when that comes first), in the workspace's zone.
std::pair<std::int64_t, std::int64_t> periodBounds(const Goal& g, const std::string& zone,
                                                   std::optional<Date> asOf) {
    const Date last = asOf ? std::min(g.deadline, *asOf) : g.deadline;
    const auto from = toInstant(g.startDate, TimeOfDay{0}, zone);
    const auto to = toInstant(addDays(last, 1), TimeOfDay{0}, zone);
    return {from.time_since_epoch().count(), to.time_since_epoch().count()};
}

double scalar(sql::Statement& s) {
    return s.step() ? s.real(0) : 0.0;
}

}  // namespace

double GoalProgress::currentValue(const Goal& g) {
    return value(g, std::nullopt);
}

double GoalProgress::valueAsOf(const Goal& g, Date asOf) {
    const Date today = localDate(m_clock.now(), m_store.timeZone());
    return value(g, asOf < today ? std::optional<Date>{asOf} : std::nullopt);
}

double GoalProgress::value(const Goal& g, std::optional<Date> asOf) {
    auto& db = m_store.db();
    const auto zone = m_store.timeZone();
    const std::optional<Id> niche = g.nicheId;
    switch (g.metric) {
        case MetricKind::Relationships: {
            if (asOf) {
                // A contact's stage on a past day: its latest history entry on or before it
                // (core/relationshipstats.h); without one, its current stage.
                auto s = db.prepare(
                    "SELECT count(*) FROM contacts c WHERE c.created_on <= ?2 "
                    "AND (?1 IS NULL OR c.niche_id = ?1) AND coalesce((SELECT h.stage FROM "
                    "stage_changes h WHERE h.contact_id = c.id AND h.changed_on <= ?2 "
                    "ORDER BY h.changed_on DESC LIMIT 1), c.stage) IN ('relationship', "
                    "'customer', 'advocate')");
                s.bind(1, niche).bind(2, formatDate(*asOf));
                return scalar(s);
            }
            auto s = db.prepare(
                "SELECT count(*) FROM contacts WHERE stage IN ('relationship', 'customer', "
                "'advocate') AND (?1 IS NULL OR niche_id = ?1)");
            s.bind(1, niche);
            return scalar(s);
        }
        case MetricKind::Conversations: {
            // Without a niche, the partial index on inbound interactions answers alone (schema
            // v5); a join to contacts would look up every one of them.
            const auto [from, to] = periodBounds(g, zone, asOf);
            auto s = db.prepare(
                "SELECT count(*) FROM interactions i "
                "WHERE i.direction = 'inbound' AND i.at >= ?2 AND i.at < ?3 "
                "AND (?1 IS NULL OR i.contact_id IN (SELECT id FROM contacts WHERE niche_id = "
                "?1))");
            s.bind(1, niche).bind(2, from).bind(3, to);
            return scalar(s);
        }
        case MetricKind::Conversions: {
            const auto [from, to] = periodBounds(g, zone, asOf);
            auto s = db.prepare(
                "SELECT count(DISTINCT i.contact_id) FROM interactions i "
                "WHERE i.kind = 'purchase' AND i.at >= ?2 AND i.at < ?3 "
                "AND (?1 IS NULL OR i.contact_id IN (SELECT id FROM contacts WHERE niche_id = "
                "?1))");
            s.bind(1, niche).bind(2, from).bind(3, to);
            return scalar(s);
        }
        case MetricKind::Engagement: {
            const auto [from, to] = periodBounds(g, zone, asOf);
            auto s = db.prepare(
                "SELECT coalesce(sum(comments + replies + shares), 0) FROM posts "
                "WHERE status = 'published' AND scheduled_at >= ?2 AND scheduled_at < ?3 "
                "AND (?1 IS NULL OR niche_id = ?1)");
            s.bind(1, niche).bind(2, from).bind(3, to);
            return scalar(s);
        }
        case MetricKind::AudienceSize:
        case MetricKind::Custom:
            return g.manualValue.value_or(g.baseline);
    }
    return g.baseline;
}

GoalReport GoalProgress::assess(const Goal& g, double current, Date today) {
    GoalReport r;
    r.current = current;
    r.vanity = g.metric == MetricKind::AudienceSize;
    r.manual = g.metric == MetricKind::AudienceSize || g.metric == MetricKind::Custom;
    const double span = g.target - g.baseline;
    r.progress = span == 0 ? 0.0 : std::clamp((current - g.baseline) / span, 0.0, 1.0);

    const auto total = daysBetween(g.startDate, g.deadline);
    const auto done = daysBetween(g.startDate, today);
    r.started = done >= 0;
    r.ended = daysBetween(g.deadline, today) > 0;
    r.elapsed = total <= 0 ? 1.0 : std::clamp(static_cast<double>(done) / total, 0.0, 1.0);
    r.onTrack = r.progress >= r.elapsed;
    if (r.ended) {
        r.forecast = current;
    } else if (r.started && r.elapsed > 0) {
        r.forecast = g.baseline + (current - g.baseline) / r.elapsed;
    } else if (r.started) {
        r.forecast = current;  // day one: nothing to extrapolate from yet
    }
    return r;
}

GoalReport GoalProgress::report(const Goal& g) {
    const Date today = localDate(m_clock.now(), m_store.timeZone());
    return assess(g, currentValue(g), today);
}

std::string GoalProgress::vanityNote() {
    return "A follower count is a number, not a relationship: followers who never talk back "
           "do not buy, refer or stay. Count the people you are building relationships with.";
}

MetricKind GoalProgress::suggestedReplacement(MetricKind metric) {
    return metric == MetricKind::AudienceSize ? MetricKind::Relationships : metric;
}

}  // namespace rapport::core
