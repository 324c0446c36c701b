#include "ui/weekview.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QHash>
#include <QHelpEvent>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <array>
#include <map>

#include "ui/calendaritem.h"
#include "ui/postchip.h"

namespace rapport::ui {

WeekView::WeekView(QWidget* parent) : QWidget(parent) {
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(560, kHeader + 24 * kHourHeight);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize WeekView::sizeHint() const {
    return {840, kHeader + 24 * kHourHeight};
}

void WeekView::setWeek(const QDate& monday, const std::vector<const CalendarItem*>& items) {
    m_monday = monday;
    m_items.clear();
    for (const CalendarItem* item : items) {
        const auto d = monday.daysTo(item->day);
        if (d >= 0 && d < 7) {
            m_items.push_back(item);
        }
    }
    m_pressed = nullptr;
    layoutChips();
    update();
}

void WeekView::setSelectedDate(const QDate& day) {
    m_selected = day;
    update();
}

void WeekView::setToday(const QDate& day) {
    m_today = day;
    update();
}

QRect WeekView::columnRect(int day) const {
    const int w = width() - kGutter - 1;
    const int x0 = kGutter + day * w / 7;
    const int x1 = kGutter + (day + 1) * w / 7;
    return QRect(x0, kHeader, x1 - x0, 24 * kHourHeight);
}

void WeekView::layoutChips() {
    m_placed.clear();
    m_more.clear();
    // Posts of one day and hour share the hour's row, in time order.
    std::map<std::pair<int, int>, std::vector<const CalendarItem*>> byHour;
    for (const CalendarItem* item : m_items) {
        byHour[{static_cast<int>(m_monday.daysTo(item->day)), item->minutes / 60}].push_back(item);
    }
    const int chipHeight = (kHourHeight - 4) / kPerHour - 2;
    for (const auto& [where, items] : byHour) {
        const QRect col = columnRect(where.first);
        const int top = kHeader + where.second * kHourHeight + 2;
        const int n = static_cast<int>(items.size());
        const int shown = n <= kPerHour ? n : kPerHour - 1;
        for (int i = 0; i < shown; ++i) {
            m_placed.push_back(
                {items[static_cast<std::size_t>(i)],
                 QRect(col.left() + 3, top + i * (chipHeight + 2), col.width() - 6, chipHeight)});
        }
        if (shown < n) {
            m_more.emplace_back(
                QRect(col.left() + 6, top + shown * (chipHeight + 2), col.width() - 12, chipHeight),
                n - shown);
        }
    }
}

std::pair<QDate, int> WeekView::slotAt(const QPoint& pos) const {
    if (pos.x() < kGutter || pos.y() < kHeader || pos.y() < headerTop() + kHeader ||
        pos.x() >= width() || pos.y() >= kHeader + 24 * kHourHeight) {
        return {QDate(), 0};
    }
    const int day = std::min(6, (pos.x() - kGutter) * 7 / std::max(1, width() - kGutter - 1));
    const int halfHours = (pos.y() - kHeader) * 2 / kHourHeight;
    return {m_monday.addDays(day), std::min(halfHours, 47) * 30};
}

const CalendarItem* WeekView::itemAt(const QPoint& pos) const {
    for (const auto& placed : m_placed) {
        if (placed.rect.contains(pos)) {
            return placed.item;
        }
    }
    return nullptr;
}

QRect WeekView::chipRect(const CalendarItem* item) const {
    for (const auto& placed : m_placed) {
        if (placed.item == item) {
            return placed.rect;
        }
    }
    return {};
}

std::vector<const CalendarItem*> WeekView::itemsOn(const QDate& day) const {
    std::vector<const CalendarItem*> out;
    for (const CalendarItem* item : m_items) {
        if (item->day == day) {
            out.push_back(item);
        }
    }
    return out;
}

namespace {

// The week's own words (hours, day headings, "+N more") laid out once per font rather than
// shaped by drawText on every paint.
struct WeekTexts {
    QFont base;
    Qt::LayoutDirection direction = Qt::LeftToRight;
    QFont small;
    std::array<QFont, 2> heads;  // a day's heading, and today's in bold
    std::array<TextLine, 24> hours;
    QHash<int, TextLine> more;
    std::array<QHash<QString, TextLine>, 2> headings;
};

WeekTexts& weekTexts(const QFont& base, Qt::LayoutDirection direction) {
    static WeekTexts texts;
    if (texts.base == base && texts.direction == direction && !texts.hours.front().isNull()) {
        return texts;
    }
    texts.base = base;
    texts.direction = direction;
    texts.small = base;
    texts.small.setPixelSize(11);
    for (std::size_t i = 0; i < texts.heads.size(); ++i) {
        texts.heads[i] = base;
        texts.heads[i].setPixelSize(12);
        texts.heads[i].setBold(i == 1);
    }
    for (int h = 0; h < 24; ++h) {
        texts.hours[static_cast<std::size_t>(h)] = TextLine(
            QStringLiteral("%1:00").arg(h, 2, 10, QLatin1Char('0')), texts.small, direction);
    }
    texts.more.clear();
    for (auto& headings : texts.headings) {
        headings.clear();
    }
    return texts;
}

template <class Key>
const TextLine& cachedLine(QHash<Key, TextLine>& lines, const Key& key, const QString& text,
                           const QFont& font, Qt::LayoutDirection direction) {
    auto it = lines.find(key);
    if (it == lines.end()) {
        if (lines.size() > 512) {
            lines.clear();
        }
        it = lines.insert(key, TextLine(text, font, direction));
    }
    return *it;
}

}  // namespace

void WeekView::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(event->rect(), pal.base());
    const QColor grid = pal.color(QPalette::Mid).lighter(135);
    const QColor quiet = pal.color(QPalette::PlaceholderText);
    WeekTexts& texts = weekTexts(p.font(), p.layoutDirection());

    for (int h = 0; h < 24; ++h) {
        const int y = kHeader + h * kHourHeight;
        p.setPen(grid);
        p.drawLine(kGutter, y, width(), y);
        p.setPen(quiet);
        texts.hours[static_cast<std::size_t>(h)].draw(p, QRect(0, y - 1, kGutter - 6, 14),
                                                      Qt::AlignRight | Qt::AlignTop);
    }
    for (int d = 0; d < 7; ++d) {
        const QRect col = columnRect(d);
        if (m_monday.addDays(d) == m_selected) {
            QColor tint = pal.color(QPalette::Highlight);
            tint.setAlphaF(0.07f);
            p.fillRect(col, tint);
        }
        p.setPen(grid);
        p.drawLine(col.left(), 0, col.left(), col.bottom());
    }
    {
        ChipPainter chips(p, nullptr, pal);
        for (const auto& placed : m_placed) {
            if (placed.rect.intersects(event->rect())) {
                chips.paint(placed.rect, *placed.item, true);
            }
        }
    }
    p.setPen(pal.color(QPalette::Link));
    for (const auto& [r, n] : m_more) {
        cachedLine(texts.more, n, tr("+%1 more").arg(n), texts.small, texts.direction)
            .draw(p, r, Qt::AlignVCenter | Qt::AlignLeft);
    }

    // The day names stay at the top of what is visible while the hours scroll under them.
    const int top = headerTop();
    const QRect band(0, top, width(), kHeader);
    p.fillRect(band, pal.base());
    p.setPen(grid);
    p.drawLine(0, band.bottom(), width(), band.bottom());
    for (int d = 0; d < 7; ++d) {
        const QRect col = columnRect(d);
        const QDate day = m_monday.addDays(d);
        const bool today = day == m_today;
        p.setPen(today ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text));
        const QString heading = QLocale().toString(day, QStringLiteral("ddd d"));
        cachedLine(texts.headings[today ? 1 : 0], heading, heading, texts.heads[today ? 1 : 0],
                   texts.direction)
            .draw(p, QRect(col.left(), top, col.width(), kHeader), Qt::AlignCenter);
    }
}

int WeekView::headerTop() const {
    const QRect visible = visibleRegion().boundingRect();
    return visible.isEmpty() ? 0 : std::max(0, visible.top());
}

void WeekView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    m_pressed = itemAt(pos);
    m_pressPos = pos;
    const auto [day, minutes] = slotAt(pos);
    if (day.isValid()) {
        emit dateClicked(day);
    }
}

void WeekView::mouseMoveEvent(QMouseEvent* event) {
    if (!m_pressed || !(event->buttons() & Qt::LeftButton) ||
        (event->position().toPoint() - m_pressPos).manhattanLength() <
            QApplication::startDragDistance()) {
        return;
    }
    const CalendarItem* item = std::exchange(m_pressed, nullptr);
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kPostMimeType), item->key().toUtf8());
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    const QRect chip = chipRect(item);
    if (!chip.isEmpty()) {
        drag->setPixmap(grab(chip));
        drag->setHotSpot(m_pressPos - chip.topLeft());
    }
    drag->exec(Qt::MoveAction);
}

void WeekView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (const CalendarItem* item = itemAt(event->position().toPoint())) {
        emit itemActivated(item);
    }
}

void WeekView::contextMenuEvent(QContextMenuEvent* event) {
    if (const CalendarItem* item = itemAt(event->pos())) {
        emit contextMenuRequested(item, event->globalPos());
        event->accept();
    }
}

void WeekView::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(QString::fromLatin1(kPostMimeType))) {
        event->acceptProposedAction();
    }
}

void WeekView::dragMoveEvent(QDragMoveEvent* event) {
    if (slotAt(event->position().toPoint()).first.isValid()) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void WeekView::dropEvent(QDropEvent* event) {
    if (dropAt(event->mimeData(), event->position().toPoint())) {
        event->acceptProposedAction();
    }
}

bool WeekView::dropAt(const QMimeData* mime, const QPoint& pos) {
    const auto [day, minutes] = slotAt(pos);
    if (!day.isValid() || !mime->hasFormat(QString::fromLatin1(kPostMimeType))) {
        return false;
    }
    emit postDropped(QString::fromUtf8(mime->data(QString::fromLatin1(kPostMimeType))), day,
                     minutes);
    return true;
}

bool WeekView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const CalendarItem* item = itemAt(help->pos())) {
            QToolTip::showText(help->globalPos(), chipToolTip(*item), this, chipRect(item));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (event->type() == QEvent::Resize) {
        layoutChips();
    }
    return QWidget::event(event);
}

}  // namespace rapport::ui
