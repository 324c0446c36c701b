#pragma once

#include <QWizard>

#include <map>
#include <vector>

#include "core/clock.h"
#include "core/entities.h"
#include "core/plangenerator.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace rapport::ui {

class CadenceEditor;
class CheckList;
class FormErrors;
class MixPolicyEditor;
class UndoContext;

/// The campaign wizard: goals, then the niche and its value proposition, then channels,
/// cadence, content mix and period, then a preview of the draft plan. Finish creates the
/// campaign, the value-proposition edits and the plan's idea posts in one transaction and one
/// undo step. Each page refuses to go on while something on it is wrong, and says what next to
/// the field.
class CampaignWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId : int {
        GoalsPageId,
        NichePageId,
        ValuePageId,
        ChannelsPageId,
        CadencePageId,
        MixPageId,
        PreviewPageId
    };

    CampaignWizard(UndoContext& undo, const core::Clock& clock, QWidget* parent = nullptr);

    // The fields, for whoever drives the wizard from code (the tests).
    QLineEdit* nameEdit() const { return m_name; }
    CheckList* goalList() const { return m_goals; }
    CheckList* nicheList() const { return m_niches; }
    QComboBox* valueNicheChoice() const { return m_valueNiche; }
    QPlainTextEdit* uniqueEdit() const { return m_unique; }
    QPlainTextEdit* providesEdit() const { return m_provides; }
    QPlainTextEdit* drawEdit() const { return m_draw; }
    CheckList* channelList() const { return m_channels; }
    CadenceEditor* cadenceEditor() const { return m_cadence; }
    MixPolicyEditor* mixEditor() const { return m_mix; }
    QDateEdit* startEdit() const { return m_start; }
    QDateEdit* endEdit() const { return m_end; }
    QTableWidget* previewCounts() const { return m_counts; }
    FormErrors* errors(PageId page) const;

    /// The draft plan as the preview shows it.
    const std::vector<core::Post>& plan() const { return m_plan; }
    /// The campaign the wizard made, once it finished; 0 before.
    core::Id createdCampaignId() const { return m_createdId; }

    bool validateCurrentPage() override;

public slots:
    void accept() override;

protected:
    void initializePage(int id) override;

private:
    QWizardPage* makeGoalsPage();
    QWizardPage* makeNichePage();
    QWizardPage* makeValuePage();
    QWizardPage* makeChannelsPage();
    QWizardPage* makeCadencePage();
    QWizardPage* makeMixPage();
    QWizardPage* makePreviewPage();

    core::PlanRequest planRequest() const;
    core::Campaign campaign() const;
    std::vector<core::Channel> chosenChannels() const;
    /// The value-proposition fields go to / come from the niche chosen in m_valueNiche.
    void keepValueFields();
    void showValueFields();
    void updateValueHint();
    /// Lays the plan; shows a problem on this page and returns false when it cannot.
    bool checkPlan(PageId page);
    void buildPreview();

    UndoContext& m_undo;
    const core::Clock& m_clock;
    std::vector<core::Channel> m_allChannels;
    std::map<core::Id, core::Niche> m_nicheEdits;  // the niches as the value page has them
    core::Id m_shownNiche = 0;
    bool m_nichesTouched = false;
    bool m_channelsTouched = false;
    bool m_filling = false;
    std::vector<core::Post> m_plan;
    core::Id m_createdId = 0;

    QLineEdit* m_name = nullptr;
    CheckList* m_goals = nullptr;
    CheckList* m_niches = nullptr;
    QWidget* m_valueNicheRow = nullptr;
    QComboBox* m_valueNiche = nullptr;
    QLabel* m_valueNicheName = nullptr;
    QLabel* m_valueNone = nullptr;
    QWidget* m_valueFields = nullptr;
    QPlainTextEdit* m_unique = nullptr;
    QPlainTextEdit* m_provides = nullptr;
    QPlainTextEdit* m_draw = nullptr;
    QLabel* m_valueHint = nullptr;
    CheckList* m_channels = nullptr;
    CadenceEditor* m_cadence = nullptr;
    QLabel* m_cadencePeriod = nullptr;
    MixPolicyEditor* m_mix = nullptr;
    QDateEdit* m_start = nullptr;
    QDateEdit* m_end = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_counts = nullptr;
    QLabel* m_mixCheck = nullptr;
    QTableWidget* m_firstPosts = nullptr;
    std::map<int, FormErrors*> m_errors;
};

}  // namespace rapport::ui
