#pragma once

#include "ui/page.h"

class QLabel;
class QListView;

namespace rapport::ui {

class ContactListModel;

/// Relationships: the people the user is building relationships with, by name, with their
/// stage, tags and how much has passed between them.
class RelationshipsPage : public Page {
    Q_OBJECT
public:
    explicit RelationshipsPage(core::Store& store, QWidget* parent = nullptr);

    ContactListModel* model() const { return m_model; }
    QListView* view() const { return m_view; }

protected:
    void rebuild() override;

private:
    ContactListModel* m_model;
    QListView* m_view;
    QLabel* m_emptyNote;
};

}  // namespace rapport::ui
