#include "ui/postchip.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

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

void paintChip(QPainter& painter, const QRect& rect, const CalendarItem& item, bool withTime) {
    const auto status = item.post.status;
    const bool planned = status == core::PostStatus::Idea || status == core::PostStatus::Draft;
    const bool skipped = status == core::PostStatus::Skipped;
    QColor accent = skipped ? QColor(0x9a, 0x9a, 0x9a) : item.colour;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    // Status in the shape: ideas and drafts are outlined (not yet real), scheduled posts filled
    // lightly, published ones filled fully, skipped ones grey.
    QColor fill = accent;
    fill.setAlphaF(status == core::PostStatus::Published ? 0.32f : (planned ? 0.0f : 0.16f));
    painter.fillPath(shape, fill);
    QPen outline(accent, 1, planned ? Qt::DashLine : Qt::SolidLine);
    painter.setPen(planned ? outline : Qt::NoPen);
    painter.drawPath(shape);
    painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), accent);

    QFont font = painter.font();
    QRect text = rect.adjusted(6, 0, -3, 0);
    if (!item.flags.isEmpty()) {
        // The advisor's badge: a small amber dot with "!" at the right end.
        const int d = std::min(rect.height() - 4, 13);
        const QRect badge(text.right() - d + 1, rect.top() + (rect.height() - d) / 2, d, d);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd9, 0x8a, 0x1c));
        painter.drawEllipse(badge);
        QFont bold = font;
        bold.setBold(true);
        bold.setPixelSize(std::max(8, d - 3));
        painter.setFont(bold);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
        text.setRight(badge.left() - 3);
    }

    QFont small = font;
    small.setPixelSize(std::max(8, rect.height() - 8));
    painter.setFont(small);
    const QString tag = purposeTag(item.post.purpose);
    const QFontMetrics tagMetrics(small);
    const int tagWidth = tagMetrics.horizontalAdvance(tag) + 6;
    if (text.width() > tagWidth + 30) {
        const QRect tagRect(text.right() - tagWidth + 1, rect.top() + 2, tagWidth,
                            rect.height() - 4);
        const bool selling = core::isPromotional(item.post.purpose);
        QColor tagFill = selling ? QColor(0xd9, 0x8a, 0x1c) : accent;
        tagFill.setAlphaF(0.18f);
        painter.setPen(Qt::NoPen);
        painter.setBrush(tagFill);
        painter.drawRoundedRect(tagRect, 2, 2);
        painter.setPen(selling ? QColor(0x8a, 0x4b, 0x00) : accent.darker(150));
        painter.drawText(tagRect, Qt::AlignCenter, tag);
        text.setRight(tagRect.left() - 3);
    }

    QFont main = font;
    main.setPixelSize(std::max(9, rect.height() - 7));
    main.setStrikeOut(skipped);
    painter.setFont(main);
    painter.setPen(skipped ? QColor(0x88, 0x88, 0x88) : QColor(0x22, 0x26, 0x2b));
    QString label = qs(item.post.title);
    if (status == core::PostStatus::Published) {
        label = QStringLiteral("✓ ") + label;
    }
    if (withTime) {
        label = formatTime(core::TimeOfDay{item.minutes}) + QStringLiteral(" ") + label;
    }
    const QFontMetrics metrics(main);
    painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                     metrics.elidedText(label, Qt::ElideRight, text.width()));
    painter.restore();
}

}  // namespace rapport::ui
