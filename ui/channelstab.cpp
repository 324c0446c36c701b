#include "ui/channelstab.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include "core/errors.h"
#include "ui/channeldialog.h"
#include "ui/channellistmodel.h"
#include "ui/displaytext.h"
#include "ui/removerecord.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

ChannelsTab::ChannelsTab(UndoContext& undo, QWidget* parent)
    : QWidget(parent),
      m_undo(undo),
      m_model(new ChannelListModel(undo.store(), this)),
      m_view(makeRecordView(this, QStringLiteral("channelList"))),
      m_empty(new QLabel(this)),
      m_edit(actionButton(tr("Edit…"), QStringLiteral("editChannel"), this)),
      m_delete(actionButton(tr("Delete"), QStringLiteral("deleteChannel"), this)) {
    setObjectName(QStringLiteral("channelsTab"));
    auto* add = actionButton(tr("Add channel…"), QStringLiteral("newChannel"), this);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);

    auto* intro = new QLabel(tr("The places you publish. Each kind starts with limits and "
                                "posting times that suit it; the campaign wizard lays posts on "
                                "those times and never over a channel's daily cap."),
                             this);
    makeHint(intro);
    m_view->setModel(m_model);
    m_empty->setObjectName(QStringLiteral("channelsEmptyNote"));
    m_empty->setText(
        tr("No channels yet. Add the places you publish: LinkedIn, your blog, a "
           "newsletter, a forum."));
    m_empty->setWordWrap(true);
    m_empty->setContentsMargins(4, 8, 4, 8);
    makeQuiet(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(buttons);
    layout->addWidget(intro);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);

    connect(add, &QPushButton::clicked, this, [this] { newChannel(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editChannel(currentId()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteChannel(currentId()); });
    connect(m_view, &QListView::doubleClicked, this, [this] { editChannel(currentId()); });
    auto* del = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { deleteChannel(currentId()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ChannelsTab::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChannelsTab::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChannelsTab::updateState);
    connect(
        m_model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex&, int first) { m_view->setCurrentIndex(m_model->index(first)); });
    if (m_model->rowCount() > 0) {
        m_view->setCurrentIndex(m_model->index(0));
    }
    updateState();
}

core::Id ChannelsTab::currentId() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : 0;
}

void ChannelsTab::select(core::Id id) {
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row));
    }
}

void ChannelsTab::updateState() {
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0) {
        m_view->setCurrentIndex(m_model->index(0));  // calls back here
        return;
    }
    m_empty->setVisible(m_model->rowCount() == 0);
    m_view->setVisible(m_model->rowCount() > 0);
    m_edit->setEnabled(currentId() != 0);
    m_delete->setEnabled(currentId() != 0);
}

ChannelDialog* ChannelsTab::newChannel() {
    auto* dialog = new ChannelDialog(m_undo, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

ChannelDialog* ChannelsTab::editChannel(core::Id id) {
    const auto channel = m_undo.store().find<core::Channel>(id);
    if (!channel) {
        return nullptr;
    }
    auto* dialog = new ChannelDialog(m_undo, channel, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

bool ChannelsTab::deleteChannel(core::Id id) {
    const auto channel = m_undo.store().find<core::Channel>(id);
    if (!channel) {
        return false;
    }
    const QString name = qs(channel->name);
    try {
        m_undo.perform(std::make_unique<RemoveRecord<core::Channel>>(
            m_undo, id, tr("Delete channel “%1”").arg(name)));
        return true;
    } catch (const core::ValidationError& e) {
        // core refuses to orphan posts; its sentence says what to do instead.
        auto* box =
            new QMessageBox(QMessageBox::Information, tr("Delete channel"),
                            tr("“%1” %2.").arg(name, qs(e.problem())), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("deleteRefused"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    } catch (const std::exception& e) {
        m_undo.reportFailure(qs(e.what()));
    }
    return false;
}

}  // namespace rapport::ui
