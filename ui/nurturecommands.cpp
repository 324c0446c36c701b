#include "ui/nurturecommands.h"

#include <algorithm>

#include "core/store.h"

namespace rapport::ui {

namespace {

core::Id maxId(core::Store& store, const char* sql) {
    auto st = store.db().prepare(sql);
    return st.step() ? st.integer(0) : 0;
}

std::vector<core::Id> idsAbove(core::Store& store, const char* sql, core::Id above) {
    std::vector<core::Id> out;
    auto st = store.db().prepare(sql);
    st.bind(1, above);
    while (st.step()) {
        out.push_back(st.integer(0));
    }
    return out;
}

template <class T>
std::vector<T> getAll(core::Store& store, const std::vector<core::Id>& ids) {
    std::vector<T> out;
    out.reserve(ids.size());
    for (const core::Id id : ids) {
        if (auto r = store.find<T>(id)) {
            out.push_back(std::move(*r));
        }
    }
    return out;
}

}  // namespace

// ---- EnrollmentChange -------------------------------------------------------------------------

EnrollmentChange::EnrollmentChange(UndoContext& context, const QString& text, Change change,
                                   std::vector<core::Id> enrollments,
                                   std::vector<core::Id> contacts)
    : StoreCommand(context, text),
      m_change(std::move(change)),
      m_enrollmentIds(std::move(enrollments)),
      m_contactIds(std::move(contacts)) {}

std::vector<core::Id> EnrollmentChange::added() const {
    return m_addedIds;
}

void EnrollmentChange::apply() {
    core::Store& s = store();
    if (m_done) {
        s.transaction([&] {
            for (auto i : m_logged) {
                s.add(i);
            }
            for (auto e : m_after) {
                if (std::find(m_addedIds.begin(), m_addedIds.end(), e.id) != m_addedIds.end()) {
                    s.add(e);
                } else {
                    s.update(e);
                }
            }
            for (const auto& c : m_contactsAfter) {
                s.update(c);
            }
        });
        return;
    }
    s.transaction([&] {
        m_before = getAll<core::Enrollment>(s, m_enrollmentIds);
        for (const auto& e : m_before) {
            if (std::find(m_contactIds.begin(), m_contactIds.end(), e.contactId) ==
                m_contactIds.end()) {
                m_contactIds.push_back(e.contactId);
            }
        }
        m_contactsBefore = getAll<core::Contact>(s, m_contactIds);
        const core::Id lastEnrollment = maxId(s, "SELECT coalesce(max(id), 0) FROM enrollments");
        const core::Id lastInteraction = maxId(s, "SELECT coalesce(max(id), 0) FROM interactions");
        m_change(s);
        m_addedIds =
            idsAbove(s, "SELECT id FROM enrollments WHERE id > ?1 ORDER BY id", lastEnrollment);
        std::vector<core::Id> touched = m_enrollmentIds;
        touched.insert(touched.end(), m_addedIds.begin(), m_addedIds.end());
        m_after = getAll<core::Enrollment>(s, touched);
        m_contactsAfter = getAll<core::Contact>(s, m_contactIds);
        m_logged = getAll<core::Interaction>(
            s,
            idsAbove(s, "SELECT id FROM interactions WHERE id > ?1 ORDER BY id", lastInteraction));
    });
    m_done = true;
}

void EnrollmentChange::revert() {
    core::Store& s = store();
    s.transaction([&] {
        for (auto it = m_logged.rbegin(); it != m_logged.rend(); ++it) {
            s.remove<core::Interaction>(it->id);
        }
        for (const core::Id id : m_addedIds) {
            s.remove<core::Enrollment>(id);
        }
        for (const auto& e : m_before) {
            s.update(e);
        }
        for (const auto& c : m_contactsBefore) {
            s.update(c);
        }
    });
}

// ---- SequenceChange ---------------------------------------------------------------------------

SequenceChange::SequenceChange(UndoContext& context, const QString& text,
                               std::optional<core::Sequence> before,
                               std::optional<core::Sequence> after)
    : StoreCommand(context, text), m_target(std::move(after)), m_id(before ? before->id : 0) {}

core::Id SequenceChange::sequenceId() const {
    return m_id;
}

SequenceChange::Snapshot SequenceChange::read(core::Id id) {
    Snapshot snap;
    if (id == 0) {
        return snap;
    }
    snap.sequence = store().find<core::Sequence>(id);
    if (!snap.sequence) {
        return snap;
    }
    const auto ids =
        idsAbove(store(), "SELECT id FROM enrollments WHERE sequence_id = ?1 ORDER BY id", id);
    snap.enrollments = getAll<core::Enrollment>(store(), ids);
    return snap;
}

void SequenceChange::write(const Snapshot& from, const Snapshot& to) {
    core::Store& s = store();
    s.transaction([&] {
        if (from.sequence && s.find<core::Sequence>(from.sequence->id)) {
            // Its enrollments go with it (the database cascades), and come back below.
            s.remove<core::Sequence>(from.sequence->id);
        }
        if (!to.sequence) {
            return;
        }
        auto seq = *to.sequence;
        s.add(seq);
        for (auto e : to.enrollments) {
            s.add(e);
        }
    });
}

void SequenceChange::apply() {
    if (m_done) {
        write(m_before, m_after);
        m_id = m_after.sequence ? m_after.sequence->id : 0;
        return;
    }
    core::Store& s = store();
    s.transaction([&] {
        m_before = read(m_id);
        if (!m_target) {
            s.remove<core::Sequence>(m_id);
            m_after = {};
            return;
        }
        auto seq = *m_target;
        if (m_before.sequence) {
            seq.id = m_id;
            s.update(seq);
        } else {
            seq.id = 0;
            for (auto& step : seq.steps) {
                step.id = 0;
            }
            s.add(seq);
            m_id = seq.id;
        }
        m_after = read(m_id);
    });
    m_id = m_after.sequence ? m_after.sequence->id : 0;
    m_done = true;
}

void SequenceChange::revert() {
    write(m_after, m_before);
    m_id = m_before.sequence ? m_before.sequence->id : 0;
}

}  // namespace rapport::ui
