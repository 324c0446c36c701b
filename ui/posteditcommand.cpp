#include "ui/posteditcommand.h"

#include <algorithm>

#include "core/sqlite.h"
#include "core/store.h"
#include "ui/commandid.h"

namespace rapport::ui {

std::vector<core::Id> postsOfSeries(core::Store& store, core::Id seriesId) {
    // Through the series index; listing every post of a large workspace would not be.
    auto st = store.db().prepare("SELECT id FROM posts WHERE series_id = ?1 ORDER BY id");
    st.bind(1, seriesId);
    std::vector<core::Id> ids;
    while (st.step()) {
        ids.push_back(st.integer(0));
    }
    return ids;
}

PostEditCommand::PostEditCommand(UndoContext& context, const QString& text,
                                 std::vector<core::Id> posts, std::vector<core::Id> series,
                                 Action action, QUndoCommand* parent)
    : StoreCommand(context, text, parent),
      m_postIds(std::move(posts)),
      m_seriesIds(std::move(series)),
      m_action(std::move(action)) {}

int PostEditCommand::id() const {
    return PostEditCommandId;
}

void PostEditCommand::apply() {
    core::Store& s = store();
    // Read now, not when the command was made: a redo after an undo sees what the undo put back.
    m_posts.clear();
    m_series.clear();
    std::vector<core::Id> ids = m_postIds;
    for (core::Id sid : m_seriesIds) {
        if (auto series = s.find<core::Series>(sid)) {
            m_series.push_back(*series);
            const auto own = postsOfSeries(s, sid);
            ids.insert(ids.end(), own.begin(), own.end());
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (core::Id pid : ids) {
        if (auto post = s.find<core::Post>(pid)) {
            m_posts.push_back(*post);
        }
    }
    s.transaction([&] { m_made = m_action(s); });
}

void PostEditCommand::revert() {
    core::Store& s = store();
    const auto kept = [this](core::Id pid) {
        return std::any_of(m_posts.begin(), m_posts.end(),
                           [pid](const core::Post& p) { return p.id == pid; });
    };
    s.transaction([&] {
        for (core::Id pid : m_made.posts) {
            if (!kept(pid) && s.find<core::Post>(pid)) {
                s.remove<core::Post>(pid);
            }
        }
        for (const auto& series : m_series) {
            if (s.find<core::Series>(series.id)) {
                s.update(series);
            } else {
                core::Series copy = series;
                s.add(copy);
            }
        }
        for (const auto& post : m_posts) {
            if (s.find<core::Post>(post.id)) {
                s.update(post);
            } else {
                core::Post copy = post;
                s.add(copy);
            }
        }
        for (core::Id sid : m_made.series) {
            if (std::any_of(m_series.begin(), m_series.end(),
                            [sid](const core::Series& x) { return x.id == sid; })) {
                continue;
            }
            for (core::Id pid : postsOfSeries(s, sid)) {
                if (!kept(pid)) {
                    s.remove<core::Post>(pid);
                }
            }
            if (s.find<core::Series>(sid)) {
                s.remove<core::Series>(sid);
            }
        }
    });
}

}  // namespace rapport::ui
