#include "ui/contactimportdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include "ui/columnmappingwidget.h"
#include "ui/displaytext.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

const QString kFolderKey = QStringLiteral("contacts/importFolder");
constexpr int kMappingDebounceMs = 250;

QString joinedText(const std::vector<std::string>& parts, const QString& separator) {
    QStringList list;
    for (const auto& p : parts) {
        list << qs(p);
    }
    return list.join(separator);
}

QColor statusColour(core::ImportRowStatus status, const QPalette& pal) {
    switch (status) {
        case core::ImportRowStatus::New:
            return QColor(0x2e, 0x7d, 0x32);
        case core::ImportRowStatus::Match:
            return pal.color(QPalette::PlaceholderText);
        case core::ImportRowStatus::Invalid:
            return QColor(0xc6, 0x28, 0x28);
    }
    return pal.color(QPalette::Text);
}

}  // namespace

// ---- ImportPreviewModel -----------------------------------------------------------------------

ImportPreviewModel::ImportPreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setPreview(core::ImportPreview preview) {
    beginResetModel();
    m_preview = std::move(preview);
    endResetModel();
}

std::size_t ImportPreviewModel::acceptedCount() const {
    return static_cast<std::size_t>(
        std::count_if(m_preview.rows.begin(), m_preview.rows.end(), [](const core::ImportRow& r) {
            return r.accepted && r.status != core::ImportRowStatus::Invalid;
        }));
}

std::size_t ImportPreviewModel::newCount() const {
    return static_cast<std::size_t>(
        std::count_if(m_preview.rows.begin(), m_preview.rows.end(), [](const core::ImportRow& r) {
            return r.accepted && r.status == core::ImportRowStatus::New;
        }));
}

std::size_t ImportPreviewModel::fillCount() const {
    return static_cast<std::size_t>(
        std::count_if(m_preview.rows.begin(), m_preview.rows.end(), [](const core::ImportRow& r) {
            return r.accepted && r.status == core::ImportRowStatus::Match && !r.fills.empty();
        }));
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_preview.rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportPreviewModel::reasonText(const core::ImportRow& row) {
    return tr("row %1: %2").arg(row.line).arg(joinedText(row.problems, QStringLiteral("; ")));
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const auto& row = m_preview.rows[static_cast<std::size_t>(index.row())];
    const bool invalid = row.status == core::ImportRowStatus::Invalid;
    if (role == Qt::CheckStateRole && index.column() == Import) {
        return invalid ? QVariant{} : QVariant{row.accepted ? Qt::Checked : Qt::Unchecked};
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        return statusColour(row.status, QApplication::palette());
    }
    if (role == Qt::ForegroundRole && (invalid || !row.accepted) && index.column() != Details) {
        return QApplication::palette().color(QPalette::PlaceholderText);
    }
    if (role == Qt::ForegroundRole && index.column() == Details && invalid) {
        return statusColour(row.status, QApplication::palette());
    }
    if (role == Qt::ToolTipRole && index.column() == Details) {
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::TextAlignmentRole && index.column() == Line) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
        case Line:
            return static_cast<qulonglong>(row.line);
        case Status:
            switch (row.status) {
                case core::ImportRowStatus::New:
                    return tr("New");
                case core::ImportRowStatus::Match:
                    return row.fills.empty() ? tr("Already here") : tr("Already here, fills in");
                case core::ImportRowStatus::Invalid:
                    return tr("Invalid");
            }
            return {};
        case Name:
            return qs(row.contact.displayName);
        case Email:
            return qs(row.contact.email);
        case Company:
            return qs(row.contact.company);
        case Details: {
            if (invalid) {
                return reasonText(row);
            }
            QStringList parts;
            if (row.status == core::ImportRowStatus::Match) {
                if (row.sameAsRow && *row.sameAsRow < m_preview.rows.size()) {
                    parts << tr("same person as row %1").arg(m_preview.rows[*row.sameAsRow].line);
                } else if (row.matchedBy) {
                    parts << tr("matched by %1").arg(words(*row.matchedBy));
                }
                if (!row.fills.empty()) {
                    parts << tr("adds %1").arg(joinedText(row.fills, QStringLiteral(", ")));
                }
            }
            for (const auto& w : row.warnings) {
                parts << qs(w);
            }
            return parts.join(dot());
        }
        default:
            return {};
    }
}

bool ImportPreviewModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != Import || role != Qt::CheckStateRole) {
        return false;
    }
    auto& row = m_preview.rows[static_cast<std::size_t>(index.row())];
    if (row.status == core::ImportRowStatus::Invalid) {
        return false;
    }
    row.accepted = value.toInt() == Qt::Checked;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags ImportPreviewModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Import &&
        m_preview.rows[static_cast<std::size_t>(index.row())].status !=
            core::ImportRowStatus::Invalid) {
        f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case Import:
            return tr("Import");
        case Line:
            return tr("Row");
        case Status:
            return tr("Status");
        case Name:
            return tr("Name");
        case Email:
            return tr("Email");
        case Company:
            return tr("Company");
        case Details:
            return tr("Details");
        default:
            return {};
    }
}

// ---- ContactImportDialog -----------------------------------------------------------------------

ContactImportDialog::ContactImportDialog(UndoContext& undo, const core::Clock& clock,
                                         QWidget* parent)
    : QDialog(parent),
      m_undo(undo),
      m_task(new ContactImportTask(undo.store(), clock, this)),
      m_file(new QLineEdit(this)),
      m_format(new QComboBox(this)),
      m_mappingTitle(new QLabel(tr("Columns"), this)),
      m_mapping(new ColumnMappingWidget(this)),
      m_mappingDebounce(new QTimer(this)),
      m_splitter(new QSplitter(Qt::Vertical, this)),
      m_summary(new QLabel(this)),
      m_notes(new QLabel(this)),
      m_problemFrame(new QFrame(this)),
      m_problem(new QLabel(m_problemFrame)),
      m_model(new ImportPreviewModel(this)),
      m_view(new QTableView(this)),
      m_progress(new QProgressBar(this)),
      m_progressLabel(new QLabel(this)),
      m_cancelWork(new QPushButton(tr("Cancel"), this)),
      m_undoNote(new QLabel(this)),
      m_buttons(new QDialogButtonBox(this)),
      m_import(nullptr) {
    setObjectName(QStringLiteral("contactImportDialog"));
    setWindowTitle(tr("Import contacts"));
    resize(1040, 700);

    auto* intro =
        new QLabel(tr("Contacts from LinkedIn’s Connections.csv, any CSV file, or a vCard "
                      "file (3.0 or 4.0). Nothing is written until you import the rows "
                      "you accept; people already in the workspace are matched by "
                      "email, handle or name, so importing a file again adds nothing."),
                   this);
    makeHint(intro);

    m_file->setObjectName(QStringLiteral("importFile"));
    m_file->setReadOnly(true);
    m_file->setPlaceholderText(tr("Choose a file to import"));
    auto* choose = new QPushButton(tr("Choose file…"), this);
    choose->setObjectName(QStringLiteral("chooseImportFile"));
    connect(choose, &QPushButton::clicked, this, &ContactImportDialog::chooseFile);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(choose);

    m_format->setObjectName(QStringLiteral("importFormat"));
    m_format->addItem(tr("LinkedIn connections (Connections.csv)"),
                      static_cast<int>(core::ImportFormat::LinkedIn));
    m_format->addItem(tr("CSV, columns chosen below"), static_cast<int>(core::ImportFormat::Csv));
    m_format->addItem(tr("vCard (3.0 or 4.0)"), static_cast<int>(core::ImportFormat::VCard));
    m_format->setEnabled(false);
    connect(m_format, &QComboBox::activated, this, [this] { requestPreview(false); });

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Format:"), m_format);

    makeHeading(m_mappingTitle);
    m_mappingDebounce->setSingleShot(true);
    m_mappingDebounce->setInterval(kMappingDebounceMs);
    connect(m_mapping, &ColumnMappingWidget::mappingChanged, m_mappingDebounce,
            qOverload<>(&QTimer::start));
    connect(m_mappingDebounce, &QTimer::timeout, this, [this] { requestPreview(true); });
    auto* mappingBox = new QWidget(this);
    auto* mappingLayout = new QVBoxLayout(mappingBox);
    mappingLayout->setContentsMargins(0, 0, 0, 0);
    mappingLayout->addWidget(m_mappingTitle);
    mappingLayout->addWidget(m_mapping);
    m_mappingTitle->setVisible(false);
    m_mapping->setVisible(false);

    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setTextFormat(Qt::RichText);
    makeHeading(m_summary, 1.0);
    m_notes->setObjectName(QStringLiteral("importNotes"));
    m_notes->setWordWrap(true);
    makeHint(m_notes);

    m_problemFrame->setObjectName(QStringLiteral("importProblem"));
    styleNote(m_problemFrame, NoteTone::Caution);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* problemLayout = new QVBoxLayout(m_problemFrame);
    problemLayout->setContentsMargins(12, 8, 12, 8);
    problemLayout->addWidget(m_problem);
    m_problemFrame->setVisible(false);

    m_view->setObjectName(QStringLiteral("importPreview"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView* header = m_view->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ImportPreviewModel::Import, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ImportPreviewModel::Line, QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    header->resizeSection(ImportPreviewModel::Status, 140);
    header->resizeSection(ImportPreviewModel::Name, 140);
    header->resizeSection(ImportPreviewModel::Email, 170);
    header->resizeSection(ImportPreviewModel::Company, 130);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ContactImportDialog::updateSummary);

    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_cancelWork->setObjectName(QStringLiteral("cancelImportWork"));
    connect(m_cancelWork, &QPushButton::clicked, this, &ContactImportDialog::cancelWork);
    makeHint(m_progressLabel);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelWork);
    m_progress->setVisible(false);
    m_progressLabel->setVisible(false);
    m_cancelWork->setVisible(false);

    m_undoNote->setText(
        tr("Edit ▸ Undo takes an import back: it removes the contacts it added "
           "and the details it filled in."));
    makeHint(m_undoNote);

    m_import = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importAccepted"));
    m_import->setEnabled(false);
    m_import->setDefault(true);
    QPushButton* close = m_buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeImport"));
    disconnect(m_buttons, nullptr, this, nullptr);
    connect(m_import, &QPushButton::clicked, this, &ContactImportDialog::startImport);
    connect(close, &QPushButton::clicked, this, &ContactImportDialog::reject);

    auto* previewBox = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_summary);
    previewLayout->addWidget(m_notes);
    previewLayout->addWidget(m_problemFrame);
    previewLayout->addWidget(m_view, 1);

    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(mappingBox);
    m_splitter->addWidget(previewBox);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setHandleWidth(0);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(progressRow);
    layout->addWidget(m_undoNote);
    layout->addWidget(m_buttons);

    connect(m_task, &ContactImportTask::progressed, this, &ContactImportDialog::onProgress);
    connect(m_task, &ContactImportTask::previewFinished, this,
            &ContactImportDialog::onPreviewFinished);
    connect(m_task, &ContactImportTask::commitFinished, this,
            &ContactImportDialog::onCommitFinished);
    updateSummary();
}

ContactImportDialog::~ContactImportDialog() = default;

void ContactImportDialog::chooseFile() {
    QSettings settings;
    const QString folder = settings.value(kFolderKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import contacts"), folder,
        tr("Contacts (*.csv *.vcf *.vcard);;CSV files (*.csv);;vCard files (*.vcf *.vcard);;All "
           "files (*)"));
    if (path.isEmpty()) {
        return;
    }
    settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
    setFile(path);
}

void ContactImportDialog::setFile(const QString& path) {
    m_path = path;
    m_file->setText(QDir::toNativeSeparators(path));
    m_pending = ContactImportTask::Request{path.toStdString(), std::nullopt, std::nullopt};
    startPending();
}

void ContactImportDialog::setFormat(core::ImportFormat format) {
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
    requestPreview(false);
}

core::ImportFormat ContactImportDialog::format() const {
    return static_cast<core::ImportFormat>(m_format->currentData().toInt());
}

void ContactImportDialog::requestPreview(bool keepMapping) {
    if (m_path.isEmpty() || m_committing) {
        return;
    }
    ContactImportTask::Request request{m_path.toStdString(), format(), std::nullopt};
    if (keepMapping && format() != core::ImportFormat::VCard) {
        request.mapping = m_mapping->mapping();
    }
    m_pending = std::move(request);
    startPending();
}

void ContactImportDialog::startPending() {
    if (!m_pending) {
        return;
    }
    if (m_task->isRunning()) {
        // The newer request wins; it starts when the running one has stopped.
        m_task->cancel();
        return;
    }
    auto request = std::move(*m_pending);
    m_pending.reset();
    setBusy(true, tr("Reading %1…").arg(QFileInfo(m_path).fileName()));
    m_task->startPreview(std::move(request));
}

void ContactImportDialog::onPreviewFinished(ContactImportTask::Outcome outcome) {
    setBusy(false, {});
    if (m_pending) {
        startPending();
        return;
    }
    const auto& r = m_task->previewResult();
    m_format->setEnabled(true);
    if (outcome == ContactImportTask::Outcome::Cancelled) {
        showProblem(tr("Reading %1 was cancelled; nothing was written.")
                        .arg(QDir::toNativeSeparators(m_path)));
        m_model->setPreview({});
        updateSummary();
        emit previewFailed(m_problem->text());
        return;
    }
    {
        const QSignalBlocker block(m_format);
        if (outcome == ContactImportTask::Outcome::Done || !r.header.empty()) {
            m_format->setCurrentIndex(m_format->findData(static_cast<int>(r.format)));
        }
    }
    // LinkedIn's columns are known; choosing them is for other CSV files (or a LinkedIn
    // file read as plain CSV, when its columns were renamed).
    const bool csv = !r.header.empty() && (r.format == core::ImportFormat::Csv ||
                                           outcome == ContactImportTask::Outcome::Failed);
    if (csv) {
        const QSignalBlocker block(m_mapping);
        m_mapping->setColumns(r.header, r.samples, r.mapping);
    }
    m_mapping->setVisible(csv);
    m_mappingTitle->setVisible(csv);
    m_mappingTitle->setText(tr("Columns: choose what each one is"));
    // Without columns to choose there is nothing to drag.
    m_splitter->setHandleWidth(csv ? 8 : 0);
    if (csv) {
        m_splitter->setSizes({230, 420});
    }
    if (outcome == ContactImportTask::Outcome::Failed) {
        showProblem(r.message + (csv ? QStringLiteral(" ") + tr("Choose the columns above.")
                                     : tr(" Nothing was written.")));
        m_model->setPreview({});
        updateSummary();
        emit previewFailed(r.message);
        return;
    }
    m_problemFrame->setVisible(false);
    m_problem->clear();
    m_model->setPreview(r.preview);
    updateSummary();
    emit previewReady();
}

void ContactImportDialog::startImport() {
    if (m_task->isRunning() || m_model->newCount() + m_model->fillCount() == 0) {
        return;
    }
    m_committing = true;
    m_pending.reset();
    setBusy(true, tr("Importing…"));
    m_task->startCommit(m_model->preview());
}

void ContactImportDialog::onCommitFinished(ContactImportTask::Outcome outcome) {
    m_committing = false;
    setBusy(false, {});
    const auto& r = m_task->commitResult();
    if (outcome == ContactImportTask::Outcome::Done) {
        m_result = r.result;
        const QString text = tr("Import %1 from %2")
                                 .arg(countOf(static_cast<std::int64_t>(r.result.added),
                                              tr("contact"), tr("contacts")),
                                      QFileInfo(m_path).fileName());
        if (!r.added.empty() || !r.updatedAfter.empty()) {
            auto command = std::make_unique<ImportContactsCommand>(m_undo, r, text);
            m_undo.stack()->push(command.release());
        }
        emit importFinished(outcome);
        accept();
        return;
    }
    showProblem(outcome == ContactImportTask::Outcome::Cancelled
                    ? tr("The import was cancelled; nothing was written.")
                    : r.message + tr(" Nothing was written."));
    emit importFinished(outcome);
    // The workspace may have changed meanwhile; judge the file again.
    requestPreview(true);
}

void ContactImportDialog::cancelWork() {
    m_pending.reset();
    m_task->cancel();
}

bool ContactImportDialog::isBusy() const {
    return m_task->isRunning();
}

const core::ImportPreview& ContactImportDialog::preview() const {
    return m_model->preview();
}

QString ContactImportDialog::problem() const {
    return m_problemFrame->isHidden() ? QString{} : m_problem->text();
}

QString ContactImportDialog::summary() const {
    return m_summary->text();
}

void ContactImportDialog::reject() {
    if (m_task->isRunning()) {
        cancelWork();
        if (m_committing) {
            // The rollback finishes first; the dialog stays until it has.
            return;
        }
    }
    QDialog::reject();
}

void ContactImportDialog::onProgress(qint64 done, qint64 total) {
    m_progress->setMaximum(total > 0 ? static_cast<int>(total) : 0);
    m_progress->setValue(static_cast<int>(done));
}

void ContactImportDialog::setBusy(bool busy, const QString& what) {
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    m_cancelWork->setVisible(busy);
    m_progressLabel->setText(what);
    if (busy) {
        m_progress->setRange(0, 0);
    }
    m_import->setEnabled(!busy && m_model->newCount() + m_model->fillCount() > 0);
    m_format->setEnabled(!busy && !m_path.isEmpty());
    m_mapping->setEnabled(!m_committing);
    m_view->setEnabled(!busy);
}

void ContactImportDialog::showProblem(const QString& sentence) {
    m_problem->setText(sentence);
    m_problemFrame->setVisible(true);
}

void ContactImportDialog::updateSummary() {
    const auto& p = m_model->preview();
    if (p.rows.empty()) {
        m_summary->setText(m_path.isEmpty() ? tr("No file chosen yet.") : QString{});
        m_notes->setVisible(false);
        m_import->setEnabled(false);
        m_import->setText(tr("Import"));
        return;
    }
    const auto n = [&](core::ImportRowStatus s) { return static_cast<int>(p.count(s)); };
    const QString invalid = n(core::ImportRowStatus::Invalid) > 0
                                ? QStringLiteral("<span style='color:#c62828'>%1</span>")
                                      .arg(tr("%1 invalid").arg(n(core::ImportRowStatus::Invalid)))
                                : tr("%1 invalid").arg(0);
    m_summary->setText(tr("%1 new%2%3 already in the workspace%2%4")
                           .arg(n(core::ImportRowStatus::New))
                           .arg(dot())
                           .arg(n(core::ImportRowStatus::Match))
                           .arg(invalid));
    QStringList notes;
    for (const auto& note : p.notes) {
        notes << qs(note);
    }
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    const auto added = static_cast<std::int64_t>(m_model->newCount());
    const auto filled = static_cast<std::int64_t>(m_model->fillCount());
    if (added > 0 && filled > 0) {
        m_import->setText(tr("Import %1, fill in %2")
                              .arg(countOf(added, tr("new contact"), tr("new contacts")))
                              .arg(filled));
    } else if (added > 0) {
        m_import->setText(tr("Import %1").arg(countOf(added, tr("contact"), tr("contacts"))));
    } else if (filled > 0) {
        m_import->setText(tr("Fill in %1").arg(countOf(filled, tr("contact"), tr("contacts"))));
    } else {
        m_import->setText(tr("Nothing new to import"));
    }
    m_import->setEnabled(added + filled > 0 && !m_task->isRunning());
    m_import->setMinimumWidth(m_import->sizeHint().width());
}

}  // namespace rapport::ui
