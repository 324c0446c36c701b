#pragma once

#include <QAbstractTableModel>
#include <QDialog>

#include <optional>

#include "core/clock.h"
#include "core/contactimport.h"
#include "ui/contactimporttask.h"

class QComboBox;
class QDialogButtonBox;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QPushButton;
class QTableView;
class QTimer;

namespace rapport::ui {

class ColumnMappingWidget;
class UndoContext;

/// The rows of an import preview: line, what happens to it and why. New and matching rows can
/// be left out with their check box; invalid rows are never imported.
class ImportPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Import, Line, Status, Name, Email, Company, Details, ColumnCount };

    explicit ImportPreviewModel(QObject* parent = nullptr);

    void setPreview(core::ImportPreview preview);
    const core::ImportPreview& preview() const { return m_preview; }
    /// The rows that will be written (accepted and not invalid).
    std::size_t acceptedCount() const;
    /// Accepted rows that add a contact, and accepted matches that fill something in: what
    /// importing changes.
    std::size_t newCount() const;
    std::size_t fillCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// "row 14: Email Address "bob@" is not an email address", as the table says it.
    static QString reasonText(const core::ImportRow& row);

private:
    core::ImportPreview m_preview;
};

/// Importing contacts from a LinkedIn Connections.csv, any CSV (through a column mapping with a
/// live preview) or a vCard file. The file's format is guessed and can be changed; the preview
/// shows what would be new, already here, or invalid (with the reason), and nothing is written
/// until the user imports the rows they accept. Reading and writing run off the GUI thread with
/// a progress bar and Cancel. The import is one undo step: Edit ▸ Undo removes the contacts it
/// added and takes back what it filled in.
class ContactImportDialog : public QDialog {
    Q_OBJECT
public:
    ContactImportDialog(UndoContext& undo, const core::Clock& clock, QWidget* parent = nullptr);
    ~ContactImportDialog() override;

    /// Reads a file and previews it, the format guessed.
    void setFile(const QString& path);
    /// Previews the file again as `format` (the combo box does the same).
    void setFormat(core::ImportFormat format);
    core::ImportFormat format() const;
    /// Writes the accepted rows (the Import button does the same); does nothing when they
    /// would change nothing (the button then says "Nothing new to import").
    void startImport();
    /// Cancels the reading or writing under way (the Cancel button beside the progress bar).
    void cancelWork();

    bool isBusy() const;
    /// The preview as shown; empty before the first one finished.
    const core::ImportPreview& preview() const;
    ImportPreviewModel* previewModel() const { return m_model; }
    ColumnMappingWidget* mappingWidget() const { return m_mapping; }
    /// The Import button, whose text says what importing would do.
    QPushButton* importButton() const { return m_import; }
    /// The problem shown instead of a preview (a broken file), or empty.
    QString problem() const;
    /// The summary line: "12 new · 3 already here · 1 invalid".
    QString summary() const;
    /// What the last import did, once it finished.
    std::optional<core::ImportResult> result() const { return m_result; }

signals:
    void previewReady();
    void previewFailed(const QString& sentence);
    /// After an import was written (Done), cancelled or refused.
    void importFinished(rapport::ui::ContactImportTask::Outcome outcome);

protected:
    void reject() override;

private:
    void chooseFile();
    void requestPreview(bool keepMapping);
    void startPending();
    void onPreviewFinished(ContactImportTask::Outcome outcome);
    void onCommitFinished(ContactImportTask::Outcome outcome);
    void onProgress(qint64 done, qint64 total);
    void setBusy(bool busy, const QString& what);
    void showProblem(const QString& sentence);
    void updateSummary();

    UndoContext& m_undo;
    ContactImportTask* m_task;
    QString m_path;
    std::optional<ContactImportTask::Request> m_pending;
    bool m_committing = false;
    std::optional<core::ImportResult> m_result;

    QLineEdit* m_file;
    QComboBox* m_format;
    QLabel* m_mappingTitle;
    ColumnMappingWidget* m_mapping;
    QTimer* m_mappingDebounce;
    QSplitter* m_splitter;
    QLabel* m_summary;
    QLabel* m_notes;
    QFrame* m_problemFrame;
    QLabel* m_problem;
    ImportPreviewModel* m_model;
    QTableView* m_view;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QPushButton* m_cancelWork;
    QLabel* m_undoNote;
    QDialogButtonBox* m_buttons;
    QPushButton* m_import;
};

}  // namespace rapport::ui
