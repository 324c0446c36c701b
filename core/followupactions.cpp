#include "core/followupactions.h"

#include "core/store.h"

namespace rapport::core {

LoggedInteraction logInteraction(Store& store, Interaction& interaction) {
    LoggedInteraction out;
    store.transaction([&] {
        out.interactionId = store.add(interaction);
        if (interaction.direction != Direction::Outbound) {
            return;
        }
        auto contact = store.get<Contact>(interaction.contactId);
        if (!contact.nextFollowUp && !contact.snoozedUntil) {
            return;
        }
        out.clearedNextFollowUp = std::exchange(contact.nextFollowUp, std::nullopt);
        out.clearedSnooze = std::exchange(contact.snoozedUntil, std::nullopt);
        store.update(contact);
    });
    return out;
}

void snoozeContact(Store& store, Id contactId, std::optional<Date> until) {
    store.transaction([&] {
        auto contact = store.get<Contact>(contactId);
        contact.snoozedUntil = until;
        store.update(contact);
    });
}

void planFollowUp(Store& store, Id contactId, std::optional<Date> on) {
    store.transaction([&] {
        auto contact = store.get<Contact>(contactId);
        contact.nextFollowUp = on;
        store.update(contact);
    });
}

}  // namespace rapport::core
