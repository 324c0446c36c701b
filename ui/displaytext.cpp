#include "ui/displaytext.h"

#include <QLocale>
#include <QWidget>

namespace rapport::ui {

QString channelKindName(core::ChannelKind kind) {
    using core::ChannelKind;
    switch (kind) {
        case ChannelKind::X:
            return QStringLiteral("X");
        case ChannelKind::LinkedIn:
            return QStringLiteral("LinkedIn");
        case ChannelKind::Facebook:
            return QStringLiteral("Facebook");
        case ChannelKind::Instagram:
            return QStringLiteral("Instagram");
        case ChannelKind::YouTube:
            return QStringLiteral("YouTube");
        case ChannelKind::TikTok:
            return QStringLiteral("TikTok");
        case ChannelKind::Blog:
            return QStringLiteral("Blog");
        case ChannelKind::Newsletter:
            return QStringLiteral("Newsletter");
        case ChannelKind::Podcast:
            return QStringLiteral("Podcast");
        case ChannelKind::Forum:
            return QStringLiteral("Forum");
        case ChannelKind::Other:
            break;
    }
    return QStringLiteral("Other");
}

QString capitalized(const QString& text) {
    if (text.isEmpty()) {
        return text;
    }
    return text.front().toUpper() + text.mid(1);
}

QDate toQDate(core::Date day) {
    return QDate{static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
                 static_cast<int>(static_cast<unsigned>(day.day()))};
}

core::Date fromQDate(const QDate& day) {
    return core::Date{date::year{day.year()}, date::month{static_cast<unsigned>(day.month())},
                      date::day{static_cast<unsigned>(day.day())}};
}

QString formatDate(core::Date day) {
    return QLocale{}.toString(toQDate(day), QStringLiteral("ddd d MMM yyyy"));
}

QString formatLongDate(core::Date day) {
    return QLocale{}.toString(toQDate(day), QStringLiteral("dddd d MMMM yyyy"));
}

QString formatTime(core::TimeOfDay time) {
    const auto minutes = static_cast<int>(time.count());
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString formatNumber(double value) {
    return QLocale{}.toString(value, 'f', QLocale::FloatingPointShortest);
}

QString countOf(std::int64_t n, const QString& singular, const QString& plural) {
    return QStringLiteral("%1 %2").arg(QLocale{}.toString(static_cast<qlonglong>(n)),
                                       n == 1 ? singular : plural);
}

QString dot() {
    return QStringLiteral(" \u00b7 ");
}

void makeQuiet(QWidget* widget) {
    QPalette quiet = widget->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    widget->setPalette(quiet);
}

}  // namespace rapport::ui
