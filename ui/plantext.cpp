#include "ui/plantext.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

#include "ui/displaytext.h"

namespace rapport::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rapport::ui::PlanText", text);
}

}  // namespace

Pace paceOf(const core::Goal& goal, const core::GoalReport& report) {
    switch (goal.status) {
        case core::GoalStatus::Achieved:
            return Pace::Achieved;
        case core::GoalStatus::Abandoned:
            return Pace::Abandoned;
        case core::GoalStatus::Active:
            break;
    }
    if (!report.started) {
        return Pace::NotStarted;
    }
    if (report.ended) {
        return Pace::Ended;
    }
    return report.onTrack ? Pace::OnTrack : Pace::Behind;
}

QString paceText(Pace pace) {
    switch (pace) {
        case Pace::NotStarted:
            return tr("Not started");
        case Pace::OnTrack:
            return tr("On track");
        case Pace::Behind:
            return tr("Behind");
        case Pace::Ended:
            return tr("Ended");
        case Pace::Achieved:
            return tr("Achieved");
        case Pace::Abandoned:
            return tr("Abandoned");
    }
    return {};
}

QString shortDate(core::Date day, core::Date today) {
    const QString format =
        day.year() == today.year() ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy");
    return QLocale{}.toString(toQDate(day), format);
}

QString goalValue(const core::Goal& goal, double value) {
    if (goal.metric == core::MetricKind::Custom) {
        return formatNumber(std::round(value * 10) / 10);
    }
    return formatNumber(std::round(value));
}

QString forecastText(const core::Goal& goal, const core::GoalReport& report, core::Date today) {
    if (!report.forecast || report.ended || goal.status != core::GoalStatus::Active) {
        return {};
    }
    return tr("%1 by %2").arg(goalValue(goal, *report.forecast), shortDate(goal.deadline, today));
}

QString metricName(core::MetricKind metric) {
    switch (metric) {
        case core::MetricKind::Relationships:
            return tr("Relationships");
        case core::MetricKind::Conversations:
            return tr("Conversations");
        case core::MetricKind::Conversions:
            return tr("Conversions");
        case core::MetricKind::Engagement:
            return tr("Engagement");
        case core::MetricKind::AudienceSize:
            return tr("Audience size");
        case core::MetricKind::Custom:
            return tr("Custom");
    }
    return {};
}

QString metricMeaning(core::MetricKind metric) {
    switch (metric) {
        case core::MetricKind::Relationships:
            return tr("contacts at stage relationship, customer or advocate");
        case core::MetricKind::Conversations:
            return tr("inbound interactions between the start date and the deadline");
        case core::MetricKind::Conversions:
            return tr("contacts with a purchase between the start date and the deadline");
        case core::MetricKind::Engagement:
            return tr("comments, replies and shares of posts published in the period");
        case core::MetricKind::AudienceSize:
            return tr("a follower or subscriber count you enter by hand");
        case core::MetricKind::Custom:
            return tr("a number you track yourself and enter by hand");
    }
    return {};
}

QString metricExplanation(core::MetricKind metric) {
    switch (metric) {
        case core::MetricKind::Relationships:
            return tr(
                "Counts the contacts (in the goal's niche, when it has one) at stage "
                "relationship, customer or advocate.");
        case core::MetricKind::Conversations:
            return tr(
                "Counts inbound interactions (in the niche) between the start and the "
                "deadline: people reaching out to you.");
        case core::MetricKind::Conversions:
            return tr(
                "Counts contacts (in the niche) with a purchase between the start and the "
                "deadline.");
        case core::MetricKind::Engagement:
            return tr(
                "Adds up comments, replies and shares of published posts (in the niche) "
                "in the period.");
        case core::MetricKind::AudienceSize:
            return tr("A follower or subscriber count you enter by hand.");
        case core::MetricKind::Custom:
            return tr("Any number you track yourself and enter by hand.");
    }
    return {};
}

QString presetName(core::MixPreset preset) {
    return preset == core::MixPreset::Custom ? tr("Custom") : qs(core::toString(preset));
}

QString mixRules(const core::MixPolicy& mix) {
    const QString earn =
        mix.earnFirst == 0 ? tr("Offers may start at once")
                           : tr("%1 before the first offer")
                                 .arg(countOf(mix.earnFirst, tr("value post"), tr("value posts")));
    const QString ratio = mix.ratioMaxPromo == 0
                              ? tr("then no offers at all")
                              : tr("then at most %1 in any %2 posts")
                                    .arg(countOf(mix.ratioMaxPromo, tr("offer"), tr("offers")))
                                    .arg(mix.ratioWindow);
    return tr("%1, %2.").arg(earn, ratio);
}

QStringList nicheStillEmpty(const core::Niche& n) {
    const auto blank = [](const std::string& s) {
        return QString::fromStdString(s).trimmed().isEmpty();
    };
    QStringList out;
    if (blank(n.name)) {
        out << tr("its name");
    }
    if (blank(n.topic)) {
        out << tr("the topic");
    }
    if (blank(n.whoTheyAre)) {
        out << tr("who they are");
    }
    if (blank(n.questions)) {
        out << tr("their questions");
    }
    if (blank(n.whereTheyGather) && n.gatherChannelIds.empty()) {
        out << tr("where they gather");
    }
    if (blank(n.unique)) {
        out << tr("what makes you unique");
    }
    if (blank(n.provides)) {
        out << tr("what only you provide");
    }
    if (blank(n.draw)) {
        out << tr("your draw");
    }
    return out;
}

QString nicheStillEmptyText(const core::Niche& niche) {
    const QStringList empty = nicheStillEmpty(niche);
    return empty.isEmpty() ? QString{} : tr("Still empty: %1.").arg(joinedList(empty));
}

QString purposeName(core::Purpose purpose) {
    switch (purpose) {
        case core::Purpose::Value:
            return tr("Value");
        case core::Purpose::Resource:
            return tr("Resource");
        case core::Purpose::Conversation:
            return tr("Conversation");
        case core::Purpose::Promotion:
            return tr("Promotion");
        case core::Purpose::Affiliate:
            return tr("Affiliate");
    }
    return {};
}

QString channelLabel(const core::Channel& channel) {
    const QString name = qs(channel.name);
    const QString kind = channelKindName(channel.kind);
    if (name.contains(kind, Qt::CaseInsensitive) || channel.kind == core::ChannelKind::Other) {
        return name;
    }
    return tr("%1 (%2)").arg(name, kind);
}

QString joinedList(const QStringList& parts) {
    if (parts.size() <= 1) {
        return parts.join(QString{});
    }
    return tr("%1 and %2")
        .arg(parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")), parts.back());
}

}  // namespace rapport::ui
