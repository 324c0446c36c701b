#pragma once

#include <QDialog>

#include <optional>

#include "core/entities.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rapport::ui {

class FormErrors;
class UndoContext;

/// The form for a channel: its kind first, then the name, handle, character limit, daily cap
/// and posting times, pre-filled with what suits the kind (Channel::withDefaults). For a new
/// channel, choosing another kind fills those defaults again in every field the user has not
/// typed in.
class ChannelDialog : public QDialog {
    Q_OBJECT
public:
    ChannelDialog(UndoContext& undo, std::optional<core::Channel> channel,
                  QWidget* parent = nullptr);

    /// The channel as the form has it now; the posting times as far as they read.
    core::Channel values() const;
    FormErrors* errors() const { return m_errors; }
    core::Id savedId() const { return m_savedId; }

    /// "08:30, 12:15"; for the times field.
    static QString timesText(const std::vector<core::TimeOfDay>& times);
    /// Reads "8:30, 12:15 17:00"; sorted, without repeats. On a bad time, returns nullopt and
    /// names it in `bad`.
    static std::optional<std::vector<core::TimeOfDay>> parseTimes(const QString& text,
                                                                  QString* bad = nullptr);

public slots:
    void accept() override;

private:
    void applyDefaults();
    void updateDefaultsNote();

    UndoContext& m_undo;
    std::optional<core::Channel> m_original;
    core::Id m_savedId = 0;
    bool m_filling = false;
    // Fields the user has changed; the kind's defaults leave those alone.
    bool m_nameTouched = false;
    bool m_limitTouched = false;
    bool m_capTouched = false;
    bool m_timesTouched = false;

    QComboBox* m_kind;
    QLineEdit* m_name;
    QLineEdit* m_handle;
    QSpinBox* m_charLimit;
    QSpinBox* m_dailyCap;
    QLineEdit* m_times;
    QLabel* m_defaultsNote;
    QLabel* m_general;
    FormErrors* m_errors;
};

}  // namespace rapport::ui
