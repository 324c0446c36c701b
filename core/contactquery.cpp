#include "core/contactquery.h"

#include <algorithm>
#include <array>
#include <sstream>
#include <unordered_map>

#include "core/enrollmentstepsource.h"
#include "core/followupcolumns.h"
#include "core/followupqueue.h"
#include "core/store.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

// The list reads contact_list (l: name order, stage, niche, search text) and, for the follow-up
// rules and the orders they need, contacts (c).
//
// ?1..?4 search words (lower case; '' matches anything); ?5 stage; ?6 niche; ?7 tag.
#define FILTER_SQL                                                                              \
    " WHERE instr(l.search, ?1) > 0 AND instr(l.search, ?2) > 0 AND instr(l.search, ?3) > 0 "   \
    "AND instr(l.search, ?4) > 0 AND (?5 IS NULL OR l.stage = ?5) AND (?6 IS NULL OR "          \
    "l.niche_id = ?6) AND (?7 IS NULL OR l.contact_id IN (SELECT contact_id FROM contact_tags " \
    "WHERE tag = ?7))"

// ?8 losing touch wanted. SQL narrows to the contacts whose last touch (or created date) is
// older than twice their cadence, each arm through an index like the follow-up queue's, and
// the rules decide. Per stage: ?11..?16 the first second of today - 2 x its default cadence,
// ?19..?24 that day (none for never); a cadence of the contact's own against ?9 today and
// ?10 today's first second, with a day of slack for clock changes.
#define LOSING_ARMS(stage, touched, created)                   \
    " UNION ALL SELECT id FROM contacts WHERE stage = '" stage \
    "' AND cadence_days IS NULL AND "                          \
    "cadence_never = 0 AND last_at < " touched                 \
    " UNION ALL SELECT id FROM contacts WHERE stage = '" stage \
    "' AND cadence_days IS NULL AND "                          \
    "cadence_never = 0 AND last_at IS NULL AND created_on < " created
#define LOSING_SQL                                                                             \
    " AND (?8 = 0 OR l.contact_id IN (SELECT id FROM contacts WHERE cadence_days IS NOT NULL " \
    "AND cadence_never = 0 AND CASE WHEN last_at IS NULL THEN julianday(created_on) + 2 * "    \
    "cadence_days < julianday(?9) ELSE last_at + 172800 * cadence_days < ?10 + 86400 "         \
    "END" LOSING_ARMS("looker", "?11", "?19") LOSING_ARMS("follower", "?12", "?20")            \
        LOSING_ARMS("engaged", "?13", "?21") LOSING_ARMS("relationship", "?14", "?22")         \
            LOSING_ARMS("customer", "?15", "?23") LOSING_ARMS("advocate", "?16", "?24") "))"

// Column 0 the contact's id, then the follow-up columns. ?17 limit (-1: all), ?18 offset.
#define PAGE_SQL(order)                                                                       \
    "SELECT l.contact_id, " RAPPORT_FOLLOWUP_COLUMNS                                          \
    " FROM contact_list l JOIN contacts c ON c.id = l.contact_id LEFT JOIN niches n ON n.id " \
    "= l.niche_id" FILTER_SQL LOSING_SQL " ORDER BY " order " LIMIT ?17 OFFSET ?18"

// The plain path reads ids only, joining what its order needs and nothing else: a keystroke in
// name order never touches contacts.
#define IDS_SQL(join, order)                                                     \
    "SELECT l.contact_id FROM contact_list l" join FILTER_SQL " ORDER BY " order \
    " LIMIT ?17 "                                                                \
    "OFFSET ?18"
#define JOIN_CONTACTS " JOIN contacts c ON c.id = l.contact_id"
#define JOIN_NICHES " LEFT JOIN niches n ON n.id = l.niche_id"

#define STAGE_RANK                                                                         \
    "CASE l.stage WHEN 'looker' THEN 0 WHEN 'follower' THEN 1 WHEN 'engaged' THEN 2 WHEN " \
    "'relationship' THEN 3 WHEN 'customer' THEN 4 ELSE 5 END"
#define LAST_TOUCH "coalesce(c.last_at, (julianday(c.created_on) - 2440587.5) * 86400)"
#define BY_NAME "l.name_key, l.contact_id"

constexpr int kFirstFollowUpColumn = 1;

const char* pageSql(ContactSort by, bool descending) {
    switch (by) {
        case ContactSort::Name:
        case ContactSort::NextDue:  // decided by the rules; SQL gives the order of ties
            return descending ? PAGE_SQL("l.name_key DESC, l.contact_id DESC") : PAGE_SQL(BY_NAME);
        case ContactSort::Stage:
            return descending ? PAGE_SQL(STAGE_RANK " DESC, " BY_NAME)
                              : PAGE_SQL(STAGE_RANK ", " BY_NAME);
        case ContactSort::Niche:
            return descending ? PAGE_SQL("n.name IS NULL, n.name COLLATE NOCASE DESC, " BY_NAME)
                              : PAGE_SQL("n.name IS NULL, n.name COLLATE NOCASE, " BY_NAME);
        case ContactSort::LastTouch:
            return descending ? PAGE_SQL(LAST_TOUCH " DESC, " BY_NAME)
                              : PAGE_SQL(LAST_TOUCH ", " BY_NAME);
        case ContactSort::Created:
            return descending ? PAGE_SQL("c.created_on DESC, " BY_NAME)
                              : PAGE_SQL("c.created_on, " BY_NAME);
    }
    return PAGE_SQL(BY_NAME);
}

std::string lowerAscii(std::string s) {
    for (auto& ch : s) {
        if (ch >= 'A' && ch <= 'Z') {
            ch = static_cast<char>(ch - 'A' + 'a');
        }
    }
    return s;
}

std::array<std::string, 4> searchWords(const std::string& text) {
    std::array<std::string, 4> words;
    std::istringstream in{lowerAscii(text)};
    std::string word;
    std::size_t n = 0;
    while (in >> word) {
        if (n < words.size()) {
            words[n++] = word;
        } else {
            words.back() += " " + word;
        }
    }
    return words;
}

const char* idsSql(ContactSort by, bool descending) {
    switch (by) {
        case ContactSort::Name:
        case ContactSort::NextDue:
            return descending ? IDS_SQL("", "l.name_key DESC, l.contact_id DESC")
                              : IDS_SQL("", BY_NAME);
        case ContactSort::Stage:
            return descending ? IDS_SQL("", STAGE_RANK " DESC, " BY_NAME)
                              : IDS_SQL("", STAGE_RANK ", " BY_NAME);
        case ContactSort::Niche:
            return descending
                       ? IDS_SQL(JOIN_NICHES,
                                 "n.name IS NULL, n.name COLLATE NOCASE DESC, " BY_NAME)
                       : IDS_SQL(JOIN_NICHES, "n.name IS NULL, n.name COLLATE NOCASE, " BY_NAME);
        case ContactSort::LastTouch:
            return descending ? IDS_SQL(JOIN_CONTACTS, LAST_TOUCH " DESC, " BY_NAME)
                              : IDS_SQL(JOIN_CONTACTS, LAST_TOUCH ", " BY_NAME);
        case ContactSort::Created:
            return descending ? IDS_SQL(JOIN_CONTACTS, "c.created_on DESC, " BY_NAME)
                              : IDS_SQL(JOIN_CONTACTS, "c.created_on, " BY_NAME);
    }
    return IDS_SQL("", BY_NAME);
}

bool rulesDecide(const ContactFilter& filter, ContactOrder order) {
    return filter.losingTouch || order.by == ContactSort::NextDue;
}

// The latest date a step can have in the text form the enrollments store.
const Date kLastDate{date::year{9999}, date::month{12}, date::day{31}};
// More rows than any workspace holds; keeps a size_t inside SQLite's integers.
constexpr std::size_t kMaxRows = std::size_t{1} << 40;

std::int64_t sqlCount(std::size_t n) {
    return static_cast<std::int64_t>(std::min(n, kMaxRows));
}

}  // namespace

struct ContactQuery::Bindings {
    static void bind(sql::Statement& s, const ContactFilter& f) {
        const auto words = searchWords(f.text);
        for (int i = 0; i < 4; ++i) {
            s.bind(1 + i, words[static_cast<std::size_t>(i)]);
        }
        if (f.stage) {
            s.bind(5, toString(*f.stage));
        } else {
            s.bind(5, std::nullopt);
        }
        s.bind(6, f.nicheId);
        if (f.tag.empty()) {
            s.bind(7, std::nullopt);
        } else {
            s.bind(7, f.tag);
        }
    }
    static void bindRules(sql::Statement& s, const ContactFilter& f, Date today, LocalDays& days) {
        bind(s, f);
        s.bind(8, f.losingTouch ? 1 : 0);
        s.bind(9, formatDate(today));
        s.bind(10, std::int64_t{days.startOf(today).time_since_epoch().count()});
        for (int stage = 0; stage < static_cast<int>(enumCount<Stage>()); ++stage) {
            // Losing touch: last touch before today - 2 x cadence.
            if (const auto cadence = FollowUpQueue::defaultCadence(static_cast<Stage>(stage))) {
                const Date before = addDays(today, -2 * *cadence);
                s.bind(11 + stage, std::int64_t{days.startOf(before).time_since_epoch().count()});
                s.bind(19 + stage, formatDate(before));
            } else {
                s.bind(11 + stage, std::nullopt).bind(19 + stage, std::nullopt);
            }
        }
    }
};

ContactQuery::ContactQuery(Store& store, const Clock& clock)
    : m_store(store),
      m_clock(clock),
      m_ownSteps(std::make_unique<EnrollmentStepSource>(store)),
      m_steps(*m_ownSteps) {}

ContactQuery::ContactQuery(Store& store, const Clock& clock, DueStepSource& steps)
    : m_store(store), m_clock(clock), m_steps(steps) {}

ContactQuery::~ContactQuery() = default;

Date ContactQuery::today() {
    return localDate(m_clock.now(), m_store.timeZone());
}

ContactPage ContactQuery::search(const ContactFilter& filter, ContactOrder order,
                                 std::size_t limit) {
    ContactPage out;
    if (rulesDecide(filter, order)) {
        const auto all = computed(filter, order);
        out.total = static_cast<std::int64_t>(all.size());
        out.rows = rows(std::vector<Id>(
            all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(limit, all.size()))));
        return out;
    }
    const auto ids = this->ids(filter, order, 0, limit);
    out.rows = rows(ids);
    // Fewer than a page: the scan that found them saw every match.
    out.total = ids.size() < limit ? static_cast<std::int64_t>(ids.size()) : count(filter);
    return out;
}

std::int64_t ContactQuery::count(const ContactFilter& filter) {
    if (filter.losingTouch) {
        return static_cast<std::int64_t>(computed(filter, {}).size());
    }
    auto s = m_store.db().prepare("SELECT count(*) FROM contact_list l" FILTER_SQL);
    Bindings::bind(s, filter);
    return s.step() ? s.integer(0) : 0;
}

std::vector<ContactRow> ContactQuery::page(const ContactFilter& filter, ContactOrder order,
                                           std::size_t offset, std::size_t limit) {
    if (rulesDecide(filter, order)) {
        const auto all = computed(filter, order);
        const auto from = std::min(offset, all.size());
        const auto to = from + std::min(limit, all.size() - from);
        return rows(std::vector<Id>(all.begin() + static_cast<std::ptrdiff_t>(from),
                                    all.begin() + static_cast<std::ptrdiff_t>(to)));
    }
    return rows(ids(filter, order, offset, limit));
}

std::vector<Id> ContactQuery::ids(const ContactFilter& filter, ContactOrder order) {
    if (rulesDecide(filter, order)) {
        return computed(filter, order);
    }
    return ids(filter, order, 0, kMaxRows);
}

std::vector<Id> ContactQuery::ids(const ContactFilter& filter, ContactOrder order,
                                  std::size_t offset, std::size_t limit) {
    auto s = m_store.db().prepare(idsSql(order.by, order.descending));
    Bindings::bind(s, filter);
    s.bind(17, sqlCount(limit)).bind(18, sqlCount(offset));
    std::vector<Id> out;
    while (s.step()) {
        out.push_back(s.integer(0));
    }
    return out;
}

std::vector<Id> ContactQuery::computed(const ContactFilter& filter, ContactOrder order) {
    const Date day = today();
    LocalDays days{m_store.timeZone()};
    const bool byDue = order.by == ContactSort::NextDue;
    std::unordered_map<Id, std::vector<DueStep>> steps;
    if (byDue) {
        for (auto& step : m_steps.dueSteps(kLastDate)) {
            steps[step.contactId].push_back(std::move(step));
        }
    }
    struct Found {
        Id id;
        std::optional<Date> due;
    };
    std::vector<Found> found;
    auto s = m_store.db().prepare(pageSql(order.by, byDue ? false : order.descending));
    Bindings::bindRules(s, filter, day, days);
    s.bind(17, std::int64_t{-1}).bind(18, std::int64_t{0});
    while (s.step()) {
        const Id id = s.integer(0);
        auto facts = readFollowUpFacts(s, kFirstFollowUpColumn, days);
        if (const auto it = steps.find(id); it != steps.end()) {
            facts.steps = it->second;
        }
        const auto status = FollowUpQueue::assess(facts, day);
        if (filter.losingTouch && !status.losingTouch) {
            continue;
        }
        found.push_back({id, status.due});
    }
    if (byDue) {
        // Contacts with nothing ever due come last either way; the SQL order breaks ties.
        std::stable_sort(found.begin(), found.end(), [&](const Found& a, const Found& b) {
            if (!a.due || !b.due) {
                return a.due.has_value() && !b.due.has_value();
            }
            const auto da = date::sys_days{*a.due};
            const auto db = date::sys_days{*b.due};
            return order.descending ? da > db : da < db;
        });
    }
    std::vector<Id> out;
    out.reserve(found.size());
    for (const auto& f : found) {
        out.push_back(f.id);
    }
    return out;
}

std::vector<ContactRow> ContactQuery::rows(const std::vector<Id>& ids) {
    const Date day = today();
    LocalDays days{m_store.timeZone()};
    std::vector<ContactRow> out;
    out.reserve(ids.size());
    for (const Id id : ids) {
        auto s = m_store.db().prepare(
            "SELECT c.display_name, c.niche_id, coalesce(n.name, ''), c.email, "
            "c.company, " RAPPORT_FOLLOWUP_COLUMNS
            " FROM contacts c LEFT JOIN niches n ON n.id = c.niche_id "
            "WHERE c.id = ?1");
        s.bind(1, id);
        if (!s.step()) {
            continue;
        }
        ContactRow r;
        r.id = id;
        r.displayName = s.text(0);
        r.nicheId = s.optInteger(1);
        r.niche = s.text(2);
        r.email = s.text(3);
        r.company = s.text(4);
        auto facts = readFollowUpFacts(s, 5, days);
        r.stage = facts.stage;
        facts.steps = m_steps.stepsOf(id);
        const auto status = FollowUpQueue::assess(facts, day);
        r.lastTouch = status.lastTouch;
        r.touched = status.touched;
        r.nextDue = status.due;
        r.losingTouch = status.losingTouch;
        auto t = m_store.db().prepare(
            "SELECT tag FROM contact_tags WHERE contact_id = ?1 "
            "ORDER BY tag");
        t.bind(1, id);
        while (t.step()) {
            r.tags.push_back(t.text(0));
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<Interaction> ContactQuery::timeline(Id contactId, std::size_t offset,
                                                std::size_t limit) {
    auto s = m_store.db().prepare(
        "SELECT id, contact_id, at, kind, direction, channel_id, post_id, note FROM interactions "
        "WHERE contact_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2 OFFSET ?3");
    s.bind(1, contactId).bind(2, sqlCount(limit)).bind(3, sqlCount(offset));
    std::vector<Interaction> out;
    while (s.step()) {
        Interaction i;
        i.id = s.integer(0);
        i.contactId = s.integer(1);
        i.at = Instant{std::chrono::seconds{s.integer(2)}};
        i.kind = parseEnum<InteractionKind>(s.text(3)).value_or(InteractionKind::Other);
        i.direction = parseEnum<Direction>(s.text(4)).value_or(Direction::Inbound);
        i.channelId = s.optInteger(5);
        i.postId = s.optInteger(6);
        i.note = s.text(7);
        out.push_back(std::move(i));
    }
    return out;
}

std::int64_t ContactQuery::timelineCount(Id contactId) {
    auto s = m_store.db().prepare("SELECT count(*) FROM interactions WHERE contact_id = ?1");
    s.bind(1, contactId);
    return s.step() ? s.integer(0) : 0;
}

std::vector<std::string> ContactQuery::tags() {
    auto s = m_store.db().prepare("SELECT DISTINCT tag FROM contact_tags ORDER BY tag");
    std::vector<std::string> out;
    while (s.step()) {
        out.push_back(s.text(0));
    }
    return out;
}

#undef FILTER_SQL
#undef LOSING_ARMS
#undef LOSING_SQL
#undef PAGE_SQL
#undef STAGE_RANK
#undef LAST_TOUCH
#undef BY_NAME
#undef IDS_SQL
#undef JOIN_CONTACTS
#undef JOIN_NICHES

}  // namespace rapport::core
