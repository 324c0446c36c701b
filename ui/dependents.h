#pragma once

#include <utility>
#include <vector>

#include "core/store.h"

namespace rapport::ui {

class IdMap;

/// The records that point at one record and lose that pointer when it is deleted (the
/// database sets it to nothing or drops the link), so that undoing the delete can point each
/// of them at the record again. core has no "who refers to this" query, so this one reads the
/// link columns through Store::db(), read-only; all writes go through Store.
class Dependents {
public:
    /// What points at record `id` of `entity` now; ids are kept as IdMap handles.
    static Dependents of(core::Store& store, IdMap& ids, core::Entity entity, core::Id id);

    /// Points each dependent that still exists at `id`, the record's id after it came back.
    void restore(core::Store& store, const IdMap& ids, core::Id id) const;

    bool empty() const;

private:
    core::Entity m_entity = core::Entity::Goal;
    std::vector<core::Id> m_goals;
    std::vector<core::Id> m_posts;
    std::vector<core::Id> m_contacts;
    std::vector<core::Id> m_interactions;
    std::vector<core::Id> m_sequences;
    std::vector<core::Id> m_ideas;
    std::vector<core::Id> m_campaigns;  // campaigns that list it among their goals or niches
    std::vector<core::Id> m_niches;     // niches that gather on it (a channel)
    std::vector<std::pair<core::Id, int>> m_cadence;     // campaign, posts a week
    std::vector<std::pair<core::Id, core::Id>> m_steps;  // sequence, step
};

}  // namespace rapport::ui
