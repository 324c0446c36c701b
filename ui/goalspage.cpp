#include "ui/goalspage.h"

#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/campaignstab.h"
#include "ui/channelstab.h"
#include "ui/displaytext.h"
#include "ui/goalstab.h"
#include "ui/nichestab.h"

namespace rapport::ui {

namespace {
const auto kTabKey = QStringLiteral("goalsPage/tab");
}  // namespace

GoalsPage::GoalsPage(core::Store& store, UndoContext& undo, const core::Clock& clock,
                     QWidget* parent)
    : Page(store, tr("Goals & Niches"), parent),
      m_tabs(new QTabWidget(this)),
      m_goals(new GoalsTab(undo, clock, m_tabs)),
      m_niches(new NichesTab(undo, m_tabs)),
      m_channels(new ChannelsTab(undo, m_tabs)),
      m_campaigns(new CampaignsTab(undo, clock, m_tabs)) {
    m_tabs->setObjectName(QStringLiteral("planningTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_goals, tr("Goals"));
    m_tabs->addTab(m_niches, tr("Niches"));
    m_tabs->addTab(m_channels, tr("Channels"));
    m_tabs->addTab(m_campaigns, tr("Campaigns"));
    // The tab the user last worked in is where they come back to.
    m_tabs->setCurrentIndex(QSettings().value(kTabKey, 0).toInt());
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [](int index) { QSettings().setValue(kTabKey, index); });
    contentLayout()->addWidget(m_tabs, 1);
}

void GoalsPage::rebuild() {
    // The tabs follow the store through their models; only the header is read here.
    core::Store& s = store();
    setHeaderText(QStringList{countOf(s.count<core::Goal>(), tr("goal"), tr("goals")),
                              countOf(s.count<core::Niche>(), tr("niche"), tr("niches")),
                              countOf(s.count<core::Channel>(), tr("channel"), tr("channels")),
                              countOf(s.count<core::Campaign>(), tr("campaign"), tr("campaigns"))}
                      .join(dot()));
}

}  // namespace rapport::ui
