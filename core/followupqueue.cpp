#include "core/followupqueue.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "core/enrollmentstepsource.h"
#include "core/errors.h"
#include "core/followupcolumns.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/validation.h"

namespace rapport::core {

namespace {

std::optional<Date> optDate(const sql::Statement& s, int col) {
    if (s.isNull(col)) {
        return std::nullopt;
    }
    return parseDate(s.text(col));
}

std::string lowerAscii(const std::string& s) {
    std::string out = s;
    for (auto& ch : out) {
        if (ch >= 'A' && ch <= 'Z') {
            ch = static_cast<char>(ch - 'A' + 'a');
        }
    }
    return out;
}

std::string kindWords(InteractionKind kind) {
    std::string words{toString(kind)};
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

}  // namespace

FollowUpFacts readFollowUpFacts(const sql::Statement& s, int first, LocalDays& days) {
    FollowUpFacts f;
    f.stage = parseEnum<Stage>(s.text(first)).value_or(Stage::Looker);
    if (!s.isNull(first + 1)) {
        f.cadenceDays = s.int32(first + 1);
    }
    f.cadenceNever = s.integer(first + 2) != 0;
    f.nextFollowUp = optDate(s, first + 3);
    f.snoozedUntil = optDate(s, first + 4);
    f.createdOn = parseDate(s.text(first + 5)).value_or(Date{});
    if (!s.isNull(first + 6)) {
        LatestInteraction latest;
        latest.on = days.dateOf(Instant{std::chrono::seconds{s.integer(first + 6)}});
        latest.id = s.integer(first + 7);
        latest.direction = parseEnum<Direction>(s.text(first + 8)).value_or(Direction::Inbound);
        latest.kind =
            parseEnum<InteractionKind>(s.text(first + 9)).value_or(InteractionKind::Other);
        f.latest = latest;
    }
    return f;
}

// ---- rules --------------------------------------------------------------------------------------

std::optional<int> FollowUpQueue::defaultCadence(Stage stage) {
    switch (stage) {
        case Stage::Looker:
        case Stage::Follower:
            return std::nullopt;
        case Stage::Engaged:
            return 14;
        case Stage::Relationship:
            return 30;
        case Stage::Customer:
            return 45;
        case Stage::Advocate:
            return 30;
    }
    return std::nullopt;
}

std::optional<int> FollowUpQueue::cadenceOf(Stage stage, std::optional<int> own, bool never) {
    if (never) {
        return std::nullopt;
    }
    return own ? own : defaultCadence(stage);
}

bool FollowUpQueue::expectsAnswer(InteractionKind kind) {
    switch (kind) {
        case InteractionKind::Comment:
        case InteractionKind::Reply:
        case InteractionKind::Mention:
        case InteractionKind::DirectMessage:
        case InteractionKind::Email:
            return true;
        default:
            return false;
    }
}

FollowUpStatus FollowUpQueue::assess(const FollowUpFacts& f, Date day) {
    FollowUpStatus st;
    st.cadenceDays = cadenceOf(f.stage, f.cadenceDays, f.cadenceNever);
    st.touched = f.latest.has_value();
    st.lastTouch = f.latest ? f.latest->on : f.createdOn;

    // 1. reply owed
    if (f.latest && f.latest->direction == Direction::Inbound && expectsAnswer(f.latest->kind)) {
        DueReason r;
        r.reason = FollowUpReason::ReplyOwed;
        r.due = f.latest->on;
        r.interactionId = f.latest->id;
        r.kind = f.latest->kind;
        st.reasons.push_back(r);
    }
    // 2. sequence steps
    for (const auto& step : f.steps) {
        DueReason r;
        r.reason = FollowUpReason::SequenceStep;
        r.due = step.due;
        r.kind = step.kind;
        r.step = step;
        st.reasons.push_back(r);
    }
    // 3. planned
    if (f.nextFollowUp) {
        DueReason r;
        r.reason = FollowUpReason::Planned;
        r.due = *f.nextFollowUp;
        st.reasons.push_back(r);
    }
    // 4. cadence
    if (st.cadenceDays) {
        DueReason r;
        r.reason = FollowUpReason::Cadence;
        r.due = addDays(st.lastTouch, *st.cadenceDays);
        r.cadenceDays = *st.cadenceDays;
        st.reasons.push_back(r);
    }
    std::stable_sort(st.reasons.begin(), st.reasons.end(),
                     [](const DueReason& a, const DueReason& b) {
                         return date::sys_days{a.due} < date::sys_days{b.due};
                     });
    if (!st.reasons.empty()) {
        st.due = st.reasons.front().due;
        if (f.snoozedUntil && date::sys_days{*f.snoozedUntil} > date::sys_days{*st.due}) {
            st.due = *f.snoozedUntil;
            st.snoozed = true;
        }
    }
    st.daysSinceLastTouch = std::max(0, daysBetween(st.lastTouch, day));
    st.losingTouch = st.cadenceDays && st.daysSinceLastTouch > 2 * *st.cadenceDays;
    return st;
}

std::optional<QueueBucket> FollowUpQueue::bucketOf(Date due, Date day) {
    const auto d = date::sys_days{due};
    const auto t = date::sys_days{day};
    if (d < t) {
        return QueueBucket::Overdue;
    }
    if (d == t) {
        return QueueBucket::Today;
    }
    if (d <= t + date::days{kHorizonDays}) {
        return QueueBucket::ThisWeek;
    }
    return std::nullopt;
}

std::string FollowUpQueue::describe(const DueReason& r) {
    switch (r.reason) {
        case FollowUpReason::ReplyOwed:
            return "reply owed: their " + kindWords(r.kind.value_or(InteractionKind::Other));
        case FollowUpReason::SequenceStep:
            if (r.step) {
                return "sequence step: " + r.step->action + " (" + r.step->sequenceName + ")";
            }
            return "sequence step";
        case FollowUpReason::Planned:
            return "planned follow-up";
        case FollowUpReason::Cadence:
            return "cadence: every " + std::to_string(r.cadenceDays) + " days";
    }
    return "";
}

// ---- the service --------------------------------------------------------------------------------

FollowUpQueue::FollowUpQueue(Store& store, const Clock& clock)
    : m_store(store),
      m_clock(clock),
      m_ownSteps(std::make_unique<EnrollmentStepSource>(store)),
      m_steps(*m_ownSteps) {}

FollowUpQueue::FollowUpQueue(Store& store, const Clock& clock, DueStepSource& steps)
    : m_store(store), m_clock(clock), m_steps(steps) {}

FollowUpQueue::~FollowUpQueue() = default;

Date FollowUpQueue::today() {
    return localDate(m_clock.now(), m_store.timeZone());
}

FollowUpDay FollowUpQueue::forDay(Date day) {
    FollowUpDay out;
    out.day = day;
    const Date horizon = addDays(day, kHorizonDays);
    LocalDays days{m_store.timeZone()};
    // Instants before the first second of the day after the horizon fall on or before it.
    const auto horizonEnd = days.startOf(addDays(horizon, 1)).time_since_epoch().count();

    std::unordered_map<Id, std::vector<DueStep>> steps;
    std::string stepContacts = "[";
    for (auto& step : m_steps.dueSteps(horizon)) {
        auto& list = steps[step.contactId];
        if (list.empty()) {
            if (stepContacts.size() > 1) {
                stepContacts += ',';
            }
            stepContacts += std::to_string(step.contactId);
        }
        list.push_back(std::move(step));
    }
    stepContacts += "]";

    // The candidates: a superset of the contacts due by the horizon, each arm read through an
    // index, so that the rules run only for them. A planned date by then; a latest interaction
    // that is inbound by then (its kind is the rules' business); per stage, a last touch (or
    // a created date) early enough for the stage's cadence; a cadence of the contact's own,
    // with a day of slack for a clock change between instants and local dates; an enrollment
    // step. A snooze past the horizon keeps a contact out whatever its reasons. The bounds of
    // the default cadences come from defaultCadence(), so the rule has one home.
#define STAGE_ARMS(stage, touched, created)                    \
    " UNION ALL SELECT id FROM contacts WHERE stage = '" stage \
    "' AND cadence_days IS NULL AND "                          \
    "cadence_never = 0 AND last_at < " touched                 \
    " UNION ALL SELECT id FROM contacts WHERE stage = '" stage \
    "' AND cadence_days IS NULL AND "                          \
    "cadence_never = 0 AND last_at IS NULL AND created_on <= " created
    auto s = m_store.db().prepare(
        "SELECT c.id, c.display_name, " RAPPORT_FOLLOWUP_COLUMNS
        " FROM contacts c WHERE c.id IN (SELECT id FROM contacts WHERE next_follow_up <= ?1"
        " UNION ALL SELECT id FROM contacts WHERE last_direction = 'inbound' AND last_at < ?2"
        STAGE_ARMS("looker", "?4", "?10") STAGE_ARMS("follower", "?5", "?11")
        STAGE_ARMS("engaged", "?6", "?12") STAGE_ARMS("relationship", "?7", "?13")
        STAGE_ARMS("customer", "?8", "?14") STAGE_ARMS("advocate", "?9", "?15")
        " UNION ALL SELECT id FROM contacts WHERE cadence_days IS NOT NULL AND cadence_never = 0 "
        "AND CASE WHEN last_at IS NULL THEN julianday(created_on) + cadence_days <= julianday(?1) "
        "ELSE last_at + 86400 * cadence_days < ?2 + 86400 END"
        " UNION ALL SELECT value FROM json_each(?3)) "
        "AND (c.snoozed_until IS NULL OR c.snoozed_until <= ?1)");
#undef STAGE_ARMS
    s.bind(1, formatDate(horizon)).bind(2, std::int64_t{horizonEnd}).bind(3, stepContacts);
    for (int stage = 0; stage < static_cast<int>(enumCount<Stage>()); ++stage) {
        // Due by cadence on or before the horizon: last touch on or before horizon - cadence.
        if (const auto cadence = defaultCadence(static_cast<Stage>(stage))) {
            const Date latest = addDays(horizon, -*cadence);
            s.bind(4 + stage,
                   std::int64_t{days.startOf(addDays(latest, 1)).time_since_epoch().count()});
            s.bind(10 + stage, formatDate(latest));
        } else {
            s.bind(4 + stage, std::nullopt).bind(10 + stage, std::nullopt);
        }
    }
    const auto hz = date::sys_days{horizon};
    std::vector<FollowUpItem> items;
    while (s.step()) {
        const Id id = s.integer(0);
        auto facts = readFollowUpFacts(s, 2, days);
        if (const auto it = steps.find(id); it != steps.end()) {
            facts.steps = std::move(it->second);
        }
        auto status = assess(facts, day);
        if (!status.due || date::sys_days{*status.due} > hz) {
            continue;
        }
        std::erase_if(status.reasons,
                      [&](const DueReason& r) { return date::sys_days{r.due} > hz; });
        FollowUpItem item;
        item.contactId = id;
        item.displayName = s.text(1);
        item.stage = facts.stage;
        item.bucket = *bucketOf(*status.due, day);
        item.status = std::move(status);
        items.push_back(std::move(item));
    }

    // Sorted through small keys: moving whole items around costs more than the rules.
    struct Key {
        int due;
        std::string name;
        Id id;
        std::size_t index;
    };
    std::vector<Key> keys;
    keys.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& it = items[i];
        keys.push_back({static_cast<int>(date::sys_days{*it.status.due}.time_since_epoch().count()),
                        lowerAscii(it.displayName), it.contactId, i});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.due, a.name, a.id) < std::tie(b.due, b.name, b.id);
    });
    for (const auto& k : keys) {
        auto& item = items[k.index];
        switch (item.bucket) {
            case QueueBucket::Overdue:
                out.overdue.push_back(std::move(item));
                break;
            case QueueBucket::Today:
                out.today.push_back(std::move(item));
                break;
            case QueueBucket::ThisWeek:
                out.thisWeek.push_back(std::move(item));
                break;
        }
    }
    return out;
}

std::size_t FollowUpQueue::needsYouCount(Date day) {
    const auto queue = forDay(day);
    return queue.overdue.size() + queue.today.size();
}

FollowUpFacts FollowUpQueue::factsOf(Id contactId) {
    LocalDays days{m_store.timeZone()};
    auto s =
        m_store.db().prepare("SELECT " RAPPORT_FOLLOWUP_COLUMNS " FROM contacts c WHERE c.id = ?1");
    s.bind(1, contactId);
    if (!s.step()) {
        throw ValidationError(recordLabel(Entity::Contact, contactId), "id",
                              "does not exist in this workspace");
    }
    auto facts = readFollowUpFacts(s, 0, days);
    facts.steps = m_steps.stepsOf(contactId);
    return facts;
}

FollowUpStatus FollowUpQueue::statusOf(Id contactId, Date day) {
    return assess(factsOf(contactId), day);
}

}  // namespace rapport::core
