#include "ui/ideaspage.h"

#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "ui/displaytext.h"
#include "ui/recordlist.h"

namespace rapport::ui {

IdeasPage::IdeasPage(core::Store& store, QWidget* parent)
    : Page(store, tr("Ideas"), parent), m_list(new RecordList(this)) {
    contentLayout()->addWidget(m_list);
}

void IdeasPage::rebuild() {
    core::Store& s = store();
    auto ideas = s.list<core::TopicIdea>();
    std::unordered_map<core::Id, QString> nicheNames;
    for (const auto& n : s.list<core::Niche>()) {
        nicheNames.emplace(n.id, qs(n.name));
    }
    // The ideas most asked for first: that is what the audience wants to read next.
    std::stable_sort(ideas.begin(), ideas.end(),
                     [](const core::TopicIdea& a, const core::TopicIdea& b) {
                         return a.askedBy.size() > b.askedBy.size();
                     });

    std::array<std::int64_t, core::enumCount<core::IdeaStatus>()> byStatus{};
    for (const auto& idea : ideas) {
        ++byStatus[static_cast<std::size_t>(idea.status)];
    }
    QStringList header{
        countOf(static_cast<std::int64_t>(ideas.size()), tr("topic idea"), tr("topic ideas"))};
    for (std::size_t i = 0; i < byStatus.size(); ++i) {
        if (byStatus[i] > 0) {
            header << QStringLiteral("%1 %2")
                          .arg(byStatus[i])
                          .arg(words(static_cast<core::IdeaStatus>(i)));
        }
    }
    setHeaderText(header.join(dot()));

    m_list->beginRebuild();
    if (ideas.empty()) {
        m_list->addNote(
            tr("No topic ideas yet. When someone asks a question, note it here: "
               "it is your next post."));
    }
    for (const auto& idea : ideas) {
        QStringList facts{capitalized(words(idea.status))};
        const auto asked = static_cast<std::int64_t>(idea.askedBy.size());
        facts << (asked == 0   ? tr("nobody asked yet")
                  : asked == 1 ? tr("asked once")
                               : tr("asked %1 times").arg(asked));
        if (idea.nicheId) {
            facts << nicheNames[*idea.nicheId];
        }
        m_list->addRecord(qs(idea.title), facts.join(dot()), idea.id);
    }
    m_list->endRebuild();
}

}  // namespace rapport::ui
