#pragma once

#include <QWidget>

#include "core/entities.h"

class QButtonGroup;
class QLabel;
class QSpinBox;

namespace rapport::ui {

class FormErrors;

/// Chooses how much a campaign may sell: one of the presets (80/20, 4-1-1, 5-3-2), each said
/// in words, or custom numbers for "earn first" and the ratio. Used by the campaign wizard and
/// the campaign form alike.
class MixPolicyEditor : public QWidget {
    Q_OBJECT
public:
    explicit MixPolicyEditor(QWidget* parent = nullptr);

    core::MixPolicy policy() const;
    void setPolicy(const core::MixPolicy& policy);
    void setPreset(core::MixPreset preset);

    /// Registers the editor's fields ("mix", "mix.earnFirst"…) with a form's errors.
    void registerErrors(FormErrors* errors);

signals:
    void changed();

private:
    void onPresetChosen();
    void updateSummary();

    QButtonGroup* m_presets;
    QSpinBox* m_earnFirst;
    QSpinBox* m_maxPromo;
    QSpinBox* m_window;
    QWidget* m_custom;
    QLabel* m_summary;
    QLabel* m_error;
    bool m_filling = false;
};

}  // namespace rapport::ui
