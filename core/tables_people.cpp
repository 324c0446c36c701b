// Storage of the relationship records: contacts, interactions, sequences, enrollments and
// topic ideas.

#include <algorithm>

#include "core/tables.h"
#include "core/timeutil.h"

namespace rapport::core {

using namespace column;
using namespace rows;

// ---- contacts ---------------------------------------------------------------------------------

#define CONTACT_COLUMNS                                                              \
    "SELECT id, display_name, email, company, role, niche_id, stage, cadence_days, " \
    "cadence_never, next_follow_up, snoozed_until, notes, created_on, source, uid FROM contacts"

static Contact readContact(sql::Database& db, const sql::Statement& s) {
    Contact c;
    c.id = s.integer(0);
    c.displayName = s.text(1);
    c.email = s.text(2);
    c.company = s.text(3);
    c.role = s.text(4);
    c.nicheId = optId(s, 5);
    c.stage = parseEnum<Stage>(s.text(6)).value_or(Stage::Looker);
    if (!s.isNull(7))
        c.cadenceDays = s.int32(7);
    c.cadenceNever = s.integer(8) != 0;
    c.nextFollowUp = optDate(s, 9);
    c.snoozedUntil = optDate(s, 10);
    c.notes = s.text(11);
    c.createdOn = date(s, 12);
    c.source = parseEnum<ContactSource>(s.text(13)).value_or(ContactSource::Manual);
    c.uid = s.text(14);

    auto h = db.prepare("SELECT kind, handle FROM contact_handles WHERE contact_id = ?1");
    h.bind(1, c.id);
    while (h.step()) {
        c.handles.push_back(
            {parseEnum<ChannelKind>(h.text(0)).value_or(ChannelKind::Other), h.text(1)});
    }
    auto t = db.prepare("SELECT tag FROM contact_tags WHERE contact_id = ?1 ORDER BY tag");
    t.bind(1, c.id);
    while (t.step()) {
        c.tags.push_back(t.text(0));
    }
    return c;
}

static void bindContact(sql::Statement& s, const Contact& c) {
    s.bind(1, idOrNull(c.id))
        .bind(2, c.displayName)
        .bind(3, c.email)
        .bind(4, c.company)
        .bind(5, c.role)
        .bind(6, c.nicheId)
        .bind(7, toString(c.stage))
        .bind(8, c.cadenceDays)
        .bind(9, c.cadenceNever ? 1 : 0)
        .bind(10, dateText(c.nextFollowUp))
        .bind(11, dateText(c.snoozedUntil))
        .bind(12, c.notes)
        .bind(13, dateText(c.createdOn))
        .bind(14, toString(c.source))
        .bind(15, c.uid);
}

// A new contact has no handles or tags to clear; skipping the two deletes matters when an
// import or a restore writes 100,000 contacts.
static void saveContactChildren(sql::Database& db, const Contact& c, bool replace) {
    for (const char* q : {"DELETE FROM contact_handles WHERE contact_id = ?1",
                          "DELETE FROM contact_tags WHERE contact_id = ?1"}) {
        if (!replace) {
            break;
        }
        auto del = db.prepare(q);
        del.bind(1, c.id).run();
    }
    for (const auto& h : c.handles) {
        auto s = db.prepare(
            "INSERT INTO contact_handles (contact_id, kind, handle) VALUES (?1, ?2, ?3)");
        s.bind(1, c.id).bind(2, toString(h.kind)).bind(3, h.handle).run();
    }
    for (const auto& tag : c.tags) {
        auto s = db.prepare("INSERT INTO contact_tags (contact_id, tag) VALUES (?1, ?2)");
        s.bind(1, c.id).bind(2, tag).run();
    }
}

void Table<Contact>::insert(sql::Database& db, Contact& c) {
    auto s = db.prepare(
        "INSERT INTO contacts (id, display_name, email, company, role, niche_id, stage, "
        "cadence_days, cadence_never, next_follow_up, snoozed_until, notes, created_on, source, "
        "uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    bindContact(s, c);
    s.run();
    c.id = db.lastInsertId();
    saveContactChildren(db, c, false);
}

bool Table<Contact>::update(sql::Database& db, const Contact& c) {
    auto s = db.prepare(
        "UPDATE contacts SET display_name = ?2, email = ?3, company = ?4, role = ?5, "
        "niche_id = ?6, stage = ?7, cadence_days = ?8, cadence_never = ?9, next_follow_up = ?10, "
        "snoozed_until = ?11, notes = ?12, created_on = ?13, source = ?14, uid = ?15 "
        "WHERE id = ?1");
    bindContact(s, c);
    s.run();
    if (db.changes() == 0) {
        return false;
    }
    saveContactChildren(db, c, true);
    return true;
}

bool Table<Contact>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM contacts WHERE id = ?1", id);
}

std::optional<Contact> Table<Contact>::find(sql::Database& db, Id id) {
    return findOne<Contact>(db, CONTACT_COLUMNS " WHERE id = ?1", id,
                            [&](const sql::Statement& s) { return readContact(db, s); });
}

std::vector<Contact> Table<Contact>::list(sql::Database& db) {
    return listAll<Contact>(db, CONTACT_COLUMNS " ORDER BY id",
                            [&](const sql::Statement& s) { return readContact(db, s); });
}

std::int64_t Table<Contact>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM contacts");
}

// ---- interactions -----------------------------------------------------------------------------

#define INTERACTION_COLUMNS \
    "SELECT id, contact_id, at, kind, direction, channel_id, post_id, note FROM interactions"

static Interaction readInteraction(const sql::Statement& s) {
    Interaction i;
    i.id = s.integer(0);
    i.contactId = s.integer(1);
    i.at = Instant{std::chrono::seconds{s.integer(2)}};
    i.kind = parseEnum<InteractionKind>(s.text(3)).value_or(InteractionKind::Other);
    i.direction = parseEnum<Direction>(s.text(4)).value_or(Direction::Inbound);
    i.channelId = optId(s, 5);
    i.postId = optId(s, 6);
    i.note = s.text(7);
    return i;
}

static void bindInteraction(sql::Statement& s, const Interaction& i) {
    s.bind(1, idOrNull(i.id))
        .bind(2, i.contactId)
        .bind(3, static_cast<std::int64_t>(i.at.time_since_epoch().count()))
        .bind(4, toString(i.kind))
        .bind(5, toString(i.direction))
        .bind(6, i.channelId)
        .bind(7, i.postId)
        .bind(8, i.note);
}

void Table<Interaction>::insert(sql::Database& db, Interaction& i) {
    auto s = db.prepare(
        "INSERT INTO interactions (id, contact_id, at, kind, direction, channel_id, post_id, "
        "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bindInteraction(s, i);
    s.run();
    i.id = db.lastInsertId();
}

bool Table<Interaction>::update(sql::Database& db, const Interaction& i) {
    auto s = db.prepare(
        "UPDATE interactions SET contact_id = ?2, at = ?3, kind = ?4, direction = ?5, "
        "channel_id = ?6, post_id = ?7, note = ?8 WHERE id = ?1");
    bindInteraction(s, i);
    s.run();
    return db.changes() > 0;
}

bool Table<Interaction>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM interactions WHERE id = ?1", id);
}

std::optional<Interaction> Table<Interaction>::find(sql::Database& db, Id id) {
    return findOne<Interaction>(db, INTERACTION_COLUMNS " WHERE id = ?1", id, readInteraction);
}

std::vector<Interaction> Table<Interaction>::list(sql::Database& db) {
    return listAll<Interaction>(db, INTERACTION_COLUMNS " ORDER BY id", readInteraction);
}

std::int64_t Table<Interaction>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM interactions");
}

// ---- sequences --------------------------------------------------------------------------------

#define SEQUENCE_COLUMNS \
    "SELECT id, name, niche_id, description, asset_title, asset_link, min_inbound FROM sequences"

static Sequence readSequence(sql::Database& db, const sql::Statement& s) {
    Sequence q;
    q.id = s.integer(0);
    q.name = s.text(1);
    q.nicheId = optId(s, 2);
    q.description = s.text(3);
    q.assetTitle = s.text(4);
    q.assetLink = s.text(5);
    q.minInbound = s.int32(6);
    auto st = db.prepare(
        "SELECT id, phase, position, action, kind, channel_id, delay_days FROM sequence_steps "
        "WHERE sequence_id = ?1 ORDER BY phase, position");
    st.bind(1, q.id);
    while (st.step()) {
        SequenceStep step;
        step.id = st.integer(0);
        step.phase = st.int32(1);
        step.position = st.int32(2);
        step.action = st.text(3);
        step.kind = parseEnum<InteractionKind>(st.text(4)).value_or(InteractionKind::Other);
        step.channelId = optId(st, 5);
        step.delayDays = st.int32(6);
        q.steps.push_back(std::move(step));
    }
    return q;
}

static void bindSequence(sql::Statement& s, const Sequence& q) {
    s.bind(1, idOrNull(q.id))
        .bind(2, q.name)
        .bind(3, q.nicheId)
        .bind(4, q.description)
        .bind(5, q.assetTitle)
        .bind(6, q.assetLink)
        .bind(7, q.minInbound);
}

static void bindStep(sql::Statement& s, Id sequenceId, const SequenceStep& step) {
    s.bind(1, idOrNull(step.id))
        .bind(2, sequenceId)
        .bind(3, step.phase)
        .bind(4, step.position)
        .bind(5, step.action)
        .bind(6, toString(step.kind))
        .bind(7, step.channelId)
        .bind(8, step.delayDays);
}

// Steps keep their ids across edits, since enrollments point at them. Positions may swap, so
// kept steps first move out of the way of the (sequence, phase, position) uniqueness.
static void saveSteps(sql::Database& db, Sequence& q, bool isNew) {
    if (!isNew) {
        auto existing = idsOf(db, "SELECT id FROM sequence_steps WHERE sequence_id = ?1", q.id);
        for (const Id id : existing) {
            const bool kept = std::any_of(q.steps.begin(), q.steps.end(),
                                          [&](const SequenceStep& s) { return s.id == id; });
            if (!kept) {
                removeById(db, "DELETE FROM sequence_steps WHERE id = ?1", id);
            }
        }
        auto shift = db.prepare(
            "UPDATE sequence_steps SET position = position + 1000000 WHERE sequence_id = ?1");
        shift.bind(1, q.id).run();
    }
    for (auto& step : q.steps) {
        if (step.id != 0 && !isNew) {
            auto s = db.prepare(
                "UPDATE sequence_steps SET phase = ?3, position = ?4, action = ?5, kind = ?6, "
                "channel_id = ?7, delay_days = ?8 WHERE id = ?1 AND sequence_id = ?2");
            bindStep(s, q.id, step);
            s.run();
            if (db.changes() > 0) {
                continue;
            }
            step.id = 0;  // a step id from elsewhere: store it as a new step
        }
        auto s = db.prepare(
            "INSERT INTO sequence_steps (id, sequence_id, phase, position, action, kind, "
            "channel_id, delay_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        bindStep(s, q.id, step);
        s.run();
        step.id = db.lastInsertId();
    }
}

void Table<Sequence>::insert(sql::Database& db, Sequence& q) {
    auto s = db.prepare(
        "INSERT INTO sequences (id, name, niche_id, description, asset_title, asset_link, "
        "min_inbound) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    bindSequence(s, q);
    s.run();
    q.id = db.lastInsertId();
    saveSteps(db, q, true);
}

bool Table<Sequence>::update(sql::Database& db, const Sequence& q) {
    auto s = db.prepare(
        "UPDATE sequences SET name = ?2, niche_id = ?3, description = ?4, asset_title = ?5, "
        "asset_link = ?6, min_inbound = ?7 WHERE id = ?1");
    bindSequence(s, q);
    s.run();
    if (db.changes() == 0) {
        return false;
    }
    Sequence copy = q;
    saveSteps(db, copy, false);
    return true;
}

bool Table<Sequence>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM sequences WHERE id = ?1", id);
}

std::optional<Sequence> Table<Sequence>::find(sql::Database& db, Id id) {
    return findOne<Sequence>(db, SEQUENCE_COLUMNS " WHERE id = ?1", id,
                             [&](const sql::Statement& s) { return readSequence(db, s); });
}

std::vector<Sequence> Table<Sequence>::list(sql::Database& db) {
    return listAll<Sequence>(db, SEQUENCE_COLUMNS " ORDER BY id",
                             [&](const sql::Statement& s) { return readSequence(db, s); });
}

std::int64_t Table<Sequence>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM sequences");
}

// ---- enrollments ------------------------------------------------------------------------------

#define ENROLLMENT_COLUMNS                                                                \
    "SELECT id, contact_id, sequence_id, enrolled_on, state, current_step_id, next_due, " \
    "gate_override_reason, exit_reason FROM enrollments"

static Enrollment readEnrollment(sql::Database& db, const sql::Statement& s) {
    Enrollment e;
    e.id = s.integer(0);
    e.contactId = s.integer(1);
    e.sequenceId = s.integer(2);
    e.enrolledOn = date(s, 3);
    e.state = parseEnum<EnrollmentState>(s.text(4)).value_or(EnrollmentState::Active);
    e.currentStepId = optId(s, 5);
    e.nextDue = optDate(s, 6);
    e.gateOverrideReason = s.text(7);
    e.exitReason = s.text(8);
    auto d = db.prepare(
        "SELECT step_id, done_on, skipped FROM enrollment_steps WHERE enrollment_id = ?1 "
        "ORDER BY done_on, step_id");
    d.bind(1, e.id);
    while (d.step()) {
        e.stepsDone.push_back({d.integer(0), date(d, 1), d.integer(2) != 0});
    }
    return e;
}

static void bindEnrollment(sql::Statement& s, const Enrollment& e) {
    s.bind(1, idOrNull(e.id))
        .bind(2, e.contactId)
        .bind(3, e.sequenceId)
        .bind(4, dateText(e.enrolledOn))
        .bind(5, toString(e.state))
        .bind(6, e.currentStepId)
        .bind(7, dateText(e.nextDue))
        .bind(8, e.gateOverrideReason)
        .bind(9, e.exitReason);
}

static void saveStepsDone(sql::Database& db, const Enrollment& e) {
    auto del = db.prepare("DELETE FROM enrollment_steps WHERE enrollment_id = ?1");
    del.bind(1, e.id).run();
    for (const auto& done : e.stepsDone) {
        auto s = db.prepare(
            "INSERT INTO enrollment_steps (enrollment_id, step_id, done_on, skipped) "
            "VALUES (?1, ?2, ?3, ?4)");
        s.bind(1, e.id)
            .bind(2, done.stepId)
            .bind(3, dateText(done.on))
            .bind(4, done.skipped ? 1 : 0)
            .run();
    }
}

void Table<Enrollment>::insert(sql::Database& db, Enrollment& e) {
    auto s = db.prepare(
        "INSERT INTO enrollments (id, contact_id, sequence_id, enrolled_on, state, "
        "current_step_id, next_due, gate_override_reason, exit_reason) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    bindEnrollment(s, e);
    s.run();
    e.id = db.lastInsertId();
    saveStepsDone(db, e);
}

bool Table<Enrollment>::update(sql::Database& db, const Enrollment& e) {
    auto s = db.prepare(
        "UPDATE enrollments SET contact_id = ?2, sequence_id = ?3, enrolled_on = ?4, state = ?5, "
        "current_step_id = ?6, next_due = ?7, gate_override_reason = ?8, exit_reason = ?9 "
        "WHERE id = ?1");
    bindEnrollment(s, e);
    s.run();
    if (db.changes() == 0) {
        return false;
    }
    saveStepsDone(db, e);
    return true;
}

bool Table<Enrollment>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM enrollments WHERE id = ?1", id);
}

std::optional<Enrollment> Table<Enrollment>::find(sql::Database& db, Id id) {
    return findOne<Enrollment>(db, ENROLLMENT_COLUMNS " WHERE id = ?1", id,
                               [&](const sql::Statement& s) { return readEnrollment(db, s); });
}

std::vector<Enrollment> Table<Enrollment>::list(sql::Database& db) {
    return listAll<Enrollment>(db, ENROLLMENT_COLUMNS " ORDER BY id",
                               [&](const sql::Statement& s) { return readEnrollment(db, s); });
}

std::int64_t Table<Enrollment>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM enrollments");
}

// ---- topic ideas ------------------------------------------------------------------------------

#define IDEA_COLUMNS "SELECT id, title, notes, niche_id, status FROM topic_ideas"

static TopicIdea readIdea(sql::Database& db, const sql::Statement& s) {
    TopicIdea t;
    t.id = s.integer(0);
    t.title = s.text(1);
    t.notes = s.text(2);
    t.nicheId = optId(s, 3);
    t.status = parseEnum<IdeaStatus>(s.text(4)).value_or(IdeaStatus::New);
    t.askedBy = idsOf(
        db,
        "SELECT interaction_id FROM idea_interactions WHERE idea_id = ?1 ORDER BY interaction_id",
        t.id);
    return t;
}

static void bindIdea(sql::Statement& s, const TopicIdea& t) {
    s.bind(1, idOrNull(t.id))
        .bind(2, t.title)
        .bind(3, t.notes)
        .bind(4, t.nicheId)
        .bind(5, toString(t.status));
}

static void saveAskedBy(sql::Database& db, const TopicIdea& t) {
    auto del = db.prepare("DELETE FROM idea_interactions WHERE idea_id = ?1");
    del.bind(1, t.id).run();
    insertPairs(db, "INSERT INTO idea_interactions (idea_id, interaction_id) VALUES (?1, ?2)", t.id,
                t.askedBy);
}

void Table<TopicIdea>::insert(sql::Database& db, TopicIdea& t) {
    auto s = db.prepare(
        "INSERT INTO topic_ideas (id, title, notes, niche_id, status) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    bindIdea(s, t);
    s.run();
    t.id = db.lastInsertId();
    saveAskedBy(db, t);
}

bool Table<TopicIdea>::update(sql::Database& db, const TopicIdea& t) {
    auto s = db.prepare(
        "UPDATE topic_ideas SET title = ?2, notes = ?3, niche_id = ?4, status = ?5 "
        "WHERE id = ?1");
    bindIdea(s, t);
    s.run();
    if (db.changes() == 0) {
        return false;
    }
    saveAskedBy(db, t);
    return true;
}

bool Table<TopicIdea>::remove(sql::Database& db, Id id) {
    return removeById(db, "DELETE FROM topic_ideas WHERE id = ?1", id);
}

std::optional<TopicIdea> Table<TopicIdea>::find(sql::Database& db, Id id) {
    return findOne<TopicIdea>(db, IDEA_COLUMNS " WHERE id = ?1", id,
                              [&](const sql::Statement& s) { return readIdea(db, s); });
}

std::vector<TopicIdea> Table<TopicIdea>::list(sql::Database& db) {
    return listAll<TopicIdea>(db, IDEA_COLUMNS " ORDER BY id",
                              [&](const sql::Statement& s) { return readIdea(db, s); });
}

std::int64_t Table<TopicIdea>::count(sql::Database& db) {
    return countOf(db, "SELECT count(*) FROM topic_ideas");
}

}  // namespace rapport::core
