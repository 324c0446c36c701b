#pragma once

#include <QDate>

#include "core/clock.h"
#include "ui/page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace rapport::ui {

class ContactTableModel;
class ContactView;
class FollowUpQueueView;
class UndoContext;

/// Relationships: who needs you today (the follow-up queue, the page's first view), every
/// contact in a lazy table with search and filters, and the contact open beside them with its
/// timeline and what can be done about it.
class RelationshipsPage : public Page {
    Q_OBJECT
public:
    enum Tab : int { QueueTab, ContactsTab };

    RelationshipsPage(core::Store& store, UndoContext& undo, const core::Clock& clock,
                      QWidget* parent = nullptr);

    /// Switches to the follow-up queue of `day` (invalid: today's).
    void showQueue(QDate day = {});
    /// Opens a contact beside the list.
    void openContact(core::Id id);

    ContactTableModel* model() const { return m_model; }
    QTableView* view() const { return m_table; }
    ContactView* contactView() const { return m_contact; }
    FollowUpQueueView* queueView() const { return m_queue; }
    QTabWidget* tabs() const { return m_tabs; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* stageFilter() const { return m_stage; }
    QComboBox* nicheFilter() const { return m_niche; }
    QComboBox* tagFilter() const { return m_tag; }
    QCheckBox* losingTouchFilter() const { return m_losingTouch; }
    /// Applies the search box and the filters now instead of after the typing pause.
    void applyFilter();

protected:
    void rebuild() override;

private:
    QWidget* makeContactsTab();
    void fillFilterChoices();
    void updateCount();
    void updateEnrollButton();
    /// Opens the first contact of the tab shown when none is open.
    void openFirstIfNoneOpen();

    UndoContext& m_undo;
    const core::Clock& m_clock;
    ContactTableModel* m_model;
    QTabWidget* m_tabs;
    QSplitter* m_splitter;
    FollowUpQueueView* m_queue;
    ContactView* m_contact;
    QTableView* m_table = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_stage = nullptr;
    QComboBox* m_niche = nullptr;
    QComboBox* m_tag = nullptr;
    QCheckBox* m_losingTouch = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_emptyNote = nullptr;
    QPushButton* m_enroll = nullptr;
    QTimer* m_searchDelay = nullptr;
    core::Id m_keepSelected = 0;
};

}  // namespace rapport::ui
