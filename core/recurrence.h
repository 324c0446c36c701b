#pragma once
// Recurring posts (DOMAIN.md, Series): the dates a series' rule produces, the posts a date range
// holds once every series is expanded and its exceptions applied, and the edits that keep a
// series whole (one occurrence; this and all following occurrences).
//
// A series is stored as its rule, one template post (seriesId set, no occurrenceDate) and
// exceptions (posts with the occurrenceDate they replace: moved, edited or skipped). Generated
// occurrences are never stored; a generated occurrence is a Post with id 0.

#include <optional>
#include <string_view>
#include <vector>

#include "core/entities.h"
#include "core/localdays.h"
#include "core/store.h"

namespace rapport::core {

/// The dates of a series' rule in [from, to], ascending, within its start and end date and its
/// count. Exceptions do not change them: a moved or skipped occurrence keeps its place in the
/// count, as in RFC 5545.
std::vector<Date> occurrenceDates(const Series& series, Date from, Date to);

/// True when the rule produces `day`.
bool isOccurrence(const Series& series, Date day);

/// The first `limit` occurrence dates from the start (all of them for a shorter series).
std::vector<Date> firstOccurrences(const Series& series, std::size_t limit);

/// The local instant of an occurrence: the series' time on that date in `zone`, so a weekly
/// 09:00 stays at 09:00 local across a daylight-saving change.
Instant occurrenceInstant(const Series& series, Date day, std::string_view zone);

/// One generated occurrence: a copy of the template with id 0, the occurrence date set and
/// scheduledAt at the occurrence's local time.
Post occurrencePost(const Post& templ, const Series& series, Date day, std::string_view zone);

/// The series' template post, if it has one.
std::optional<Post> seriesTemplate(Store& store, Id seriesId);

/// Every post the local days [from, to] hold as the calendar shows them, in time order: posts
/// with a time in the range, and each series' occurrences in the range (an exception in place
/// of the occurrence it replaces; generated ones with id 0). Ideas and drafts with a time are
/// included; so are skipped posts, which the caller may hide. Templates never appear themselves.
/// With `channelId`, only that channel's posts (through its index).
std::vector<Post> effectivePosts(Store& store, Date from, Date to,
                                 std::optional<Id> channelId = std::nullopt);

// The parts effectivePosts is made of, for a caller that holds the posts in memory
// (PostTimeline) and must give the same answer.

/// True when the series' start and end leave room for an occurrence in [from, to].
bool overlaps(const Series& series, Date from, Date to);
/// Appends a series' part of a range to `out`: each of `dates` (its occurrence dates in the
/// range) as a generated occurrence of `templ` unless an exception replaces it, and the
/// exceptions without a time of their own, at their occurrence's time. `exceptions` are the
/// series' exceptions whose occurrence date is in the range; exceptions with a time are rows in
/// time order of their own and are not appended again. With `channelId`, that channel's only.
void appendOccurrences(std::vector<Post>& out, const Series& series, const std::vector<Date>& dates,
                       const Post* templ, std::vector<Post>& exceptions, LocalDays& days,
                       std::optional<Id> channelId);
/// Puts the posts after the first `sorted` (which are in time order) into their places.
void mergeInTimeOrder(std::vector<Post>& posts, std::size_t sorted);

/// The calendar's order of posts: by time, then id, then series and occurrence date, so
/// generated occurrences (id 0) sort the same way every time.
bool inTimeOrder(const Post& a, const Post& b);

/// Saves one edited or moved occurrence as an exception of its series and returns its id: a
/// generated occurrence (id 0) is added, an exception already stored is updated. `occurrence`
/// must carry its seriesId and occurrenceDate.
Id saveOccurrence(Store& store, Post occurrence);

/// Skips one occurrence without breaking the series: its exception gets status skipped (made
/// from the template when the occurrence has none yet). Returns the exception's id.
Id skipOccurrence(Store& store, Id seriesId, Date day);

/// The rule for the part of a series from `at` on: the same rule starting at `at`, and for a
/// series with a count, the occurrences that are left.
Series continuationOf(const Series& series, Date at);

struct SeriesSplit {
    Id oldSeriesId = 0;  ///< ends the day before the split (the same as newSeriesId when the
                         ///< split is at the first occurrence: the whole series changed)
    Id newSeriesId = 0;
    Id templateId = 0;  ///< the new part's template
};

/// "Change this and all following occurrences", in one transaction. The series ends the day
/// before `at` (an occurrence date of its rule); a new series from `at` takes `editedRule`
/// (default: continuationOf(series, at)) and a template made from `editedTemplate`. Exceptions
/// on or after `at` move to the new series and keep their own edits; one whose date the new
/// rule no longer produces becomes a post of its own, or goes away if it was a skip. At the
/// first occurrence, the series and its template are changed in place. Throws ValidationError
/// naming the series and field.
SeriesSplit splitSeries(Store& store, Id seriesId, Date at, const Post& editedTemplate,
                        const std::optional<Series>& editedRule = std::nullopt);

}  // namespace rapport::core
