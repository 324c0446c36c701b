#include "ui/monthview.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QHelpEvent>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include "ui/calendaritem.h"
#include "ui/postchip.h"

namespace rapport::ui {

MonthView::MonthView(QWidget* parent) : QWidget(parent) {
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setMinimumSize(420, 300);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void MonthView::setMonth(const QDate& month, const std::vector<const CalendarItem*>& items) {
    m_month = QDate(month.year(), month.month(), 1);
    m_first = m_month.addDays(1 - m_month.dayOfWeek());
    for (auto& day : m_days) {
        day.clear();
    }
    for (const CalendarItem* item : items) {
        const auto index = m_first.daysTo(item->day);
        if (index >= 0 && index < kCells) {
            m_days[static_cast<std::size_t>(index)].push_back(item);
        }
    }
    m_pressed = nullptr;
    m_titles.clear();
    update();
}

void MonthView::setSelectedDate(const QDate& day) {
    m_selected = day;
    update();
}

void MonthView::setToday(const QDate& day) {
    m_today = day;
    update();
}

QRect MonthView::cellRect(int index) const {
    const int w = width() - 1;
    const int h = height() - kHeader - 1;
    const int col = index % 7;
    const int row = index / 7;
    const int x0 = col * w / 7;
    const int x1 = (col + 1) * w / 7;
    const int y0 = kHeader + row * h / 6;
    const int y1 = kHeader + (row + 1) * h / 6;
    return QRect(x0, y0, x1 - x0, y1 - y0);
}

int MonthView::cellAt(const QPoint& pos) const {
    if (pos.y() < kHeader || pos.x() < 0 || pos.x() >= width() || pos.y() >= height()) {
        return -1;
    }
    const int col = std::min(6, pos.x() * 7 / std::max(1, width() - 1));
    const int row = std::min(5, (pos.y() - kHeader) * 6 / std::max(1, height() - kHeader - 1));
    return row * 7 + col;
}

QDate MonthView::dateAt(const QPoint& pos) const {
    const int cell = cellAt(pos);
    return cell < 0 ? QDate() : m_first.addDays(cell);
}

int MonthView::visibleChips(int index) const {
    const int room = (cellRect(index).height() - kDayLabel - 2) / (kChipHeight + kChipGap);
    const int n = static_cast<int>(m_days[static_cast<std::size_t>(index)].size());
    if (n <= room) {
        return n;
    }
    return std::max(0, room - 1);  // one line goes to "+N more"
}

QRect MonthView::moreRect(int index) const {
    const QRect cell = cellRect(index);
    const int shown = visibleChips(index);
    return QRect(cell.left() + 4, cell.top() + kDayLabel + shown * (kChipHeight + kChipGap),
                 cell.width() - 8, kChipHeight);
}

const std::vector<const CalendarItem*>& MonthView::itemsOn(const QDate& day) const {
    static const std::vector<const CalendarItem*> none;
    const auto index = m_first.isValid() ? m_first.daysTo(day) : -1;
    return index >= 0 && index < kCells ? m_days[static_cast<std::size_t>(index)] : none;
}

QRect MonthView::chipRect(const CalendarItem* item) const {
    const auto index = m_first.daysTo(item->day);
    if (index < 0 || index >= kCells) {
        return {};
    }
    const int cell = static_cast<int>(index);
    const auto& day = m_days[static_cast<std::size_t>(cell)];
    const int shown = visibleChips(cell);
    for (int i = 0; i < shown; ++i) {
        if (day[static_cast<std::size_t>(i)] == item) {
            const QRect r = cellRect(cell);
            return QRect(r.left() + 4, r.top() + kDayLabel + i * (kChipHeight + kChipGap),
                         r.width() - 8, kChipHeight);
        }
    }
    return {};
}

const CalendarItem* MonthView::itemAt(const QPoint& pos) const {
    const int cell = cellAt(pos);
    if (cell < 0) {
        return nullptr;
    }
    const QRect r = cellRect(cell);
    const int offset = pos.y() - r.top() - kDayLabel;
    if (offset < 0 || pos.x() < r.left() + 4 || pos.x() > r.right() - 4) {
        return nullptr;
    }
    const int slot = offset / (kChipHeight + kChipGap);
    if (slot >= visibleChips(cell) || offset % (kChipHeight + kChipGap) >= kChipHeight) {
        return nullptr;
    }
    return m_days[static_cast<std::size_t>(cell)][static_cast<std::size_t>(slot)];
}

const MonthView::Texts& MonthView::texts(const QFont& base, Qt::LayoutDirection direction) {
    const QLocale locale;
    if (m_texts.base == base && m_texts.locale == locale && m_texts.direction == direction &&
        !m_texts.days.front().isNull()) {
        return m_texts;
    }
    m_texts.base = base;
    m_texts.locale = locale;
    m_texts.direction = direction;
    QFont header = base;
    header.setPixelSize(11);
    for (int col = 0; col < 7; ++col) {
        m_texts.dayNames[static_cast<std::size_t>(col)] =
            TextLine(locale.dayName(col + 1, QLocale::ShortFormat).toUpper(), header, direction);
    }
    QFont dayFont = base;
    dayFont.setPixelSize(12);
    QFont todayFont = dayFont;
    dayFont.setBold(false);
    todayFont.setBold(true);
    for (int day = 1; day <= 31; ++day) {
        const auto i = static_cast<std::size_t>(day - 1);
        m_texts.days[i] = TextLine(QString::number(day), dayFont, direction);
        m_texts.todays[i] = TextLine(QString::number(day), todayFont, direction);
    }
    m_texts.more.clear();
    return m_texts;
}

const TextLine& MonthView::moreText(int hidden) {
    auto it = m_texts.more.find(hidden);
    if (it == m_texts.more.end()) {
        QFont more = m_texts.base;
        more.setPixelSize(11);
        it = m_texts.more.insert(hidden,
                                 TextLine(tr("+%1 more").arg(hidden), more, m_texts.direction));
    }
    return *it;
}

void MonthView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());
    const QColor grid = pal.color(QPalette::Mid).lighter(130);
    const QColor quiet = pal.color(QPalette::PlaceholderText);
    const Texts& words = texts(p.font(), p.layoutDirection());

    p.setPen(quiet);
    for (int col = 0; col < 7; ++col) {
        const QRect r = cellRect(col);
        words.dayNames[static_cast<std::size_t>(col)].draw(
            p, QRect(r.left(), 0, r.width(), kHeader), Qt::AlignCenter);
    }

    // The cells' fills, then the grid over them as whole lines (one fill each, rather than an
    // outline stroked per cell), then each cell's day and chips.
    for (int i = 0; i < kCells; ++i) {
        const QDate day = m_first.addDays(i);
        if (day == m_selected) {
            const QRect r = cellRect(i);
            QColor tint = pal.color(QPalette::Highlight);
            tint.setAlphaF(0.10f);
            p.fillRect(r, pal.base());
            p.fillRect(r, tint);
        } else if (day.month() != m_month.month()) {
            p.fillRect(cellRect(i), pal.color(QPalette::AlternateBase));
        }
    }
    const int w = width() - 1;
    const int h = height() - kHeader - 1;
    for (int row = 0; row <= 6; ++row) {
        p.fillRect(QRect(0, kHeader + row * h / 6, w + 1, 1), grid);
    }
    for (int col = 0; col <= 7; ++col) {
        p.fillRect(QRect(col * w / 7, kHeader, 1, h + 1), grid);
    }

    // Chips are painted with their fonts, words and shapes made once, and their titles kept
    // laid out until the month's items change.
    ChipPainter chips(p, &m_titles, pal);
    for (int i = 0; i < kCells; ++i) {
        const QRect r = cellRect(i);
        const QDate day = m_first.addDays(i);
        const bool inMonth = day.month() == m_month.month();
        const QRect label(r.left() + 6, r.top() + 2, 22, kDayLabel - 4);
        const auto dayIndex = static_cast<std::size_t>(std::clamp(day.day(), 1, 31) - 1);
        if (day == m_today) {
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setPen(Qt::NoPen);
            p.setBrush(pal.color(QPalette::Highlight));
            p.drawEllipse(label.adjusted(-2, -1, 2, 1));
            // Only the circle is smooth; what follows is drawn on whole pixels.
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(pal.color(QPalette::HighlightedText));
            words.todays[dayIndex].draw(p, label, Qt::AlignCenter);
        } else {
            p.setPen(inMonth ? pal.color(QPalette::Text) : quiet);
            words.days[dayIndex].draw(p, label, Qt::AlignCenter);
        }

        const auto& items = m_days[static_cast<std::size_t>(i)];
        const int shown = visibleChips(i);
        for (int k = 0; k < shown; ++k) {
            const QRect chip(r.left() + 4, r.top() + kDayLabel + k * (kChipHeight + kChipGap),
                             r.width() - 8, kChipHeight);
            chips.paint(chip, *items[static_cast<std::size_t>(k)], true);
        }
        const int hidden = static_cast<int>(items.size()) - shown;
        if (hidden > 0) {
            p.setPen(pal.color(QPalette::Link));
            moreText(hidden).draw(p, moreRect(i), Qt::AlignVCenter | Qt::AlignLeft);
        }
    }
}

void MonthView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const QDate day = dateAt(pos);
    if (!day.isValid()) {
        return;
    }
    m_pressed = itemAt(pos);
    m_pressPos = pos;
    const int cell = cellAt(pos);
    emit dateClicked(day);
    if (!m_pressed && cell >= 0 && moreRect(cell).contains(pos) &&
        m_days[static_cast<std::size_t>(cell)].size() >
            static_cast<std::size_t>(visibleChips(cell))) {
        emit moreClicked(day);
    }
}

void MonthView::mouseMoveEvent(QMouseEvent* event) {
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

void MonthView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (const CalendarItem* item = itemAt(event->position().toPoint())) {
        emit itemActivated(item);
    }
}

void MonthView::contextMenuEvent(QContextMenuEvent* event) {
    if (const CalendarItem* item = itemAt(event->pos())) {
        emit contextMenuRequested(item, event->globalPos());
        event->accept();
    }
}

void MonthView::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(QString::fromLatin1(kPostMimeType))) {
        event->acceptProposedAction();
    }
}

void MonthView::dragMoveEvent(QDragMoveEvent* event) {
    const QDate day = dateAt(event->position().toPoint());
    if (day.isValid() && event->mimeData()->hasFormat(QString::fromLatin1(kPostMimeType))) {
        setSelectedDate(day);
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void MonthView::dropEvent(QDropEvent* event) {
    if (dropAt(event->mimeData(), event->position().toPoint())) {
        event->acceptProposedAction();
    }
}

bool MonthView::dropAt(const QMimeData* mime, const QPoint& pos) {
    const QDate day = dateAt(pos);
    if (!day.isValid() || !mime->hasFormat(QString::fromLatin1(kPostMimeType))) {
        return false;
    }
    emit postDropped(QString::fromUtf8(mime->data(QString::fromLatin1(kPostMimeType))), day);
    return true;
}

bool MonthView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const CalendarItem* item = itemAt(help->pos())) {
            QToolTip::showText(help->globalPos(), chipToolTip(*item), this, chipRect(item));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

}  // namespace rapport::ui
