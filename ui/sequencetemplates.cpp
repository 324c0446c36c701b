#include "ui/sequencetemplates.h"

#include <QCoreApplication>

namespace rapport::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rapport::ui::SequenceTemplates", text);
}

core::SequenceStep step(int phase, const QString& action, core::InteractionKind kind,
                        int delayDays) {
    core::SequenceStep s;
    s.phase = phase;
    s.action = action.toStdString();
    s.kind = kind;
    s.delayDays = delayDays;
    return s;
}

void number(core::Sequence& s) {
    int positions[3] = {0, 0, 0};
    for (auto& st : s.steps) {
        st.position = positions[st.phase]++;
    }
}

SequenceTemplate make(const QString& name, const QString& summary, const QString& description,
                      const QString& assetTitle, const char* assetLink, int minInbound,
                      std::vector<core::SequenceStep> steps) {
    SequenceTemplate t;
    t.name = name;
    t.summary = summary;
    t.sequence.name = name.toStdString();
    t.sequence.description = description.toStdString();
    t.sequence.assetTitle = assetTitle.toStdString();
    t.sequence.assetLink = assetLink;
    t.sequence.minInbound = minInbound;
    t.sequence.steps = std::move(steps);
    number(t.sequence);
    return t;
}

}  // namespace

std::vector<SequenceTemplate> sequenceTemplates() {
    using K = core::InteractionKind;
    std::vector<SequenceTemplate> out;
    out.push_back(make(
        tr("Book launch: engage, then give away a free chapter"),
        tr("For authors: become a familiar, useful name to readers in your niche, then offer "
           "the first chapter."),
        tr("Engage with readers who care about the book's subject; once they talk back, give "
           "them a free chapter and ask what they thought."),
        tr("Free chapter"), "https://example.com/free-chapter", 2,
        {step(1, tr("Comment thoughtfully on their latest post"), K::Comment, 0),
         step(1, tr("Share one of their posts with a line on why it is worth reading"), K::Share,
              4),
         step(1, tr("Send them a resource that answers a question they asked"), K::DirectMessage,
              5),
         step(2, tr("Send the free chapter, with a personal note"), K::DirectMessage, 1),
         step(2, tr("Follow up: ask what they thought of the chapter"), K::DirectMessage, 7)}));
    out.push_back(make(
        tr("Course: help in public, then invite to a free lesson"),
        tr("For teachers and coaches: answer questions where people ask them, then invite to a "
           "free first lesson."),
        tr("Be the helpful voice in their questions first; the invitation comes once they have "
           "replied."),
        tr("Free first lesson"), "https://example.com/lesson-1", 2,
        {step(1, tr("Answer one of their questions in the thread"), K::Reply, 0),
         step(1, tr("Mention them when you write about the problem they raised"), K::Mention, 5),
         step(2, tr("Invite them to the free first lesson"), K::Email, 1),
         step(2, tr("Follow up: ask how the lesson went"), K::Email, 6)}));
    out.push_back(make(
        tr("Podcast: engage, then invite as a guest"),
        tr("For hosts: get to know a potential guest's work before asking them on the show."),
        tr("Listen and engage with their work; once a conversation has started, invite them "
           "to the show."),
        tr("Guest invitation"), "https://example.com/be-a-guest", 1,
        {step(1, tr("Comment on their latest episode or article"), K::Comment, 0),
         step(1, tr("Share their work with your audience"), K::Share, 5),
         step(2, tr("Invite them to be a guest, with the show's details"), K::DirectMessage, 2),
         step(2, tr("Follow up on the invitation"), K::DirectMessage, 7)}));
    out.push_back(make(
        tr("Consulting: be useful, then offer a free review call"),
        tr("For consultants: earn trust with useful advice before offering a call."),
        tr("Give specific, useful advice first; offer the review call once they have engaged."),
        tr("Free 30-minute review call"), "https://example.com/book-a-call", 2,
        {step(1, tr("Comment with one concrete tip on their latest post"), K::Comment, 0),
         step(1, tr("Send a short checklist that fits their situation"), K::Email, 6),
         step(2, tr("Offer a free 30-minute review call"), K::Email, 1),
         step(2, tr("Follow up: suggest two times for the call"), K::Email, 5)}));
    return out;
}

}  // namespace rapport::ui
