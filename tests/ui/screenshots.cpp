// Not a test: draws the planning page, its dialogs and the campaign wizard offscreen over the
// demo workspace and saves each as a PNG, so people can look at them without a display.
//   rapport_ui_screenshots OUTPUT_DIR

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <iostream>

#include "core/clock.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "ui/cadenceeditor.h"
#include "ui/calendarpage.h"
#include "ui/campaigndialog.h"
#include "ui/campaignstab.h"
#include "ui/campaignwizard.h"
#include "ui/channeldialog.h"
#include "ui/channelstab.h"
#include "ui/checklist.h"
#include "ui/columnmappingwidget.h"
#include "ui/contactimportdialog.h"
#include "ui/demoworkspace.h"
#include "ui/duplicatesdialog.h"
#include "ui/followuptray.h"
#include "ui/goaldialog.h"
#include "ui/goalspage.h"
#include "ui/goalstab.h"
#include "ui/mainwindow.h"
#include "ui/mixpolicyeditor.h"
#include "ui/nichedialog.h"
#include "ui/nichestab.h"

using namespace rapport;

namespace {

QString g_out;

void settle() {
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
    }
}

void save(QWidget* widget, const QString& name) {
    settle();
    const QString path = QDir(g_out).filePath(name + QStringLiteral(".png"));
    widget->grab().save(path);
    std::cout << path.toStdString() << "\n";
}

void clickSave(QDialog* dialog) {
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    qputenv("HOME", home.path().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Rapport"));
    QApplication::setApplicationName(QStringLiteral("Rapport Screenshots"));
    QApplication::setStyle(QStringLiteral("Fusion"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    g_out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(g_out);

    auto store = core::Store::open(QDir(home.path()).filePath("demo.rapport").toStdString());
    ui::seedDemoWorkspace(*store, ui::kDemoAnchor);
    const core::FixedClock clock(*core::parseInstant("2026-11-25T15:00:00Z"));
    ui::MainWindow window(std::move(store), clock);
    window.resize(1180, 760);
    window.setCurrentPage(ui::MainWindow::GoalsAndNiches);
    window.show();
    auto* page = qobject_cast<ui::GoalsPage*>(window.page(ui::MainWindow::GoalsAndNiches));
    core::Store& s = window.store();
    ui::UndoContext& undo = window.undoContext();

    page->tabs()->setCurrentIndex(ui::GoalsPage::GoalsTabIndex);
    save(&window, QStringLiteral("01-goals"));
    for (const auto& goal : s.list<core::Goal>()) {
        if (goal.metric == core::MetricKind::AudienceSize) {
            page->goals()->select(goal.id);
        }
    }
    save(&window, QStringLiteral("02-goals-vanity"));
    page->tabs()->setCurrentIndex(ui::GoalsPage::NichesTabIndex);
    save(&window, QStringLiteral("03-niches"));
    page->niches()->select(s.list<core::Niche>().back().id);
    save(&window, QStringLiteral("04-niches-incomplete"));
    page->tabs()->setCurrentIndex(ui::GoalsPage::ChannelsTabIndex);
    save(&window, QStringLiteral("05-channels"));
    page->tabs()->setCurrentIndex(ui::GoalsPage::CampaignsTabIndex);
    save(&window, QStringLiteral("06-campaigns"));

    {
        ui::GoalDialog dialog(undo, clock, std::nullopt, &window);
        dialog.show();
        save(&dialog, QStringLiteral("10-goal-new"));
        dialog.findChild<QDateEdit*>(QStringLiteral("deadline"))->setDate(QDate(2026, 11, 1));
        dialog.findChild<QDoubleSpinBox*>(QStringLiteral("target"))
            ->setValue(dialog.findChild<QDoubleSpinBox*>(QStringLiteral("baseline"))->value());
        clickSave(&dialog);
        save(&dialog, QStringLiteral("11-goal-errors"));
        dialog.findChild<QLineEdit*>(QStringLiteral("title"))->setText(QStringLiteral("x"));
        clickSave(&dialog);
        save(&dialog, QStringLiteral("12-goal-errors-2"));
    }
    for (const auto& goal : s.list<core::Goal>()) {
        if (goal.metric == core::MetricKind::AudienceSize) {
            ui::GoalDialog dialog(undo, clock, goal, &window);
            dialog.show();
            save(&dialog, QStringLiteral("13-goal-edit-vanity"));
        }
    }
    {
        ui::NicheDialog dialog(undo, std::nullopt, &window);
        dialog.show();
        save(&dialog, QStringLiteral("20-niche-new"));
        ui::NicheDialog edit(undo, s.list<core::Niche>().back(), &window);
        edit.show();
        save(&edit, QStringLiteral("21-niche-edit"));
    }
    {
        ui::ChannelDialog dialog(undo, std::nullopt, &window);
        dialog.show();
        save(&dialog, QStringLiteral("30-channel-new"));
        auto* kind = dialog.findChild<QComboBox*>(QStringLiteral("kind"));
        kind->setCurrentIndex(kind->findData(static_cast<int>(core::ChannelKind::Newsletter)));
        dialog.findChild<QLineEdit*>(QStringLiteral("preferredTimes"))->setText("6.30");
        clickSave(&dialog);
        save(&dialog, QStringLiteral("31-channel-error"));
    }
    page->tabs()->setCurrentIndex(ui::GoalsPage::ChannelsTabIndex);
    page->channels()->deleteChannel(s.list<core::Channel>().front().id);
    settle();
    for (auto* box : window.findChildren<QMessageBox*>(QStringLiteral("deleteRefused"))) {
        save(box, QStringLiteral("32-channel-delete-refused"));
        box->close();
    }
    {
        ui::CampaignDialog dialog(undo, clock, s.list<core::Campaign>().front(), &window);
        dialog.show();
        save(&dialog, QStringLiteral("40-campaign-edit"));
        auto* tabs = dialog.findChild<QTabWidget*>();
        tabs->setCurrentIndex(1);
        save(&dialog, QStringLiteral("41-campaign-edit-cadence"));
        tabs->setCurrentIndex(2);
        save(&dialog, QStringLiteral("42-campaign-edit-mix"));
    }
    {
        ui::CampaignWizard wizard(undo, clock, &window);
        wizard.show();
        save(&wizard, QStringLiteral("50-wizard-goals"));
        wizard.next();
        save(&wizard, QStringLiteral("51-wizard-goals-error"));
        wizard.nameEdit()->setText(QStringLiteral("Spring workshop"));
        wizard.next();
        save(&wizard, QStringLiteral("52-wizard-niche"));
        wizard.next();
        save(&wizard, QStringLiteral("53-wizard-value"));
        wizard.next();
        save(&wizard, QStringLiteral("54-wizard-channels"));
        wizard.next();
        save(&wizard, QStringLiteral("55-wizard-cadence"));
        const auto channels = s.list<core::Channel>();
        if (auto* spin = wizard.cadenceEditor()->spinFor(channels[1].id)) {
            spin->setValue(20);
        }
        wizard.next();
        save(&wizard, QStringLiteral("56-wizard-cadence-error"));
        if (auto* spin = wizard.cadenceEditor()->spinFor(channels[1].id)) {
            spin->setValue(3);
        }
        wizard.next();
        save(&wizard, QStringLiteral("57-wizard-mix"));
        wizard.next();
        save(&wizard, QStringLiteral("58-wizard-preview"));
        wizard.button(QWizard::FinishButton)->click();
        settle();
    }
    page->tabs()->setCurrentIndex(ui::GoalsPage::CampaignsTabIndex);
    save(&window, QStringLiteral("59-campaigns-after-wizard"));

    // The Contacts menu's dialogs: an import preview with invalid rows, a CSV's columns, and
    // the duplicates with the one to keep.
    const auto waitIdle = [](const ui::ContactImportDialog& dialog) {
        for (int i = 0; i < 400 && dialog.isBusy(); ++i) {
            QApplication::processEvents();
            QThread::msleep(10);
        }
        settle();
    };
    const auto writeFile = [&home](const QString& name, const QByteArray& bytes) {
        const QString path = QDir(home.path()).filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return path;
    };
    {
        const QString linkedIn = writeFile(
            QStringLiteral("Connections.csv"),
            "Notes:\n\"When exporting your connection data, you may notice that some of the "
            "email addresses are missing.\"\n\n"
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Priya,Raman,https://www.linkedin.com/in/priyaraman,priya@example.com,Rise & Crumb "
            "Bakery,Owner,05 Oct 2020\n"
            "Daniel,Brooks,https://www.linkedin.com/in/danbrooks,,Weeknight Pantry,Food "
            "blogger,12 Mar 2021\n"
            "Ana,L\xC3\xB3pez,https://www.linkedin.com/in/ana-lopez-42/,,\"Acme, Inc.\",Head of "
            "Marketing,1 Feb 2022\n"
            "Bob,Stone,https://www.linkedin.com/in/bobstone,bob at stone,Stone Ltd,CEO,3 Mar 2023\n"
            "Chen,Wei,https://www.linkedin.com/in/chenwei,chen@example.org,Northwind,SEO "
            "consultant,28 Nov 2023\n"
            "Fatima,Haddad,https://www.linkedin.com/in/fhaddad,,Contoso,Founder,31 Feb 2024\n"
            "Grace,Okafor,https://www.linkedin.com/in/graceokafor,grace@okafor.dev,Okafor "
            "Studio,Designer,14 Jun 2024\n");
        ui::ContactImportDialog dialog(undo, clock, &window);
        dialog.show();
        dialog.setFile(linkedIn);
        waitIdle(dialog);
        save(&dialog, QStringLiteral("70-contact-import-linkedin"));

        const QString any =
            writeFile(QStringLiteral("newsletter.csv"),
                      "Who,Mail,Firm,Labels,Signed up\n"
                      "Sam Reader,sam@example.com,Reader Co,blogger; beta,2024-03-01\n"
                      "Kim Keen,kim@example.com,,local,2024-05-12\n"
                      "Lee Lurker,lee@example,,,yesterday\n");
        dialog.setFile(any);
        waitIdle(dialog);
        save(&dialog, QStringLiteral("71-contact-import-columns"));
        dialog.mappingWidget()->setTarget(0, {core::ImportField::DisplayName});
        dialog.mappingWidget()->setTarget(1, {core::ImportField::Email});
        dialog.mappingWidget()->setTarget(2, {core::ImportField::Company});
        dialog.mappingWidget()->setTarget(3, {core::ImportField::Tags});
        dialog.mappingWidget()->setTarget(4, {core::ImportField::CreatedOn});
        for (int i = 0; i < 40; ++i) {
            QApplication::processEvents();
            QThread::msleep(10);
        }
        waitIdle(dialog);
        save(&dialog, QStringLiteral("72-contact-import-mapped"));
    }
    {
        const auto contacts = s.list<core::Contact>();
        for (std::size_t i = 0; i < 2 && i < contacts.size(); ++i) {
            core::Contact twin = contacts[i];
            twin.id = 0;
            twin.handles.clear();
            twin.uid.clear();
            twin.tags = {"imported"};
            twin.notes = "From LinkedIn.";
            if (twin.email.empty()) {
                twin.email = "twin" + std::to_string(i) + "@example.com";
            }
            s.add(twin);
        }
        ui::DuplicatesDialog dialog(undo, &window);
        dialog.show();
        dialog.selectGroup(0);
        save(&dialog, QStringLiteral("73-duplicates"));
    }
    {
        // The tray icon's badge at the sizes trays use, side by side.
        QPixmap strip(4 * 72, 72);
        strip.fill(Qt::white);
        QPainter p(&strip);
        const int counts[] = {0, 3, 12, 140};
        for (int i = 0; i < 4; ++i) {
            p.drawPixmap(i * 72 + 4, 4, ui::FollowUpTray::badgeIcon(counts[i], 64).pixmap(64, 64));
        }
        p.end();
        const QString path = QDir(g_out).filePath(QStringLiteral("74-tray-badges.png"));
        strip.save(path);
        std::cout << path.toStdString() << "\n";
    }
    {
        // The calendar's month and week, in the light palette and in a dark one.
        window.setCurrentPage(ui::MainWindow::Calendar);
        auto* calendar = qobject_cast<ui::CalendarPage*>(window.page(ui::MainWindow::Calendar));
        calendar->setView(ui::CalendarPage::View::Month);
        save(&window, QStringLiteral("80-calendar-month"));
        calendar->setView(ui::CalendarPage::View::Week);
        save(&window, QStringLiteral("81-calendar-week"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1c, 0x1e, 0x21));
        dark.setColor(QPalette::AlternateBase, QColor(0x25, 0x27, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x33, 0x35, 0x3a));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
        dark.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xc4));
        dark.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xf0));
        QApplication::setPalette(dark);
        window.store().announceExternalChange();  // the mix panel's words take the new colours
        save(&window, QStringLiteral("82-calendar-week-dark"));
        calendar->setView(ui::CalendarPage::View::Month);
        save(&window, QStringLiteral("83-calendar-month-dark"));
    }
    return 0;
}
