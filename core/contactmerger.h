#pragma once
// Merging two records of the same person into one, keeping every interaction, handle, tag and
// note of both, in one transaction; and undoing it exactly.

#include <string>
#include <vector>

#include "core/entities.h"

namespace rapport::core {

class Store;

/// Everything unmerge() needs to put both contacts back as they were.
struct MergeUndo {
    /// One row of the stage history (table stage_changes), as stored.
    struct StageRow {
        Id contactId = 0;
        std::string changedOn;
        std::string stage;
    };
    Contact keptBefore;                        ///< the kept contact before the merge
    Contact removed;                           ///< the merged-away contact, whole, with its id
    std::vector<Id> movedInteractions;         ///< its interactions, now the kept contact's
    std::vector<Enrollment> movedEnrollments;  ///< its enrollments as they were
    std::vector<StageRow> stageHistory;        ///< both contacts' stage history as it was
};

/// Merges contacts and undoes merges.
class ContactMerger {
public:
    explicit ContactMerger(Store& store) : m_store(store) {}

    /// Moves everything of `otherId` to `keepId` and removes `otherId`, in one transaction.
    /// The kept contact keeps its own values; its empty fields take the other's, tags and
    /// handles are joined, notes are joined (with what could not be kept as a field: a second
    /// email, a second handle on the same network, the other name), the stage is the further
    /// of the two and the created date the earlier. An open enrollment of the other contact in
    /// a sequence the kept one is already in is exited, with the reason. ValidationError when
    /// a contact does not exist or both ids are the same.
    MergeUndo merge(Id keepId, Id otherId);

    /// Puts both contacts back as they were before `merge` returned `undo`, in one transaction.
    void unmerge(const MergeUndo& undo);

    /// The kept contact as merge() writes it.
    static Contact combined(const Contact& keep, const Contact& other);

private:
    Store& m_store;
};

}  // namespace rapport::core
