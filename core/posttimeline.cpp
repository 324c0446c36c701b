#include "core/posttimeline.h"

#include <algorithm>
#include <limits>

#include "core/localdays.h"
#include "core/recurrence.h"
#include "core/tables.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

// Kinds of records whose removal the schema carries into posts without announcing each post:
// a series takes its template and exceptions with it (ON DELETE CASCADE); a niche, campaign,
// goal or topic idea is cleared from its posts (ON DELETE SET NULL).
bool removalTouchesPosts(Entity entity) {
    switch (entity) {
        case Entity::Series:
        case Entity::Niche:
        case Entity::Campaign:
        case Entity::Goal:
        case Entity::TopicIdea:
            return true;
        default:
            return false;
    }
}

// More changed posts than this and one read of everything costs less than reading each.
constexpr std::size_t kReadEachUpTo = 2'000;

}  // namespace

PostTimeline::PostTimeline(Store& store)
    : m_store(store), m_subscription(store.subscribe([this](const Change& c) { onChange(c); })) {}

void PostTimeline::onChange(const Change& change) {
    if (m_expecting != 0) {
        // Noted for the snapshot on its way, which may have been read before this change.
        note(change, m_snapshotStale);
    } else if (m_loaded && !m_reload) {
        note(change, m_reload);
    }
    // Otherwise everything is read on the next use anyway.
}

void PostTimeline::note(const Change& change, bool& readEverything) {
    if (change.entity == Entity::Post) {
        if (change.kind == ChangeKind::Reset) {
            readEverything = true;
        } else {
            m_changed.insert(change.id);
        }
    } else if (change.kind == ChangeKind::Removed && removalTouchesPosts(change.entity)) {
        readEverything = true;
    } else if (change.entity == Entity::Series) {
        m_seriesStale = true;
    }
    // A Reset of any kind comes with one of the posts (Store::bulkTransaction announces every
    // kind), which reads everything; other kinds of record are not part of a post.
}

void PostTimeline::bringUpToDate() {
    changedElsewhere();
    if (!m_loaded || m_reload || m_changed.size() > kReadEachUpTo) {
        loadAll();
        return;
    }
    if (m_seriesStale) {
        m_series = m_store.list<Series>();
        m_seriesStale = false;
    }
    for (const Id id : m_changed) {
        forget(id);
        if (auto post = m_store.find<Post>(id)) {
            take(std::move(*post));
        }
    }
    m_changed.clear();
}

void PostTimeline::loadAll() {
    m_expecting = 0;  // this read is newer than any snapshot on its way
    m_changed.clear();
    m_reload = false;
    m_seriesStale = false;
    m_readVersion = dataVersion();
    install(read(m_store));
}

PostSnapshot PostTimeline::read(Store& connection) {
    PostSnapshot snapshot;
    // One transaction, so the series and the posts are of one moment.
    connection.transaction([&] {
        snapshot.series = connection.list<Series>();
        snapshot.posts.reserve(static_cast<std::size_t>(connection.count<Post>()));
        // In the file's order: one sequential scan; the map puts them in time order.
        auto s = connection.db().prepare(RAPPORT_POST_COLUMNS);
        while (s.step()) {
            snapshot.posts.push_back(readPost(s));
        }
    });
    return snapshot;
}

std::uint64_t PostTimeline::expectSnapshot() {
    if (!needsFullRead()) {
        return 0;
    }
    // A snapshot asked for earlier may have been read before what made this one necessary:
    // only the newest is taken in.
    m_expecting = ++m_ticket;
    m_expectedVersion = dataVersion();
    m_changed.clear();
    m_seriesStale = false;
    m_snapshotStale = false;
    return m_expecting;
}

void PostTimeline::adopt(std::uint64_t ticket, PostSnapshot snapshot) {
    if (ticket == 0 || ticket != m_expecting) {
        return;
    }
    m_expecting = 0;
    install(std::move(snapshot));
    // What changed while the worker read stays noted in m_changed and m_seriesStale, and is
    // taken in by the next use; a change that touches many posts means reading again, and so
    // does a commit by another connection since the snapshot was asked for.
    m_reload = m_snapshotStale;
    m_readVersion = m_expectedVersion;
}

bool PostTimeline::changedElsewhere() {
    if (!m_loaded || m_reload || dataVersion() == m_readVersion) {
        return false;
    }
    m_reload = true;
    return true;
}

std::int64_t PostTimeline::dataVersion() {
    auto s = m_store.db().prepare("PRAGMA data_version");
    return s.step() ? s.integer(0) : 0;
}

void PostTimeline::install(PostSnapshot snapshot) {
    m_timed.clear();
    m_templates.clear();
    m_exceptions.clear();
    m_places.clear();
    m_places.reserve(snapshot.posts.size());
    m_series = std::move(snapshot.series);
    // Taken in time order, so the map's nodes lie in memory in the order a range reads them
    // (in the file's order, reading a month was twice as slow) and each goes in at the end.
    std::vector<std::pair<Key, std::size_t>> order;
    order.reserve(snapshot.posts.size());
    for (std::size_t i = 0; i < snapshot.posts.size(); ++i) {
        const auto& at = snapshot.posts[i].scheduledAt;
        order.emplace_back(
            Key{at ? at->time_since_epoch().count() : std::numeric_limits<std::int64_t>::min(),
                snapshot.posts[i].id},
            i);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [key, i] : order) {
        take(std::move(snapshot.posts[i]));
    }
    m_loaded = true;
}

void PostTimeline::take(Post post) {
    Place place;
    const Id id = post.id;
    if (post.seriesId && !post.occurrenceDate) {
        place.seriesId = *post.seriesId;
        place.isTemplate = true;
        m_templates[place.seriesId].insert_or_assign(id, std::move(post));
        m_places[id] = place;
        return;
    }
    if (post.seriesId) {
        place.seriesId = *post.seriesId;
        m_exceptions[place.seriesId].insert_or_assign(id, post);
    }
    if (post.scheduledAt) {
        const Key key{post.scheduledAt->time_since_epoch().count(), id};
        place.timed = key;
        m_timed.insert_or_assign(m_timed.end(), key, std::move(post));
    }
    if (place.timed || place.seriesId != 0) {
        m_places[id] = place;
    }
}

void PostTimeline::forget(Id id) {
    const auto it = m_places.find(id);
    if (it == m_places.end()) {
        return;
    }
    const Place& place = it->second;
    if (place.timed) {
        m_timed.erase(*place.timed);
    }
    if (place.seriesId != 0) {
        auto& bySeries = place.isTemplate ? m_templates : m_exceptions;
        if (const auto series = bySeries.find(place.seriesId); series != bySeries.end()) {
            series->second.erase(id);
            if (series->second.empty()) {
                bySeries.erase(series);
            }
        }
    }
    m_places.erase(it);
}

std::size_t PostTimeline::size() {
    bringUpToDate();
    std::size_t n = 0;
    for (const auto& [series, templates] : m_templates) {
        n += templates.size();
    }
    // Exceptions with a time are in m_timed too; those without one are counted here.
    for (const auto& [series, exceptions] : m_exceptions) {
        n += static_cast<std::size_t>(
            std::count_if(exceptions.begin(), exceptions.end(),
                          [](const auto& e) { return !e.second.scheduledAt; }));
    }
    return n + m_timed.size();
}

std::vector<Post> PostTimeline::effectivePosts(Date from, Date to) {
    bringUpToDate();
    LocalDays days{m_store.timeZone()};
    const auto start = days.instantOf(from, TimeOfDay{0}).time_since_epoch().count();
    const auto end = days.instantOf(addDays(to, 1), TimeOfDay{0}).time_since_epoch().count();

    const auto first = m_timed.lower_bound(Key{start, std::numeric_limits<Id>::min()});
    const auto last = m_timed.lower_bound(Key{end, std::numeric_limits<Id>::min()});
    std::vector<Post> out;
    // Room for the series' occurrences too, which are merged in below.
    out.reserve(static_cast<std::size_t>(std::distance(first, last)) + 1024);
    for (auto it = first; it != last; ++it) {
        out.push_back(it->second);
    }

    const std::size_t real = out.size();
    std::vector<Post> exceptions;
    for (const auto& series : m_series) {
        if (!overlaps(series, from, to)) {
            continue;
        }
        const auto dates = occurrenceDates(series, from, to);
        if (dates.empty()) {
            continue;
        }
        // The template with the lowest id, as seriesTemplate reads it.
        const auto templates = m_templates.find(series.id);
        const Post* templ = templates != m_templates.end() && !templates->second.empty()
                                ? &templates->second.begin()->second
                                : nullptr;
        exceptions.clear();
        if (const auto e = m_exceptions.find(series.id); e != m_exceptions.end()) {
            for (const auto& [id, post] : e->second) {
                if (!(*post.occurrenceDate < from) && !(to < *post.occurrenceDate)) {
                    exceptions.push_back(post);
                }
            }
        }
        appendOccurrences(out, series, dates, templ, exceptions, days, std::nullopt);
    }
    mergeInTimeOrder(out, real);
    return out;
}

}  // namespace rapport::core
