#include "core/stagesuggester.h"

#include "core/localdays.h"
#include "core/store.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

StageSuggestion make(Stage from, Stage to, StageRule rule, std::string reason) {
    return {from, to, rule, std::move(reason)};
}

std::string plural(int n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::optional<StageSuggestion> StageSuggester::suggest(Stage current, const StageEvidence& e) {
    // The furthest move first: a referral says more than a purchase, a purchase more than talk.
    if (e.lastReferral && current < Stage::Advocate) {
        return make(current, Stage::Advocate, StageRule::Referral,
                    "referred someone to you (" + formatDate(*e.lastReferral) + ")");
    }
    if (e.lastPurchase && current < Stage::Customer) {
        return make(current, Stage::Customer, StageRule::Purchase,
                    "bought from you (" + formatDate(*e.lastPurchase) + ")");
    }
    if (current == Stage::Engaged && e.inboundRecent >= kRelationshipInbound) {
        return make(current, Stage::Relationship, StageRule::RecentInbound,
                    plural(e.inboundRecent, "inbound interaction") + " in the last " +
                        std::to_string(kRecentDays) + " days");
    }
    if ((current == Stage::Looker || current == Stage::Follower) && e.inbound >= 1) {
        return make(current, Stage::Engaged, StageRule::FirstInbound,
                    "reached out to you (" + plural(e.inbound, "inbound interaction") +
                        (e.lastInbound ? ", the latest on " + formatDate(*e.lastInbound) : "") +
                        ")");
    }
    return std::nullopt;
}

StageEvidence StageSuggester::evidenceOf(Id contactId, Date today) {
    LocalDays days{m_store.timeZone()};
    const auto from = days.startOf(addDays(today, -(kRecentDays - 1))).time_since_epoch().count();
    const auto until = days.startOf(addDays(today, 1)).time_since_epoch().count();
    auto s = m_store.db().prepare(
        "SELECT coalesce(sum(direction = 'inbound'), 0), "
        "coalesce(sum(direction = 'inbound' AND at >= ?2 AND at < ?3), 0), "
        "max(CASE WHEN direction = 'inbound' THEN at END), "
        "max(CASE WHEN kind = 'purchase' THEN at END), "
        "max(CASE WHEN kind = 'referral' THEN at END) "
        "FROM interactions WHERE contact_id = ?1");
    s.bind(1, contactId).bind(2, std::int64_t{from}).bind(3, std::int64_t{until});
    StageEvidence e;
    if (!s.step()) {
        return e;
    }
    const auto dateAt = [&](int col) -> std::optional<Date> {
        if (s.isNull(col)) {
            return std::nullopt;
        }
        return days.dateOf(Instant{std::chrono::seconds{s.integer(col)}});
    };
    e.inbound = s.int32(0);
    e.inboundRecent = s.int32(1);
    e.lastInbound = dateAt(2);
    e.lastPurchase = dateAt(3);
    e.lastReferral = dateAt(4);
    return e;
}

std::optional<StageSuggestion> StageSuggester::suggest(Id contactId, Date today) {
    const auto contact = m_store.get<Contact>(contactId);
    return suggest(contact.stage, evidenceOf(contactId, today));
}

std::optional<StageSuggestion> StageSuggester::suggest(Id contactId) {
    return suggest(contactId, localDate(m_clock.now(), m_store.timeZone()));
}

}  // namespace rapport::core
