#pragma once

#include "ui/page.h"

class QLabel;
class QPushButton;
class QTableView;

namespace rapport::ui {

class IdeasModel;
class RecordList;
class UndoContext;

/// Topic ideas: what people asked about, most asked first, feeding the next posts. A table of
/// the ideas (title, niche, how many asked, status, the post that answers it); for the
/// selected one its notes and the interactions that asked for it. One click turns an idea into
/// a draft post (one undo step); the idea shows covered once that post is published.
class IdeasPage : public Page {
    Q_OBJECT
public:
    IdeasPage(core::Store& store, UndoContext& undo, QWidget* parent = nullptr);

    IdeasModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    /// The interactions that asked for the selected idea.
    RecordList* askers() const { return m_askers; }

    /// The selected idea's id, or 0.
    core::Id currentId() const;
    /// Selects the idea's row; false when the table has no such idea.
    bool select(core::Id ideaId);
    /// Turns the idea into a draft post as one undo step; returns the post's id, or 0 when it
    /// could not (the reason is shown on the page).
    core::Id turnIntoPost(core::Id ideaId);
    /// Drops an open idea, or opens a dropped one again (status new), as one undo step.
    void toggleDropped(core::Id ideaId);
    /// The sentence shown when the last action failed; empty when it worked.
    QString errorText() const;

protected:
    void rebuild() override;

private:
    void updateDetails();

    UndoContext& m_undo;
    IdeasModel* m_model;
    QTableView* m_table;
    QLabel* m_empty;
    QPushButton* m_toPost;
    QPushButton* m_drop;
    QLabel* m_error;
    QLabel* m_details;
    QLabel* m_askedHeading;
    RecordList* m_askers;
};

}  // namespace rapport::ui
