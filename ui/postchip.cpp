#include "ui/postchip.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QStyle>
#include <QTextLayout>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

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

// A TextLine is laid out as drawText lays out a text it draws: one line, as wide as it likes.
TextLine::TextLine(const QString& text, const QFont& font, Qt::LayoutDirection direction)
    : m_layout(std::make_shared<QTextLayout>(text, font)) {
    QTextOption option;
    option.setTextDirection(direction);
    option.setAlignment(Qt::AlignLeft);
    option.setWrapMode(QTextOption::ManualWrap);
    m_layout->setTextOption(option);
    m_layout->setCacheEnabled(true);  // else the glyphs go at endLayout() and each draw reshapes
    m_layout->beginLayout();
    QTextLine line = m_layout->createLine();
    if (line.isValid()) {
        line.setLineWidth(0x01000000);
    }
    m_layout->endLayout();
    // drawText puts a line below the font's leading, rounded up to a whole pixel.
    m_leading = std::ceil(QFontMetricsF(font).leading());
}

qreal TextLine::advance() const {
    return m_layout && m_layout->lineCount() > 0 ? m_layout->lineAt(0).horizontalAdvance() : 0.0;
}

void TextLine::draw(QPainter& painter, const QRect& rect, int flags) const {
    if (!m_layout || m_layout->lineCount() == 0) {
        return;
    }
    const QTextLine line = m_layout->lineAt(0);
    // Where drawText puts one line: centred on its leading, ascent and descent, its advance
    // aligned; left and right as seen in the painter's layout direction.
    const qreal height = m_leading + line.ascent() + line.descent();
    const qreal advance = line.horizontalAdvance();
    flags = static_cast<int>(
        QStyle::visualAlignment(painter.layoutDirection(), Qt::Alignment(QFlag(flags))));
    qreal x = rect.x();
    qreal y = rect.y();
    if (flags & Qt::AlignBottom) {
        y += rect.height() - height;
    } else if (flags & Qt::AlignVCenter) {
        y += (rect.height() - height) / 2;
    }
    if (flags & Qt::AlignRight) {
        x += rect.width() - advance;
    } else if (flags & Qt::AlignHCenter) {
        x += (rect.width() - advance) / 2;
    }
    if (QRectF(rect).contains(QRectF(x, y, line.naturalTextWidth(), height))) {
        line.draw(&painter, QPointF(x, y + m_leading));
        return;
    }
    // A text larger than its rect is cut at the rect, as drawText cuts it.
    painter.save();
    painter.setClipRect(rect, Qt::IntersectClip);
    line.draw(&painter, QPointF(x, y + m_leading));
    painter.restore();
}

namespace {

// Fonts, measures and fixed words for chips of one height in one base font, made once rather
// than per chip: a busy month paints hundreds of chips.
struct ChipFonts {
    QFont base;
    int height = 0;
    Qt::LayoutDirection direction = Qt::LeftToRight;
    QFont small;
    QFont badge;
    QFont main;
    QFont struck;
    QFontMetrics smallMetrics{QFont()};
    QFontMetrics mainMetrics{QFont()};
    QFontMetrics struckMetrics{QFont()};
    std::array<int, 5> tagWidths{};
    std::array<TextLine, 5> tags;
    std::array<TextLine, 5> tagLetters;
    TextLine bang;
    // "09:30" in the main and the struck font and its width in each, per minute of the day,
    // made when first painted: a month paints a time on every chip.
    std::array<TextLine, 24 * 60> times;
    std::array<TextLine, 24 * 60> struckTimes;
    std::array<int, 24 * 60> timeWidths{};
    std::array<int, 24 * 60> struckTimeWidths{};

    ChipFonts(const QFont& baseFont, int chipHeight, Qt::LayoutDirection layoutDirection)
        : base(baseFont), height(chipHeight), direction(layoutDirection) {
        small = base;
        small.setPixelSize(std::max(8, height - 8));
        badge = base;
        badge.setBold(true);
        badge.setPixelSize(std::max(8, std::min(height - 4, 13) - 3));
        main = base;
        main.setPixelSize(std::max(9, height - 7));
        struck = main;
        struck.setStrikeOut(true);
        smallMetrics = QFontMetrics(small);
        mainMetrics = QFontMetrics(main);
        struckMetrics = QFontMetrics(struck);
        for (std::size_t i = 0; i < tags.size(); ++i) {
            const QString tag = purposeTag(static_cast<core::Purpose>(i));
            tagWidths[i] = smallMetrics.horizontalAdvance(tag) + 6;
            tags[i] = TextLine(tag, small, direction);
            tagLetters[i] = TextLine(tag.left(1), small, direction);
        }
        bang = TextLine(QStringLiteral("!"), badge, direction);
        timeWidths.fill(-1);
        struckTimeWidths.fill(-1);
    }

    // The chip's time text and its width in the chip's font.
    std::pair<const TextLine&, int> time(int minutes, bool struckOut) {
        const auto i = static_cast<std::size_t>(std::clamp(minutes, 0, 24 * 60 - 1));
        TextLine& text = struckOut ? struckTimes[i] : times[i];
        int& width = struckOut ? struckTimeWidths[i] : timeWidths[i];
        if (text.isNull()) {
            const QString words = formatTime(core::TimeOfDay{static_cast<int>(i)});
            text = TextLine(words, struckOut ? struck : main, direction);
            width = (struckOut ? struckMetrics : mainMetrics).horizontalAdvance(words);
        }
        return {text, width};
    }
};

ChipFonts& chipFonts(const QFont& base, int height, Qt::LayoutDirection direction) {
    // The month and the week view may paint in different fonts; a few sets cover them.
    static std::vector<std::unique_ptr<ChipFonts>> sets;
    for (auto& set : sets) {
        if (set->height == height && set->direction == direction && set->base == base) {
            return *set;
        }
    }
    if (sets.size() >= 4) {
        sets.erase(sets.begin());
    }
    sets.push_back(std::make_unique<ChipFonts>(base, height, direction));
    return *sets.back();
}

// A chip's body as an image, drawn once per size, colour and outline rather than rasterising
// the antialiased rounded rect for every chip; composed over the cell it gives the same pixels.
struct ShapeKey {
    int width;
    int height;
    quint64 fill;
    quint64 accent;
    bool dashed;
    friend bool operator==(const ShapeKey&, const ShapeKey&) = default;
    friend size_t qHash(const ShapeKey& key, size_t seed = 0) {
        return qHashMulti(seed, key.width, key.height, key.fill, key.accent, key.dashed);
    }
};

void drawShape(QPainter& painter, const QRectF& shape, const QColor& fill, const QColor& accent,
               bool dashed) {
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(fill);
    painter.setPen(dashed ? QPen(accent, 1, Qt::DashLine) : QPen(Qt::NoPen));
    painter.drawRoundedRect(shape, 3, 3);
}

const QImage& shapeImage(const QSize& size, const QColor& fill, const QColor& accent, bool dashed) {
    static QHash<ShapeKey, QImage> images;
    const ShapeKey key{size.width(), size.height(), static_cast<quint64>(fill.rgba64()),
                       static_cast<quint64>(accent.rgba64()), dashed};
    if (auto it = images.constFind(key); it != images.constEnd()) {
        return *it;
    }
    if (images.size() > 512) {
        images.clear();
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    drawShape(p, QRectF(0, 0, size.width(), size.height()).adjusted(0.5, 0.5, -0.5, -0.5), fill,
              accent, dashed);
    p.end();
    return *images.insert(key, image);
}

const QImage& badgeImage(int d) {
    static QHash<int, QImage> images;
    if (auto it = images.constFind(d); it != images.constEnd()) {
        return *it;
    }
    QImage image(d, d, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xd9, 0x8a, 0x1c));
    p.drawEllipse(QRect(0, 0, d, d));
    p.end();
    return *images.insert(d, image);
}

// A title a TextLine draws as drawText would: one line, no tabs or line breaks (drawText
// breaks and expands those).
bool isOneLine(const QString& text) {
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20; });
}

}  // namespace

ChipPainter::ChipPainter(QPainter& painter, ChipTitles* titles, const QPalette& palette)
    : m_painter(painter),
      m_titles(titles),
      m_base(painter.font()),
      m_pen(painter.pen()),
      m_dark(palette.color(QPalette::Base).lightness() < 128),
      m_text(m_dark ? palette.color(QPalette::Text) : QColor(0x22, 0x26, 0x2b)) {
    // Shapes come from images where they land on whole device pixels, as in every widget paint.
    const QTransform t = painter.deviceTransform();
    m_cacheShapes = painter.device() != nullptr && painter.device()->devicePixelRatioF() == 1.0 &&
                    t.type() <= QTransform::TxTranslate && t.dx() == std::floor(t.dx()) &&
                    t.dy() == std::floor(t.dy()) && painter.opacity() == 1.0 &&
                    painter.compositionMode() == QPainter::CompositionMode_SourceOver;
    if (m_titles &&
        (!(m_titles->m_font == m_base) || m_titles->m_direction != painter.layoutDirection())) {
        m_titles->clear();
        m_titles->m_font = m_base;
        m_titles->m_direction = painter.layoutDirection();
    }
}

ChipPainter::~ChipPainter() {
    m_painter.setPen(m_pen);
}

QColor ChipPainter::ink(const QColor& hue, int factor) const {
    return m_dark ? hue.lighter(factor) : hue.darker(factor);
}

void ChipPainter::paintShape(const QRect& rect, const QColor& fill, const QColor& accent,
                             bool dashed) {
    if (m_cacheShapes) {
        m_painter.drawImage(rect.topLeft(), shapeImage(rect.size(), fill, accent, dashed));
        return;
    }
    m_painter.save();
    drawShape(m_painter, QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), fill, accent, dashed);
    m_painter.restore();
}

void ChipPainter::paintBadge(const QRect& badge) {
    if (m_cacheShapes) {
        m_painter.drawImage(badge.topLeft(), badgeImage(badge.width()));
        return;
    }
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(QColor(0xd9, 0x8a, 0x1c));
    m_painter.drawEllipse(badge);
    m_painter.restore();
}

void ChipPainter::paintTitle(const QRect& text, const CalendarItem& item, bool skipped) {
    ChipFonts& fonts = chipFonts(m_base, text.height(), m_painter.layoutDirection());
    const int flags = Qt::AlignVCenter | Qt::AlignLeft;
    const ChipTitles::Key key{&item, text.width(), text.height()};
    if (m_titles) {
        if (auto it = m_titles->m_lines.constFind(key); it != m_titles->m_lines.constEnd()) {
            it->draw(m_painter, text, flags);
            return;
        }
    }
    const QString title = qs(item.post.title);
    const QFontMetrics& metrics = skipped ? fonts.struckMetrics : fonts.mainMetrics;
    const QString shown = metrics.elidedText(title, Qt::ElideRight, text.width());
    if (!isOneLine(shown)) {
        m_painter.setFont(skipped ? fonts.struck : fonts.main);
        m_painter.drawText(text, flags, shown);
        m_painter.setFont(m_base);
        return;
    }
    const TextLine line(shown, skipped ? fonts.struck : fonts.main, fonts.direction);
    line.draw(m_painter, text, flags);
    if (m_titles) {
        if (m_titles->m_lines.size() > 4096) {  // resized over and over without a reload
            m_titles->m_lines.clear();
        }
        m_titles->m_lines.insert(key, line);
    }
}

void ChipPainter::paint(const QRect& rect, const CalendarItem& item, bool withTime) {
    const auto status = item.post.status;
    const bool planned = status == core::PostStatus::Idea || status == core::PostStatus::Draft;
    const bool skipped = status == core::PostStatus::Skipped;
    const QColor accent = skipped ? QColor(0x9a, 0x9a, 0x9a) : item.colour;
    ChipFonts& fonts = chipFonts(m_base, rect.height(), m_painter.layoutDirection());

    // Status in the shape: ideas and drafts are outlined (not yet real), scheduled posts filled
    // lightly, published ones filled fully, skipped ones grey.
    QColor fill = accent;
    fill.setAlphaF(status == core::PostStatus::Published ? 0.30f : (planned ? 0.0f : 0.14f));
    paintShape(rect, fill, accent, planned);
    m_painter.fillRect(QRect(rect.left(), rect.top() + 1, 3, rect.height() - 2), accent);

    QRect text = rect.adjusted(6, 0, -3, 0);
    if (!item.flags.isEmpty()) {
        // The advisor's badge: a small amber dot with "!" at the right end.
        const int d = std::min(rect.height() - 4, 13);
        const QRect badge(text.right() - d + 1, rect.top() + (rect.height() - d) / 2, d, d);
        paintBadge(badge);
        m_painter.setPen(Qt::white);
        fonts.bang.draw(m_painter, badge, Qt::AlignCenter);
        text.setRight(badge.left() - 3);
    }

    const auto purpose = static_cast<std::size_t>(item.post.purpose);
    // The purpose as a word where there is room for it and the title, else its first letter.
    const bool wide = text.width() > fonts.tagWidths[purpose] + 110;
    const int tagWidth = wide ? fonts.tagWidths[purpose] : fonts.smallMetrics.height();
    if (text.width() > tagWidth + 40) {
        const QRect tagRect(text.right() - tagWidth + 1, rect.top() + 2, tagWidth,
                            rect.height() - 4);
        const bool selling = core::isPromotional(item.post.purpose);
        QColor tagFill = selling ? QColor(0xd9, 0x8a, 0x1c) : accent;
        tagFill.setAlphaF(0.18f);
        m_painter.fillRect(tagRect, tagFill);
        // Words in the chip's hue, darker on a light page and lighter on a dark one.
        m_painter.setPen(selling ? (m_dark ? QColor(0xe8, 0xa8, 0x50) : QColor(0x8a, 0x4b, 0x00))
                                 : ink(accent, 150));
        (wide ? fonts.tags : fonts.tagLetters)[purpose].draw(m_painter, tagRect, Qt::AlignCenter);
        text.setRight(tagRect.left() - 3);
    }

    if (withTime) {
        // The time quieter than the title, so a glance down a day reads the titles.
        const auto [time, timeWidth] = fonts.time(item.minutes, skipped);
        m_painter.setPen(skipped ? QColor(0x99, 0x99, 0x99) : ink(accent, 170));
        time.draw(m_painter, text, Qt::AlignVCenter | Qt::AlignLeft);
        text.setLeft(text.left() + timeWidth + 4);
    }
    m_painter.setPen(skipped ? QColor(0x88, 0x88, 0x88) : m_text);
    paintTitle(text, item, skipped);
}

}  // namespace rapport::ui
