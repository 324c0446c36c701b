#pragma once

#include <QDialog>

#include <optional>

#include "core/entities.h"

class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QVBoxLayout;

namespace rapport::ui {

class CheckList;
class FormErrors;
class UndoContext;

/// The guided form for a niche: it asks in plain words who they are, what they ask and where
/// they gather, then the value proposition as three questions, and keeps saying which answers
/// are still empty. Only the name and the topic are required; the rest can grow over time.
class NicheDialog : public QDialog {
    Q_OBJECT
public:
    NicheDialog(UndoContext& undo, std::optional<core::Niche> niche, QWidget* parent = nullptr);

    core::Niche values() const;
    FormErrors* errors() const { return m_errors; }
    /// The "Still empty: …" hint as shown.
    QString stillEmptyText() const;
    core::Id savedId() const { return m_savedId; }

public slots:
    void accept() override;

private:
    QLineEdit* addLine(QVBoxLayout* layout, const QString& name, const QString& question,
                       const QString& placeholder, const QString& subject);
    QPlainTextEdit* addText(QVBoxLayout* layout, const QString& name, const QString& question,
                            const QString& placeholder);
    void updateHint();

    UndoContext& m_undo;
    std::optional<core::Niche> m_original;
    core::Id m_savedId = 0;
    FormErrors* m_errors;

    QLineEdit* m_name = nullptr;
    QLineEdit* m_topic = nullptr;
    QPlainTextEdit* m_who = nullptr;
    QPlainTextEdit* m_questions = nullptr;
    QPlainTextEdit* m_where = nullptr;
    CheckList* m_channels = nullptr;
    QPlainTextEdit* m_unique = nullptr;
    QPlainTextEdit* m_provides = nullptr;
    QPlainTextEdit* m_draw = nullptr;
    QFrame* m_hintFrame = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_general = nullptr;
};

}  // namespace rapport::ui
