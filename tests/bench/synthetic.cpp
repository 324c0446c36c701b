#include "synthetic.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include "core/timeutil.h"

namespace rapport::bench {

using namespace rapport::core;

WorkspaceData syntheticWorkspace(const Size& size, unsigned seed) {
    std::mt19937 rng{seed};
    const auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>{0, n - 1}(rng);
    };
    WorkspaceData d;
    d.info = {"Synthetic", "Europe/Berlin"};
    const ChannelKind kinds[] = {ChannelKind::X, ChannelKind::LinkedIn, ChannelKind::Blog,
                                 ChannelKind::Newsletter};
    for (Id i = 1; i <= 4; ++i) {
        Channel c;
        c.id = i;
        c.name = "Channel " + std::to_string(i);
        c.kind = kinds[i - 1];
        c.charLimit = Channel::defaultCharLimit(c.kind);
        c.dailyCap = 3;
        c.preferredTimes = {TimeOfDay{9 * 60}, TimeOfDay{13 * 60}, TimeOfDay{17 * 60}};
        d.channels.push_back(c);
    }
    for (Id i = 1; i <= 3; ++i) {
        Niche n;
        n.id = i;
        n.name = "Niche " + std::to_string(i);
        n.topic = "Topic " + std::to_string(i);
        n.draw = "A weekly teardown";
        d.niches.push_back(n);
    }
    const Date start = Date{date::year{2026}, date::month{1}, date::day{1}};
    const Purpose purposes[] = {Purpose::Value,        Purpose::Value, Purpose::Resource,
                                Purpose::Conversation, Purpose::Value, Purpose::Promotion};
    for (std::size_t i = 0; i < size.posts; ++i) {
        Post p;
        p.id = static_cast<Id>(i + 1);
        p.title = "Post " + std::to_string(i + 1);
        p.body =
            "Three ways to find the words your readers search for, number " + std::to_string(i);
        p.channelId = static_cast<Id>(pick(4) + 1);
        p.purpose = purposes[pick(6)];
        p.status = i % 3 == 0 ? PostStatus::Published : PostStatus::Scheduled;
        p.scheduledAt =
            toInstant(addDays(start, static_cast<int>(pick(365))),
                      TimeOfDay{static_cast<int>(8 * 60 + pick(10) * 60)}, d.info.timeZone);
        p.nicheId = static_cast<Id>(pick(3) + 1);
        p.link = "https://example.com/p/" + std::to_string(i);
        if (p.status == PostStatus::Published) {
            p.results = {static_cast<int>(pick(20)), static_cast<int>(pick(10)),
                         static_cast<int>(pick(5)), static_cast<int>(pick(100)), 0};
        }
        d.posts.push_back(p);
    }
    for (std::size_t i = 0; i < size.series; ++i) {
        Series s;
        s.id = static_cast<Id>(i + 1);
        s.frequency = Frequency::Weekly;
        s.weekdays = 1u << (i % 7);
        s.time = TimeOfDay{static_cast<int>(7 * 60 + (i % 12) * 60)};
        s.startDate = addDays(start, static_cast<int>(i % 7));
        d.series.push_back(s);
        Post t;
        t.id = static_cast<Id>(size.posts + 3 * i + 1);
        t.title = "Weekly " + std::to_string(i + 1);
        t.body = "A weekly post on one question readers ask";
        t.channelId = static_cast<Id>(i % 4 + 1);
        t.purpose = i % 5 == 4 ? Purpose::Promotion : Purpose::Value;
        t.status = PostStatus::Scheduled;
        t.scheduledAt = toInstant(s.startDate, s.time, d.info.timeZone);
        t.nicheId = static_cast<Id>(i % 3 + 1);
        t.seriesId = s.id;
        d.posts.push_back(t);
        Post skipped = t;
        skipped.id = t.id + 1;
        skipped.status = PostStatus::Skipped;
        skipped.occurrenceDate = addDays(s.startDate, 7 * static_cast<int>(10 + i % 30));
        skipped.scheduledAt = toInstant(*skipped.occurrenceDate, s.time, d.info.timeZone);
        d.posts.push_back(skipped);
        Post moved = t;
        moved.id = t.id + 2;
        moved.occurrenceDate = addDays(s.startDate, 7 * static_cast<int>(20 + i % 25));
        moved.scheduledAt = toInstant(addDays(*moved.occurrenceDate, 1), s.time, d.info.timeZone);
        d.posts.push_back(moved);
    }
    const Stage stages[] = {Stage::Looker,       Stage::Follower, Stage::Engaged,
                            Stage::Relationship, Stage::Customer, Stage::Advocate};
    for (std::size_t i = 0; i < size.contacts; ++i) {
        Contact c;
        c.id = static_cast<Id>(i + 1);
        c.displayName = "Reader " + std::to_string(i + 1);
        c.email = (i % 3 == 0) ? "reader" + std::to_string(i + 1) + "@example.com" : "";
        c.handles = {{ChannelKind::X, "@reader" + std::to_string(i + 1)}};
        c.stage = stages[pick(6)];
        c.nicheId = static_cast<Id>(pick(3) + 1);
        c.tags = {i % 2 ? "blogger" : "agency"};
        c.createdOn = addDays(start, static_cast<int>(pick(200)));
        c.source = ContactSource::Csv;
        d.contacts.push_back(c);
    }
    const InteractionKind ikinds[] = {InteractionKind::Comment,       InteractionKind::Reply,
                                      InteractionKind::DirectMessage, InteractionKind::Email,
                                      InteractionKind::Share,         InteractionKind::Mention};
    const Instant base = toInstant(start, TimeOfDay{0}, "UTC");
    for (std::size_t i = 0; i < size.interactions; ++i) {
        Interaction x;
        x.id = static_cast<Id>(i + 1);
        x.contactId = static_cast<Id>(pick(size.contacts) + 1);
        x.at = base + std::chrono::seconds{static_cast<std::int64_t>(pick(365 * 24 * 3600))};
        x.kind = ikinds[pick(6)];
        x.direction = pick(2) ? Direction::Inbound : Direction::Outbound;
        x.channelId = static_cast<Id>(pick(4) + 1);
        x.note = "Asked about keyword research for a small shop";
        d.interactions.push_back(x);
    }
    return d;
}

void keepUp(WorkspaceData& d, Date today) {
    std::vector<Instant> latest(d.contacts.size() + 1, Instant::min());
    Id nextId = 0;
    for (const auto& x : d.interactions) {
        const auto c = static_cast<std::size_t>(x.contactId);
        if (c < latest.size()) {
            latest[c] = std::max(latest[c], x.at);
        }
        nextId = std::max(nextId, x.id);
    }
    for (std::size_t i = 0; i < d.contacts.size(); ++i) {
        if (i % 50 == 0) {
            continue;
        }
        const auto& c = d.contacts[i];
        const auto when = toInstant(addDays(today, -static_cast<int>(i % 6) - 1),
                                    TimeOfDay{10 * 60}, d.info.timeZone);
        Interaction x;
        x.id = ++nextId;
        x.contactId = c.id;
        x.at = std::max(when, latest[static_cast<std::size_t>(c.id)] + std::chrono::hours{1});
        x.kind = InteractionKind::Reply;
        x.direction = Direction::Outbound;
        x.channelId = 1;
        x.note = "Answered";
        d.interactions.push_back(x);
    }
}

std::string linkedInConnectionsCsv(std::size_t rows, unsigned seed) {
    std::mt19937 rng{seed};
    const auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>{0, n - 1}(rng);
    };
    const char* firsts[] = {"Priya",  "Daniel", "Ana", "Chen",
                            "Fatima", "Jonas",  "Léa", "Oluwaseun"};
    const char* lasts[] = {"Raman",  "Brooks", "López",  "Wei",
                           "Haddad", "Berg",   "Dubois", "Adeyemi"};
    const char* companies[] = {"Rise & Crumb Bakery", "Weeknight Pantry", "Acme, Inc.",
                               "Northwind",           "Contoso",          ""};
    const char* positions[] = {"Owner", "Food blogger", "Head of Marketing", "SEO consultant",
                               "Founder"};
    const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::string out =
        "Notes:\n\"When exporting your connection data, you may notice that some of the email "
        "addresses are missing. You will only see email addresses for connections who have "
        "allowed their connections to see or download their email address using this setting "
        "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
        "https://www.linkedin.com/help/linkedin/answer/261\"\n\n"
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    for (std::size_t i = 0; i < rows; ++i) {
        const std::string first = firsts[pick(8)];
        const std::string last = std::string{lasts[pick(8)]} + " " + std::to_string(i + 1);
        const std::string company = companies[pick(6)];
        const bool quote = company.find(',') != std::string::npos;
        char day[4];
        std::snprintf(day, sizeof day, "%02zu", pick(28) + 1);
        out += first + "," + last + ",https://www.linkedin.com/in/member-" + std::to_string(i + 1) +
               "," + (i % 4 == 0 ? "member" + std::to_string(i + 1) + "@example.com" : "") + "," +
               (quote ? "\"" + company + "\"" : company) + "," + positions[pick(5)] + "," + day +
               " " + months[pick(12)] + " " + std::to_string(2015 + pick(11)) + "\n";
        if (i % 1000 == 999) {
            out += "\n";
        }
    }
    return out;
}

}  // namespace rapport::bench
