#pragma once
// What the undo commands need to know about each kind of record they handle: its Entity, the
// other records it points at (so a command can keep those pointers as IdMap handles), and
// whether an edit changed anything at all.

#include <functional>

#include "core/entities.h"
#include "core/store.h"

namespace rapport::ui {

template <class T>
struct RecordKind;

template <>
struct RecordKind<core::Channel> {
    static constexpr core::Entity entity = core::Entity::Channel;
};
template <>
struct RecordKind<core::Niche> {
    static constexpr core::Entity entity = core::Entity::Niche;
};
template <>
struct RecordKind<core::Goal> {
    static constexpr core::Entity entity = core::Entity::Goal;
};
template <>
struct RecordKind<core::Campaign> {
    static constexpr core::Entity entity = core::Entity::Campaign;
};
template <>
struct RecordKind<core::Post> {
    static constexpr core::Entity entity = core::Entity::Post;
};

/// Turns one reference (its kind and id) into another id: a handle, or the id a handle names.
using MapId = std::function<core::Id(core::Entity, core::Id)>;

// Each rewrites every reference the record holds to the records of this page's kinds.
void mapReferences(core::Channel& record, const MapId& map);
void mapReferences(core::Niche& record, const MapId& map);
void mapReferences(core::Goal& record, const MapId& map);
void mapReferences(core::Campaign& record, const MapId& map);
void mapReferences(core::Post& record, const MapId& map);

// True when the two hold the same values, so a dialog closed without changes adds no undo step.
bool sameRecord(const core::Channel& a, const core::Channel& b);
bool sameRecord(const core::Niche& a, const core::Niche& b);
bool sameRecord(const core::Goal& a, const core::Goal& b);
bool sameRecord(const core::Campaign& a, const core::Campaign& b);

}  // namespace rapport::ui
