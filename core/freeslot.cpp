#include "core/freeslot.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/recurrence.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

// Ideas have no claim on a slot yet and skipped posts gave theirs up; a draft with a time is
// the user holding the slot.
bool takesSlot(PostStatus s) {
    return s == PostStatus::Scheduled || s == PostStatus::Published || s == PostStatus::Draft;
}

}  // namespace

std::optional<Instant> nextFreeSlot(Store& store, Id channelId, Instant from, int searchDays) {
    const auto channel = store.get<Channel>(channelId);
    const std::string zone = store.timeZone();
    auto times = channel.preferredTimes;
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    if (times.empty()) {
        times.push_back(TimeOfDay{9 * 60});
    }
    const Date first = localDate(from, zone);
    // A week first (a free slot is usually near), then a month at a time: one indexed query
    // per stretch instead of one per day.
    for (int offset = 0, chunk = 7; offset < searchDays; offset += chunk, chunk = 31) {
        const Date lo = addDays(first, offset);
        const Date hi = addDays(lo, std::min(chunk, searchDays - offset) - 1);
        std::map<Date, int> used;
        std::set<Instant> taken;
        for (const auto& p : effectivePosts(store, lo, hi, channelId)) {
            if (takesSlot(p.status) && p.scheduledAt) {
                ++used[localDate(*p.scheduledAt, zone)];
                taken.insert(date::floor<std::chrono::minutes>(*p.scheduledAt));
            }
        }
        for (Date day = lo; !(hi < day); day = addDays(day, 1)) {
            if (channel.dailyCap && used[day] >= *channel.dailyCap) {
                continue;
            }
            for (const auto t : times) {
                const Instant at = toInstant(day, t, zone);
                if (!(at < from) && !taken.count(at)) {
                    return at;
                }
            }
        }
    }
    return std::nullopt;
}

}  // namespace rapport::core
