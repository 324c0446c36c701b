#pragma once

#include <functional>
#include <vector>

#include "core/entities.h"
#include "ui/storecommand.h"

namespace rapport::ui {

/// One calendar action on posts and series as one undo step: a drag, an editor's OK, a skip,
/// "this and all following", making a post recurring. Series edits in core touch records
/// whose set is only known afterwards (splitSeries moves exceptions, adds a series and a
/// template), so rather than a command per record this one keeps the records the action may
/// change as they were, runs the action, and on undo puts those back and removes what the
/// action made.
class PostEditCommand : public StoreCommand {
public:
    /// What an action made, for undo to remove.
    struct Made {
        std::vector<core::Id> posts;
        std::vector<core::Id> series;
    };
    using Action = std::function<Made(core::Store&)>;

    /// `posts` and `series` are the records the action may change or delete; for a series,
    /// every post of it is kept as well.
    PostEditCommand(UndoContext& context, const QString& text, std::vector<core::Id> posts,
                    std::vector<core::Id> series, Action action, QUndoCommand* parent = nullptr);

    int id() const override;

    void apply() override;
    void revert() override;

    /// What the last apply() made.
    const Made& made() const { return m_made; }

private:
    std::vector<core::Id> m_postIds;
    std::vector<core::Id> m_seriesIds;
    Action m_action;
    std::vector<core::Post> m_posts;
    std::vector<core::Series> m_series;
    Made m_made;
};

/// The ids of the posts that belong to a series (its template and exceptions).
std::vector<core::Id> postsOfSeries(core::Store& store, core::Id seriesId);

}  // namespace rapport::ui
