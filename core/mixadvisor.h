#pragma once
// The content-mix advisor of the calendar (DOMAIN.md, Content mix): for a range of local days,
// which posts break the earn-first or ratio rule of their niche, a channel's daily cap or its
// character limit, each with the numbers and a sentence; and the mix per niche. Flags are
// warnings: nothing here stops a post from being kept.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/contentmix.h"
#include "core/entities.h"
#include "core/store.h"

namespace rapport::core {

enum class FlagKind { EarnFirst, Ratio, DailyCap, CharLimit };

/// One broken rule on one post.
struct PostFlag {
    FlagKind kind = FlagKind::EarnFirst;
    /// EarnFirst: value posts before it in its niche; Ratio: promotional posts in its window;
    /// DailyCap: posts on its channel that local day; CharLimit: characters in its body.
    int have = 0;
    /// EarnFirst: value posts needed; Ratio: promotional posts allowed; DailyCap: the cap;
    /// CharLimit: the limit.
    int limit = 0;
    int window = 0;       ///< Ratio: the posts looked at
    std::string message;  ///< "3 value posts before this promotion in niche SEO readers; 5 needed"
};

/// The mix of one niche over the range (scheduled and published posts only).
struct NicheMix {
    std::optional<Id> nicheId;       ///< none: the posts without a niche
    std::string name;                ///< the niche's name, or "No niche"
    std::array<int, 5> byPurpose{};  ///< indexed by Purpose
    int value = 0;
    int promotional = 0;

    int total() const { return value + promotional; }
    double valueShare() const { return total() ? double(value) / total() : 0.0; }
    double promotionalShare() const { return total() ? double(promotional) / total() : 0.0; }
};

struct MixReport {
    std::vector<Post> posts;                   ///< the range's effective posts, in time order
    std::vector<std::vector<PostFlag>> flags;  ///< flags[i] belong to posts[i]
    std::vector<NicheMix> niches;              ///< by niche name; "No niche" last

    std::size_t flaggedPosts() const;
};

/// The rule's short name for chips and JSON: "earn-first", "ratio", "daily-cap", "char-limit".
std::string_view flagName(FlagKind kind);

/// Applies the rules to the store's posts. Reads only: the history a rule needs before the range
/// (each niche's last posts and its value posts, capped at what the rules look at) comes from
/// indexed queries, never from loading every post.
class MixAdvisor {
public:
    explicit MixAdvisor(Store& store) : m_store(store) {}

    /// The effective posts of the local days [from, to] (see effectivePosts) and their flags.
    /// Throws ValidationError when `to` is before `from`.
    MixReport advise(Date from, Date to);
    /// The same over posts the caller already holds for that range (the view's list, perhaps
    /// with an unsaved edit in it); they need not be sorted. History still comes from the store.
    MixReport advise(Date from, Date to, std::vector<Post> posts);

    /// The policy that applies to a post: its campaign's, else the 80/20 default.
    MixPolicy policyFor(const Post& post);

private:
    Store& m_store;
};

/// Characters as people count them: Unicode code points of UTF-8 text, not bytes.
int characterCount(std::string_view utf8);

}  // namespace rapport::core
