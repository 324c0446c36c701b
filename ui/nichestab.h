#pragma once

#include <QWidget>

#include "core/entities.h"

class QLabel;
class QListView;
class QPushButton;

namespace rapport::ui {

class NicheDialog;
class NicheListModel;
class UndoContext;

/// The Niches tab: the niches on the left, the selected one's description and value
/// proposition on the right, with what its guided form still lacks.
class NichesTab : public QWidget {
    Q_OBJECT
public:
    explicit NichesTab(UndoContext& undo, QWidget* parent = nullptr);

    NicheListModel* model() const { return m_model; }
    QListView* view() const { return m_view; }
    QLabel* details() const { return m_details; }

    core::Id currentId() const;
    void select(core::Id id);
    NicheDialog* newNiche();
    NicheDialog* editNiche(core::Id id);
    void deleteNiche(core::Id id);

private:
    void updateDetails();

    UndoContext& m_undo;
    NicheListModel* m_model;
    QListView* m_view;
    QLabel* m_empty;
    QLabel* m_details;
    QPushButton* m_edit;
    QPushButton* m_delete;
};

}  // namespace rapport::ui
