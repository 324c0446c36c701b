// The calendar: `calendar --from DATE --to DATE [--json]`, `export-ics OUT.ics [--from --to]`,
// `export-csv --channel NAME OUT.csv [--from --to]`.

#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "app/clisupport.h"
#include "app/commands.h"
#include "core/errors.h"
#include "core/icalexport.h"
#include "core/mixadvisor.h"
#include "core/schedulercsv.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"

namespace rapport::app {

using namespace rapport::core;

namespace {

struct Range {
    Date from{};
    Date to{};
};

// --from and --to: both, or (when `optional`) neither.
std::optional<Range> rangeArguments(const CommandArgs& args, bool optional) {
    const auto from = args.value("--from");
    const auto to = args.value("--to");
    if (!from && !to && optional) {
        return std::nullopt;
    }
    if (!from || !to) {
        throw UsageError(optional ? "--from and --to go together: give both or neither"
                                  : "the calendar needs --from DATE and --to DATE");
    }
    Range r{dateArgument("--from", *from), dateArgument("--to", *to)};
    if (r.to < r.from) {
        throw UsageError("--to (" + *to + ") must not be before --from (" + *from + ")");
    }
    return r;
}

std::string weekdayName(Date d) {
    static constexpr const char* kNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return kNames[date::weekday{date::sys_days{d}}.iso_encoding() - 1];
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

nlohmann::json orNull(const std::optional<Id>& id) {
    return id ? nlohmann::json(*id) : nlohmann::json();
}

}  // namespace

int calendarCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--from", true}, {"--to", true}, {"--json", false}}};
    args.expectPositionals(0, "");
    const auto range = *rangeArguments(args, false);
    auto store = openExisting(inv);
    const std::string zone = store->timeZone();
    MixAdvisor advisor{*store};
    const auto report = advisor.advise(range.from, range.to);
    std::map<Id, std::string> channels;
    for (const auto& c : store->list<Channel>()) {
        channels.emplace(c.id, c.name);
    }
    std::map<Id, std::string> niches;
    for (const auto& n : store->list<Niche>()) {
        niches.emplace(n.id, n.name);
    }
    const auto label = [](const std::map<Id, std::string>& names, Id id) {
        const auto it = names.find(id);
        return it != names.end() ? it->second : "#" + std::to_string(id);
    };

    if (args.has("--json")) {
        nlohmann::json posts = nlohmann::json::array();
        for (std::size_t i = 0; i < report.posts.size(); ++i) {
            const auto& p = report.posts[i];
            nlohmann::json flags = nlohmann::json::array();
            for (const auto& f : report.flags[i]) {
                flags.push_back({{"rule", flagName(f.kind)},
                                 {"have", f.have},
                                 {"limit", f.limit},
                                 {"window", f.window},
                                 {"message", f.message}});
            }
            posts.push_back(
                {{"id", p.id ? nlohmann::json(p.id) : nlohmann::json()},
                 {"series", orNull(p.seriesId)},
                 {"occurrenceDate", p.occurrenceDate ? nlohmann::json(formatDate(*p.occurrenceDate))
                                                     : nlohmann::json()},
                 {"date", formatDate(localDate(*p.scheduledAt, zone))},
                 {"time", formatTimeOfDay(localTimeOfDay(*p.scheduledAt, zone))},
                 {"scheduledAt", formatInstant(*p.scheduledAt)},
                 {"title", p.title},
                 {"channel", label(channels, p.channelId)},
                 {"purpose", toString(p.purpose)},
                 {"status", toString(p.status)},
                 {"niche",
                  p.nicheId ? nlohmann::json(label(niches, *p.nicheId)) : nlohmann::json()},
                 {"campaign", orNull(p.campaignId)},
                 {"flags", flags}});
        }
        nlohmann::json mix = nlohmann::json::array();
        for (const auto& m : report.niches) {
            nlohmann::json byPurpose = nlohmann::json::object();
            for (std::size_t k = 0; k < m.byPurpose.size(); ++k) {
                byPurpose[std::string{toString(static_cast<Purpose>(k))}] = m.byPurpose[k];
            }
            mix.push_back({{"niche", m.nicheId ? nlohmann::json(m.name) : nlohmann::json()},
                           {"nicheId", orNull(m.nicheId)},
                           {"byPurpose", byPurpose},
                           {"value", m.value},
                           {"promotional", m.promotional},
                           {"valueShare", m.valueShare()},
                           {"promotionalShare", m.promotionalShare()}});
        }
        const nlohmann::json out = {{"from", formatDate(range.from)},
                                    {"to", formatDate(range.to)},
                                    {"timeZone", zone},
                                    {"posts", posts},
                                    {"mix", mix}};
        std::cout << out.dump(2) << "\n";
        return kDone;
    }

    std::cout << "Calendar " << formatDate(range.from) << " to " << formatDate(range.to) << " ("
              << zone << ")\n";
    if (report.posts.empty()) {
        std::cout << "No posts in this range.\n";
        return kDone;
    }
    std::optional<Date> day;
    for (std::size_t i = 0; i < report.posts.size(); ++i) {
        const auto& p = report.posts[i];
        const Date d = localDate(*p.scheduledAt, zone);
        if (day != d) {
            day = d;
            std::cout << "\n" << weekdayName(d) << " " << formatDate(d) << "\n";
        }
        std::cout << "  " << formatTimeOfDay(localTimeOfDay(*p.scheduledAt, zone)) << "  "
                  << label(channels, p.channelId) << " | " << toString(p.purpose) << " | "
                  << toString(p.status) << " | " << p.title;
        if (p.seriesId) {
            std::cout << " (series " << *p.seriesId << ")";
        }
        std::cout << "\n";
        for (const auto& f : report.flags[i]) {
            std::cout << "         ! " << flagName(f.kind) << ": " << f.message << "\n";
        }
    }
    std::cout << "\n"
              << report.flaggedPosts() << " of " << report.posts.size()
              << " posts flagged. Flags are warnings; the posts stay as planned.\n";
    if (!report.niches.empty()) {
        std::cout << "\nMix per niche (scheduled and published):\n";
        for (const auto& m : report.niches) {
            std::cout << "  " << m.name << ": " << m.value << " value, " << m.promotional
                      << " promotional (" << percent(m.valueShare()) << " value)\n";
        }
    }
    return kDone;
}

int exportIcsCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--from", true}, {"--to", true}}};
    args.expectPositionals(1, "exactly one output file (rapport export-ics OUT.ics)");
    const auto range = rangeArguments(args, true);
    auto store = openExisting(inv);
    const auto clock = commandClock();
    const auto doc =
        range ? exportIcs(*store, *clock, range->from, range->to) : exportIcs(*store, *clock);
    const auto& out = args.positional().front();
    workspacejson::writeFile(out, doc.text);
    std::cout << "Exported " << doc.posts << (doc.posts == 1 ? " post, " : " posts, ") << doc.series
              << " series and " << doc.exceptions
              << (doc.exceptions == 1 ? " changed occurrence" : " changed occurrences") << " to "
              << out << ".\n";
    return kDone;
}

int exportCsvCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--channel", true}, {"--from", true}, {"--to", true}}};
    args.expectPositionals(1,
                           "exactly one output file (rapport export-csv --channel NAME OUT.csv)");
    const auto name = args.value("--channel");
    if (!name || name->empty()) {
        throw UsageError("export-csv needs --channel NAME: one file per channel");
    }
    auto range = rangeArguments(args, true);
    auto store = openExisting(inv);
    std::optional<Channel> channel;
    std::string known;
    for (auto& c : store->list<Channel>()) {
        known += (known.empty() ? "" : ", ") + c.name;
        if (c.name == *name) {
            channel = std::move(c);
        }
    }
    if (!channel) {
        throw ValidationError(
            "channel \"" + *name + "\"", "name",
            "is not a channel of " + store->path() +
                (known.empty() ? " (it has none)" : " (its channels: " + known + ")"));
    }
    if (!range) {
        // Bulk schedulers take what is still to come: from today, a year ahead.
        const auto clock = commandClock();
        const Date today = localDate(clock->now(), store->timeZone());
        range = Range{today, addDays(today, 365)};
    }
    const auto csv = exportSchedulerCsv(*store, channel->id, range->from, range->to);
    const auto& out = args.positional().front();
    workspacejson::writeFile(out, csv.text);
    std::cout << "Exported " << csv.rows << " scheduled " << (csv.rows == 1 ? "post" : "posts")
              << " of " << channel->name << " (" << formatDate(range->from) << " to "
              << formatDate(range->to) << ") to " << out << ".\n";
    return kDone;
}

}  // namespace rapport::app
