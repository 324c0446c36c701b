#include "ui/sequencespage.h"

#include <QVBoxLayout>

#include <array>
#include <map>
#include <unordered_map>

#include "ui/displaytext.h"
#include "ui/recordlist.h"

namespace rapport::ui {

SequencesPage::SequencesPage(core::Store& store, QWidget* parent)
    : Page(store, tr("Sequences"), parent), m_list(new RecordList(this)) {
    contentLayout()->addWidget(m_list);
}

void SequencesPage::rebuild() {
    core::Store& s = store();
    const auto sequences = s.list<core::Sequence>();
    const auto enrollments = s.list<core::Enrollment>();
    std::unordered_map<core::Id, QString> contactNames;
    for (const auto& c : s.list<core::Contact>()) {
        contactNames.emplace(c.id, qs(c.displayName));
    }
    std::unordered_map<core::Id, QString> channelNames;
    for (const auto& c : s.list<core::Channel>()) {
        channelNames.emplace(c.id, qs(c.name));
    }

    std::int64_t open = 0;
    for (const auto& e : enrollments) {
        open += e.isOpen() ? 1 : 0;
    }
    setHeaderText(QStringList{
        countOf(static_cast<std::int64_t>(sequences.size()), tr("sequence"), tr("sequences")),
        countOf(static_cast<std::int64_t>(enrollments.size()), tr("enrollment"), tr("enrollments")),
        tr("%1 open").arg(open)}
                      .join(dot()));

    m_list->beginRebuild();
    if (sequences.empty()) {
        m_list->addNote(
            tr("No nurture sequences yet. A sequence builds a relationship first "
               "and shares your offer only once it is earned."));
    }
    for (const auto& seq : sequences) {
        m_list->addSection(qs(seq.name));
        if (!seq.description.empty()) {
            m_list->addNote(qs(seq.description));
        }
        for (const int phase : {1, 2}) {
            QString heading = phase == 1 ? tr("Step 1: build the relationship")
                                         : tr("Step 2: share what you have");
            if (phase == 2 && !seq.assetTitle.empty()) {
                heading += QStringLiteral(" \u2014 ") + qs(seq.assetTitle);
            }
            m_list->addSection(heading, 2);
            if (phase == 2) {
                // The offer is earned; say what earns it, so the gate is never a surprise.
                m_list->addNote(tr("Opens once the contact has reached out %1 since enrolling, "
                                   "or is at the relationship stage or beyond.")
                                    .arg(countOf(seq.minInbound, tr("time"), tr("times"))));
            }
            int number = 0;
            for (const auto& step : seq.steps) {
                if (step.phase != phase) {
                    continue;
                }
                QStringList facts{words(step.kind)};
                if (step.channelId) {
                    facts << channelNames[*step.channelId];
                }
                facts << (step.delayDays == 0
                              ? tr("at once")
                              : tr("after %1").arg(countOf(step.delayDays, tr("day"), tr("days"))));
                m_list->addRecord(QStringLiteral("%1. %2").arg(++number).arg(qs(step.action)),
                                  facts.join(dot()), step.id);
            }
            if (number == 0) {
                m_list->addNote(tr("No steps."));
            }
        }
        m_list->addSection(tr("Enrolled"), 2);
        // By state, in the order an enrollment moves through them.
        std::map<core::EnrollmentState, QStringList> byState;
        for (const auto& e : enrollments) {
            if (e.sequenceId == seq.id) {
                byState[e.state] << contactNames[e.contactId];
            }
        }
        if (byState.empty()) {
            m_list->addNote(tr("Nobody is enrolled yet."));
        }
        for (auto& [state, names] : byState) {
            names.sort(Qt::CaseInsensitive);
            m_list->addRecord(
                QStringLiteral("%1 (%2)").arg(capitalized(words(state))).arg(names.size()),
                names.join(QStringLiteral(", ")));
        }
    }
    m_list->endRebuild();
}

}  // namespace rapport::ui
