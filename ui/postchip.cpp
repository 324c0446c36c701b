#include "ui/postchip.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <array>

#include "ui/calendaritem.h"
#include "ui/displaytext.h"

namespace rapport::ui {

QColor channelColour(int index) {
    // Muted hues that stay apart from each other and from the red of warnings.
    static const std::array<QColor, 8> colours{QColor(0x3b, 0x82, 0xc4), QColor(0x2f, 0x9e, 0x7a),
                                               QColor(0x8a, 0x63, 0xc9), QColor(0xc9, 0x7b, 0x2c),
                                               QColor(0x3a, 0xa0, 0xb5), QColor(0xb5, 0x5d, 0x9a),
                                               QColor(0x6b, 0x8e, 0x23), QColor(0x70, 0x70, 0x90)};
    return colours[static_cast<std::size_t>(index < 0 ? 0 : index) % colours.size()];
}

QString purposeTag(core::Purpose purpose) {
    switch (purpose) {
        case core::Purpose::Value:
            return QObject::tr("Value");
        case core::Purpose::Resource:
            return QObject::tr("Resource");
        case core::Purpose::Conversation:
            return QObject::tr("Talk");
        case core::Purpose::Promotion:
            return QObject::tr("Promo");
        case core::Purpose::Affiliate:
            return QObject::tr("Affiliate");
    }
    return {};
}

QString chipToolTip(const CalendarItem& item) {
    const auto& p = item.post;
    QString text = QStringLiteral("<b>%1</b><br>%2 %3%4%5%6%7%8")
                       .arg(qs(p.title).toHtmlEscaped(), formatDate(fromQDate(item.day)),
                            formatTime(core::TimeOfDay{item.minutes}), dot(),
                            item.channel.toHtmlEscaped(), dot(), words(p.purpose), dot())
                       .append(words(p.status));
    if (p.seriesId) {
        text += QStringLiteral("<br>") + QObject::tr("Repeats");
    }
    for (const auto& flag : item.flags) {
        text += QStringLiteral("<br>⚠ ") + flag.toHtmlEscaped();
    }
    return text;
}

namespace {

// Fonts and measures for chips of one height in one base font, made once rather than per chip:
// a busy month paints hundreds of chips.
struct ChipFonts {
    QFont base;
    int height = 0;
    QFont small;
    QFont badge;
    QFont main;
    QFont struck;
    QFontMetrics smallMetrics{QFont()};
    QFontMetrics mainMetrics{QFont()};
    QFontMetrics struckMetrics{QFont()};
    std::array<QString, 5> tags;
    std::array<int, 5> tagWidths{};
    // "09:30" and its width in the main and the struck font, per minute of the day, made when
    // first painted: a month paints a time on every chip.
    mutable std::array<QString, 24 * 60> times;
    mutable std::array<int, 24 * 60> timeWidths{};
    mutable std::array<int, 24 * 60> struckTimeWidths{};
};

const ChipFonts& chipFonts(const QFont& base, int height) {
    static ChipFonts fonts;
    if (fonts.height == height && fonts.base == base) {
        return fonts;
    }
    fonts.base = base;
    fonts.height = height;
    fonts.small = base;
    fonts.small.setPixelSize(std::max(8, height - 8));
    fonts.badge = base;
    fonts.badge.setBold(true);
    fonts.badge.setPixelSize(std::max(8, std::min(height - 4, 13) - 3));
    fonts.main = base;
    fonts.main.setPixelSize(std::max(9, height - 7));
    fonts.struck = fonts.main;
    fonts.struck.setStrikeOut(true);
    fonts.smallMetrics = QFontMetrics(fonts.small);
    fonts.mainMetrics = QFontMetrics(fonts.main);
    fonts.struckMetrics = QFontMetrics(fonts.struck);
    for (std::size_t i = 0; i < fonts.tags.size(); ++i) {
        fonts.tags[i] = purposeTag(static_cast<core::Purpose>(i));
        fonts.tagWidths[i] = fonts.smallMetrics.horizontalAdvance(fonts.tags[i]) + 6;
    }
    fonts.timeWidths.fill(-1);
    fonts.struckTimeWidths.fill(-1);
    return fonts;
}

// The chip's time text and its width in the chip's font.
std::pair<const QString&, int> timeText(const ChipFonts& fonts, int minutes, bool struck) {
    const auto i = static_cast<std::size_t>(std::clamp(minutes, 0, 24 * 60 - 1));
    QString& text = fonts.times[i];
    if (text.isEmpty()) {
        text = formatTime(core::TimeOfDay{minutes});
    }
    int& width = struck ? fonts.struckTimeWidths[i] : fonts.timeWidths[i];
    if (width < 0) {
        width = (struck ? fonts.struckMetrics : fonts.mainMetrics).horizontalAdvance(text);
    }
    return {text, width};
}

}  // namespace

void paintChip(QPainter& painter, const QRect& rect, const CalendarItem& item, bool withTime) {
    const auto status = item.post.status;
    const bool planned = status == core::PostStatus::Idea || status == core::PostStatus::Draft;
    const bool skipped = status == core::PostStatus::Skipped;
    const QColor accent = skipped ? QColor(0x9a, 0x9a, 0x9a) : item.colour;
    const ChipFonts& fonts = chipFonts(painter.font(), rect.height());

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Status in the shape: ideas and drafts are outlined (not yet real), scheduled posts filled
    // lightly, published ones filled fully, skipped ones grey.
    QColor fill = accent;
    fill.setAlphaF(status == core::PostStatus::Published ? 0.30f : (planned ? 0.0f : 0.14f));
    const QRectF shape = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setBrush(fill);
    painter.setPen(planned ? QPen(accent, 1, Qt::DashLine) : QPen(Qt::NoPen));
    painter.drawRoundedRect(shape, 3, 3);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRect(rect.left(), rect.top() + 1, 3, rect.height() - 2), accent);

    QRect text = rect.adjusted(6, 0, -3, 0);
    if (!item.flags.isEmpty()) {
        // The advisor's badge: a small amber dot with "!" at the right end.
        const int d = std::min(rect.height() - 4, 13);
        const QRect badge(text.right() - d + 1, rect.top() + (rect.height() - d) / 2, d, d);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd9, 0x8a, 0x1c));
        painter.drawEllipse(badge);
        painter.setFont(fonts.badge);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
        painter.setRenderHint(QPainter::Antialiasing, false);
        text.setRight(badge.left() - 3);
    }

    const auto purpose = static_cast<std::size_t>(item.post.purpose);
    // The purpose as a word where there is room for it and the title, else its first letter.
    const bool wide = text.width() > fonts.tagWidths[purpose] + 110;
    const QString tag = wide ? fonts.tags[purpose] : fonts.tags[purpose].left(1);
    const int tagWidth = wide ? fonts.tagWidths[purpose] : fonts.smallMetrics.height();
    if (text.width() > tagWidth + 40) {
        const QRect tagRect(text.right() - tagWidth + 1, rect.top() + 2, tagWidth,
                            rect.height() - 4);
        const bool selling = core::isPromotional(item.post.purpose);
        QColor tagFill = selling ? QColor(0xd9, 0x8a, 0x1c) : accent;
        tagFill.setAlphaF(0.18f);
        painter.fillRect(tagRect, tagFill);
        painter.setFont(fonts.small);
        painter.setPen(selling ? QColor(0x8a, 0x4b, 0x00) : accent.darker(150));
        painter.drawText(tagRect, Qt::AlignCenter, tag);
        text.setRight(tagRect.left() - 3);
    }

    painter.setFont(skipped ? fonts.struck : fonts.main);
    painter.setPen(skipped ? QColor(0x88, 0x88, 0x88) : QColor(0x22, 0x26, 0x2b));
    const QFontMetrics& metrics = skipped ? fonts.struckMetrics : fonts.mainMetrics;
    if (withTime) {
        // The time quieter than the title, so a glance down a day reads the titles.
        const auto [time, timeWidth] = timeText(fonts, item.minutes, skipped);
        painter.setPen(skipped ? QColor(0x99, 0x99, 0x99) : accent.darker(170));
        painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft, time);
        text.setLeft(text.left() + timeWidth + 4);
        painter.setPen(skipped ? QColor(0x88, 0x88, 0x88) : QColor(0x22, 0x26, 0x2b));
    }
    painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                     metrics.elidedText(qs(item.post.title), Qt::ElideRight, text.width()));
    painter.restore();
}

}  // namespace rapport::ui
