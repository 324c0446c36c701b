#include "core/nurtureengine.h"

#include <algorithm>

#include "core/enrollmentstepsource.h"
#include "core/errors.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/validation.h"

namespace rapport::core {

namespace {

const SequenceStep* stepById(const Sequence& s, std::optional<Id> id) {
    if (!id) {
        return nullptr;
    }
    const auto it = std::find_if(s.steps.begin(), s.steps.end(),
                                 [&](const SequenceStep& st) { return st.id == *id; });
    return it == s.steps.end() ? nullptr : &*it;
}

// Steps in order: phase 1 by position, then phase 2 by position (Store lists them so).
const SequenceStep* stepAfter(const Sequence& s, Id id) {
    for (std::size_t i = 0; i + 1 < s.steps.size(); ++i) {
        if (s.steps[i].id == id) {
            return &s.steps[i + 1];
        }
    }
    return nullptr;
}

const SequenceStep* firstOfPhase(const Sequence& s, int phase) {
    const auto it = std::find_if(s.steps.begin(), s.steps.end(),
                                 [&](const SequenceStep& st) { return st.phase == phase; });
    return it == s.steps.end() ? nullptr : &*it;
}

const SequenceStep* lastOfPhase(const Sequence& s, int phase) {
    const SequenceStep* last = nullptr;
    for (const auto& st : s.steps) {
        if (st.phase == phase) {
            last = &st;
        }
    }
    return last;
}

bool wasDone(const Enrollment& e, Id stepId) {
    return std::any_of(e.stepsDone.begin(), e.stepsDone.end(),
                       [&](const StepDone& d) { return d.stepId == stepId; });
}

[[noreturn]] void refuse(Id enrollmentId, const std::string& field, const std::string& problem) {
    throw ValidationError(recordLabel(Entity::Enrollment, enrollmentId), field, problem);
}

}  // namespace

struct NurtureEngine::Context {
    Enrollment enrollment;
    Sequence sequence;
};

double Funnel::rate(int stage) const {
    if (stage <= 0 || stage >= kStages) {
        return stage == 0 && enrolled > 0 ? 1.0 : 0.0;
    }
    const int before = at(stage - 1);
    return before > 0 ? static_cast<double>(at(stage)) / before : 0.0;
}

int Funnel::at(int stage) const {
    switch (stage) {
        case 0:
            return enrolled;
        case 1:
            return phase1Done;
        case 2:
            return qualified;
        case 3:
            return offered;
        case 4:
            return converted;
        default:
            return 0;
    }
}

Date NurtureEngine::today() {
    return localDate(m_clock.now(), m_store.timeZone());
}

Instant NurtureEngine::instantOn(Date on) {
    // Done today: now. Done on another day (logged late): midday of that local day.
    if (on == today()) {
        return m_clock.now();
    }
    return toInstant(on, TimeOfDay{12 * 60}, m_store.timeZone());
}

NurtureEngine::Context NurtureEngine::load(Id enrollmentId) {
    Context c{m_store.get<Enrollment>(enrollmentId), {}};
    c.sequence = m_store.get<Sequence>(c.enrollment.sequenceId);
    return c;
}

Enrollment NurtureEngine::enroll(Id contactId, Id sequenceId, std::optional<Date> on) {
    const auto sequence = m_store.get<Sequence>(sequenceId);
    const SequenceStep* first = firstOfPhase(sequence, 1);
    if (!first) {
        throw ValidationError(recordLabel(Entity::Sequence, sequenceId), "steps",
                              "need at least one phase-1 step before anyone can be enrolled");
    }
    Enrollment e;
    e.contactId = contactId;
    e.sequenceId = sequenceId;
    e.enrolledOn = on.value_or(today());
    e.state = EnrollmentState::Active;
    e.currentStepId = first->id;
    e.nextDue = addDays(e.enrolledOn, first->delayDays);
    m_store.add(e);
    return e;
}

void NurtureEngine::advance(Context& c, Date on) {
    auto& e = c.enrollment;
    const SequenceStep* current = stepById(c.sequence, e.currentStepId);
    const SequenceStep* next = current ? stepAfter(c.sequence, current->id) : nullptr;
    if (!next) {
        e.state = EnrollmentState::Completed;
        e.currentStepId.reset();
        e.nextDue.reset();
        return;
    }
    e.currentStepId = next->id;
    if (next->phase == current->phase) {
        e.nextDue = addDays(on, next->delayDays);
        return;
    }
    // The gate between the phases: the offer is earned, never assumed.
    if (const auto since = qualifiedSince(e, c.sequence, on)) {
        e.state = EnrollmentState::Qualified;
        e.nextDue = addDays(*since, next->delayDays);
    } else {
        e.state = EnrollmentState::Waiting;
        e.nextDue.reset();
    }
}

Enrollment NurtureEngine::markDone(Id enrollmentId, std::optional<Date> on) {
    auto c = load(enrollmentId);
    auto& e = c.enrollment;
    const SequenceStep* step = stepById(c.sequence, e.currentStepId);
    if (!e.isOpen() || !step) {
        refuse(enrollmentId, "state",
               "is " + std::string{toString(e.state)} + "; there is no step to mark done");
    }
    if (e.state == EnrollmentState::Waiting) {
        refuse(enrollmentId, "state",
               "is waiting: the contact has not qualified for phase 2 yet (" +
                   qualification(e).reason + ")");
    }
    const Date day = on.value_or(today());
    m_store.transaction([&] {
        Interaction touch;
        touch.contactId = e.contactId;
        touch.at = instantOn(day);
        touch.kind = step->kind;
        touch.direction = Direction::Outbound;
        touch.channelId = step->channelId;
        touch.note = c.sequence.name + ": " + step->action;
        core::logInteraction(m_store, touch);
        e.stepsDone.push_back({step->id, day, false});
        advance(c, day);
        applyLog(e, c.sequence);
        m_store.update(e);
    });
    return e;
}

Enrollment NurtureEngine::skip(Id enrollmentId, std::optional<Date> on) {
    auto c = load(enrollmentId);
    auto& e = c.enrollment;
    const SequenceStep* step = stepById(c.sequence, e.currentStepId);
    if (!e.isOpen() || !step || e.state == EnrollmentState::Waiting) {
        refuse(enrollmentId, "state",
               "is " + std::string{toString(e.state)} + "; there is no step to skip");
    }
    const Date day = on.value_or(today());
    e.stepsDone.push_back({step->id, day, true});
    advance(c, day);
    applyLog(e, c.sequence);
    m_store.update(e);
    return e;
}

Enrollment NurtureEngine::exit(Id enrollmentId, const std::string& reason) {
    auto e = m_store.get<Enrollment>(enrollmentId);
    if (!e.isOpen()) {
        refuse(enrollmentId, "state", "is already " + std::string{toString(e.state)});
    }
    if (reason.find_first_not_of(" \t\n") == std::string::npos) {
        refuse(enrollmentId, "exitReason", "must say why the contact leaves the sequence");
    }
    e.state = EnrollmentState::Exited;
    e.exitReason = reason;
    e.nextDue.reset();
    m_store.update(e);
    return e;
}

Enrollment NurtureEngine::overrideGate(Id enrollmentId, const std::string& reason) {
    auto c = load(enrollmentId);
    auto& e = c.enrollment;
    if (!e.isOpen()) {
        refuse(enrollmentId, "state",
               "is " + std::string{toString(e.state)} + "; its gate no longer matters");
    }
    if (reason.find_first_not_of(" \t\n") == std::string::npos) {
        refuse(enrollmentId, "gateOverrideReason",
               "must say why phase 2 opens before the contact qualified");
    }
    e.gateOverrideReason = reason;
    if (e.state == EnrollmentState::Waiting) {
        const SequenceStep* next = stepById(c.sequence, e.currentStepId);
        e.state = EnrollmentState::Qualified;
        e.nextDue = addDays(today(), next ? next->delayDays : 0);
    }
    m_store.update(e);
    return e;
}

LoggedInteraction NurtureEngine::logInteraction(Interaction& interaction) {
    LoggedInteraction logged;
    m_store.transaction([&] {
        logged = core::logInteraction(m_store, interaction);
        sync(interaction.contactId);
    });
    return logged;
}

std::optional<Date> NurtureEngine::qualifiedSince(const Enrollment& e, const Sequence& s,
                                                  Date phase1Done) {
    const auto q = qualification(e);
    if (!q.qualified) {
        return std::nullopt;
    }
    if (q.byOverride || q.byStage || s.minInbound == 0) {
        return phase1Done;
    }
    // The day of the reply that made the count: phase 2 starts then, not before phase 1 ends.
    const auto zone = m_store.timeZone();
    auto st = m_store.db().prepare(
        "SELECT at FROM interactions WHERE contact_id = ?1 AND direction = 'inbound' "
        "AND at >= ?2 ORDER BY at LIMIT 1 OFFSET ?3");
    st.bind(1, e.contactId)
        .bind(2, static_cast<std::int64_t>(
                     toInstant(e.enrolledOn, TimeOfDay{0}, zone).time_since_epoch().count()))
        .bind(3, s.minInbound - 1);
    if (!st.step()) {
        return phase1Done;
    }
    const Date reached = localDate(Instant{std::chrono::seconds{st.integer(0)}}, zone);
    return daysBetween(phase1Done, reached) > 0 ? reached : phase1Done;
}

Qualification NurtureEngine::qualification(const Enrollment& e) {
    Qualification q;
    const auto sequence = m_store.get<Sequence>(e.sequenceId);
    const auto contact = m_store.get<Contact>(e.contactId);
    q.needed = sequence.minInbound;
    auto st = m_store.db().prepare(
        "SELECT count(*) FROM interactions WHERE contact_id = ?1 AND direction = 'inbound' "
        "AND at >= ?2");
    st.bind(1, e.contactId)
        .bind(2, static_cast<std::int64_t>(toInstant(e.enrolledOn, TimeOfDay{0}, m_store.timeZone())
                                               .time_since_epoch()
                                               .count()));
    q.inbound = st.step() ? st.int32(0) : 0;
    q.byStage = contact.stage >= Stage::Relationship;
    q.byOverride = !e.gateOverrideReason.empty();
    q.qualified = q.byOverride || q.byStage || q.inbound >= q.needed;
    const std::string count = std::to_string(q.inbound) + " of " + std::to_string(q.needed) +
                              (q.needed == 1 ? " reply" : " replies") + " since enrolment";
    if (q.byOverride) {
        q.reason = "gate opened by hand: " + e.gateOverrideReason;
    } else if (q.byStage) {
        q.reason = "already at the " + std::string{toString(contact.stage)} + " stage";
    } else {
        q.reason = count;
    }
    return q;
}

bool NurtureEngine::applyLog(Enrollment& e, const Sequence& s) {
    if (!e.isOpen()) {
        return false;
    }
    auto purchase = m_store.db().prepare(
        "SELECT 1 FROM interactions WHERE contact_id = ?1 AND kind = 'purchase' AND at >= ?2 "
        "LIMIT 1");
    purchase.bind(1, e.contactId)
        .bind(2, static_cast<std::int64_t>(toInstant(e.enrolledOn, TimeOfDay{0}, m_store.timeZone())
                                               .time_since_epoch()
                                               .count()));
    if (purchase.step()) {
        e.state = EnrollmentState::Converted;
        e.nextDue.reset();
        return true;
    }
    if (e.state != EnrollmentState::Waiting) {
        return false;
    }
    const SequenceStep* last1 = lastOfPhase(s, 1);
    Date phase1Done = e.enrolledOn;
    for (const auto& d : e.stepsDone) {
        if (last1 && d.stepId == last1->id) {
            phase1Done = d.on;
        }
    }
    const auto since = qualifiedSince(e, s, phase1Done);
    if (!since) {
        return false;
    }
    const SequenceStep* next = stepById(s, e.currentStepId);
    e.state = EnrollmentState::Qualified;
    e.nextDue = addDays(*since, next ? next->delayDays : 0);
    return true;
}

int NurtureEngine::sync(Id contactId) {
    std::vector<Id> open;
    {
        auto st = m_store.db().prepare(
            "SELECT id FROM enrollments WHERE contact_id = ?1 AND state IN ('active', "
            "'waiting', 'qualified') ORDER BY id");
        st.bind(1, contactId);
        while (st.step()) {
            open.push_back(st.integer(0));
        }
    }
    int changed = 0;
    m_store.transaction([&] {
        for (const Id id : open) {
            auto c = load(id);
            if (applyLog(c.enrollment, c.sequence)) {
                m_store.update(c.enrollment);
                ++changed;
            }
        }
    });
    return changed;
}

int NurtureEngine::syncAll() {
    std::vector<Id> contacts;
    {
        auto st = m_store.db().prepare(
            "SELECT DISTINCT contact_id FROM enrollments WHERE state IN ('active', 'waiting', "
            "'qualified')");
        while (st.step()) {
            contacts.push_back(st.integer(0));
        }
    }
    int changed = 0;
    m_store.transaction([&] {
        for (const Id c : contacts) {
            changed += sync(c);
        }
    });
    return changed;
}

// The engine keeps each open enrollment's current step and due date in the store as it moves
// them, so the stored enrollments are the one answer to "which steps are due".
std::vector<DueStep> NurtureEngine::dueSteps(Date upTo) {
    return EnrollmentStepSource{m_store}.dueSteps(upTo);
}

std::vector<DueStep> NurtureEngine::stepsOf(Id contactId) {
    return EnrollmentStepSource{m_store}.stepsOf(contactId);
}

Funnel NurtureEngine::funnel(Id sequenceId) {
    const auto s = m_store.get<Sequence>(sequenceId);
    Funnel f;
    f.sequenceId = s.id;
    f.sequenceName = s.name;
    const SequenceStep* last1 = lastOfPhase(s, 1);
    const SequenceStep* first2 = firstOfPhase(s, 2);
    auto st = m_store.db().prepare("SELECT id FROM enrollments WHERE sequence_id = ?1");
    st.bind(1, sequenceId);
    std::vector<Id> ids;
    while (st.step()) {
        ids.push_back(st.integer(0));
    }
    for (const Id id : ids) {
        const auto e = m_store.get<Enrollment>(id);
        ++f.enrolled;
        const bool phase1 = last1 && wasDone(e, last1->id);
        const bool offered =
            first2 && std::any_of(e.stepsDone.begin(), e.stepsDone.end(), [&](const StepDone& d) {
                return d.stepId == first2->id && !d.skipped;
            });
        const bool inPhase2 =
            e.state == EnrollmentState::Qualified || e.state == EnrollmentState::Completed ||
            std::any_of(e.stepsDone.begin(), e.stepsDone.end(), [&](const StepDone& d) {
                const auto* step = stepById(s, d.stepId);
                return step && step->phase == 2;
            });
        f.phase1Done += phase1 ? 1 : 0;
        f.qualified += inPhase2 ? 1 : 0;
        f.offered += offered ? 1 : 0;
        f.converted += e.state == EnrollmentState::Converted ? 1 : 0;
    }
    return f;
}

std::vector<Funnel> NurtureEngine::funnels() {
    std::vector<Funnel> out;
    for (const auto& s : m_store.list<Sequence>()) {
        out.push_back(funnel(s.id));
    }
    return out;
}

}  // namespace rapport::core
