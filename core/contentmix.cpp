#include "core/contentmix.h"

#include <deque>
#include <map>

namespace rapport::core {

namespace {

struct NicheState {
    int valuePosts = 0;
    std::deque<bool> window;  ///< promotional flags of the last posts, newest at the back
    int promosInWindow = 0;
};

}  // namespace

std::vector<MixViolation> checkMix(const std::vector<MixItem>& items, const MixPolicy& policy) {
    std::vector<MixViolation> out;
    std::map<std::optional<Id>, NicheState> niches;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto& n = niches[items[i].nicheId];
        const bool promo = isPromotional(items[i].purpose);
        n.window.push_back(promo);
        n.promosInWindow += promo ? 1 : 0;
        if (static_cast<int>(n.window.size()) > policy.ratioWindow) {
            n.promosInWindow -= n.window.front() ? 1 : 0;
            n.window.pop_front();
        }
        if (promo) {
            if (n.valuePosts < policy.earnFirst) {
                out.push_back({i, MixRule::EarnFirst, n.valuePosts, policy.earnFirst, 0});
            }
            if (n.promosInWindow > policy.ratioMaxPromo) {
                out.push_back({i, MixRule::Ratio, n.promosInWindow, policy.ratioMaxPromo,
                               policy.ratioWindow});
            }
        } else {
            ++n.valuePosts;
        }
    }
    return out;
}

bool countsTowardMix(PostStatus status) {
    return status == PostStatus::Scheduled || status == PostStatus::Published;
}

}  // namespace rapport::core
