#include "core/recurrence.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "core/errors.h"
#include "core/localdays.h"
#include "core/tables.h"
#include "core/timeutil.h"
#include "core/validation.h"

namespace rapport::core {

namespace {

bool onWeekday(unsigned mask, Date d) {
    const unsigned iso = date::weekday{date::sys_days{d}}.iso_encoding();  // Monday 1 .. Sunday 7
    return ((mask >> (iso - 1)) & 1u) != 0;
}

Date monthlyDate(const Series& s, date::year_month ym) {
    const date::day last = (ym / date::last).day();
    const date::day want{static_cast<unsigned>(std::clamp(s.monthDay, 1, 31))};
    return Date{ym / std::min(want, last)};
}

// The first date of the rule on or after `d`, ignoring the end and the count; nullopt when the
// rule can produce no date at all (a weekly rule without weekdays).
std::optional<Date> firstOnOrAfter(const Series& s, Date d) {
    if (d < s.startDate) {
        d = s.startDate;
    }
    switch (s.frequency) {
        case Frequency::Weekly:
            for (int i = 0; i < 7; ++i) {
                const Date c = addDays(d, i);
                if (onWeekday(s.weekdays, c)) {
                    return c;
                }
            }
            return std::nullopt;
        case Frequency::EveryNDays: {
            const int n = std::max(1, s.intervalDays);
            const int k = (daysBetween(s.startDate, d) + n - 1) / n;
            return addDays(s.startDate, k * n);
        }
        case Frequency::Monthly: {
            const auto ym = d.year() / d.month();
            const Date c = monthlyDate(s, ym);
            return c < d ? monthlyDate(s, ym + date::months{1}) : c;
        }
    }
    return std::nullopt;
}

// Calls fn(date) for each occurrence in [from, to], within the end date and the count.
template <class Fn>
void forEachOccurrence(const Series& s, Date from, Date to, Fn fn) {
    Date hi = to;
    if (s.endDate && *s.endDate < hi) {
        hi = *s.endDate;
    }
    // With a count the place of an occurrence depends on all before it, so walk from the start;
    // the count bounds that walk. Without one, start at `from`.
    std::optional<Date> d = firstOnOrAfter(s, s.count ? s.startDate : std::max(from, s.startDate));
    long index = 0;
    while (d && *d <= hi && (!s.count || index < *s.count)) {
        if (!(*d < from)) {
            fn(*d);
        }
        ++index;
        d = firstOnOrAfter(s, addDays(*d, 1));
    }
}

std::vector<Post> postsOf(sql::Statement& s, std::size_t expected = 0) {
    std::vector<Post> out;
    out.reserve(expected);
    while (s.step()) {
        out.push_back(readPost(s));
    }
    return out;
}

std::optional<Id> exceptionAt(Store& store, Id seriesId, Date day) {
    auto s = store.db().prepare(
        "SELECT id FROM posts WHERE series_id = ?1 AND occurrence_date = ?2 ORDER BY id LIMIT 1");
    s.bind(1, seriesId).bind(2, formatDate(day));
    if (s.step()) {
        return s.integer(0);
    }
    return std::nullopt;
}

std::string seriesLabel(Id id) {
    return recordLabel(Entity::Series, id);
}

void requireOccurrence(const Series& series, Date day, const std::string& record) {
    if (!isOccurrence(series, day)) {
        throw ValidationError(
            record, "occurrenceDate",
            "is " + formatDate(day) + ", which is not an occurrence of " + seriesLabel(series.id));
    }
}

}  // namespace

bool inTimeOrder(const Post& a, const Post& b) {
    if (a.scheduledAt != b.scheduledAt) {
        return a.scheduledAt < b.scheduledAt;
    }
    if (a.id != b.id) {
        return a.id < b.id;
    }
    if (a.seriesId != b.seriesId) {
        return a.seriesId < b.seriesId;
    }
    return a.occurrenceDate < b.occurrenceDate;
}

std::vector<Date> occurrenceDates(const Series& series, Date from, Date to) {
    std::vector<Date> out;
    forEachOccurrence(series, from, to, [&](Date d) { out.push_back(d); });
    return out;
}

bool isOccurrence(const Series& series, Date day) {
    bool found = false;
    forEachOccurrence(series, day, day, [&](Date) { found = true; });
    return found;
}

std::vector<Date> firstOccurrences(const Series& series, std::size_t limit) {
    std::vector<Date> out;
    Date hi = series.endDate.value_or(Date{date::year{9999}, date::December, date::day{31}});
    std::optional<Date> d = firstOnOrAfter(series, series.startDate);
    while (d && *d <= hi && out.size() < limit &&
           (!series.count || out.size() < static_cast<std::size_t>(*series.count))) {
        out.push_back(*d);
        d = firstOnOrAfter(series, addDays(*d, 1));
    }
    return out;
}

Instant occurrenceInstant(const Series& series, Date day, std::string_view zone) {
    return toInstant(day, series.time, zone);
}

Post occurrencePost(const Post& templ, const Series& series, Date day, std::string_view zone) {
    Post p = templ;
    p.id = 0;
    p.seriesId = series.id;
    p.occurrenceDate = day;
    p.scheduledAt = occurrenceInstant(series, day, zone);
    // Results belong to a post that went out, never to the rule.
    p.results = {};
    return p;
}

std::optional<Post> seriesTemplate(Store& store, Id seriesId) {
    auto s = store.db().prepare(RAPPORT_POST_COLUMNS
                                " WHERE series_id = ?1 AND occurrence_date IS NULL "
                                "ORDER BY id LIMIT 1");
    s.bind(1, seriesId);
    if (s.step()) {
        return readPost(s);
    }
    return std::nullopt;
}

std::vector<Post> effectivePosts(Store& store, Date from, Date to, std::optional<Id> channelId) {
    auto& db = store.db();
    // One zone for every conversion here: looking it up by name per occurrence would cost more
    // than the occurrence itself.
    LocalDays days{store.timeZone()};
    const auto start = days.instantOf(from, TimeOfDay{0}).time_since_epoch().count();
    const auto end = days.instantOf(addDays(to, 1), TimeOfDay{0}).time_since_epoch().count();

    // Posts with a time in the range, exceptions included (wherever their occurrence was);
    // templates stand for their occurrences and are expanded below, through posts_by_time (the
    // Calendar page takes its months from a PostTimeline in memory instead). Counting first
    // through the time index costs less than growing a vector of a few thousand posts.
    std::vector<Post> out;
    if (channelId) {
        auto n = db.prepare(
            "SELECT count(*) FROM posts WHERE channel_id = ?3 AND scheduled_at >= ?1 "
            "AND scheduled_at < ?2");
        n.bind(1, start).bind(2, end).bind(3, *channelId);
        out.reserve(n.step() ? static_cast<std::size_t>(n.integer(0)) + 64 : 64);
        auto s = db.prepare(RAPPORT_POST_COLUMNS
                            " WHERE channel_id = ?3 AND scheduled_at >= ?1 AND scheduled_at < ?2 "
                            "AND (series_id IS NULL OR occurrence_date IS NOT NULL) "
                            "ORDER BY scheduled_at, id");
        s.bind(1, start).bind(2, end).bind(3, *channelId);
        while (s.step()) {
            out.push_back(readPost(s));
        }
    } else {
        auto n =
            db.prepare("SELECT count(*) FROM posts WHERE scheduled_at >= ?1 AND scheduled_at < ?2");
        n.bind(1, start).bind(2, end);
        // Room for the series' occurrences too, which are merged in below.
        out.reserve(n.step() ? static_cast<std::size_t>(n.integer(0)) + 1024 : 1024);
        auto s = db.prepare(RAPPORT_POST_COLUMNS
                            " WHERE scheduled_at >= ?1 AND scheduled_at < ?2 "
                            "AND (series_id IS NULL OR occurrence_date IS NOT NULL) "
                            "ORDER BY scheduled_at, id");
        s.bind(1, start).bind(2, end);
        while (s.step()) {
            out.push_back(readPost(s));
        }
    }

    // Generated occurrences, and exceptions without a time of their own.
    const std::size_t real = out.size();
    const std::string fromText = formatDate(from);
    const std::string toText = formatDate(to);
    std::vector<Post> exceptions;
    for (const auto& series : store.list<Series>()) {
        if (!overlaps(series, from, to)) {
            continue;
        }
        const auto dates = occurrenceDates(series, from, to);
        if (dates.empty()) {
            continue;
        }
        const auto templ = seriesTemplate(store, series.id);
        exceptions.clear();
        auto ex = db.prepare(RAPPORT_POST_COLUMNS
                             " WHERE series_id = ?1 AND occurrence_date >= ?2 "
                             "AND occurrence_date <= ?3");
        ex.bind(1, series.id).bind(2, fromText).bind(3, toText);
        while (ex.step()) {
            exceptions.push_back(readPost(ex));
        }
        appendOccurrences(out, series, dates, templ ? &*templ : nullptr, exceptions, days,
                          channelId);
    }
    mergeInTimeOrder(out, real);
    return out;
}

bool overlaps(const Series& series, Date from, Date to) {
    return !(to < series.startDate || (series.endDate && *series.endDate < from));
}

void appendOccurrences(std::vector<Post>& out, const Series& series, const std::vector<Date>& dates,
                       const Post* templ, std::vector<Post>& exceptions, LocalDays& days,
                       std::optional<Id> channelId) {
    std::vector<Date> replaced;
    replaced.reserve(exceptions.size());
    for (auto& p : exceptions) {
        replaced.push_back(*p.occurrenceDate);
        // An idea or draft exception may have no time of its own: it keeps the occurrence's.
        if (!p.scheduledAt && (!channelId || p.channelId == *channelId)) {
            p.scheduledAt = days.instantOf(*p.occurrenceDate, series.time);
            out.push_back(std::move(p));
        }
    }
    if (!templ || (channelId && templ->channelId != *channelId)) {
        return;
    }
    std::sort(replaced.begin(), replaced.end());
    for (const Date d : dates) {
        if (!std::binary_search(replaced.begin(), replaced.end(), d)) {
            // occurrencePost, with the zone already at hand.
            Post& p = out.emplace_back(*templ);
            p.id = 0;
            p.seriesId = series.id;
            p.occurrenceDate = d;
            p.scheduledAt = days.instantOf(d, series.time);
            p.results = {};
        }
    }
}

void mergeInTimeOrder(std::vector<Post>& posts, std::size_t sorted) {
    if (posts.size() == sorted) {
        return;
    }
    // The few added ones sorted, then merged in place: sorting the whole list would move every
    // post many times, and a merge into a second list would move every post once more.
    const auto middle = posts.begin() + static_cast<std::ptrdiff_t>(sorted);
    std::sort(middle, posts.end(), inTimeOrder);
    std::inplace_merge(posts.begin(), middle, posts.end(), inTimeOrder);
}

Id saveOccurrence(Store& store, Post occurrence) {
    const auto label = recordLabel(Entity::Post, occurrence.id);
    if (!occurrence.seriesId || !occurrence.occurrenceDate) {
        throw ValidationError(label, "occurrenceDate",
                              "must name the series and the date of the occurrence it replaces");
    }
    store.transaction([&] {
        const auto series = store.get<Series>(*occurrence.seriesId);
        requireOccurrence(series, *occurrence.occurrenceDate, label);
        // A generated occurrence the caller still holds may already have been saved once;
        // a second exception for one date would make the occurrence appear twice.
        if (occurrence.id == 0) {
            if (const auto existing = exceptionAt(store, series.id, *occurrence.occurrenceDate)) {
                occurrence.id = *existing;
            }
        }
        if (occurrence.id == 0) {
            store.add(occurrence);
        } else {
            store.update(occurrence);
        }
    });
    return occurrence.id;
}

Id skipOccurrence(Store& store, Id seriesId, Date day) {
    Id id = 0;
    store.transaction([&] {
        const auto series = store.get<Series>(seriesId);
        requireOccurrence(series, day, seriesLabel(seriesId));
        const std::string zone = store.timeZone();
        if (const auto existing = exceptionAt(store, seriesId, day)) {
            auto p = store.get<Post>(*existing);
            p.status = PostStatus::Skipped;
            if (!p.scheduledAt) {
                p.scheduledAt = occurrenceInstant(series, day, zone);
            }
            store.update(p);
            id = p.id;
            return;
        }
        const auto templ = seriesTemplate(store, seriesId);
        if (!templ) {
            throw ValidationError(seriesLabel(seriesId), "template",
                                  "is missing: the series has no template post");
        }
        auto p = occurrencePost(*templ, series, day, zone);
        p.status = PostStatus::Skipped;
        id = store.add(p);
    });
    return id;
}

Series continuationOf(const Series& series, Date at) {
    Series next = series;
    next.id = 0;
    next.startDate = at;
    if (series.count) {
        const auto before = at < series.startDate
                                ? std::size_t{0}
                                : occurrenceDates(series, series.startDate, addDays(at, -1)).size();
        next.count = std::max(1, *series.count - static_cast<int>(before));
    }
    return next;
}

SeriesSplit splitSeries(Store& store, Id seriesId, Date at, const Post& editedTemplate,
                        const std::optional<Series>& editedRule) {
    SeriesSplit result;
    store.transaction([&] {
        auto old = store.get<Series>(seriesId);
        requireOccurrence(old, at, seriesLabel(seriesId));
        const auto oldTemplate = seriesTemplate(store, seriesId);
        if (!oldTemplate) {
            throw ValidationError(seriesLabel(seriesId), "template",
                                  "is missing: the series has no template post");
        }
        const std::string zone = store.timeZone();
        const bool whole = occurrenceDates(old, old.startDate, addDays(at, -1)).empty();

        Series next = editedRule ? *editedRule : continuationOf(old, at);
        next.startDate = at;
        if (whole) {
            next.id = old.id;
            store.update(next);
        } else {
            // The old part keeps exactly the occurrences before `at`: an end date says so for
            // either kind of end, and RFC 5545 forbids an UNTIL next to a COUNT.
            old.endDate = addDays(at, -1);
            old.count.reset();
            store.update(old);
            next.id = 0;
            store.add(next);
        }

        Post templ = editedTemplate;
        templ.seriesId = next.id;
        templ.occurrenceDate.reset();
        templ.results = {};
        const auto first = firstOccurrences(next, 1);
        templ.scheduledAt = occurrenceInstant(next, first.empty() ? at : first.front(), zone);
        if (whole) {
            templ.id = oldTemplate->id;
            store.update(templ);
        } else {
            templ.id = 0;
            store.add(templ);
        }

        auto ex = store.db().prepare(RAPPORT_POST_COLUMNS
                                     " WHERE series_id = ?1 AND occurrence_date >= ?2 "
                                     "ORDER BY occurrence_date, id");
        ex.bind(1, seriesId).bind(2, formatDate(at));
        auto exceptions = postsOf(ex);
        for (auto& p : exceptions) {
            if (isOccurrence(next, *p.occurrenceDate)) {
                if (p.seriesId != next.id) {
                    p.seriesId = next.id;
                    store.update(p);
                }
            } else if (p.status == PostStatus::Skipped) {
                // A skip of an occurrence that no longer exists has nothing left to say.
                store.remove<Post>(p.id);
            } else {
                // An edited or moved occurrence is the user's work: it stays, on its own.
                if (!p.scheduledAt) {
                    p.scheduledAt = occurrenceInstant(old, *p.occurrenceDate, zone);
                }
                p.seriesId.reset();
                p.occurrenceDate.reset();
                store.update(p);
            }
        }
        result = {seriesId, next.id, templ.id};
    });
    return result;
}

}  // namespace rapport::core
