#pragma once

#include <QDialog>

#include "core/clock.h"
#include "core/entities.h"
#include "core/store.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace rapport::ui {

/// Logs an interaction with one contact in a few keystrokes: direction, kind, channel, the
/// post it was about and a note; the time defaults to now in the workspace's zone. Kind and
/// direction start as the last ones used.
class LogInteractionDialog : public QDialog {
    Q_OBJECT
public:
    LogInteractionDialog(core::Store& store, const core::Clock& clock, core::Id contactId,
                         QWidget* parent = nullptr);

    /// The interaction as the form says (its id 0).
    core::Interaction interaction() const;

    QComboBox* directionBox() const { return m_direction; }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* channelBox() const { return m_channel; }
    QComboBox* postBox() const { return m_post; }
    QDateTimeEdit* whenEdit() const { return m_when; }
    QLineEdit* noteEdit() const { return m_note; }

    void accept() override;

private:
    core::Store& m_store;
    std::string m_zone;
    core::Id m_contactId;
    QComboBox* m_direction;
    QComboBox* m_kind;
    QComboBox* m_channel;
    QComboBox* m_post;
    QDateTimeEdit* m_when;
    QLineEdit* m_note;
};

}  // namespace rapport::ui
