#pragma once
// The content-mix rules (DOMAIN.md, Content mix): earn the right to sell before selling, then
// keep promotions to a ratio. Counted per niche over posts in time order.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/entities.h"

namespace rapport::core {

/// One post as the mix rules see it.
struct MixItem {
    std::optional<Id> nicheId;  ///< posts without a niche form their own bucket
    Purpose purpose = Purpose::Value;
    Instant at{};
};

enum class MixRule { EarnFirst, Ratio };

/// A promotional post that breaks a rule, with the numbers that explain it.
struct MixViolation {
    std::size_t index = 0;  ///< into the items given
    MixRule rule = MixRule::EarnFirst;
    int have = 0;   ///< EarnFirst: value posts before it; Ratio: promotions in its window
    int limit = 0;  ///< EarnFirst: value posts needed; Ratio: promotions allowed
    int window = 0;
};

/// Checks items (in time order) against a policy; returns every violation, in item order.
std::vector<MixViolation> checkMix(const std::vector<MixItem>& items, const MixPolicy& policy);

/// Whether posts of this status count toward the mix (scheduled and published do).
bool countsTowardMix(PostStatus status);

}  // namespace rapport::core
