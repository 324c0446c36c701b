#pragma once

#include <QDialog>
#include <QStringList>

#include <map>
#include <vector>

#include "core/duplicatefinder.h"
#include "core/store.h"

class QButtonGroup;
class QLabel;
class QListView;
class QPushButton;
class QStandardItemModel;
class QVBoxLayout;

namespace rapport::ui {

class UndoContext;

/// Contacts that may be the same person (the same email, the same handle on a network, or the
/// same name), in groups with why they match. Choosing the one to keep and merging moves every
/// interaction, handle, tag and note of the others into it, as one undo step. The list follows
/// the workspace, so an undo brings a group back.
class DuplicatesDialog : public QDialog {
    Q_OBJECT
public:
    DuplicatesDialog(UndoContext& undo, QWidget* parent = nullptr);
    ~DuplicatesDialog() override;

    /// Sets of contacts that may be one person; a set matching for several reasons is one.
    int groupCount() const;
    const std::vector<core::DuplicateGroup>& groups() const { return m_groups; }
    /// Every reason the set at `index` matches, as the list says them.
    QStringList reasons(int index) const { return m_reasons.at(static_cast<std::size_t>(index)); }
    /// "Same email: bob@example.com", as the list says it.
    static QString reasonText(const core::DuplicateGroup& group);

    void selectGroup(int index);
    int selectedGroup() const;
    /// The contact of the selected group that survives a merge.
    void setKeep(core::Id contactId);
    core::Id keep() const;
    /// Merges the selected group's other contacts into the kept one (the Merge button).
    void mergeSelected();

    /// Finds the groups again (done by itself after every change to the workspace).
    void refresh();

private:
    void showGroup();
    void updateExplanation();
    QString contactSummary(const core::Contact& c);

    UndoContext& m_undo;
    std::vector<core::DuplicateGroup> m_groups;  ///< one per set of contacts
    std::vector<QStringList> m_reasons;          ///< why each set matches
    core::Subscription m_subscription;
    bool m_refreshQueued = false;
    std::map<core::Id, QString> m_names;  ///< the shown group's contacts

    QLabel* m_header;
    QStandardItemModel* m_model;
    QListView* m_list;
    QLabel* m_groupTitle;
    QWidget* m_choices;
    QVBoxLayout* m_choicesLayout;
    QButtonGroup* m_keepGroup;
    QLabel* m_explain;
    QLabel* m_error;
    QPushButton* m_merge;
};

}  // namespace rapport::ui
