#pragma once
// Contacts that may be the same person: the same email, the same handle on a network, or the
// same name once accents, case and punctuation are set aside (core/contactkeys.h). These are
// suggestions for the user to merge or leave; nothing is changed here.

#include <optional>
#include <string>
#include <vector>

#include "core/entities.h"

namespace rapport::core {

class Store;

enum class DuplicateReason { Email, Handle, Name };

template <>
struct EnumNames<DuplicateReason> {
    static constexpr auto values = std::to_array<std::string_view>({"email", "handle", "name"});
    static constexpr std::string_view typeName = "DuplicateReason";
};

/// Contacts that share one key.
struct DuplicateGroup {
    DuplicateReason reason = DuplicateReason::Email;
    std::optional<ChannelKind> channel;  ///< for a handle
    std::string key;                     ///< the shared email, handle or name, normalised
    std::vector<Id> contactIds;          ///< two or more, ascending
    bool operator==(const DuplicateGroup&) const = default;
};

/// Finds groups of contacts that share an email, a handle or a name.
class DuplicateFinder {
public:
    explicit DuplicateFinder(Store& store) : m_store(store) {}

    /// Every group: emails first, then handles, then names; each by its first contact.
    std::vector<DuplicateGroup> all();
    /// The groups one contact belongs to.
    std::vector<DuplicateGroup> of(Id contactId);

private:
    Store& m_store;
};

}  // namespace rapport::core
