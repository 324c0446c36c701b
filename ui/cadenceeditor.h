#pragma once

#include <QWidget>

#include <map>
#include <vector>

#include "core/entities.h"

class QCheckBox;
class QGridLayout;
class QLabel;
class QSpinBox;

namespace rapport::ui {

class FormErrors;

/// Posts a week per channel: a spin box a row, with what the channel can take beside it (its
/// daily cap and posting times). Rows may carry a tick to choose the channel itself (the
/// campaign form) or show only the channels chosen elsewhere (the wizard).
class CadenceEditor : public QWidget {
    Q_OBJECT
public:
    explicit CadenceEditor(QWidget* parent = nullptr);

    /// Shows these channels; values already entered for a channel are kept.
    void setChannels(const std::vector<core::Channel>& channels, bool checkable);
    /// One entry per chosen channel, in row order.
    std::vector<core::ChannelCadence> cadence() const;
    void setCadence(const std::vector<core::ChannelCadence>& cadence);

    /// The spin box of a channel, or null.
    QSpinBox* spinFor(core::Id channel) const;
    /// Registers "cadence" and "cadence[i]" (i as in cadence()) with a form's errors.
    void registerErrors(FormErrors* errors);

    /// A sensible first cadence for a channel: three a week, or what it can take if less.
    static int suggestedPerWeek(const core::Channel& channel);

signals:
    void changed();

private:
    struct Row {
        core::Id channel = 0;
        QCheckBox* tick = nullptr;
        QLabel* name = nullptr;
        QSpinBox* spin = nullptr;
        QLabel* error = nullptr;
    };

    QGridLayout* m_grid;
    QLabel* m_error;
    std::vector<Row> m_rows;
    std::map<core::Id, int> m_values;  // remembered across setChannels()
};

}  // namespace rapport::ui
