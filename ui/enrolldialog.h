#pragma once

#include <QAbstractListModel>
#include <QDialog>

#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/contactquery.h"

#include "core/clock.h"
#include "core/types.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace rapport::ui {

class UndoContext;

/// Asks which sequence (and start date) and enrolls the contacts as one undo step; contacts
/// already in an open enrollment of that sequence are listed and skipped. False when cancelled.
bool enrollContacts(QWidget* parent, UndoContext& undo, const core::Clock& clock,
                    std::vector<core::Id> contactIds);

/// The dialog enrollContacts() shows: the sequence, the start date, who is enrolled and who is
/// skipped (already in an open enrollment of that sequence).
class EnrollDialog : public QDialog {
    Q_OBJECT
public:
    EnrollDialog(UndoContext& undo, const core::Clock& clock, std::vector<core::Id> contactIds,
                 QWidget* parent = nullptr);

    /// Picks the sequence by id (for the page, which knows the selected one, and tests).
    void setSequence(core::Id sequenceId);
    core::Id sequenceId() const;
    /// The contacts that will be enrolled / skipped with the sequence chosen now.
    const std::vector<core::Id>& toEnroll() const { return m_toEnroll; }
    const std::vector<core::Id>& skipped() const { return m_skipped; }
    QString summary() const;

public slots:
    void accept() override;

private:
    void update();

    UndoContext& m_undo;
    const core::Clock& m_clock;
    std::vector<core::Id> m_contacts;
    std::vector<core::Id> m_toEnroll;
    std::vector<core::Id> m_skipped;
    QComboBox* m_sequence;
    QDateEdit* m_start;
    QLabel* m_summary;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

/// The contacts that pass a filter, as a checkable list. Holds only ids; a row's text is read
/// in blocks as the view reaches it, so a workspace of 100,000 contacts stays quick.
class ContactPickModel : public QAbstractListModel {
    Q_OBJECT
public:
    ContactPickModel(core::Store& store, const core::Clock& clock, QObject* parent = nullptr);

    void setFilter(const core::ContactFilter& filter);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    /// Checks (or unchecks) every contact the filter shows.
    void checkAll(bool checked);
    /// The checked contacts, in the order they were listed.
    std::vector<core::Id> checked() const;
    core::ContactQuery& query() { return *m_query; }

private:
    const core::ContactRow* rowAt(int row) const;

    std::unique_ptr<core::ContactQuery> m_query;
    std::vector<core::Id> m_ids;
    std::set<core::Id> m_checked;
    std::vector<core::Id> m_checkOrder;
    mutable std::unordered_map<core::Id, core::ContactRow> m_rows;
};

/// Picks contacts from a list filtered by search words, stage, niche and tag.
class ContactPicker : public QDialog {
    Q_OBJECT
public:
    ContactPicker(core::Store& store, const core::Clock& clock, QWidget* parent = nullptr);

    ContactPickModel* model() const { return m_model; }
    void setSearch(const QString& text);
    void setStage(std::optional<core::Stage> stage);
    void setNiche(std::optional<core::Id> nicheId);
    void setTag(const QString& tag);
    /// Checks every contact shown.
    void checkShown();
    std::vector<core::Id> chosen() const { return m_model->checked(); }

private:
    void applyFilter();
    void updateCount();

    ContactPickModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_stage;
    QComboBox* m_niche;
    QComboBox* m_tag;
    QListView* m_list;
    QLabel* m_count;
    QPushButton* m_ok = nullptr;
};

}  // namespace rapport::ui
