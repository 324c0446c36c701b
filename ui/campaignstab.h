#pragma once

#include <QWidget>

#include "core/clock.h"
#include "core/entities.h"

class QLabel;
class QListView;
class QPushButton;

namespace rapport::ui {

class CampaignDialog;
class CampaignListModel;
class CampaignWizard;
class UndoContext;

/// The Campaigns tab: the campaigns on the left, the selected one's goals, niches, cadence,
/// mix and plan on the right; new campaigns come from the wizard.
class CampaignsTab : public QWidget {
    Q_OBJECT
public:
    CampaignsTab(UndoContext& undo, const core::Clock& clock, QWidget* parent = nullptr);

    CampaignListModel* model() const { return m_model; }
    QListView* view() const { return m_view; }
    QLabel* details() const { return m_details; }

    core::Id currentId() const;
    void select(core::Id id);
    /// Opens the campaign wizard (window-modal, not blocking) and returns it.
    CampaignWizard* newCampaign();
    CampaignDialog* editCampaign(core::Id id);
    /// Asks whether the campaign's idea posts go too, when it has any, then deletes.
    void askToDelete(core::Id id);
    /// Deletes the campaign, and its posts that are still ideas when `withIdeas`, as one undo
    /// step. Drafted, scheduled and published posts always stay.
    void deleteCampaign(core::Id id, bool withIdeas);

private:
    void updateDetails();
    std::vector<core::Id> ideaPostsOf(core::Id campaign) const;

    UndoContext& m_undo;
    const core::Clock& m_clock;
    CampaignListModel* m_model;
    QListView* m_view;
    QLabel* m_empty;
    QLabel* m_details;
    QPushButton* m_edit;
    QPushButton* m_delete;
    bool m_detailsQueued = false;
};

}  // namespace rapport::ui
