#pragma once

#include <QDialog>

#include "core/entities.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace rapport::ui {

class FormErrors;
class UndoContext;

/// Raises a topic idea from an interaction ("three readers asked how to pick keywords"): opens
/// the dialog below and, on OK, makes a new idea or adds the interaction to an existing one's
/// askers, as one undo step. True when something was saved.
bool raiseTopicIdea(QWidget* parent, UndoContext& undo, core::Id interactionId);

/// The form behind raiseTopicIdea(): the interaction quoted, then either a new idea (title,
/// notes, niche; the title suggested from the interaction's note) or an idea already noted,
/// most asked first. OK saves as one undo step; a blank title is said next to its field and
/// the form stays open.
class RaiseIdeaDialog : public QDialog {
    Q_OBJECT
public:
    RaiseIdeaDialog(UndoContext& undo, core::Id interactionId, QWidget* parent = nullptr);

    /// True when the form adds to an existing idea rather than making a new one.
    bool addsToExisting() const;
    /// Switches between a new idea and adding to an existing one.
    void setAddsToExisting(bool existing);
    /// Selects the existing idea to add to; false when the list has no such idea.
    bool selectIdea(core::Id ideaId);
    /// The idea saved (made or added to); 0 before OK.
    core::Id savedIdeaId() const { return m_savedId; }
    FormErrors* errors() const { return m_errors; }

public slots:
    void accept() override;

private:
    void updateEnabled();

    UndoContext& m_undo;
    core::Id m_interactionId;
    core::Id m_savedId = 0;

    QRadioButton* m_newIdea;
    QRadioButton* m_existing;
    QLineEdit* m_title;
    QPlainTextEdit* m_notes;
    QComboBox* m_niche;
    QComboBox* m_idea;
    QLabel* m_general;
    FormErrors* m_errors;
};

}  // namespace rapport::ui
