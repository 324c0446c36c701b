#include "ui/records.h"

namespace rapport::ui {

namespace {

void mapOne(core::Id& id, core::Entity entity, const MapId& map) {
    if (id != 0) {
        id = map(entity, id);
    }
}

void mapOne(std::optional<core::Id>& id, core::Entity entity, const MapId& map) {
    if (id) {
        *id = map(entity, *id);
    }
}

void mapAll(std::vector<core::Id>& ids, core::Entity entity, const MapId& map) {
    for (core::Id& id : ids) {
        mapOne(id, entity, map);
    }
}

}  // namespace

void mapReferences(core::Channel&, const MapId&) {}

void mapReferences(core::Niche& record, const MapId& map) {
    mapAll(record.gatherChannelIds, core::Entity::Channel, map);
}

void mapReferences(core::Goal& record, const MapId& map) {
    mapOne(record.nicheId, core::Entity::Niche, map);
}

void mapReferences(core::Campaign& record, const MapId& map) {
    mapAll(record.goalIds, core::Entity::Goal, map);
    mapAll(record.nicheIds, core::Entity::Niche, map);
    for (auto& cadence : record.cadence) {
        mapOne(cadence.channelId, core::Entity::Channel, map);
    }
}

void mapReferences(core::Post& record, const MapId& map) {
    mapOne(record.channelId, core::Entity::Channel, map);
    mapOne(record.campaignId, core::Entity::Campaign, map);
    mapOne(record.nicheId, core::Entity::Niche, map);
    mapOne(record.goalId, core::Entity::Goal, map);
}

bool sameRecord(const core::Channel& a, const core::Channel& b) {
    return a.id == b.id && a.name == b.name && a.kind == b.kind && a.handle == b.handle &&
           a.charLimit == b.charLimit && a.dailyCap == b.dailyCap &&
           a.preferredTimes == b.preferredTimes;
}

bool sameRecord(const core::Niche& a, const core::Niche& b) {
    return a.id == b.id && a.name == b.name && a.topic == b.topic && a.whoTheyAre == b.whoTheyAre &&
           a.questions == b.questions && a.whereTheyGather == b.whereTheyGather &&
           a.gatherChannelIds == b.gatherChannelIds && a.unique == b.unique &&
           a.provides == b.provides && a.draw == b.draw;
}

bool sameRecord(const core::Goal& a, const core::Goal& b) {
    return a.id == b.id && a.title == b.title && a.why == b.why && a.metric == b.metric &&
           a.baseline == b.baseline && a.target == b.target && a.startDate == b.startDate &&
           a.deadline == b.deadline && a.nicheId == b.nicheId && a.status == b.status &&
           a.manualValue == b.manualValue;
}

bool sameRecord(const core::Campaign& a, const core::Campaign& b) {
    return a.id == b.id && a.name == b.name && a.goalIds == b.goalIds && a.nicheIds == b.nicheIds &&
           a.startDate == b.startDate && a.endDate == b.endDate && a.mix == b.mix &&
           a.status == b.status && a.cadence == b.cadence;
}

}  // namespace rapport::ui
