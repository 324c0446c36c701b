#include "ui/columnmappingwidget.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/displaytext.h"

namespace rapport::ui {

namespace {

enum Column { Header, Example, Field, ColumnCount };

QString sampleText(const std::vector<std::vector<std::string>>& samples, std::size_t column) {
    for (const auto& record : samples) {
        if (column < record.size() && !record[column].empty()) {
            QString text = QString::fromStdString(record[column]).simplified();
            return text.size() > 40 ? text.left(39) + QChar(0x2026) : text;
        }
    }
    return {};
}

}  // namespace

const std::vector<std::pair<core::ColumnTarget, QString>>& ColumnMappingWidget::choices() {
    static const auto list = [] {
        using core::ImportField;
        std::vector<std::pair<core::ColumnTarget, QString>> l = {
            {{ImportField::Ignore}, tr("— Ignore —")},
            {{ImportField::DisplayName}, tr("Name")},
            {{ImportField::FirstName}, tr("First name")},
            {{ImportField::LastName}, tr("Last name")},
            {{ImportField::Email}, tr("Email")},
            {{ImportField::Company}, tr("Company")},
            {{ImportField::Role}, tr("Role")},
            {{ImportField::Stage}, tr("Stage")},
            {{ImportField::Niche}, tr("Niche")},
            {{ImportField::Tags}, tr("Tags")},
            {{ImportField::Notes}, tr("Notes")},
            {{ImportField::CreatedOn}, tr("Connected / created on")},
            {{ImportField::Uid}, tr("Unique ID")},
        };
        for (int k = 0; k <= static_cast<int>(core::ChannelKind::Other); ++k) {
            const auto kind = static_cast<core::ChannelKind>(k);
            l.push_back(
                {{ImportField::Handle, kind}, tr("Handle on %1").arg(channelKindName(kind))});
        }
        return l;
    }();
    return list;
}

ColumnMappingWidget::ColumnMappingWidget(QWidget* parent)
    : QWidget(parent), m_table(new QTableWidget(0, ColumnCount, this)) {
    setObjectName(QStringLiteral("columnMapping"));
    m_table->setObjectName(QStringLiteral("columnMappingTable"));
    m_table->setHorizontalHeaderLabels({tr("Column in the file"), tr("Example"), tr("Imports as")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(Header, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Example, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Field, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
}

void ColumnMappingWidget::setColumns(const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string>>& samples,
                                     const core::ColumnMapping& mapping) {
    m_mapping = mapping;
    m_mapping.columns.resize(header.size());
    m_table->setRowCount(static_cast<int>(header.size()));
    const auto& all = choices();
    for (std::size_t i = 0; i < header.size(); ++i) {
        const int row = static_cast<int>(i);
        auto* name = new QTableWidgetItem(QString::fromStdString(header[i]));
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        m_table->setItem(row, Header, name);
        auto* example = new QTableWidgetItem(sampleText(samples, i));
        example->setForeground(palette().color(QPalette::PlaceholderText));
        m_table->setItem(row, Example, example);
        auto* combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("columnField%1").arg(row));
        int current = 0;
        for (std::size_t c = 0; c < all.size(); ++c) {
            combo->addItem(all[c].second);
            const auto& t = all[c].first;
            const auto& m = m_mapping.columns[i];
            if (t.field == m.field &&
                (t.field != core::ImportField::Handle || t.channel == m.channel)) {
                current = static_cast<int>(c);
            }
        }
        combo->setCurrentIndex(current);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, i](int index) {
            if (index >= 0 && static_cast<std::size_t>(index) < choices().size()) {
                m_mapping.columns[i] = choices()[static_cast<std::size_t>(index)].first;
                emit mappingChanged();
            }
        });
        m_table->setCellWidget(row, Field, combo);
    }
}

core::ColumnMapping ColumnMappingWidget::mapping() const {
    return m_mapping;
}

int ColumnMappingWidget::columnCount() const {
    return m_table->rowCount();
}

void ColumnMappingWidget::setTarget(int column, core::ColumnTarget target) {
    auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(column, Field));
    if (!combo) {
        return;
    }
    const auto& all = choices();
    for (std::size_t c = 0; c < all.size(); ++c) {
        if (all[c].first == target ||
            (all[c].first.field == target.field && target.field != core::ImportField::Handle)) {
            combo->setCurrentIndex(static_cast<int>(c));
            return;
        }
    }
}

}  // namespace rapport::ui
