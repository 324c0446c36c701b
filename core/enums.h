#pragma once
// The enumerations of DOMAIN.md with their stored spelling. The spelling is the contract of the
// database CHECK constraints and of the JSON format, so it never changes once released.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rapport::core {

enum class ChannelKind {
    X,
    LinkedIn,
    Facebook,
    Instagram,
    YouTube,
    TikTok,
    Blog,
    Newsletter,
    Podcast,
    Forum,
    Other
};
enum class MetricKind {
    Relationships,
    Conversations,
    Conversions,
    Engagement,
    AudienceSize,
    Custom
};
enum class GoalStatus { Active, Achieved, Abandoned };
enum class CampaignStatus { Planning, Running, Done };
enum class MixPreset { EightyTwenty, FourOneOne, FiveThreeTwo, Custom };
enum class Purpose { Value, Resource, Conversation, Promotion, Affiliate };
enum class PostStatus { Idea, Draft, Scheduled, Published, Skipped };
enum class Frequency { Weekly, EveryNDays, Monthly };
enum class Stage { Looker, Follower, Engaged, Relationship, Customer, Advocate };
enum class ContactSource { Manual, Csv, Vcard, Json };
enum class InteractionKind {
    Comment,
    Reply,
    Mention,
    DirectMessage,
    Email,
    Call,
    Meeting,
    Share,
    Purchase,
    Referral,
    Other
};
enum class Direction { Inbound, Outbound };
enum class EnrollmentState { Active, Waiting, Qualified, Completed, Converted, Exited };
enum class IdeaStatus { New, Planned, Covered, Dropped };

/// Stored names of each enumeration, in declaration order.
template <class E>
struct EnumNames;

#define RAPPORT_ENUM_NAMES(E, ...)                                                     \
    template <>                                                                        \
    struct EnumNames<E> {                                                              \
        static constexpr auto values = std::to_array<std::string_view>({__VA_ARGS__}); \
        static constexpr std::string_view typeName = #E;                               \
    }

RAPPORT_ENUM_NAMES(ChannelKind, "x", "linkedin", "facebook", "instagram", "youtube", "tiktok",
                   "blog", "newsletter", "podcast", "forum", "other");
RAPPORT_ENUM_NAMES(MetricKind, "relationships", "conversations", "conversions", "engagement",
                   "audience_size", "custom");
RAPPORT_ENUM_NAMES(GoalStatus, "active", "achieved", "abandoned");
RAPPORT_ENUM_NAMES(CampaignStatus, "planning", "running", "done");
RAPPORT_ENUM_NAMES(MixPreset, "80/20", "4-1-1", "5-3-2", "custom");
RAPPORT_ENUM_NAMES(Purpose, "value", "resource", "conversation", "promotion", "affiliate");
RAPPORT_ENUM_NAMES(PostStatus, "idea", "draft", "scheduled", "published", "skipped");
RAPPORT_ENUM_NAMES(Frequency, "weekly", "every_n_days", "monthly");
RAPPORT_ENUM_NAMES(Stage, "looker", "follower", "engaged", "relationship", "customer", "advocate");
RAPPORT_ENUM_NAMES(ContactSource, "manual", "csv", "vcard", "json");
RAPPORT_ENUM_NAMES(InteractionKind, "comment", "reply", "mention", "direct_message", "email",
                   "call", "meeting", "share", "purchase", "referral", "other");
RAPPORT_ENUM_NAMES(Direction, "inbound", "outbound");
RAPPORT_ENUM_NAMES(EnrollmentState, "active", "waiting", "qualified", "completed", "converted",
                   "exited");
RAPPORT_ENUM_NAMES(IdeaStatus, "new", "planned", "covered", "dropped");

#undef RAPPORT_ENUM_NAMES

template <class E>
constexpr std::string_view toString(E value) {
    return EnumNames<E>::values[static_cast<std::size_t>(value)];
}

template <class E>
constexpr std::optional<E> parseEnum(std::string_view text) {
    const auto& names = EnumNames<E>::values;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

template <class E>
constexpr std::size_t enumCount() {
    return EnumNames<E>::values.size();
}

/// "a, b or c": the allowed names, for error messages.
template <class E>
std::string allowedNames() {
    std::string out;
    const auto& names = EnumNames<E>::values;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += (i + 1 == names.size()) ? " or " : ", ";
        }
        out += names[i];
    }
    return out;
}

/// Purposes that sell rather than give (DOMAIN.md, Content mix).
constexpr bool isPromotional(Purpose p) {
    return p == Purpose::Promotion || p == Purpose::Affiliate;
}

}  // namespace rapport::core
