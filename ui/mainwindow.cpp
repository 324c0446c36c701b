#include "ui/mainwindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <limits>

#include "core/errors.h"
#include "core/storeclock.h"
#include "core/timeutil.h"
#include "ui/calendarpage.h"
#include "ui/contactsmenu.h"
#include "ui/dashboardpage.h"
#include "ui/demoworkspace.h"
#include "ui/displaytext.h"
#include "ui/followuptray.h"
#include "ui/goalspage.h"
#include "ui/ideaspage.h"
#include "ui/navicons.h"
#include "ui/relationshipspage.h"
#include "ui/resources.h"
#include "ui/sequencespage.h"
#include "ui/undocontext.h"
#include "ui/weeklyreviewdialog.h"

namespace rapport::ui {

namespace {

const auto kGeometryKey = QStringLiteral("mainWindow/geometry");
const auto kPageKey = QStringLiteral("mainWindow/page");
const auto kWorkspaceFilter = QStringLiteral("%1 (*.rapport);;%2 (*)");
const auto kJsonFilter = QStringLiteral("%1 (*.json);;%2 (*)");
constexpr int kStatusMessageMs = 10000;

int clampToInt(qint64 value) {
    return static_cast<int>(std::clamp<qint64>(value, 0, std::numeric_limits<int>::max()));
}

// The window colour moved `amount` of the way towards a role's colour, as "#rrggbb".
QString tint(const QPalette& palette, double amount, QPalette::ColorRole towards) {
    const QColor from = palette.color(QPalette::Window);
    const QColor to = palette.color(towards);
    const auto mix = [amount](int a, int b) {
        return static_cast<int>(a + (b - a) * amount + 0.5);
    };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()))
        .name();
}

// The real clock has no state; one serves every window.
const core::Clock& systemClock() {
    static const core::SystemClock clock;
    return clock;
}

bool sameFile(const QString& a, const QString& b) {
    const QString canonicalA = QFileInfo(a).canonicalFilePath();
    return !canonicalA.isEmpty() && canonicalA == QFileInfo(b).canonicalFilePath();
}

}  // namespace

MainWindow::MainWindow(std::unique_ptr<core::Store> store, QWidget* parent)
    : MainWindow(std::move(store), systemClock(), parent) {}

MainWindow::MainWindow(std::unique_ptr<core::Store> store, const core::Clock& clock,
                       QWidget* parent)
    : QMainWindow(parent),
      m_clock(&clock),
      m_store(std::move(store)),
      m_undoStack(new QUndoStack(this)),
      m_navigation(new QListWidget(this)),
      m_stack(new QStackedWidget(this)),
      m_pathLabel(new QLabel(this)),
      m_workspaceLabel(new QLabel(this)) {
    Q_ASSERT(m_store);
    core::useClock(*m_store, *m_clock);
    ensureResources();
    setObjectName(QStringLiteral("mainWindow"));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFixedWidth(210);
    m_navigation->setSpacing(2);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The navigation sits on the window's colour and the pages on the base colour, so the two
    // read as separate areas without a hard line between them. The selected page is a quiet
    // tint of the highlight rather than a solid bar, which would outshout the page itself.
    m_navigation->viewport()->setAutoFillBackground(false);
    const QPalette pal = palette();
    m_navigation->setStyleSheet(
        QStringLiteral("QListWidget#navigation { background: transparent; padding: 12px 8px; "
                       "outline: 0; }"
                       "QListWidget#navigation::item { padding: 7px 8px; border-radius: 6px; "
                       "color: %1; }"
                       "QListWidget#navigation::item:hover { background: %2; }"
                       "QListWidget#navigation::item:selected { background: %3; color: %1; }")
            .arg(pal.color(QPalette::WindowText).name(), tint(pal, 0.06, QPalette::WindowText),
                 tint(pal, 0.18, QPalette::Highlight)));
    const struct {
        QString text;
        NavIcon icon;
    } entries[] = {
        {tr("Dashboard"), NavIcon::Dashboard}, {tr("Goals & Niches"), NavIcon::Goals},
        {tr("Calendar"), NavIcon::Calendar},   {tr("Relationships"), NavIcon::Relationships},
        {tr("Sequences"), NavIcon::Sequences}, {tr("Ideas"), NavIcon::Ideas}};
    for (const auto& entry : entries) {
        auto* item = new QListWidgetItem(navIcon(entry.icon, pal.color(QPalette::WindowText),
                                                 pal.color(QPalette::Highlight).darker(115)),
                                         entry.text, m_navigation);
        item->setSizeHint(QSize(0, 38));
    }

    m_stack->setObjectName(QStringLiteral("pages"));
    m_stack->setAutoFillBackground(true);
    m_stack->setBackgroundRole(QPalette::Base);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_pathLabel->setObjectName(QStringLiteral("workspacePath"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceInfo"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_workspaceLabel);

    buildMenus();
    buildPages();
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack,
            &QStackedWidget::setCurrentIndex);
    updateWorkspaceStatus();
    restoreSettings();
}

MainWindow::~MainWindow() {
    // The restore's worker holds the file; cancel and wait for its rollback first. Then the
    // pages, whose models read the store, go before the store does.
    delete m_restore;
    m_restore = nullptr;
    m_workspaceSubscription.reset();
    // The commands point at the undo context, the context at the store.
    m_undoStack->clear();
    while (m_stack->count() > 0) {
        delete m_stack->widget(0);
    }
    m_undo.reset();
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New workspace…"), this, &MainWindow::newWorkspaceDialog);
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* backUp = file->addAction(tr("&Back up to JSON…"), this, &MainWindow::backUpDialog);
    QAction* restore = file->addAction(tr("&Restore from JSON…"), this, &MainWindow::restoreDialog);
    file->addSeparator();
    QAction* review = file->addAction(tr("&Weekly review…"), this, [this] {
        WeeklyReviewDialog dialog(*m_store, *m_clock, this);
        if (dialog.exec() == QDialog::Accepted) {
            statusBar()->showMessage(tr("Weekly review saved."), kStatusMessageMs);
        }
    });
    review->setObjectName(QStringLiteral("weeklyReviewAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    // Spelled out: QKeySequence::Quit is empty on some platforms (offscreen, Windows).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    m_storeActions = {create, open, backUp, restore, review};

    // Edit: undo and redo of every edit on the pages. Actions of our own rather than the
    // stack's, so a restore running in the background can switch them off.
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(tr("&Undo"), m_undoStack, &QUndoStack::undo);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = edit->addAction(tr("&Redo"), m_undoStack, &QUndoStack::redo);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    // Ctrl+Shift+Z everywhere, and whatever else the platform calls redo (Ctrl+Y).
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(key)) {
            redoKeys << key;
        }
    }
    m_redoAction->setShortcuts(redoKeys);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MainWindow::updateUndoActions);
    connect(m_undoStack, &QUndoStack::canUndoChanged, this, &MainWindow::updateUndoActions);
    connect(m_undoStack, &QUndoStack::canRedoChanged, this, &MainWindow::updateUndoActions);
    connect(m_undoStack, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoActions);
    connect(m_undoStack, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoActions);
    updateUndoActions();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Rapport"), this, &MainWindow::aboutDialog);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildPages() {
    core::Store& s = *m_store;
    m_undo = std::make_unique<UndoContext>(s, m_undoStack);
    connect(m_undo.get(), &UndoContext::performed, this, [this](const QString& text) {
        statusBar()->showMessage(tr("%1. Edit ▸ Undo takes it back.").arg(text), kStatusMessageMs);
    });
    connect(m_undo.get(), &UndoContext::failed, this,
            [this](const QString& sentence) { showError(tr("Edit"), sentence); });
    auto* dashboard = new rapport::ui::DashboardPage(s, *m_clock, m_stack);
    m_stack->addWidget(dashboard);
    m_stack->addWidget(new rapport::ui::GoalsPage(s, *m_undo, *m_clock, m_stack));
    m_stack->addWidget(new rapport::ui::CalendarPage(s, *m_undo, *m_clock, m_stack));
    m_stack->addWidget(new rapport::ui::RelationshipsPage(s, *m_undo, *m_clock, m_stack));
    m_stack->addWidget(new rapport::ui::SequencesPage(s, *m_undo, *m_clock, m_stack));
    m_stack->addWidget(new rapport::ui::IdeasPage(s, *m_undo, m_stack));
    Q_ASSERT(m_stack->count() == PageCount);
    // The dashboard's "open the queue": the Relationships page, on the queue of that day.
    connect(dashboard, &DashboardPage::openQueue, this, [this](QDate day) {
        setCurrentPage(Relationships);
        if (auto* page = qobject_cast<RelationshipsPage*>(m_stack->widget(Relationships))) {
            page->showQueue(day);
        }
    });
    connect(dashboard, &DashboardPage::openContact, this, [this](core::Id id) {
        setCurrentPage(Relationships);
        if (auto* page = qobject_cast<RelationshipsPage*>(m_stack->widget(Relationships))) {
            page->openContact(id);
        }
    });
    // The Contacts menu works on this workspace, so it is made again with each one.
    delete m_contactsMenu;
    m_contactsMenu = makeContactsMenu(this, s, *m_undo, *m_clock);
    menuBar()->insertMenu(menuBar()->actions().constLast(), m_contactsMenu);
    if (m_tray) {
        m_tray->setStore(&s);
    } else {
        m_tray = new FollowUpTray(s, *m_clock, this);
        connect(m_tray, &FollowUpTray::openRequested, this, [this] {
            showNormal();
            raise();
            activateWindow();
            setCurrentPage(Relationships);
        });
    }
    m_workspaceSubscription = s.subscribe([this](const core::Change& change) {
        if (change.entity == core::Entity::Workspace) {
            updateWorkspaceStatus();
        }
    });
}

void MainWindow::setStore(std::unique_ptr<core::Store> store) {
    Q_ASSERT(store);
    Q_ASSERT(!m_restore);
    const int current = currentPage();
    // Everything listening to the old store goes before it; its undo history goes with it,
    // since those edits were made to the other file.
    m_workspaceSubscription.reset();
    m_undoStack->clear();
    while (m_stack->count() > 0) {
        delete m_stack->widget(0);
    }
    m_undo.reset();
    m_store = std::move(store);
    core::useClock(*m_store, *m_clock);
    buildPages();
    setCurrentPage(current);
    updateWorkspaceStatus();
    emit storeReplaced();
}

Page* MainWindow::page(int index) const {
    return qobject_cast<Page*>(m_stack->widget(index));
}

int MainWindow::currentPage() const {
    return m_stack->currentIndex();
}

void MainWindow::setCurrentPage(int index) {
    const int page = std::clamp(index, 0, PageCount - 1);
    m_navigation->setCurrentRow(page);
    // After setStore() the navigation may already be on that row while the rebuilt stack is
    // not, and then no currentRowChanged comes.
    m_stack->setCurrentIndex(page);
}

void MainWindow::updateWorkspaceStatus() {
    const core::WorkspaceInfo info = m_store->info();
    const QString path = qs(m_store->path());
    m_pathLabel->setText(QDir::toNativeSeparators(path));
    m_pathLabel->setToolTip(tr("The workspace file"));
    QStringList parts;
    if (!info.name.empty()) {
        parts << qs(info.name);
    }
    parts << qs(info.timeZone);
    m_workspaceLabel->setText(parts.join(dot()));
    m_workspaceLabel->setToolTip(tr("The workspace, and the time zone its times are shown in"));
    setWindowTitle(info.name.empty() ? tr("Rapport") : tr("%1 \u2014 Rapport").arg(qs(info.name)));
    setWindowFilePath(path);
}

void MainWindow::setBusy(bool busy) {
    m_busy = busy;
    for (QAction* action : std::as_const(m_storeActions)) {
        action->setEnabled(!busy);
    }
    updateUndoActions();
}

void MainWindow::updateUndoActions() {
    // While a restore owns the file, nothing may write to it from here.
    m_undoAction->setEnabled(!m_busy && m_undoStack->canUndo());
    m_redoAction->setEnabled(!m_busy && m_undoStack->canRedo());
    const QString undoText = m_undoStack->undoText();
    const QString redoText = m_undoStack->redoText();
    m_undoAction->setText(undoText.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoText));
    m_redoAction->setText(redoText.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redoText));
}

void MainWindow::showError(const QString& title, const QString& sentence) {
    // Window-modal and not exec()'d: the window's event loop keeps running (and tests can read
    // and close the box).
    auto* box = new QMessageBox(QMessageBox::Warning, title, sentence, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString MainWindow::dialogFolder() const {
    const QFileInfo file(qs(m_store->path()));
    return file.exists() ? file.absolutePath() : QDir::homePath();
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kPageKey, currentPage());
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        resize(1180, 760);
    }
    setCurrentPage(settings.value(kPageKey, static_cast<int>(Dashboard)).toInt());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_restore) {
        // Closing is an answer too: stop, roll back, and let the destructor wait for it.
        m_restore->cancel();
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::paintEvent(QPaintEvent* event) {
    QMainWindow::paintEvent(event);
    if (!m_painted) {
        m_painted = true;
        // After this paint has reached the screen, not during it.
        QTimer::singleShot(0, this, [this] { emit firstPainted(); });
    }
}

// ---- File menu ---------------------------------------------------------------------------------

void MainWindow::newWorkspaceDialog() {
    QString path = QFileDialog::getSaveFileName(
        this, tr("New workspace"), QDir(dialogFolder()).filePath(tr("planner.rapport")),
        kWorkspaceFilter.arg(tr("Rapport workspaces"), tr("All files")), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".rapport");
    }
    NewWorkspaceDialog ask(path, this);
    if (ask.exec() == QDialog::Accepted) {
        createWorkspace(path, ask.content());
    }
}

bool MainWindow::createWorkspace(const QString& path, NewWorkspaceDialog::Content content) {
    const QFileInfo file(path);
    if (file.exists() && file.size() > 0) {
        showError(tr("New workspace"),
                  tr("%1 already exists. Open it with File > Open, or choose another name.")
                      .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    std::unique_ptr<core::Store> store;
    try {
        store = core::Store::open(path.toStdString());
    } catch (const core::OpenError& e) {
        showError(tr("New workspace"), qs(e.what()));
        return false;
    }
    QString demoProblem;
    if (content == NewWorkspaceDialog::Content::Demo) {
        try {
            seedDemoWorkspace(*store, *m_clock);
        } catch (const std::exception& e) {
            demoProblem = tr("The demo campaign could not be loaded, so the new workspace is "
                             "empty: %1")
                              .arg(qs(e.what()));
        }
    }
    setStore(std::move(store));
    setCurrentPage(Dashboard);
    if (!demoProblem.isEmpty()) {
        showError(tr("New workspace"), demoProblem);
    }
    return true;
}

void MainWindow::openDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open workspace"), dialogFolder(),
        kWorkspaceFilter.arg(tr("Rapport workspaces"), tr("All files")));
    if (!path.isEmpty()) {
        openWorkspace(path);
    }
}

bool MainWindow::openWorkspace(const QString& path) {
    if (sameFile(path, qs(m_store->path()))) {
        return true;  // already open here
    }
    try {
        setStore(core::Store::open(path.toStdString()));
        return true;
    } catch (const core::OpenError& e) {
        showError(tr("Open workspace"),
                  qs(e.what()) + QLatin1Char(' ') + tr("The current workspace stays open."));
        return false;
    }
}

void MainWindow::backUpDialog() {
    const QString stem = QFileInfo(qs(m_store->path())).completeBaseName();
    const QString suggested = QStringLiteral("%1-%2.json")
                                  .arg(stem.isEmpty() ? QStringLiteral("workspace") : stem,
                                       toQDate(core::localDate(m_clock->now(), m_store->timeZone()))
                                           .toString(QStringLiteral("yyyyMMdd")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Back up to JSON"), QDir(dialogFolder()).filePath(suggested),
        kJsonFilter.arg(tr("Workspace backups"), tr("All files")));
    if (!path.isEmpty()) {
        backUpTo(path);
    }
}

bool MainWindow::backUpTo(const QString& jsonPath) {
    try {
        const auto content = core::workspacejson::read(*m_store);
        core::workspacejson::writeFile(jsonPath.toStdString(),
                                       core::workspacejson::toText(content));
        statusBar()->showMessage(tr("Backed up %1 to %2.")
                                     .arg(countOf(static_cast<std::int64_t>(content.recordCount()),
                                                  tr("record"), tr("records")),
                                          QDir::toNativeSeparators(jsonPath)),
                                 kStatusMessageMs);
        return true;
    } catch (const std::exception& e) {
        showError(tr("Back up to JSON"), qs(e.what()));
        return false;
    }
}

void MainWindow::restoreDialog() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Restore from JSON"), dialogFolder(),
                                     kJsonFilter.arg(tr("Workspace backups"), tr("All files")));
    if (!path.isEmpty()) {
        restoreFrom(path);
    }
}

QString MainWindow::automaticBackupPath(const QString& workspacePath, const QDateTime& when) {
    return workspacePath + QStringLiteral(".before-restore-") +
           when.toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".json");
}

void MainWindow::restoreFrom(const QString& jsonPath) {
    if (m_restore) {
        return;  // one restore at a time; the progress dialog is already up
    }
    const std::string source = jsonPath.toStdString();
    auto backup = std::make_shared<core::WorkspaceData>();
    try {
        // Parsing checks the whole document before anything is written.
        *backup = core::workspacejson::parse(core::workspacejson::readFile(source), source);
    } catch (const core::ImportError& e) {
        showError(tr("Restore from JSON"),
                  qs(e.what()) + QLatin1Char('\n') + tr("Nothing was changed."));
        return;
    }
    if (m_store->isEmpty()) {
        startRestore(std::move(backup), core::workspacejson::Existing::Refuse, jsonPath);
        return;
    }

    auto* box = new QMessageBox(QMessageBox::Warning, tr("Restore from JSON"),
                                tr("Replace everything in this workspace with the backup?"),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmReplace"));
    box->setInformativeText(
        tr("This workspace already holds records. Restoring %1 replaces all of them with the "
           "backup's %2. A copy of the workspace as it is now is saved next to its file first.")
            .arg(QFileInfo(jsonPath).fileName(),
                 countOf(static_cast<std::int64_t>(backup->recordCount()), tr("record"),
                         tr("records"))));
    QPushButton* replace = box->addButton(tr("Replace everything"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, replace, backup, jsonPath] {
        if (box->clickedButton() != replace) {
            return;
        }
        const QString savedTo = automaticBackupPath(
            qs(m_store->path()),
            QDateTime::fromSecsSinceEpoch(m_clock->now().time_since_epoch().count()));
        try {
            core::workspacejson::writeFile(
                savedTo.toStdString(),
                core::workspacejson::toText(core::workspacejson::read(*m_store)));
        } catch (const std::exception& e) {
            showError(tr("Restore from JSON"),
                      tr("The current workspace could not be saved first, so nothing was "
                         "restored: %1")
                          .arg(qs(e.what())));
            return;
        }
        statusBar()->showMessage(
            tr("Saved the workspace as it was to %1.").arg(QDir::toNativeSeparators(savedTo)),
            kStatusMessageMs);
        startRestore(backup, core::workspacejson::Existing::Replace, jsonPath);
    });
    box->open();
}

void MainWindow::startRestore(std::shared_ptr<core::WorkspaceData> backup,
                              core::workspacejson::Existing existing, const QString& source) {
    const std::size_t records = backup->recordCount();
    if (m_store->path() == ":memory:") {
        // A second connection cannot reach a private in-memory database: restore here. Such a
        // workspace is a scratch one and small.
        try {
            core::workspacejson::restore(*m_store, *backup, existing);
            finishRestore(RestoreTask::Outcome::Restored, {}, source, records);
        } catch (const std::exception& e) {
            finishRestore(RestoreTask::Outcome::Failed, qs(e.what()), source, records);
        }
        return;
    }

    m_restore = new RestoreTask(qs(m_store->path()), std::move(*backup), existing, this);
    auto* progress = new QProgressDialog(
        tr("Restoring %1 from %2…")
            .arg(countOf(static_cast<std::int64_t>(records), tr("record"), tr("records")),
                 QFileInfo(source).fileName()),
        tr("Cancel"), 0, clampToInt(static_cast<qint64>(records)), this);
    progress->setObjectName(QStringLiteral("restoreProgress"));
    progress->setWindowTitle(tr("Restore from JSON"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);  // a small restore finishes before it would flash up
    progress->setAutoReset(false);
    progress->setAutoClose(false);
    progress->setValue(0);
    connect(progress, &QProgressDialog::canceled, m_restore, &RestoreTask::cancel);
    connect(m_restore, &RestoreTask::progressed, progress, [progress](qint64 done, qint64 total) {
        progress->setMaximum(clampToInt(total));
        progress->setValue(clampToInt(done));
    });
    connect(
        m_restore, &RestoreTask::finished, this,
        [this, progress, source, records](RestoreTask::Outcome outcome, const QString& message) {
            // hide(), not close(): closing a progress dialog reports a cancel.
            progress->hide();
            progress->deleteLater();
            finishRestore(outcome, message, source, records);
        });
    setBusy(true);
    // Started from the event loop, once the dialog is set up and its Cancel can be heard.
    QMetaObject::invokeMethod(m_restore, &RestoreTask::start, Qt::QueuedConnection);
}

void MainWindow::finishRestore(RestoreTask::Outcome outcome, const QString& message,
                               const QString& source, std::size_t records) {
    if (m_restore) {
        m_restore->deleteLater();
        m_restore = nullptr;
    }
    setBusy(false);
    switch (outcome) {
        case RestoreTask::Outcome::Restored:
            // The records the undo history points at are gone or different now.
            m_undoStack->clear();
            m_undo->ids().clear();
            // The worker wrote through its own connection, so this store heard nothing; every
            // model and page reads again.
            m_store->announceExternalChange();
            statusBar()->showMessage(
                tr("Restored %1 from %2.")
                    .arg(countOf(static_cast<std::int64_t>(records), tr("record"), tr("records")),
                         QDir::toNativeSeparators(source)),
                kStatusMessageMs);
            break;
        case RestoreTask::Outcome::Cancelled:
            statusBar()->showMessage(message, kStatusMessageMs);
            break;
        case RestoreTask::Outcome::Failed:
            showError(tr("Restore from JSON"),
                      message + QLatin1Char('\n') + tr("Nothing was changed."));
            break;
    }
    emit restoreFinished(outcome);
}

void MainWindow::aboutDialog() {
    QMessageBox::about(
        this, tr("About Rapport"),
        tr("<h3>Rapport %1</h3>"
           "<p>A content planner for people who market through social media by building "
           "relationships: plan value-first posts for a niche, keep up the conversations, and "
           "earn the right to make an offer.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

}  // namespace rapport::ui
