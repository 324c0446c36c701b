#include "ui/recordlist.h"

#include <QScrollBar>

#include "ui/roles.h"
#include "ui/twolinedelegate.h"

namespace rapport::ui {

RecordList::RecordList(QWidget* parent) : QListWidget(parent) {
    setItemDelegate(new TwoLineDelegate(this));
    setFrameShape(QFrame::NoFrame);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(false);
    // Rows wrap their secondary text to the width, so a resize lays them out again.
    setResizeMode(QListView::Adjust);
    setTextElideMode(Qt::ElideRight);
}

void RecordList::beginRebuild() {
    m_scrollBefore = verticalScrollBar()->value();
    setUpdatesEnabled(false);
    clear();
}

void RecordList::endRebuild() {
    setUpdatesEnabled(true);
    // Layout is lazy; the range is only right once the items have been laid out.
    doItemsLayout();
    verticalScrollBar()->setValue(m_scrollBefore);
}

void RecordList::addSection(const QString& title, int level) {
    auto* item = new QListWidgetItem(title, this);
    item->setData(SectionLevelRole, level);
    item->setFlags(Qt::ItemIsEnabled);
}

QListWidgetItem* RecordList::addRecord(const QString& primary, const QString& secondary,
                                       qlonglong id) {
    auto* item = new QListWidgetItem(primary, this);
    item->setData(SecondaryTextRole, secondary);
    if (id != 0) {
        item->setData(RecordIdRole, id);
    }
    item->setToolTip(secondary.isEmpty() ? primary : primary + QLatin1Char('\n') + secondary);
    return item;
}

void RecordList::addNote(const QString& text) {
    auto* item = new QListWidgetItem(QString{}, this);
    item->setData(SecondaryTextRole, text);
    item->setFlags(Qt::ItemIsEnabled);
}

QStringList RecordList::recordTexts() const {
    QStringList out;
    for (int row = 0; row < count(); ++row) {
        const QListWidgetItem* it = item(row);
        if (it->data(SectionLevelRole).toInt() == 0 && !it->text().isEmpty()) {
            out << it->text();
        }
    }
    return out;
}

}  // namespace rapport::ui
