#include "core/plangenerator.h"

#include <algorithm>
#include <deque>
#include <map>

#include "core/contentmix.h"
#include "core/errors.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

constexpr const char* kRecord = "campaign plan";

struct Slot {
    Instant at;
    Id channelId;
};

// Per niche, what the mix rules have seen so far.
struct MixState {
    int valuePosts = 0;
    int sinceLastPromo = 0;
    std::deque<bool> window;

    void push(bool promo, int windowSize) {
        window.push_back(promo);
        if (static_cast<int>(window.size()) > windowSize) {
            window.pop_front();
        }
        if (promo) {
            sinceLastPromo = 0;
        } else {
            ++valuePosts;
            ++sinceLastPromo;
        }
    }
    // Promotions in the window that a new post would close.
    int promosWith(bool promo, int windowSize) const {
        int n = promo ? 1 : 0;
        const auto keep = std::min<std::size_t>(window.size(), windowSize - 1);
        for (auto it = window.end() - static_cast<std::ptrdiff_t>(keep); it != window.end(); ++it) {
            n += *it ? 1 : 0;
        }
        return n;
    }
};

std::string fieldOf(std::size_t i, const char* name) {
    return "cadence[" + std::to_string(i) + "]." + name;
}

}  // namespace

int dailyCapacity(const Channel& channel) {
    const int times = std::max<int>(1, static_cast<int>(channel.preferredTimes.size()));
    return channel.dailyCap ? std::min(*channel.dailyCap, times) : times;
}

std::vector<Post> generatePlan(const PlanRequest& req) {
    if (!req.from.ok() || !req.to.ok()) {
        throw ValidationError(kRecord, "startDate", "must be a date that exists");
    }
    const int days = daysBetween(req.from, req.to) + 1;
    if (days <= 0) {
        throw ValidationError(kRecord, "endDate",
                              "must not be before the start date (" + formatDate(req.from) + ")");
    }
    if (days > 366) {
        throw ValidationError(kRecord, "endDate", "must be within a year of the start date");
    }
    if (req.cadence.empty()) {
        throw ValidationError(kRecord, "cadence", "needs at least one channel to post on");
    }

    // Existing posts per channel and local day fill the caps first.
    std::map<std::pair<Id, int>, int> used;
    for (const auto& p : req.existing) {
        if (p.scheduledAt && p.status != PostStatus::Skipped) {
            const int day = daysBetween(req.from, localDate(*p.scheduledAt, req.timeZone));
            if (day >= 0 && day < days) {
                ++used[{p.channelId, day}];
            }
        }
    }

    std::vector<Slot> slots;
    for (std::size_t i = 0; i < req.cadence.size(); ++i) {
        const auto& cad = req.cadence[i];
        const auto ch = std::find_if(req.channels.begin(), req.channels.end(),
                                     [&](const Channel& c) { return c.id == cad.channelId; });
        if (ch == req.channels.end()) {
            throw ValidationError(
                kRecord, fieldOf(i, "channel"),
                "refers to channel " + std::to_string(cad.channelId) + ", which was not given");
        }
        if (cad.postsPerWeek <= 0) {
            throw ValidationError(kRecord, fieldOf(i, "postsPerWeek"),
                                  "must be at least 1 post a week on " + ch->name);
        }
        const int capacity = dailyCapacity(*ch);
        int free = 0;
        for (int d = 0; d < days; ++d) {
            free += std::max(0, capacity - used[{ch->id, d}]);
        }
        const int wanted = std::max(1, (cad.postsPerWeek * days + 3) / 7);
        if (wanted > free) {
            throw ValidationError(
                kRecord, fieldOf(i, "postsPerWeek"),
                "asks for " + std::to_string(cad.postsPerWeek) + " posts a week on " + ch->name +
                    " (" + std::to_string(wanted) + " in the period), but its daily cap and " +
                    "posting times leave room for " + std::to_string(free) + " (" +
                    std::to_string(capacity) + " a day)");
        }
        auto times = ch->preferredTimes;
        std::sort(times.begin(), times.end());
        if (times.empty()) {
            times.push_back(TimeOfDay{9 * 60});
        }
        for (int k = 0; k < wanted; ++k) {
            // Spread evenly; a full day passes the post on to the next day with room.
            const int ideal =
                static_cast<int>((static_cast<long>(2 * k + 1) * days) / (2L * wanted));
            for (int step = 0; step < days; ++step) {
                const int d = (ideal + step) % days;
                int& n = used[{ch->id, d}];
                if (n < capacity) {
                    const auto time = times[static_cast<std::size_t>(n) % times.size()];
                    slots.push_back({toInstant(addDays(req.from, d), time, req.timeZone), ch->id});
                    ++n;
                    break;
                }
            }
        }
    }
    std::stable_sort(slots.begin(), slots.end(),
                     [](const Slot& a, const Slot& b) { return a.at < b.at; });

    // The mix: history first, then each planned post in time order, niche by niche in turn.
    const int window = std::max(1, req.mix.ratioWindow);
    // One promotion per `spacing` posts at most keeps every window within the ratio.
    const int spacing = req.mix.ratioMaxPromo > 0
                            ? (window + req.mix.ratioMaxPromo - 1) / req.mix.ratioMaxPromo
                            : 0;
    std::map<std::optional<Id>, MixState> mix;
    std::vector<Post> history;
    for (const auto& p : req.existing) {
        if (countsTowardMix(p.status) && p.scheduledAt &&
            *p.scheduledAt < (slots.empty() ? Instant::max() : slots.front().at)) {
            history.push_back(p);
        }
    }
    std::sort(history.begin(), history.end(),
              [](const Post& a, const Post& b) { return *a.scheduledAt < *b.scheduledAt; });
    for (const auto& p : history) {
        mix[p.nicheId].push(isPromotional(p.purpose), window);
    }

    static constexpr Purpose kGiving[] = {Purpose::Value, Purpose::Conversation, Purpose::Value,
                                          Purpose::Resource};
    std::vector<Post> plan;
    std::map<std::optional<Id>, int> givingTurn;
    std::map<Id, int> promosOn;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        Post p;
        p.channelId = slots[i].channelId;
        p.status = PostStatus::Idea;
        p.scheduledAt = slots[i].at;
        p.campaignId = req.campaignId;
        std::string nicheName = "your readers";
        if (!req.nicheIds.empty()) {
            const auto n = i % req.nicheIds.size();
            p.nicheId = req.nicheIds[n];
            if (n < req.nicheNames.size()) {
                nicheName = req.nicheNames[n];
            }
        }
        auto& state = mix[p.nicheId];
        // Offers are spread over the channels: a channel that already carries more of them
        // than another planned channel passes its turn to the next slot.
        const bool channelsTurn =
            std::all_of(req.cadence.begin(), req.cadence.end(), [&](const ChannelCadence& c) {
                return promosOn[p.channelId] <= promosOn[c.channelId];
            });
        const bool promo = spacing > 0 && channelsTurn && state.valuePosts >= req.mix.earnFirst &&
                           state.sinceLastPromo >= spacing - 1 &&
                           state.promosWith(true, window) <= req.mix.ratioMaxPromo;
        promosOn[p.channelId] += promo ? 1 : 0;
        if (promo) {
            p.purpose = Purpose::Promotion;
            p.title = (req.campaignName.empty() ? std::string{"Your offer"} : req.campaignName) +
                      ": share what you have with " + nicheName;
        } else {
            p.purpose = kGiving[givingTurn[p.nicheId]++ % std::size(kGiving)];
            switch (p.purpose) {
                case Purpose::Conversation:
                    p.title = "Ask " + nicheName + " what they are stuck on";
                    break;
                case Purpose::Resource:
                    p.title = "Share a resource " + nicheName + " will keep";
                    break;
                default:
                    p.title = "Answer a question " + nicheName + " ask";
                    break;
            }
        }
        state.push(promo, window);
        plan.push_back(std::move(p));
    }
    return plan;
}

}  // namespace rapport::core
