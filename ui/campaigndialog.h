#pragma once

#include <QDialog>

#include "core/clock.h"
#include "core/entities.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace rapport::ui {

class CadenceEditor;
class CheckList;
class FormErrors;
class MixPolicyEditor;
class UndoContext;

/// The form for an existing campaign: name, status, period, goals, niches, cadence and content
/// mix. Saving is one undo step. The posts already planned stay as they are: they may have
/// been drafted or scheduled since, and the user's work on them comes first. A campaign without
/// a period is offered one from today (by `clock`, in the workspace's zone) when it is ticked.
class CampaignDialog : public QDialog {
    Q_OBJECT
public:
    CampaignDialog(UndoContext& undo, const core::Clock& clock, core::Campaign campaign,
                   QWidget* parent = nullptr);

    core::Campaign values() const;
    FormErrors* errors() const { return m_errors; }
    CadenceEditor* cadenceEditor() const { return m_cadence; }
    MixPolicyEditor* mixEditor() const { return m_mix; }

public slots:
    void accept() override;

private:
    UndoContext& m_undo;
    core::Campaign m_original;
    std::vector<core::Channel> m_channels;
    FormErrors* m_errors;
    QTabWidget* m_tabs;
    QLineEdit* m_name;
    QComboBox* m_status;
    QCheckBox* m_hasPeriod;
    QDateEdit* m_start;
    QDateEdit* m_end;
    CheckList* m_goals;
    CheckList* m_niches;
    CadenceEditor* m_cadence;
    MixPolicyEditor* m_mix;
    QLabel* m_general;
};

}  // namespace rapport::ui
