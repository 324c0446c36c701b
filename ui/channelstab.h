#pragma once

#include <QWidget>

#include "core/entities.h"

class QLabel;
class QListView;
class QPushButton;

namespace rapport::ui {

class ChannelDialog;
class ChannelListModel;
class UndoContext;

/// The Channels tab: the places the user publishes, with their limits and posting times.
class ChannelsTab : public QWidget {
    Q_OBJECT
public:
    explicit ChannelsTab(UndoContext& undo, QWidget* parent = nullptr);

    ChannelListModel* model() const { return m_model; }
    QListView* view() const { return m_view; }

    core::Id currentId() const;
    void select(core::Id id);
    ChannelDialog* newChannel();
    ChannelDialog* editChannel(core::Id id);
    /// Deletes the channel as one undo step; a channel with posts is refused, and the store's
    /// sentence says why in a message box. Returns whether it went.
    bool deleteChannel(core::Id id);

private:
    void updateState();

    UndoContext& m_undo;
    ChannelListModel* m_model;
    QListView* m_view;
    QLabel* m_empty;
    QPushButton* m_edit;
    QPushButton* m_delete;
};

}  // namespace rapport::ui
