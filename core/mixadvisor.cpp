#include "core/mixadvisor.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/errors.h"
#include "core/localdays.h"
#include "core/recurrence.h"
#include "core/tables.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string nicheLabel(const std::optional<Id>& niche, const std::map<Id, std::string>& names) {
    if (!niche) {
        return "posts without a niche";
    }
    const auto it = names.find(*niche);
    return "niche " + (it != names.end() ? it->second : "#" + std::to_string(*niche));
}

std::string sentence(const PostFlag& f, const Post& p, const std::string& where,
                     const std::string& channel, const std::string& day) {
    switch (f.kind) {
        case FlagKind::EarnFirst:
            return plural(f.have, "value post", "value posts") + " before this " +
                   (p.purpose == Purpose::Affiliate ? "affiliate post" : "promotion") + " in " +
                   where + "; " + std::to_string(f.limit) + " needed";
        case FlagKind::Ratio:
            // "posts in niche SEO readers", or "posts without a niche".
            return std::to_string(f.have) + " of the last " + std::to_string(f.window) + " " +
                   (p.nicheId ? "posts in " + where : where) + " are promotional; at most " +
                   std::to_string(f.limit) + " allowed";
        case FlagKind::DailyCap:
            return plural(f.have, "post", "posts") + " on " + channel + " on " + day +
                   "; its daily cap is " + std::to_string(f.limit);
        case FlagKind::CharLimit:
            return plural(f.have, "character", "characters") + "; " + channel + " allows " +
                   std::to_string(f.limit);
    }
    return {};
}

// Turns flags into sentences. A crowded month can flag thousands of posts, and most of their
// sentences are the same words (the posts past one day's cap, the promotions of one niche a
// value post short), so each distinct sentence is made once and copied.
class Sentences {
public:
    Sentences(const std::map<Id, std::string>& niches, const std::map<Id, Channel>& channels)
        : m_niches(niches), m_channels(channels) {}

    const std::string& operator()(const PostFlag& f, const Post& p, LocalDays& days, Date from) {
        Key key{f.kind, f.have, f.limit, f.window, 0, 0, 0};
        switch (f.kind) {
            case FlagKind::EarnFirst:
            case FlagKind::Ratio:
                // The words depend on the niche (none is its own case) and, for earn-first,
                // on whether the post is an affiliate post.
                key.subject = p.nicheId ? *p.nicheId : -1;
                key.affiliate = f.kind == FlagKind::EarnFirst && p.purpose == Purpose::Affiliate;
                break;
            case FlagKind::DailyCap:
                key.subject = p.channelId;
                key.day = date::sys_days{p.scheduledAt ? days.dateOf(*p.scheduledAt) : from}
                              .time_since_epoch()
                              .count();
                break;
            case FlagKind::CharLimit:
                key.subject = p.channelId;
                break;
        }
        auto it = m_made.find(key);
        if (it == m_made.end()) {
            const std::string where = f.kind == FlagKind::EarnFirst || f.kind == FlagKind::Ratio
                                          ? nicheLabel(p.nicheId, m_niches)
                                          : std::string();
            const std::string day = f.kind == FlagKind::DailyCap
                                        ? formatDate(Date{date::sys_days{date::days{key.day}}})
                                        : std::string();
            it = m_made.emplace(key, sentence(f, p, where, channelName(p.channelId), day)).first;
        }
        return it->second;
    }

private:
    struct Key {
        FlagKind kind;
        int have;
        int limit;
        int window;
        Id subject;  // the niche (-1: none) or the channel
        long day;    // days since the epoch, for a daily cap
        int affiliate;
        auto operator<=>(const Key&) const = default;
    };

    std::string channelName(Id id) const {
        const auto it = m_channels.find(id);
        return it != m_channels.end() ? it->second.name : "channel " + std::to_string(id);
    }

    const std::map<Id, std::string>& m_niches;
    const std::map<Id, Channel>& m_channels;
    std::map<Key, std::string> m_made;
};

// One series whose template counts toward the mix, for the history before the range.
struct CountedSeries {
    Series series;
    Post templ;
};

// Per niche, the state the mix rules have reached just before the range: how many value posts
// came before (capped at the most any policy needs) and the last posts of the longest window
// (oldest first). Real posts come newest first from the niche's index until both are known;
// series occurrences, which are not rows, are expanded only over the stretch that matters.
class NicheHistory {
public:
    NicheHistory(Store& store, std::string zone, Date from, Instant start, int earnFirst,
                 int window)
        : m_db(store.db()),
          m_days(zone),
          m_from(from),
          m_start(start),
          m_earnFirst(earnFirst),
          m_want(std::max(0, window - 1)) {}

    std::vector<MixItem> items(const std::optional<Id>& niche,
                               const std::vector<CountedSeries>& series) {
        struct Seen {
            Instant at;
            Purpose purpose;
        };
        std::vector<Seen> window;  // newest first
        int values = 0;
        {
            auto s = m_db.prepare(
                "SELECT purpose, scheduled_at FROM posts WHERE niche_id IS ?1 "
                "AND scheduled_at < ?2 AND status IN ('scheduled', 'published') "
                "AND (series_id IS NULL OR occurrence_date IS NOT NULL) "
                "ORDER BY scheduled_at DESC, id DESC");
            s.bind(1, niche).bind(2, m_start.time_since_epoch().count());
            while (!(static_cast<int>(window.size()) >= m_want && values >= m_earnFirst)) {
                if (!s.step()) {
                    break;
                }
                const auto purpose = parseEnum<Purpose>(s.text(0)).value_or(Purpose::Value);
                if (static_cast<int>(window.size()) < m_want) {
                    window.push_back({Instant{std::chrono::seconds{s.integer(1)}}, purpose});
                }
                if (!isPromotional(purpose)) {
                    ++values;
                }
            }
        }
        // Occurrences older than the oldest real post of a full window cannot be in it.
        const bool windowFull = static_cast<int>(window.size()) >= m_want;
        const Instant boundary =
            windowFull ? (window.empty() ? m_start : window.back().at) : Instant::min();

        for (const auto& cs : series) {
            if (cs.templ.nicheId != niche || !(cs.series.startDate < m_from)) {
                continue;
            }
            const Date last = addDays(m_from, -1);
            if (!isPromotional(cs.templ.purpose) && values < m_earnFirst) {
                // Value occurrences before the range: rule dates less the exceptions, which
                // replace them (a counted exception is a real post, seen above).
                const int replaced = exceptionsBetween(cs.series.id, cs.series.startDate, last);
                const auto dates =
                    firstOccurrences(cs.series, static_cast<std::size_t>(m_earnFirst + replaced));
                const auto n =
                    std::count_if(dates.begin(), dates.end(), [&](Date d) { return d < m_from; });
                values += std::max(0, static_cast<int>(n) - replaced);
            }
            if (m_want == 0) {
                continue;
            }
            Date lo = cs.series.startDate;
            if (boundary != Instant::min()) {
                lo = std::max(lo, m_days.dateOf(boundary));
            }
            const auto dates = occurrenceDates(cs.series, lo, last);
            const auto skip = exceptionDates(cs.series.id, lo, last);
            int taken = 0;
            for (auto it = dates.rbegin(); it != dates.rend() && taken < m_want; ++it) {
                if (skip.count(*it)) {
                    continue;
                }
                const auto at = m_days.instantOf(*it, cs.series.time);
                if (at < m_start && !(at < boundary)) {
                    window.push_back({at, cs.templ.purpose});
                    ++taken;
                }
            }
        }
        std::stable_sort(window.begin(), window.end(),
                         [](const Seen& a, const Seen& b) { return b.at < a.at; });
        if (static_cast<int>(window.size()) > m_want) {
            window.resize(static_cast<std::size_t>(m_want));
        }
        int windowValues = 0;
        for (const auto& w : window) {
            windowValues += isPromotional(w.purpose) ? 0 : 1;
        }
        // What checkMix must have seen: enough value posts before the window to reach the
        // count, then the window itself in time order.
        std::vector<MixItem> out;
        const int earlier = std::max(0, std::min(values, m_earnFirst) - windowValues);
        for (int i = 0; i < earlier; ++i) {
            out.push_back({niche, Purpose::Value, Instant::min()});
        }
        for (auto it = window.rbegin(); it != window.rend(); ++it) {
            out.push_back({niche, it->purpose, it->at});
        }
        return out;
    }

private:
    int exceptionsBetween(Id series, Date lo, Date hi) {
        auto s = m_db.prepare(
            "SELECT count(*) FROM posts WHERE series_id = ?1 AND occurrence_date >= ?2 "
            "AND occurrence_date <= ?3");
        s.bind(1, series).bind(2, formatDate(lo)).bind(3, formatDate(hi));
        return s.step() ? s.int32(0) : 0;
    }
    std::set<Date> exceptionDates(Id series, Date lo, Date hi) {
        auto s = m_db.prepare(
            "SELECT occurrence_date FROM posts WHERE series_id = ?1 AND occurrence_date >= ?2 "
            "AND occurrence_date <= ?3");
        s.bind(1, series).bind(2, formatDate(lo)).bind(3, formatDate(hi));
        std::set<Date> out;
        while (s.step()) {
            if (const auto d = parseDate(s.text(0))) {
                out.insert(*d);
            }
        }
        return out;
    }

    sql::Database& m_db;
    LocalDays m_days;  // one zone object: occurrences become instants without a lookup each
    Date m_from;
    Instant m_start;
    int m_earnFirst;
    int m_want;
};

std::vector<CountedSeries> countedSeries(Store& store) {
    std::map<Id, Series> rules;
    for (auto& s : store.list<Series>()) {
        rules.emplace(s.id, std::move(s));
    }
    std::vector<CountedSeries> out;
    auto s = store.db().prepare(RAPPORT_POST_COLUMNS
                                " WHERE series_id IS NOT NULL AND occurrence_date IS NULL "
                                "ORDER BY series_id, id");
    while (s.step()) {
        auto p = readPost(s);
        const auto it = rules.find(*p.seriesId);
        // One template per series; a second one is never expanded (see seriesTemplate).
        if (it != rules.end() && (out.empty() || out.back().series.id != it->first)) {
            if (countsTowardMix(p.status)) {
                out.push_back({it->second, std::move(p)});
            }
        }
    }
    return out;
}

}  // namespace

std::string_view flagName(FlagKind kind) {
    switch (kind) {
        case FlagKind::EarnFirst:
            return "earn-first";
        case FlagKind::Ratio:
            return "ratio";
        case FlagKind::DailyCap:
            return "daily-cap";
        case FlagKind::CharLimit:
            return "char-limit";
    }
    return "";
}

int characterCount(std::string_view utf8) {
    // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
    int n = 0;
    for (const char c : utf8) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

std::size_t MixReport::flaggedPosts() const {
    return static_cast<std::size_t>(
        std::count_if(flags.begin(), flags.end(), [](const auto& f) { return !f.empty(); }));
}

MixPolicy MixAdvisor::policyFor(const Post& post) {
    if (post.campaignId) {
        if (const auto c = m_store.find<Campaign>(*post.campaignId)) {
            return c->mix;
        }
    }
    return MixPolicy{};
}

MixReport MixAdvisor::advise(Date from, Date to) {
    return advise(from, to, effectivePosts(m_store, from, to));
}

MixReport MixAdvisor::advise(Date from, Date to, std::vector<Post> posts) {
    if (to < from) {
        throw ValidationError("calendar range", "to",
                              "must not be before the first day (" + formatDate(from) + ")");
    }
    MixReport report;
    report.posts = std::move(posts);
    auto& all = report.posts;
    if (!std::is_sorted(all.begin(), all.end(), inTimeOrder)) {
        std::stable_sort(all.begin(), all.end(), inTimeOrder);
    }
    report.flags.resize(all.size());

    const std::string zone = m_store.timeZone();
    std::map<Id, Channel> channels;
    for (auto& c : m_store.list<Channel>()) {
        channels.emplace(c.id, std::move(c));
    }
    std::map<Id, MixPolicy> policies;
    {
        auto s = m_store.db().prepare(
            "SELECT id, earn_first, ratio_window, ratio_max_promo FROM campaigns");
        while (s.step()) {
            MixPolicy p;
            p.earnFirst = s.int32(1);
            p.ratioWindow = s.int32(2);
            p.ratioMaxPromo = s.int32(3);
            policies.emplace(s.integer(0), p);
        }
    }
    std::map<Id, std::string> nicheNames;
    {
        auto s = m_store.db().prepare("SELECT id, name FROM niches");
        while (s.step()) {
            nicheNames.emplace(s.integer(0), s.text(1));
        }
    }
    // Policies compare by their numbers only: a custom 5/10/2 acts as 80/20.
    const auto policyOf = [&](const Post& p) {
        MixPolicy out;
        if (p.campaignId) {
            if (const auto it = policies.find(*p.campaignId); it != policies.end()) {
                out = it->second;
            }
        }
        out.preset = MixPreset::Custom;
        return out;
    };
    LocalDays days{zone};
    std::vector<std::size_t> counted;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (countsTowardMix(all[i].status) && all[i].scheduledAt) {
            counted.push_back(i);
        }
    }

    // The mix rules, per niche over its history and then the range.
    std::set<std::optional<Id>> promoNiches;
    std::vector<MixPolicy> used;
    for (const auto i : counted) {
        if (isPromotional(all[i].purpose)) {
            promoNiches.insert(all[i].nicheId);
            const auto p = policyOf(all[i]);
            if (std::find(used.begin(), used.end(), p) == used.end()) {
                used.push_back(p);
            }
        }
    }
    if (!used.empty()) {
        int earnFirst = 0;
        int window = 1;
        for (const auto& p : used) {
            earnFirst = std::max(earnFirst, p.earnFirst);
            window = std::max(window, p.ratioWindow);
        }
        const auto series = countedSeries(m_store);
        NicheHistory history{m_store,   zone,  from, toInstant(from, TimeOfDay{0}, zone),
                             earnFirst, window};
        std::vector<MixItem> items;
        for (const auto& niche : promoNiches) {
            auto h = history.items(niche, series);
            items.insert(items.end(), h.begin(), h.end());
        }
        const std::size_t historySize = items.size();
        for (const auto i : counted) {
            items.push_back({all[i].nicheId, all[i].purpose, *all[i].scheduledAt});
        }
        for (const auto& policy : used) {
            for (const auto& v : checkMix(items, policy)) {
                if (v.index < historySize) {
                    continue;
                }
                const auto i = counted[v.index - historySize];
                if (!(policyOf(all[i]) == policy)) {
                    continue;
                }
                PostFlag f;
                f.kind = v.rule == MixRule::EarnFirst ? FlagKind::EarnFirst : FlagKind::Ratio;
                f.have = v.have;
                f.limit = v.limit;
                f.window = v.window;
                report.flags[i].push_back(std::move(f));
            }
        }
        // checkMix reports by policy; a post reads best with earn-first before ratio.
        for (auto& f : report.flags) {
            std::stable_sort(f.begin(), f.end(),
                             [](const PostFlag& a, const PostFlag& b) { return a.kind < b.kind; });
        }
    }

    // Daily caps: the posts past the cap on a channel's local day are flagged, in time order.
    // Counted per (channel, local day) in a hash table, in two passes: the totals, then the
    // posts past the cap; no sorting, and no reliance on local days following time order
    // (a clock change at midnight can step back into the day before).
    struct DayKey {
        Id channel;
        int day;
        bool operator==(const DayKey&) const = default;
    };
    struct DayHash {
        std::size_t operator()(const DayKey& k) const {
            return std::hash<Id>{}(k.channel) * 1'000'003u ^ std::hash<int>{}(k.day);
        }
    };
    struct DayCount {
        int total = 0;
        int seen = 0;
    };
    std::unordered_map<DayKey, DayCount, DayHash> perDay;
    perDay.reserve(counted.size() / 4 + 16);
    std::vector<DayCount*> countOf(counted.size());
    for (std::size_t k = 0; k < counted.size(); ++k) {
        const auto i = counted[k];
        const date::sys_days day{days.dateOf(*all[i].scheduledAt)};
        auto& count = perDay[DayKey{all[i].channelId, day.time_since_epoch().count()}];
        ++count.total;
        countOf[k] = &count;  // references into an unordered_map stay valid as it grows
    }
    for (std::size_t k = 0; k < counted.size(); ++k) {
        const auto i = counted[k];
        const auto ch = channels.find(all[i].channelId);
        if (ch == channels.end() || !ch->second.dailyCap || *ch->second.dailyCap < 0) {
            continue;
        }
        const int cap = *ch->second.dailyCap;
        DayCount& count = *countOf[k];
        if (++count.seen > cap) {
            report.flags[i].push_back({FlagKind::DailyCap, count.total, cap, 0, {}});
        }
    }

    // Character limits: any post that will go out or is being written, not a skipped one.
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto ch = channels.find(all[i].channelId);
        if (all[i].status == PostStatus::Skipped || ch == channels.end() || !ch->second.charLimit) {
            continue;
        }
        // A body of no more bytes than the limit has no more characters either.
        if (all[i].body.size() <= static_cast<std::size_t>(std::max(0, *ch->second.charLimit))) {
            continue;
        }
        const int n = characterCount(all[i].body);
        if (n > *ch->second.charLimit) {
            report.flags[i].push_back({FlagKind::CharLimit, n, *ch->second.charLimit, 0, {}});
        }
    }

    Sentences sentences{nicheNames, channels};
    for (std::size_t i = 0; i < all.size(); ++i) {
        for (auto& f : report.flags[i]) {
            f.message = sentences(f, all[i], days, from);
        }
    }

    // The mix per niche.
    std::map<std::optional<Id>, NicheMix> mix;
    for (const auto i : counted) {
        auto& m = mix[all[i].nicheId];
        ++m.byPurpose[static_cast<std::size_t>(all[i].purpose)];
        ++(isPromotional(all[i].purpose) ? m.promotional : m.value);
    }
    for (auto& [niche, m] : mix) {
        m.nicheId = niche;
        if (niche) {
            const auto it = nicheNames.find(*niche);
            m.name = it != nicheNames.end() ? it->second : "Niche " + std::to_string(*niche);
        } else {
            m.name = "No niche";
        }
        report.niches.push_back(m);
    }
    std::stable_sort(report.niches.begin(), report.niches.end(),
                     [](const NicheMix& a, const NicheMix& b) {
                         if (a.nicheId.has_value() != b.nicheId.has_value()) {
                             return a.nicheId.has_value();
                         }
                         return a.name < b.name;
                     });
    return report;
}

}  // namespace rapport::core
