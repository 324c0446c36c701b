#include "ui/contactcommands.h"

#include <QCoreApplication>

#include <algorithm>

#include "core/followupactions.h"
#include "core/nurtureengine.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "ui/displaytext.h"
#include "ui/idmap.h"
#include "ui/undocontext.h"

namespace rapport::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rapport::ui::ContactCommands", text);
}

std::vector<core::Id> enrollmentsOf(core::Store& store, core::Id contactId) {
    auto st = store.db().prepare("SELECT id FROM enrollments WHERE contact_id = ?1 ORDER BY id");
    st.bind(1, contactId);
    std::vector<core::Id> ids;
    while (st.step()) {
        ids.push_back(st.integer(0));
    }
    return ids;
}

QString nameOf(core::Store& store, core::Id contactId) {
    const auto contact = store.find<core::Contact>(contactId);
    return contact ? qs(contact->displayName) : tr("contact %1").arg(contactId);
}

/// Runs an edit of one contact's fields as one undo step.
void editContact(UndoContext& undo, core::Id contactId, const QString& text,
                 const std::function<void(core::Contact&)>& change) {
    undo.perform(std::make_unique<ContactEditCommand>(
        undo, text, contactId, [change](core::Store& s, core::Id id) {
            core::Contact contact = s.get<core::Contact>(id);
            change(contact);
            s.update(contact);
            return std::vector<core::Id>{};
        }));
}

}  // namespace

ContactEditCommand::ContactEditCommand(UndoContext& context, const QString& text,
                                       core::Id contactId, Action action, QUndoCommand* parent)
    : StoreCommand(context, text, parent), m_action(std::move(action)) {
    m_handle = ids().handleFor(core::Entity::Contact, contactId);
}

core::Id ContactEditCommand::contactId() const {
    return ids().resolve(core::Entity::Contact, m_handle);
}

void ContactEditCommand::apply() {
    core::Store& s = store();
    const core::Id id = contactId();
    // Read now, not when the command was made: a redo sees what the undo put back.
    m_contact = s.get<core::Contact>(id);
    m_enrollments.clear();
    for (core::Id eid : enrollmentsOf(s, id)) {
        if (auto e = s.find<core::Enrollment>(eid)) {
            m_enrollments.push_back(std::move(*e));
        }
    }
    s.transaction([&] { m_added = m_action(s, id); });
}

void ContactEditCommand::revert() {
    core::Store& s = store();
    s.transaction([&] {
        for (auto it = m_added.rbegin(); it != m_added.rend(); ++it) {
            if (s.find<core::Interaction>(*it)) {
                s.remove<core::Interaction>(*it);
            }
        }
        const core::Id id = contactId();
        const auto now = enrollmentsOf(s, id);
        for (const auto& e : m_enrollments) {
            if (std::find(now.begin(), now.end(), e.id) != now.end()) {
                s.update(e);
            }
        }
        if (m_contact) {
            core::Contact before = *m_contact;
            before.id = id;
            s.update(before);
        }
    });
}

core::Id logInteraction(UndoContext& undo, const core::Clock& clock,
                        core::Interaction interaction) {
    core::Store& s = undo.store();
    const QString text = interaction.direction == core::Direction::Outbound ? tr("Log %1 to %2")
                                                                            : tr("Log %1 from %2");
    auto command = std::make_unique<ContactEditCommand>(
        undo, text.arg(words(interaction.kind), nameOf(s, interaction.contactId)),
        interaction.contactId, [interaction, &clock](core::Store& store, core::Id id) {
            core::Interaction i = interaction;
            i.id = 0;
            i.contactId = id;
            core::NurtureEngine engine{store, clock};
            return std::vector<core::Id>{engine.logInteraction(i).interactionId};
        });
    auto* raw = command.get();
    undo.perform(std::move(command));
    return raw->added().empty() ? 0 : raw->added().front();
}

void setStage(UndoContext& undo, core::Id contactId, core::Stage stage) {
    editContact(undo, contactId,
                tr("Set %1's stage to %2").arg(nameOf(undo.store(), contactId), words(stage)),
                [stage](core::Contact& c) { c.stage = stage; });
}

void setCadence(UndoContext& undo, core::Id contactId, std::optional<int> days, bool never) {
    const QString name = nameOf(undo.store(), contactId);
    const QString text =
        never  ? tr("Never remind me of %1").arg(name)
        : days ? tr("Follow up with %1 every %2").arg(name, countOf(*days, tr("day"), tr("days")))
               : tr("Use the stage's cadence for %1").arg(name);
    editContact(undo, contactId, text, [days, never](core::Contact& c) {
        c.cadenceNever = never;
        c.cadenceDays = never ? std::nullopt : days;
    });
}

void planFollowUp(UndoContext& undo, core::Id contactId, std::optional<core::Date> on) {
    const QString name = nameOf(undo.store(), contactId);
    const QString text = on ? tr("Plan a follow-up with %1 on %2").arg(name, formatDate(*on))
                            : tr("Clear the planned follow-up with %1").arg(name);
    undo.perform(std::make_unique<ContactEditCommand>(undo, text, contactId,
                                                      [on](core::Store& s, core::Id id) {
                                                          core::planFollowUp(s, id, on);
                                                          return std::vector<core::Id>{};
                                                      }));
}

void snooze(UndoContext& undo, core::Id contactId, std::optional<core::Date> until) {
    const QString name = nameOf(undo.store(), contactId);
    const QString text = until ? tr("Snooze %1 until %2").arg(name, formatDate(*until))
                               : tr("Wake %1 from the snooze").arg(name);
    undo.perform(std::make_unique<ContactEditCommand>(undo, text, contactId,
                                                      [until](core::Store& s, core::Id id) {
                                                          core::snoozeContact(s, id, until);
                                                          return std::vector<core::Id>{};
                                                      }));
}

core::InteractionKind doneKind(const core::FollowUpStatus& status) {
    const bool replyOwed = std::any_of(
        status.reasons.begin(), status.reasons.end(),
        [](const core::DueReason& r) { return r.reason == core::FollowUpReason::ReplyOwed; });
    return replyOwed ? core::InteractionKind::Reply : core::InteractionKind::DirectMessage;
}

void markDone(UndoContext& undo, const core::Clock& clock, const core::FollowUpItem& item) {
    std::optional<core::DueStep> step;
    for (const auto& reason : item.status.reasons) {
        if (reason.reason == core::FollowUpReason::SequenceStep && reason.step) {
            step = reason.step;
            break;
        }
    }
    const QString name = qs(item.displayName);
    if (step) {
        const QString text = tr("Mark “%1” done for %2").arg(qs(step->action), name);
        const core::Id enrollment = step->enrollmentId;
        undo.perform(std::make_unique<ContactEditCommand>(
            undo, text, item.contactId, [enrollment, &clock](core::Store& s, core::Id id) {
                const core::Id before = [&] {
                    auto st = s.db().prepare(
                        "SELECT coalesce(max(id), 0) FROM interactions WHERE contact_id = ?1");
                    st.bind(1, id);
                    st.step();
                    return st.integer(0);
                }();
                core::NurtureEngine engine{s, clock};
                engine.markDone(enrollment);
                auto st = s.db().prepare(
                    "SELECT id FROM interactions WHERE contact_id = ?1 AND id > ?2 ORDER BY id");
                st.bind(1, id);
                st.bind(2, before);
                std::vector<core::Id> added;
                while (st.step()) {
                    added.push_back(st.integer(0));
                }
                return added;
            }));
        return;
    }
    core::Interaction touch;
    touch.contactId = item.contactId;
    touch.direction = core::Direction::Outbound;
    touch.kind = doneKind(item.status);
    touch.at = clock.now();
    touch.note = tr("Follow-up done").toStdString();
    const QString text = tr("Mark the follow-up with %1 done").arg(name);
    undo.perform(std::make_unique<ContactEditCommand>(
        undo, text, item.contactId, [touch, &clock](core::Store& s, core::Id id) {
            core::Interaction i = touch;
            i.contactId = id;
            core::NurtureEngine engine{s, clock};
            return std::vector<core::Id>{engine.logInteraction(i).interactionId};
        }));
}

}  // namespace rapport::ui
