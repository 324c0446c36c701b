#include "core/enrollmentstepsource.h"

#include "core/store.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

// The state list repeats the partial index enrollments_by_due word for word, so SQLite uses it.
#define STEP_COLUMNS                                                                       \
    "SELECT e.id, e.contact_id, e.sequence_id, e.current_step_id, e.next_due, s.action, "  \
    "s.kind, q.name FROM enrollments e JOIN sequence_steps s ON s.id = e.current_step_id " \
    "JOIN sequences q ON q.id = e.sequence_id WHERE e.state IN ('active', 'waiting', "     \
    "'qualified') AND e.next_due IS NOT NULL "

DueStep readStep(const sql::Statement& s) {
    DueStep d;
    d.enrollmentId = s.integer(0);
    d.contactId = s.integer(1);
    d.sequenceId = s.integer(2);
    d.stepId = s.integer(3);
    d.due = parseDate(s.text(4)).value_or(Date{});
    d.action = s.text(5);
    d.kind = parseEnum<InteractionKind>(s.text(6)).value_or(InteractionKind::Other);
    d.sequenceName = s.text(7);
    return d;
}

}  // namespace

std::vector<DueStep> EnrollmentStepSource::dueSteps(Date upTo) {
    auto s = m_store.db().prepare(STEP_COLUMNS "AND e.next_due <= ?1 ORDER BY e.next_due, e.id");
    s.bind(1, formatDate(upTo));
    std::vector<DueStep> out;
    while (s.step()) {
        out.push_back(readStep(s));
    }
    return out;
}

std::vector<DueStep> EnrollmentStepSource::stepsOf(Id contactId) {
    auto s = m_store.db().prepare(STEP_COLUMNS "AND e.contact_id = ?1 ORDER BY e.next_due, e.id");
    s.bind(1, contactId);
    std::vector<DueStep> out;
    while (s.step()) {
        out.push_back(readStep(s));
    }
    return out;
}

#undef STEP_COLUMNS

}  // namespace rapport::core
