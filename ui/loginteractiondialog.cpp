#include "ui/loginteractiondialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "core/sqlite.h"
#include "core/timeutil.h"
#include "ui/displaytext.h"

namespace rapport::ui {

namespace {
const auto kDirectionKey = QStringLiteral("logInteraction/direction");
const auto kKindKey = QStringLiteral("logInteraction/kind");
// The posts offered: the latest scheduled or published ones; older ones are rarely the topic.
constexpr int kPostChoices = 200;
}  // namespace

LogInteractionDialog::LogInteractionDialog(core::Store& store, const core::Clock& clock,
                                           core::Id contactId, QWidget* parent)
    : QDialog(parent),
      m_store(store),
      m_zone(store.timeZone()),
      m_contactId(contactId),
      m_direction(new QComboBox(this)),
      m_kind(new QComboBox(this)),
      m_channel(new QComboBox(this)),
      m_post(new QComboBox(this)),
      m_when(new QDateTimeEdit(this)),
      m_note(new QLineEdit(this)) {
    setObjectName(QStringLiteral("logInteractionDialog"));
    const auto contact = store.find<core::Contact>(contactId);
    setWindowTitle(tr("Log interaction with %1")
                       .arg(contact ? qs(contact->displayName) : tr("contact %1").arg(contactId)));

    m_direction->setObjectName(QStringLiteral("direction"));
    m_direction->addItem(tr("They reached out (inbound)"),
                         static_cast<int>(core::Direction::Inbound));
    m_direction->addItem(tr("I reached out (outbound)"),
                         static_cast<int>(core::Direction::Outbound));
    m_direction->setCurrentIndex(QSettings().value(kDirectionKey, 0).toInt() == 1 ? 1 : 0);

    m_kind->setObjectName(QStringLiteral("kind"));
    for (std::size_t i = 0; i < core::enumCount<core::InteractionKind>(); ++i) {
        m_kind->addItem(capitalized(words(static_cast<core::InteractionKind>(i))),
                        static_cast<int>(i));
    }
    const int lastKind = QSettings().value(kKindKey, 0).toInt();
    m_kind->setCurrentIndex(lastKind >= 0 && lastKind < m_kind->count() ? lastKind : 0);

    m_channel->setObjectName(QStringLiteral("channel"));
    m_channel->addItem(tr("No channel"), QVariant());
    for (const auto& channel : store.list<core::Channel>()) {
        m_channel->addItem(qs(channel.name), QVariant::fromValue<qlonglong>(channel.id));
    }

    m_post->setObjectName(QStringLiteral("post"));
    m_post->addItem(tr("Not about a post"), QVariant());
    {
        auto st = store.db().prepare(
            "SELECT id, title, scheduled_at FROM posts WHERE status IN ('published', "
            "'scheduled') AND scheduled_at IS NOT NULL ORDER BY scheduled_at DESC, id DESC "
            "LIMIT ?1");
        st.bind(1, kPostChoices);
        while (st.step()) {
            const core::Instant at{std::chrono::seconds{st.integer(2)}};
            m_post->addItem(QStringLiteral("%1 (%2)").arg(qs(st.text(1)),
                                                          formatDate(core::localDate(at, m_zone))),
                            QVariant::fromValue<qlonglong>(st.integer(0)));
        }
    }

    m_when->setObjectName(QStringLiteral("when"));
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QStringLiteral("ddd d MMM yyyy  HH:mm"));
    // The workspace's wall clock, held as UTC: no clock change of the computer's own zone can
    // move a time the user sets (02:30 on its spring-forward night).
    m_when->setTimeSpec(Qt::UTC);
    const core::Instant now = clock.now();
    const auto minutes = core::localTimeOfDay(now, m_zone).count();
    m_when->setDateTime(
        QDateTime(toQDate(core::localDate(now, m_zone)),
                  QTime(static_cast<int>(minutes / 60), static_cast<int>(minutes % 60)), Qt::UTC));

    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("What was it about? (optional)"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Direction"), m_direction);
    form->addRow(tr("&Kind"), m_kind);
    form->addRow(tr("C&hannel"), m_channel);
    form->addRow(tr("&Post"), m_post);
    form->addRow(tr("&When"), m_when);
    form->addRow(tr("&Note"), m_note);
    auto* zone = new QLabel(tr("Times are in the workspace's zone, %1.").arg(qs(m_zone)), this);
    makeQuiet(zone);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Log"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(zone);
    layout->addWidget(buttons);
    m_kind->setFocus();
    setMinimumWidth(420);
}

core::Interaction LogInteractionDialog::interaction() const {
    core::Interaction i;
    i.contactId = m_contactId;
    i.direction = static_cast<core::Direction>(m_direction->currentData().toInt());
    i.kind = static_cast<core::InteractionKind>(m_kind->currentData().toInt());
    if (m_channel->currentData().isValid()) {
        i.channelId = m_channel->currentData().toLongLong();
    }
    if (m_post->currentData().isValid()) {
        i.postId = m_post->currentData().toLongLong();
    }
    const QDateTime when = m_when->dateTime();
    i.at = core::toInstant(fromQDate(when.date()),
                           core::TimeOfDay{when.time().hour() * 60 + when.time().minute()}, m_zone);
    i.note = m_note->text().trimmed().toStdString();
    return i;
}

void LogInteractionDialog::accept() {
    QSettings().setValue(kDirectionKey, m_direction->currentIndex());
    QSettings().setValue(kKindKey, m_kind->currentIndex());
    QDialog::accept();
}

}  // namespace rapport::ui
