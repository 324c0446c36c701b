#include "ui/goalspage.h"

#include <QVBoxLayout>

#include <unordered_map>

#include "ui/displaytext.h"
#include "ui/recordlist.h"

namespace rapport::ui {

GoalsPage::GoalsPage(core::Store& store, QWidget* parent)
    : Page(store, tr("Goals & Niches"), parent), m_list(new RecordList(this)) {
    contentLayout()->addWidget(m_list);
}

void GoalsPage::rebuild() {
    core::Store& s = store();
    const auto goals = s.list<core::Goal>();
    const auto niches = s.list<core::Niche>();
    const auto channels = s.list<core::Channel>();
    const auto campaigns = s.list<core::Campaign>();

    setHeaderText(QStringList{
        countOf(static_cast<std::int64_t>(goals.size()), tr("goal"), tr("goals")),
        countOf(static_cast<std::int64_t>(niches.size()), tr("niche"), tr("niches")),
        countOf(static_cast<std::int64_t>(channels.size()), tr("channel"), tr("channels")),
        countOf(static_cast<std::int64_t>(campaigns.size()), tr("campaign"), tr("campaigns"))}
                      .join(dot()));

    std::unordered_map<core::Id, QString> nicheNames;
    for (const auto& n : niches) {
        nicheNames.emplace(n.id, qs(n.name));
    }

    m_list->beginRebuild();
    m_list->addSection(tr("Goals"));
    if (goals.empty()) {
        m_list->addNote(tr("No goals yet. A goal says what the relationships should lead to."));
    }
    for (const auto& g : goals) {
        QStringList facts{capitalized(words(g.metric)),
                          tr("%1 \u2192 %2").arg(formatNumber(g.baseline), formatNumber(g.target)),
                          tr("by %1").arg(formatDate(g.deadline))};
        if (g.nicheId) {
            facts << nicheNames[*g.nicheId];
        }
        facts << words(g.status);
        m_list->addRecord(qs(g.title), facts.join(dot()), g.id);
    }

    m_list->addSection(tr("Niches"));
    if (niches.empty()) {
        m_list->addNote(tr("No niches yet. A niche is a small group you serve well."));
    }
    for (const auto& n : niches) {
        QStringList facts{qs(n.topic)};
        // The draw is what the niche comes for; without one, the next part of the value
        // proposition the user wrote says the most.
        if (!n.draw.empty()) {
            facts << tr("draw: %1").arg(qs(n.draw));
        } else if (!n.provides.empty()) {
            facts << tr("provides: %1").arg(qs(n.provides));
        } else if (!n.unique.empty()) {
            facts << tr("unique: %1").arg(qs(n.unique));
        }
        m_list->addRecord(qs(n.name), facts.join(dot()), n.id);
    }

    m_list->addSection(tr("Channels"));
    if (channels.empty()) {
        m_list->addNote(tr("No channels yet."));
    }
    for (const auto& c : channels) {
        QStringList facts{channelKindName(c.kind)};
        if (!c.handle.empty()) {
            facts << qs(c.handle);
        }
        if (c.dailyCap) {
            facts << countOf(*c.dailyCap, tr("post a day at most"), tr("posts a day at most"));
        }
        m_list->addRecord(qs(c.name), facts.join(dot()), c.id);
    }

    m_list->addSection(tr("Campaigns"));
    if (campaigns.empty()) {
        m_list->addNote(tr("No campaigns yet."));
    }
    for (const auto& c : campaigns) {
        QStringList facts{words(c.status)};
        if (c.startDate && c.endDate) {
            facts << tr("%1 to %2").arg(formatDate(*c.startDate), formatDate(*c.endDate));
        } else if (c.startDate) {
            facts << tr("from %1").arg(formatDate(*c.startDate));
        } else if (c.endDate) {
            facts << tr("until %1").arg(formatDate(*c.endDate));
        }
        facts << tr("%1 mix").arg(qs(core::toString(c.mix.preset)));
        QStringList served;
        for (const core::Id id : c.nicheIds) {
            served << nicheNames[id];
        }
        if (!served.isEmpty()) {
            facts << tr("for %1").arg(served.join(QStringLiteral(", ")));
        }
        m_list->addRecord(qs(c.name), facts.join(dot()), c.id);
    }
    m_list->endRebuild();
}

}  // namespace rapport::ui
