#include "core/contactmerger.h"

#include <algorithm>

#include "core/errors.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/validation.h"

namespace rapport::core {

namespace {

std::vector<Id> idsOf(Store& store, const char* query, Id owner) {
    auto s = store.db().prepare(query);
    s.bind(1, owner);
    std::vector<Id> ids;
    while (s.step()) {
        ids.push_back(s.integer(0));
    }
    return ids;
}

}  // namespace

Contact ContactMerger::combined(const Contact& keep, const Contact& other) {
    Contact c = keep;
    std::vector<std::string> kept;  // what the other record had that has no field left here
    const auto fill = [](std::string& field, const std::string& value) {
        if (field.empty()) {
            field = value;
            return true;
        }
        return field == value || value.empty();
    };
    if (c.displayName != other.displayName) {
        kept.push_back("Also known as: " + other.displayName);
    }
    if (!fill(c.email, other.email)) {
        kept.push_back("Also: " + other.email);
    }
    if (!fill(c.company, other.company)) {
        kept.push_back("Company: " + other.company);
    }
    if (!fill(c.role, other.role)) {
        kept.push_back("Role: " + other.role);
    }
    if (!fill(c.uid, other.uid)) {
        kept.push_back("UID: " + other.uid);
    }
    if (!c.nicheId) {
        c.nicheId = other.nicheId;
    }
    c.stage = std::max(keep.stage, other.stage);
    if (!c.cadenceDays && !c.cadenceNever) {
        c.cadenceDays = other.cadenceDays;
        c.cadenceNever = other.cadenceNever;
    }
    if (!c.nextFollowUp || (other.nextFollowUp && date::sys_days{*other.nextFollowUp} <
                                                      date::sys_days{*c.nextFollowUp})) {
        c.nextFollowUp = other.nextFollowUp ? other.nextFollowUp : c.nextFollowUp;
    }
    if (!c.snoozedUntil) {
        c.snoozedUntil = other.snoozedUntil;
    }
    if (date::sys_days{other.createdOn} < date::sys_days{c.createdOn}) {
        c.createdOn = other.createdOn;
    }
    for (const auto& h : other.handles) {
        const auto mine = std::find_if(c.handles.begin(), c.handles.end(),
                                       [&](const Handle& x) { return x.kind == h.kind; });
        if (mine == c.handles.end()) {
            c.handles.push_back(h);
        } else if (mine->handle != h.handle) {
            kept.push_back("Also on " + std::string{toString(h.kind)} + ": " + h.handle);
        }
    }
    for (const auto& t : other.tags) {
        if (std::find(c.tags.begin(), c.tags.end(), t) == c.tags.end()) {
            c.tags.push_back(t);
        }
    }
    std::string merged = other.notes;
    for (const auto& line : kept) {
        if (!merged.empty()) {
            merged += '\n';
        }
        merged += line;
    }
    if (!merged.empty()) {
        if (!c.notes.empty()) {
            c.notes += "\n\n";
        }
        c.notes += "Merged from ";
        c.notes += other.displayName;
        c.notes += ":\n";
        c.notes += merged;
    }
    return c;
}

MergeUndo ContactMerger::merge(Id keepId, Id otherId) {
    if (keepId == otherId) {
        throw ValidationError(recordLabel(Entity::Contact, keepId), "id",
                              "cannot be merged with itself");
    }
    MergeUndo undo;
    m_store.transaction([&] {
        undo.keptBefore = m_store.get<Contact>(keepId);
        undo.removed = m_store.get<Contact>(otherId);
        {
            // The change of stage below adds to the history, and the removal clears the other's:
            // unmerge() puts both back as they were.
            auto s = m_store.db().prepare(
                "SELECT contact_id, changed_on, stage FROM stage_changes "
                "WHERE contact_id IN (?1, ?2) ORDER BY contact_id, changed_on");
            s.bind(1, keepId).bind(2, otherId);
            while (s.step()) {
                undo.stageHistory.push_back({s.integer(0), s.text(1), s.text(2)});
            }
        }
        for (const Id id : idsOf(m_store,
                                 "SELECT id FROM interactions WHERE contact_id = ?1 "
                                 "ORDER BY id",
                                 otherId)) {
            auto i = m_store.get<Interaction>(id);
            i.contactId = keepId;
            m_store.update(i);
            undo.movedInteractions.push_back(id);
        }
        const auto openIn = [&](Id sequence) {
            auto s = m_store.db().prepare(
                "SELECT 1 FROM enrollments WHERE contact_id = ?1 AND sequence_id = ?2 AND state "
                "IN ('active', 'waiting', 'qualified')");
            s.bind(1, keepId).bind(2, sequence);
            return s.step();
        };
        for (const Id id : idsOf(m_store,
                                 "SELECT id FROM enrollments WHERE contact_id = ?1 "
                                 "ORDER BY id",
                                 otherId)) {
            auto e = m_store.get<Enrollment>(id);
            undo.movedEnrollments.push_back(e);
            if (e.isOpen() && openIn(e.sequenceId)) {
                e.state = EnrollmentState::Exited;
                e.currentStepId.reset();
                e.nextDue.reset();
                e.exitReason = "Merged into " + undo.keptBefore.displayName +
                               ", who is already enrolled in this sequence.";
            }
            e.contactId = keepId;
            m_store.update(e);
        }
        m_store.update(combined(undo.keptBefore, undo.removed));
        m_store.remove<Contact>(otherId);
    });
    return undo;
}

void ContactMerger::unmerge(const MergeUndo& undo) {
    m_store.transaction([&] {
        Contact removed = undo.removed;
        m_store.add(removed);
        for (const Id id : undo.movedInteractions) {
            auto i = m_store.get<Interaction>(id);
            i.contactId = removed.id;
            m_store.update(i);
        }
        for (const auto& e : undo.movedEnrollments) {
            m_store.update(e);
        }
        m_store.update(undo.keptBefore);
        // Putting the stage back made a history entry of its own: restore both histories.
        auto clear = m_store.db().prepare("DELETE FROM stage_changes WHERE contact_id IN (?1, ?2)");
        clear.bind(1, undo.keptBefore.id).bind(2, undo.removed.id);
        clear.run();
        for (const auto& row : undo.stageHistory) {
            auto s = m_store.db().prepare(
                "INSERT INTO stage_changes (contact_id, changed_on, stage) VALUES (?1, ?2, ?3)");
            s.bind(1, row.contactId).bind(2, row.changedOn).bind(3, row.stage);
            s.run();
        }
    });
}

}  // namespace rapport::core
