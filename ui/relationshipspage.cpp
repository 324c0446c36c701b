#include "ui/relationshipspage.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

#include <array>

#include "ui/contactlistmodel.h"
#include "ui/displaytext.h"
#include "ui/twolinedelegate.h"

namespace rapport::ui {

RelationshipsPage::RelationshipsPage(core::Store& store, QWidget* parent)
    : Page(store, tr("Relationships"), parent),
      m_model(new ContactListModel(store, this)),
      m_view(new QListView(this)),
      m_emptyNote(new QLabel(tr("No contacts yet. The people you talk with go here: a "
                                "relationship starts with one reply."),
                             this)) {
    m_view->setObjectName(QStringLiteral("contactList"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new TwoLineDelegate(m_view));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setResizeMode(QListView::Adjust);
    m_emptyNote->setObjectName(QStringLiteral("emptyNote"));
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setContentsMargins(12, 8, 12, 8);
    makeQuiet(m_emptyNote);
    m_emptyNote->hide();
    contentLayout()->addWidget(m_emptyNote);
    contentLayout()->addWidget(m_view, 1);
}

void RelationshipsPage::rebuild() {
    // The list follows the store through its model; only the header is read here.
    m_emptyNote->setVisible(m_model->rowCount() == 0);
    std::array<std::int64_t, core::enumCount<core::Stage>()> byStage{};
    for (int row = 0; row < m_model->rowCount(); ++row) {
        ++byStage[static_cast<std::size_t>(m_model->contactAt(row).stage)];
    }
    QStringList stages;
    for (std::size_t i = 0; i < byStage.size(); ++i) {
        if (byStage[i] > 0) {
            stages
                << QStringLiteral("%1 %2").arg(byStage[i]).arg(words(static_cast<core::Stage>(i)));
        }
    }
    QStringList header{countOf(m_model->rowCount(), tr("contact"), tr("contacts")),
                       countOf(m_model->interactionTotal(), tr("interaction"), tr("interactions"))};
    if (!stages.isEmpty()) {
        header << stages.join(QStringLiteral(", "));
    }
    setHeaderText(header.join(dot()));
}

}  // namespace rapport::ui
