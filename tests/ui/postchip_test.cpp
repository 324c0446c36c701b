// Chips drawn from words shaped once (ChipPainter, TextLine) must give the very pixels that
// drawing every word with QPainter::drawText gave: each test paints both ways and compares.

#include <QFontMetrics>
#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "ui/calendaritem.h"
#include "ui/displaytext.h"
#include "ui/monthview.h"
#include "ui/postchip.h"

namespace rapport::ui {
namespace {

using core::PostStatus;
using core::Purpose;

// The chip as it was painted before ChipPainter, word by word with drawText: the reference.
void referenceChip(QPainter& painter, const QRect& rect, const CalendarItem& item, bool withTime) {
    const auto status = item.post.status;
    const bool planned = status == PostStatus::Idea || status == PostStatus::Draft;
    const bool skipped = status == PostStatus::Skipped;
    const QColor accent = skipped ? QColor(0x9a, 0x9a, 0x9a) : item.colour;
    const QFont base = painter.font();
    const int height = rect.height();
    QFont small = base;
    small.setPixelSize(std::max(8, height - 8));
    QFont badgeFont = base;
    badgeFont.setBold(true);
    badgeFont.setPixelSize(std::max(8, std::min(height - 4, 13) - 3));
    QFont main = base;
    main.setPixelSize(std::max(9, height - 7));
    QFont struck = main;
    struck.setStrikeOut(true);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QColor fill = accent;
    fill.setAlphaF(status == PostStatus::Published ? 0.30f : (planned ? 0.0f : 0.14f));
    painter.setBrush(fill);
    painter.setPen(planned ? QPen(accent, 1, Qt::DashLine) : QPen(Qt::NoPen));
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRect(rect.left(), rect.top() + 1, 3, rect.height() - 2), accent);

    QRect text = rect.adjusted(6, 0, -3, 0);
    if (!item.flags.isEmpty()) {
        const int d = std::min(rect.height() - 4, 13);
        const QRect badge(text.right() - d + 1, rect.top() + (rect.height() - d) / 2, d, d);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd9, 0x8a, 0x1c));
        painter.drawEllipse(badge);
        painter.setFont(badgeFont);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
        painter.setRenderHint(QPainter::Antialiasing, false);
        text.setRight(badge.left() - 3);
    }
    const QString word = purposeTag(item.post.purpose);
    const int wordWidth = QFontMetrics(small).horizontalAdvance(word) + 6;
    const bool wide = text.width() > wordWidth + 110;
    const QString tag = wide ? word : word.left(1);
    const int tagWidth = wide ? wordWidth : QFontMetrics(small).height();
    if (text.width() > tagWidth + 40) {
        const QRect tagRect(text.right() - tagWidth + 1, rect.top() + 2, tagWidth,
                            rect.height() - 4);
        const bool selling = core::isPromotional(item.post.purpose);
        QColor tagFill = selling ? QColor(0xd9, 0x8a, 0x1c) : accent;
        tagFill.setAlphaF(0.18f);
        painter.fillRect(tagRect, tagFill);
        painter.setFont(small);
        painter.setPen(selling ? QColor(0x8a, 0x4b, 0x00) : accent.darker(150));
        painter.drawText(tagRect, Qt::AlignCenter, tag);
        text.setRight(tagRect.left() - 3);
    }
    painter.setFont(skipped ? struck : main);
    painter.setPen(skipped ? QColor(0x88, 0x88, 0x88) : QColor(0x22, 0x26, 0x2b));
    const QFontMetrics metrics(skipped ? struck : main);
    if (withTime) {
        const QString time = formatTime(core::TimeOfDay{item.minutes});
        painter.setPen(skipped ? QColor(0x99, 0x99, 0x99) : accent.darker(170));
        painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft, time);
        text.setLeft(text.left() + metrics.horizontalAdvance(time) + 4);
        painter.setPen(skipped ? QColor(0x88, 0x88, 0x88) : QColor(0x22, 0x26, 0x2b));
    }
    painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                     metrics.elidedText(qs(item.post.title), Qt::ElideRight, text.width()));
    painter.restore();
}

CalendarItem item(const std::string& title, PostStatus status, Purpose purpose, bool flagged,
                  int minutes = 9 * 60 + 30, QColor colour = QColor(0x3b, 0x82, 0xc4)) {
    CalendarItem it;
    it.post.title = title;
    it.post.status = status;
    it.post.purpose = purpose;
    it.day = QDate(2026, 6, 15);
    it.minutes = minutes;
    it.colour = colour;
    it.channel = QStringLiteral("Blog");
    if (flagged) {
        it.flags << QStringLiteral("Three promotions in a row.");
    }
    return it;
}

QImage canvas(const QColor& background) {
    QImage image(340, 24, QImage::Format_ARGB32_Premultiplied);
    image.fill(background);
    return image;
}

// The first pixel where a colour channel differs by more than `tolerance`, or an empty string
// when there is none.
std::string difference(const QImage& a, const QImage& b, int tolerance = 0) {
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            if (std::abs(qRed(p) - qRed(q)) > tolerance ||
                std::abs(qGreen(p) - qGreen(q)) > tolerance ||
                std::abs(qBlue(p) - qBlue(q)) > tolerance ||
                std::abs(qAlpha(p) - qAlpha(q)) > tolerance) {
                return "pixel " + std::to_string(x) + "," + std::to_string(y) + " differs";
            }
        }
    }
    return {};
}

// Ideas and drafts have a dashed outline; where its dashes meet at a corner a pixel is
// covered twice, and a shape kept as an image rounds that pixel once rather than twice: one
// level of 255 off in a pixel or two. Everything else must be the same to the bit.
int tolerance(PostStatus status) {
    return status == PostStatus::Idea || status == PostStatus::Draft ? 1 : 0;
}

const std::vector<std::string>& titles() {
    static const std::vector<std::string> list{
        "Post 12345",
        "x",
        "",
        "Seven habits of people who plan their content a month ahead",
        "Café crème & brûlée: AVA Tower, WAVY Type",
        "Trailing space ",
        "Tab\there and a line\nbreak",
        "Ünïcödé — with an em dash",
        "שלום עולם, hello",
        "Party time 🎉 with friends",
    };
    return list;
}

TEST(ChipPainterTest, PaintsEveryKindOfChipAsDrawTextDid) {
    int compared = 0;
    for (const QColor& background : {QColor(Qt::white), QColor(0x1c, 0x1e, 0x21)}) {
        for (int s = 0; s < 5; ++s) {
            for (int p = 0; p < 5; ++p) {
                for (bool flagged : {false, true}) {
                    for (const std::string& title : titles()) {
                        for (int width : {40, 90, 136, 200, 330}) {
                            for (bool withTime : {true, false}) {
                                const CalendarItem it =
                                    item(title, static_cast<PostStatus>(s), static_cast<Purpose>(p),
                                         flagged, 7 * 60 + 5 * s);
                                const QRect rect(2, 3, width, 18);
                                QImage expected = canvas(background);
                                QImage actual = canvas(background);
                                {
                                    QPainter painter(&expected);
                                    referenceChip(painter, rect, it, withTime);
                                }
                                {
                                    QPainter painter(&actual);
                                    ChipPainter chips(painter);
                                    chips.paint(rect, it, withTime);
                                }
                                ASSERT_EQ(difference(expected, actual, tolerance(it.post.status)),
                                          "")
                                    << "title '" << title << "' status " << s << " purpose " << p
                                    << " flagged " << flagged << " width " << width;
                                ++compared;
                            }
                        }
                    }
                }
            }
        }
    }
    EXPECT_EQ(compared, 2 * 5 * 5 * 2 * 10 * 5 * 2);
}

TEST(ChipPainterTest, CutsLongTitlesWhereElidedTextCutsThem) {
    // Every width a chip can have, for titles of plain and of wider letters, struck or not.
    for (const std::string& title :
         {std::string("Seven habits of people who plan ahead"),
          std::string("WWW MMM Wave: AVATAR fijl"), std::string("Déjà vu, naïve café façade")}) {
        for (PostStatus status : {PostStatus::Scheduled, PostStatus::Skipped}) {
            for (int width = 8; width <= 330; ++width) {
                const CalendarItem it = item(title, status, Purpose::Value, false);
                const QRect rect(2, 3, width, 18);
                QImage expected = canvas(Qt::white);
                QImage actual = canvas(Qt::white);
                {
                    QPainter painter(&expected);
                    referenceChip(painter, rect, it, false);
                }
                {
                    QPainter painter(&actual);
                    ChipPainter(painter).paint(rect, it, false);
                }
                ASSERT_EQ(difference(expected, actual), "")
                    << "title '" << title << "' width " << width;
            }
        }
    }
}

TEST(ChipPainterTest, KeptTitlesAndShiftedOrScaledPaintersGiveTheSamePixels) {
    const std::vector<CalendarItem> items{
        item("Post 1", PostStatus::Published, Purpose::Promotion, true),
        item("A title long enough to be cut short", PostStatus::Draft, Purpose::Value, false),
        item("Skipped one", PostStatus::Skipped, Purpose::Affiliate, false)};
    ChipTitles titles;
    for (const QTransform& transform :
         {QTransform(), QTransform::fromTranslate(5, 2), QTransform::fromScale(1.5, 1.5),
          QTransform::fromTranslate(0.5, 0.25)}) {
        for (int round = 0; round < 2; ++round) {  // the second round draws the kept titles
            QImage expected(400, 120, QImage::Format_ARGB32_Premultiplied);
            expected.fill(Qt::white);
            QImage actual = expected;
            {
                QPainter reference(&expected);
                reference.setTransform(transform);
                QPainter painter(&actual);
                painter.setTransform(transform);
                ChipPainter chips(painter, &titles);
                for (std::size_t i = 0; i < items.size(); ++i) {
                    const QRect rect(2, 2 + static_cast<int>(i) * 22, 180, 18);
                    referenceChip(reference, rect, items[i], true);
                    chips.paint(rect, items[i], true);
                }
            }
            ASSERT_EQ(difference(expected, actual, 1), "")
                << "transform " << transform.dx() << "," << transform.m11() << " round " << round;
        }
    }
}

TEST(TextLineTest, DrawsWhereDrawTextDraws) {
    QFont font;
    font.setPixelSize(12);
    QFont bold = font;
    bold.setBold(true);
    for (const Qt::LayoutDirection direction : {Qt::LeftToRight, Qt::RightToLeft}) {
        for (const QFont& f : {font, bold}) {
            for (const QString& text :
                 {QStringLiteral("15"), QStringLiteral("+132 more"), QStringLiteral("MON"),
                  QStringLiteral("09:30"), QStringLiteral("Wider than its box")}) {
                for (int flags : {int(Qt::AlignCenter), int(Qt::AlignVCenter | Qt::AlignLeft),
                                  int(Qt::AlignRight | Qt::AlignTop), int(Qt::AlignBottom)}) {
                    for (const QRect& rect :
                         {QRect(3, 2, 22, 16), QRect(1, 1, 140, 18), QRect(4, 5, 30, 9)}) {
                        QImage expected(160, 30, QImage::Format_ARGB32_Premultiplied);
                        expected.fill(Qt::white);
                        QImage actual = expected;
                        {
                            QPainter painter(&expected);
                            painter.setLayoutDirection(direction);
                            painter.setFont(f);
                            painter.setPen(QColor(0x22, 0x26, 0x2b));
                            painter.drawText(rect, flags, text);
                        }
                        {
                            QPainter painter(&actual);
                            painter.setLayoutDirection(direction);
                            painter.setPen(QColor(0x22, 0x26, 0x2b));
                            TextLine(text, f, direction).draw(painter, rect, flags);
                        }
                        ASSERT_EQ(difference(expected, actual), "")
                            << text.toStdString() << " flags " << flags << " in " << rect.width()
                            << "x" << rect.height()
                            << (direction == Qt::RightToLeft ? " right to left" : "");
                    }
                }
            }
        }
    }
}

// On a dark palette the words of a chip are light, so they read on its dark fill; on a light
// one they stay dark.
TEST(ChipPainterTest, WordsReadOnADarkPalette) {
    const auto brightest = [](const QImage& image, const QRect& area) {
        int best = 0;
        for (int y = area.top(); y <= area.bottom(); ++y) {
            for (int x = area.left(); x <= area.right(); ++x) {
                best = std::max(best, qGray(image.pixel(x, y)));
            }
        }
        return best;
    };
    const CalendarItem chip =
        item("A long enough title to see", PostStatus::Scheduled, Purpose::Value, false);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1c, 0x1e, 0x21));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    const QRect rect(0, 2, 330, 20);
    const QRect title(60, 2, 150, 20);  // past the time, before the tag
    for (const bool isDark : {true, false}) {
        QImage image = canvas(isDark ? dark.color(QPalette::Base) : Qt::white);
        {
            QPainter painter(&image);
            ChipPainter(painter, nullptr, isDark ? dark : light).paint(rect, chip, true);
        }
        if (isDark) {
            EXPECT_GT(brightest(image, title), 200);  // light letters on the dark chip
        } else {
            // The darkest letter pixel is dark: the words are dark on the light chip.
            int darkest = 255;
            for (int y = title.top(); y <= title.bottom(); ++y) {
                for (int x = title.left(); x <= title.right(); ++x) {
                    darkest = std::min(darkest, qGray(image.pixel(x, y)));
                }
            }
            EXPECT_LT(darkest, 80);
        }
    }
}

TEST(MonthViewChipsTest, NewItemsAtTheSameAddressShowTheirOwnTitles) {
    // The view keeps laid-out titles by item between paints; items changed in place and
    // handed over again must not show the old titles.
    std::vector<CalendarItem> items;
    for (int i = 0; i < 20; ++i) {
        items.push_back(item("Old title " + std::to_string(i), PostStatus::Scheduled,
                             Purpose::Value, i % 3 == 0, 8 * 60 + i));
        items.back().day = QDate(2026, 6, 1 + i % 10);
    }
    std::vector<const CalendarItem*> pointers;
    for (const auto& it : items) {
        pointers.push_back(&it);
    }
    MonthView view;
    view.resize(1000, 660);
    view.setMonth(QDate(2026, 6, 1), pointers);
    const QImage old = view.grab().toImage();
    for (int i = 0; i < 20; ++i) {
        items[static_cast<std::size_t>(i)].post.title = "New " + std::to_string(i);
    }
    view.setMonth(QDate(2026, 6, 1), pointers);
    const QImage changed = view.grab().toImage();

    MonthView fresh;
    fresh.resize(1000, 660);
    fresh.setMonth(QDate(2026, 6, 1), pointers);
    EXPECT_NE(difference(old, changed), "");
    EXPECT_EQ(difference(fresh.grab().toImage(), changed), "");
}

}  // namespace
}  // namespace rapport::ui
