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
