#pragma once
// The rules a single record must hold on its own (validate) and the records it points at
// (references). Store and the JSON restore both use them, so a rule is written once.

#include <string>
#include <string_view>
#include <vector>

#include "core/entities.h"
#include "core/store.h"

namespace rapport::core {

/// A reference from a record to another record.
struct Reference {
    std::string field;  ///< JSON-style field path inside the record: "niche", "steps[2].channel"
    Entity target;
    Id id;
};

/// "channel", "topic idea": the user's word for a kind of record.
std::string_view entityName(Entity entity);
/// "contact 12", or "new contact" for a record not stored yet.
std::string recordLabel(Entity entity, Id id);

/// True for "http://x" and "https://x" with no spaces or control characters.
bool isHttpLink(std::string_view link);

// Each throws ValidationError naming the record and the field at fault.
void validate(const Channel& r);
void validate(const Niche& r);
void validate(const Goal& r);
void validate(const Campaign& r);
void validate(const Series& r);
void validate(const Post& r);
void validate(const Contact& r);
void validate(const Interaction& r);
void validate(const Sequence& r);
void validate(const Enrollment& r);
void validate(const TopicIdea& r);

std::vector<Reference> references(const Channel& r);
std::vector<Reference> references(const Niche& r);
std::vector<Reference> references(const Goal& r);
std::vector<Reference> references(const Campaign& r);
std::vector<Reference> references(const Series& r);
std::vector<Reference> references(const Post& r);
std::vector<Reference> references(const Contact& r);
std::vector<Reference> references(const Interaction& r);
std::vector<Reference> references(const Sequence& r);
std::vector<Reference> references(const Enrollment& r);
std::vector<Reference> references(const TopicIdea& r);

}  // namespace rapport::core
