#pragma once

#include <QMainWindow>

#include <memory>

#include "core/clock.h"
#include "core/store.h"
#include "core/workspacejson.h"
#include "ui/newworkspacedialog.h"
#include "ui/restoretask.h"

class QDateTime;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QUndoStack;

namespace rapport::ui {

class FollowUpTray;
class Page;
class UndoContext;

/// The one window: navigation on the left, the pages of the open workspace on the right, the
/// File menu that creates, opens, backs up and restores workspaces, the Edit menu's undo and
/// redo of every edit made on the pages, and the workspace's path and time zone in the status
/// bar. One window shows one workspace; opening another replaces it (and forgets the undo
/// history, which belonged to the other file).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// The pages, in navigation order.
    enum PageIndex : int {
        Dashboard,
        GoalsAndNiches,
        Calendar,
        Relationships,
        Sequences,
        Ideas,
        PageCount
    };

    explicit MainWindow(std::unique_ptr<core::Store> store, QWidget* parent = nullptr);
    /// With the clock that says what "today" is for the pages (goal progress, the wizard's
    /// first day); it must outlive the window.
    MainWindow(std::unique_ptr<core::Store> store, const core::Clock& clock,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    core::Store& store() const { return *m_store; }
    /// Shows another workspace in this window; the current one is closed.
    void setStore(std::unique_ptr<core::Store> store);

    /// The one undo stack of the window; cleared when another workspace is opened or restored.
    QUndoStack* undoStack() const { return m_undoStack; }
    /// Where pages send their edits.
    UndoContext& undoContext() const { return *m_undo; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    /// The Contacts menu (import, duplicates, export) of the open workspace.
    QMenu* contactsMenu() const { return m_contactsMenu; }
    /// The tray icon's follow-up count; it exists (without an icon) when there is no tray.
    FollowUpTray* followUpTray() const { return m_tray; }

    QListWidget* navigation() const { return m_navigation; }
    Page* page(int index) const;
    int currentPage() const;
    void setCurrentPage(int index);

    // The File menu's work after its file dialog, so it can also be driven directly. Problems
    // are shown to the user as a sentence in a window-modal message box, and leave the current
    // workspace as it was.

    /// Opens an existing workspace (or makes an empty one) in place of the current one.
    bool openWorkspace(const QString& path);
    /// Makes a new workspace file, empty or with the demo campaign, and shows it.
    bool createWorkspace(const QString& path, NewWorkspaceDialog::Content content);
    /// Writes the whole workspace as a JSON document.
    bool backUpTo(const QString& jsonPath);
    /// Restores a JSON backup. Asks before replacing a workspace that holds records, and then
    /// first saves it next to its file (automaticBackupPath). The restore runs off the GUI
    /// thread behind a progress dialog that can cancel; restoreFinished() tells the end.
    void restoreFrom(const QString& jsonPath);
    /// The restore running now, or null.
    RestoreTask* restoreInProgress() const { return m_restore; }

    /// `<workspace file>.before-restore-YYYYMMDD-HHMMSS.json`, in local time.
    static QString automaticBackupPath(const QString& workspacePath, const QDateTime& when);

signals:
    /// Once, after the window was first painted (the startup probe waits for it).
    void firstPainted();
    /// After setStore(): pages were rebuilt for the new workspace.
    void storeReplaced();
    void restoreFinished(rapport::ui::RestoreTask::Outcome outcome);

protected:
    void closeEvent(QCloseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void buildMenus();
    void updateUndoActions();
    void buildPages();
    void updateWorkspaceStatus();
    void setBusy(bool busy);
    void showError(const QString& title, const QString& sentence);
    QString dialogFolder() const;
    void saveSettings() const;
    void restoreSettings();

    void newWorkspaceDialog();
    void openDialog();
    void backUpDialog();
    void restoreDialog();
    void aboutDialog();

    void startRestore(std::shared_ptr<core::WorkspaceData> backup,
                      core::workspacejson::Existing existing, const QString& source);
    void finishRestore(RestoreTask::Outcome outcome, const QString& message, const QString& source,
                       std::size_t records);

    const core::Clock* m_clock;
    std::unique_ptr<core::Store> m_store;
    QUndoStack* m_undoStack;
    std::unique_ptr<UndoContext> m_undo;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    bool m_busy = false;
    core::Subscription m_workspaceSubscription;
    QListWidget* m_navigation;
    QStackedWidget* m_stack;
    QLabel* m_pathLabel;
    QLabel* m_workspaceLabel;
    QList<QAction*> m_storeActions;  // disabled while a restore owns the file
    RestoreTask* m_restore = nullptr;
    QMenu* m_contactsMenu = nullptr;
    FollowUpTray* m_tray = nullptr;
    bool m_painted = false;
};

}  // namespace rapport::ui
