#pragma once

#include "core/clock.h"
#include "ui/page.h"

class QTabWidget;

namespace rapport::ui {

class CampaignsTab;
class ChannelsTab;
class GoalsTab;
class NichesTab;
class UndoContext;

/// Goals & Niches: the planning page. What the user wants (goals, with where each stands),
/// whom they serve and why they would listen (niches and the value proposition), where they
/// publish (channels), and the campaigns that tie these together into a plan of posts. Every
/// edit here goes through the main window's undo stack.
class GoalsPage : public Page {
    Q_OBJECT
public:
    enum Tab : int { GoalsTabIndex, NichesTabIndex, ChannelsTabIndex, CampaignsTabIndex };

    GoalsPage(core::Store& store, UndoContext& undo, const core::Clock& clock,
              QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    GoalsTab* goals() const { return m_goals; }
    NichesTab* niches() const { return m_niches; }
    ChannelsTab* channels() const { return m_channels; }
    CampaignsTab* campaigns() const { return m_campaigns; }

protected:
    void rebuild() override;

private:
    QTabWidget* m_tabs;
    GoalsTab* m_goals;
    NichesTab* m_niches;
    ChannelsTab* m_channels;
    CampaignsTab* m_campaigns;
};

}  // namespace rapport::ui
