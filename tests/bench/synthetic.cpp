#include "synthetic.h"

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
    const Purpose purposes[] = {Purpose::Value,     Purpose::Value,        Purpose::Resource,
                                Purpose::Conversation, Purpose::Value,     Purpose::Promotion};
    for (std::size_t i = 0; i < size.posts; ++i) {
        Post p;
        p.id = static_cast<Id>(i + 1);
        p.title = "Post " + std::to_string(i + 1);
        p.body = "Three ways to find the words your readers search for, number " +
                 std::to_string(i);
        p.channelId = static_cast<Id>(pick(4) + 1);
        p.purpose = purposes[pick(6)];
        p.status = i % 3 == 0 ? PostStatus::Published : PostStatus::Scheduled;
        p.scheduledAt = toInstant(addDays(start, static_cast<int>(pick(365))),
                                  TimeOfDay{static_cast<int>(8 * 60 + pick(10) * 60)},
                                  d.info.timeZone);
        p.nicheId = static_cast<Id>(pick(3) + 1);
        p.link = "https://example.com/p/" + std::to_string(i);
        if (p.status == PostStatus::Published) {
            p.results = {static_cast<int>(pick(20)), static_cast<int>(pick(10)),
                         static_cast<int>(pick(5)), static_cast<int>(pick(100)), 0};
        }
        d.posts.push_back(p);
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
    const InteractionKind ikinds[] = {InteractionKind::Comment, InteractionKind::Reply,
                                      InteractionKind::DirectMessage, InteractionKind::Email,
                                      InteractionKind::Share, InteractionKind::Mention};
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

}  // namespace rapport::bench
