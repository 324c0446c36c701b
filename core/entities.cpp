#include "core/entities.h"

namespace rapport::core {

std::optional<int> Channel::defaultCharLimit(ChannelKind kind) {
    switch (kind) {
        case ChannelKind::X:
            return 280;
        case ChannelKind::LinkedIn:
            return 3000;
        case ChannelKind::Instagram:
            return 2200;
        case ChannelKind::Facebook:
            return 63206;
        default:
            return std::nullopt;
    }
}

Channel Channel::withDefaults(ChannelKind kind) {
    struct Defaults {
        std::optional<int> cap;
        std::vector<int> times;  // minutes after midnight, local
    };
    const auto at = [](int h, int m) { return h * 60 + m; };
    Defaults d;
    switch (kind) {
        case ChannelKind::X:
            d = {3, {at(8, 30), at(12, 15), at(17, 0)}};
            break;
        case ChannelKind::LinkedIn:
            d = {1, {at(8, 0)}};
            break;
        case ChannelKind::Facebook:
            d = {2, {at(9, 0), at(13, 0)}};
            break;
        case ChannelKind::Instagram:
            d = {2, {at(11, 0), at(19, 0)}};
            break;
        case ChannelKind::YouTube:
            d = {1, {at(15, 0)}};
            break;
        case ChannelKind::TikTok:
            d = {3, {at(12, 0), at(19, 0), at(21, 0)}};
            break;
        case ChannelKind::Blog:
            d = {1, {at(7, 0)}};
            break;
        case ChannelKind::Newsletter:
            d = {1, {at(6, 30)}};
            break;
        case ChannelKind::Podcast:
            d = {1, {at(5, 0)}};
            break;
        case ChannelKind::Forum:
            d = {2, {at(10, 0), at(16, 0)}};
            break;
        case ChannelKind::Other:
            d = {std::nullopt, {at(9, 0)}};
            break;
    }
    Channel c;
    c.kind = kind;
    c.charLimit = defaultCharLimit(kind);
    c.dailyCap = d.cap;
    for (const int m : d.times) {
        c.preferredTimes.push_back(TimeOfDay{m});
    }
    return c;
}

MixPolicy MixPolicy::fromPreset(MixPreset preset) {
    switch (preset) {
        // 80/20: at most 2 promotional posts in any 10.
        case MixPreset::EightyTwenty:
            return {preset, 5, 10, 2};
        // 4-1-1: four value posts and one soft resource for every one promotion.
        case MixPreset::FourOneOne:
            return {preset, 5, 6, 1};
        // 5-3-2: five from others, three of your own, two personal; your own may sell.
        case MixPreset::FiveThreeTwo:
            return {preset, 5, 10, 3};
        case MixPreset::Custom:
            break;
    }
    return {MixPreset::Custom, 5, 10, 2};
}

}  // namespace rapport::core
