#include "ui/dependents.h"

#include <algorithm>

#include "ui/idmap.h"

namespace rapport::ui {

namespace {

using core::Entity;
using core::Id;

std::vector<Id> idsWhere(core::Store& store, IdMap& ids, Entity kind, const char* sql, Id id) {
    std::vector<Id> out;
    auto s = store.db().prepare(sql);
    s.bind(1, id);
    while (s.step()) {
        out.push_back(ids.handleFor(kind, s.integer(0)));
    }
    return out;
}

// Reads the record a handle names, lets `change` put the pointer back, and writes it when it
// did change; a record deleted meanwhile is skipped.
template <class T, class Change>
void relink(core::Store& store, const IdMap& ids, Entity kind, const std::vector<Id>& handles,
            Change change) {
    for (const Id handle : handles) {
        auto record = store.find<T>(ids.resolve(kind, handle));
        if (record && change(*record)) {
            store.update(*record);
        }
    }
}

bool addOnce(std::vector<Id>& list, Id id) {
    if (std::find(list.begin(), list.end(), id) != list.end()) {
        return false;
    }
    list.push_back(id);
    return true;
}

bool setIfEmpty(std::optional<Id>& field, Id id) {
    if (field) {
        return false;  // pointed elsewhere since: the user's later choice stands
    }
    field = id;
    return true;
}

}  // namespace

Dependents Dependents::of(core::Store& store, IdMap& ids, Entity entity, Id id) {
    Dependents d;
    d.m_entity = entity;
    switch (entity) {
        case Entity::Niche:
            d.m_goals =
                idsWhere(store, ids, Entity::Goal, "SELECT id FROM goals WHERE niche_id = ?1", id);
            d.m_posts =
                idsWhere(store, ids, Entity::Post, "SELECT id FROM posts WHERE niche_id = ?1", id);
            d.m_contacts = idsWhere(store, ids, Entity::Contact,
                                    "SELECT id FROM contacts WHERE niche_id = ?1", id);
            d.m_sequences = idsWhere(store, ids, Entity::Sequence,
                                     "SELECT id FROM sequences WHERE niche_id = ?1", id);
            d.m_ideas = idsWhere(store, ids, Entity::TopicIdea,
                                 "SELECT id FROM topic_ideas WHERE niche_id = ?1", id);
            d.m_campaigns =
                idsWhere(store, ids, Entity::Campaign,
                         "SELECT campaign_id FROM campaign_niches WHERE niche_id = ?1", id);
            break;
        case Entity::Goal:
            d.m_posts =
                idsWhere(store, ids, Entity::Post, "SELECT id FROM posts WHERE goal_id = ?1", id);
            d.m_campaigns =
                idsWhere(store, ids, Entity::Campaign,
                         "SELECT campaign_id FROM campaign_goals WHERE goal_id = ?1", id);
            break;
        case Entity::Channel: {
            d.m_niches = idsWhere(store, ids, Entity::Niche,
                                  "SELECT niche_id FROM niche_channels WHERE channel_id = ?1", id);
            d.m_interactions = idsWhere(store, ids, Entity::Interaction,
                                        "SELECT id FROM interactions WHERE channel_id = ?1", id);
            auto cadence = store.db().prepare(
                "SELECT campaign_id, posts_per_week FROM campaign_channels WHERE channel_id = ?1");
            cadence.bind(1, id);
            while (cadence.step()) {
                d.m_cadence.emplace_back(ids.handleFor(Entity::Campaign, cadence.integer(0)),
                                         cadence.int32(1));
            }
            auto steps = store.db().prepare(
                "SELECT sequence_id, id FROM sequence_steps WHERE channel_id = ?1");
            steps.bind(1, id);
            while (steps.step()) {
                d.m_steps.emplace_back(steps.integer(0), steps.integer(1));
            }
            break;
        }
        case Entity::Campaign:
            d.m_posts = idsWhere(store, ids, Entity::Post,
                                 "SELECT id FROM posts WHERE campaign_id = ?1", id);
            break;
        default:
            break;
    }
    return d;
}

void Dependents::restore(core::Store& store, const IdMap& ids, Id id) const {
    switch (m_entity) {
        case Entity::Niche:
            relink<core::Goal>(store, ids, Entity::Goal, m_goals,
                               [id](core::Goal& r) { return setIfEmpty(r.nicheId, id); });
            relink<core::Post>(store, ids, Entity::Post, m_posts,
                               [id](core::Post& r) { return setIfEmpty(r.nicheId, id); });
            relink<core::Contact>(store, ids, Entity::Contact, m_contacts,
                                  [id](core::Contact& r) { return setIfEmpty(r.nicheId, id); });
            relink<core::Sequence>(store, ids, Entity::Sequence, m_sequences,
                                   [id](core::Sequence& r) { return setIfEmpty(r.nicheId, id); });
            relink<core::TopicIdea>(store, ids, Entity::TopicIdea, m_ideas,
                                    [id](core::TopicIdea& r) { return setIfEmpty(r.nicheId, id); });
            relink<core::Campaign>(store, ids, Entity::Campaign, m_campaigns,
                                   [id](core::Campaign& r) { return addOnce(r.nicheIds, id); });
            break;
        case Entity::Goal:
            relink<core::Post>(store, ids, Entity::Post, m_posts,
                               [id](core::Post& r) { return setIfEmpty(r.goalId, id); });
            relink<core::Campaign>(store, ids, Entity::Campaign, m_campaigns,
                                   [id](core::Campaign& r) { return addOnce(r.goalIds, id); });
            break;
        case Entity::Channel: {
            relink<core::Niche>(store, ids, Entity::Niche, m_niches,
                                [id](core::Niche& r) { return addOnce(r.gatherChannelIds, id); });
            relink<core::Interaction>(
                store, ids, Entity::Interaction, m_interactions,
                [id](core::Interaction& r) { return setIfEmpty(r.channelId, id); });
            for (const auto& [handle, perWeek] : m_cadence) {
                auto campaign = store.find<core::Campaign>(ids.resolve(Entity::Campaign, handle));
                if (campaign && std::none_of(campaign->cadence.begin(), campaign->cadence.end(),
                                             [id](const core::ChannelCadence& c) {
                                                 return c.channelId == id;
                                             })) {
                    campaign->cadence.push_back({id, perWeek});
                    store.update(*campaign);
                }
            }
            for (const auto& [sequenceId, stepId] : m_steps) {
                auto sequence = store.find<core::Sequence>(sequenceId);
                if (!sequence) {
                    continue;
                }
                bool changed = false;
                for (auto& step : sequence->steps) {
                    if (step.id == stepId && !step.channelId) {
                        step.channelId = id;
                        changed = true;
                    }
                }
                if (changed) {
                    store.update(*sequence);
                }
            }
            break;
        }
        case Entity::Campaign:
            relink<core::Post>(store, ids, Entity::Post, m_posts,
                               [id](core::Post& r) { return setIfEmpty(r.campaignId, id); });
            break;
        default:
            break;
    }
}

bool Dependents::empty() const {
    return m_goals.empty() && m_posts.empty() && m_contacts.empty() && m_interactions.empty() &&
           m_sequences.empty() && m_ideas.empty() && m_campaigns.empty() && m_niches.empty() &&
           m_cadence.empty() && m_steps.empty();
}

}  // namespace rapport::ui
