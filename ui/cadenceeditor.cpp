#include "ui/cadenceeditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

#include "core/plangenerator.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/plantext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

CadenceEditor::CadenceEditor(QWidget* parent)
    : QWidget(parent), m_grid(new QGridLayout), m_error(FormErrors::makeLine(this)) {
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(4);
    m_grid->setColumnStretch(2, 1);
    m_error->setObjectName(QStringLiteral("error-cadence"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(m_grid);
    layout->addWidget(m_error);
}

int CadenceEditor::suggestedPerWeek(const core::Channel& channel) {
    return std::min(3, core::dailyCapacity(channel) * 7);
}

void CadenceEditor::setChannels(const std::vector<core::Channel>& channels, bool checkable) {
    // Keep what was typed before the rows go.
    for (const Row& row : m_rows) {
        m_values[row.channel] = row.spin->value();
    }
    std::map<core::Id, bool> ticked;
    for (const Row& row : m_rows) {
        if (row.tick) {
            ticked[row.channel] = row.tick->isChecked();
        }
    }
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_rows.clear();

    int gridRow = 0;
    for (const auto& channel : channels) {
        Row row;
        row.channel = channel.id;
        const QString name = qs(channel.name);
        if (checkable) {
            row.tick = new QCheckBox(name, this);
            row.tick->setObjectName(QStringLiteral("use-%1").arg(channel.id));
            const auto it = ticked.find(channel.id);
            row.tick->setChecked(it != ticked.end() ? it->second : false);
            m_grid->addWidget(row.tick, gridRow, 0);
        } else {
            row.name = new QLabel(name, this);
            m_grid->addWidget(row.name, gridRow, 0);
        }
        row.spin = new QSpinBox(this);
        row.spin->setObjectName(QStringLiteral("perWeek-%1").arg(channel.id));
        row.spin->setRange(0, 99);
        row.spin->setSuffix(tr(" a week"));
        row.spin->setMinimumWidth(100);
        const auto known = m_values.find(channel.id);
        row.spin->setValue(known != m_values.end() ? known->second : suggestedPerWeek(channel));
        m_grid->addWidget(row.spin, gridRow, 1);

        const int perDay = core::dailyCapacity(channel);
        QStringList times;
        for (const auto t : channel.preferredTimes) {
            times << formatTime(t);
        }
        QString room = tr("room for %1 a day").arg(countOf(perDay, tr("post"), tr("posts")));
        if (!times.isEmpty()) {
            room += QLatin1Char(' ') + tr("(at %1)").arg(joinedList(times));
        }
        auto* hint = new QLabel(room, this);
        makeQuiet(hint);
        m_grid->addWidget(hint, gridRow, 2);

        row.error = FormErrors::makeLine(this);
        row.error->setObjectName(QStringLiteral("error-cadence-%1").arg(channel.id));
        m_grid->addWidget(row.error, gridRow + 1, 0, 1, 3);

        if (row.tick) {
            row.spin->setEnabled(row.tick->isChecked());
            connect(row.tick, &QCheckBox::toggled, row.spin, &QWidget::setEnabled);
            connect(row.tick, &QCheckBox::toggled, this, &CadenceEditor::changed);
        }
        connect(row.spin, &QSpinBox::valueChanged, this, &CadenceEditor::changed);
        m_rows.push_back(row);
        gridRow += 2;
    }
    emit changed();
}

std::vector<core::ChannelCadence> CadenceEditor::cadence() const {
    std::vector<core::ChannelCadence> out;
    for (const Row& row : m_rows) {
        if (!row.tick || row.tick->isChecked()) {
            out.push_back({row.channel, row.spin->value()});
        }
    }
    return out;
}

void CadenceEditor::setCadence(const std::vector<core::ChannelCadence>& cadence) {
    for (const Row& row : m_rows) {
        const auto it =
            std::find_if(cadence.begin(), cadence.end(),
                         [&](const core::ChannelCadence& c) { return c.channelId == row.channel; });
        if (row.tick) {
            row.tick->setChecked(it != cadence.end());
        }
        if (it != cadence.end()) {
            row.spin->setValue(it->postsPerWeek);
        }
    }
}

QSpinBox* CadenceEditor::spinFor(core::Id channel) const {
    for (const Row& row : m_rows) {
        if (row.channel == channel) {
            return row.spin;
        }
    }
    return nullptr;
}

void CadenceEditor::registerErrors(FormErrors* errors) {
    errors->add(QStringLiteral("cadence"), m_error, this, tr("The plan"));
    int index = 0;
    for (const Row& row : m_rows) {
        if (!row.tick || row.tick->isChecked()) {
            errors->add(QStringLiteral("cadence[%1]").arg(index), row.error, row.spin);
            ++index;
        }
    }
}

}  // namespace rapport::ui
