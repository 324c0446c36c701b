#pragma once
// A small workspace for the calendar tests: a zone, channels, niches, and helpers that add
// posts and series with one line each.

#include <memory>
#include <string>

#include "core/store.h"
#include "core/timeutil.h"
#include "testutil.h"

namespace rapport::test {

class CalendarWorkspace {
public:
    explicit CalendarWorkspace(const std::string& zone = "Europe/Berlin")
        : store(core::Store::openInMemory()) {
        store->setInfo({"Calendar test", zone});
        core::Channel x = sampleChannel("X");
        x.dailyCap = 3;
        xId = store->add(x);
        core::Channel blog;
        blog.name = "Blog, the long form";
        blog.kind = core::ChannelKind::Blog;
        blogId = store->add(blog);
        core::Niche seo;
        seo.name = "SEO readers";
        seo.topic = "Search without tricks";
        seoId = store->add(seo);
        core::Niche agencies;
        agencies.name = "Agencies";
        agencies.topic = "Client work";
        agenciesId = store->add(agencies);
    }

    std::string zone() { return store->timeZone(); }

    /// The instant of a local date and "HH:MM" in the workspace's zone.
    core::Instant at(core::Date d, const std::string& hhmm) {
        return core::toInstant(d, *core::parseTimeOfDay(hhmm), zone());
    }

    core::Post post(const std::string& title, std::optional<core::Instant> when,
                    core::Purpose purpose = core::Purpose::Value,
                    core::PostStatus status = core::PostStatus::Scheduled) {
        core::Post p;
        p.title = title;
        p.body = "Body of " + title;
        p.channelId = xId;
        p.purpose = purpose;
        p.status = status;
        p.scheduledAt = when;
        p.nicheId = seoId;
        return p;
    }

    core::Id addPost(core::Post p) { return store->add(p); }

    /// A weekly series on the given weekdays (bit 0 Monday) with its template; returns its id.
    core::Id addSeries(core::Series s, core::Post templ) {
        store->add(s);
        templ.seriesId = s.id;
        templ.occurrenceDate.reset();
        store->add(templ);
        return s.id;
    }

    static core::Series weekly(core::Date start, unsigned weekdays, const std::string& hhmm) {
        core::Series s;
        s.frequency = core::Frequency::Weekly;
        s.weekdays = weekdays;
        s.time = *core::parseTimeOfDay(hhmm);
        s.startDate = start;
        return s;
    }

    std::unique_ptr<core::Store> store;
    core::Id xId = 0;
    core::Id blogId = 0;
    core::Id seoId = 0;
    core::Id agenciesId = 0;
};

constexpr unsigned kMon = 1u << 0;
constexpr unsigned kTue = 1u << 1;
constexpr unsigned kWed = 1u << 2;
constexpr unsigned kThu = 1u << 3;
constexpr unsigned kFri = 1u << 4;
constexpr unsigned kSat = 1u << 5;
constexpr unsigned kSun = 1u << 6;

}  // namespace rapport::test
