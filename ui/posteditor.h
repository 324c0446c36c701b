#pragma once

#include <QDialog>

#include <array>
#include <optional>

#include "core/entities.h"
#include "core/store.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace rapport::ui {

class FormErrors;
class RecurrenceEditor;

/// Creates or edits one post with every field of DOMAIN.md: the body's live character count
/// against its channel's limit, the link (http or https only), the status workflow, results
/// once published, the advisor's sentences for this post, the next free slot, and Duplicate.
/// It only collects and checks values; the page turns OK into one undo step.
class PostEditor : public QDialog {
    Q_OBJECT
public:
    PostEditor(core::Store& store, const core::Post& post, const QStringList& flags,
               QWidget* parent = nullptr);

    /// The post as the fields say (id, series and occurrence as given).
    core::Post post() const;
    /// True when the user pressed Duplicate rather than OK.
    bool duplicateRequested() const { return m_duplicate; }
    /// True when the user pressed "Skip this one" on an occurrence of a series.
    bool skipRequested() const { return m_skip; }
    /// The repeat rule as the fields say, starting on the post's day at its time; none when
    /// the post does not repeat (or has no time).
    std::optional<core::Series> rule() const;
    /// True when the user changed the repeat rule the editor opened with.
    bool ruleChanged() const;
    /// "Now" for the next free slot and a new post's default time, tomorrow at 09:00 in the
    /// workspace's zone (the page's clock; the computer's by default).
    void setNow(core::Instant now);

    QLabel* characterCount() const { return m_count; }
    QLineEdit* linkField() const { return m_link; }
    QPlainTextEdit* bodyField() const { return m_body; }
    QComboBox* channelField() const { return m_channel; }
    QComboBox* statusField() const { return m_status; }
    QGroupBox* resultsBox() const { return m_results; }
    RecurrenceEditor* recurrence() const { return m_recurrence; }
    QLabel* advice() const { return m_advice; }
    FormErrors& errors() const { return *m_errors; }

    /// Checks the fields as the store would; shows a problem by its field. True when fine.
    bool check();

    void accept() override;

private:
    void updateCount();
    void updateResults();
    void takeNextFreeSlot();

    core::Store& m_store;
    core::Post m_original;
    std::string m_zone;
    QLineEdit* m_title;
    QPlainTextEdit* m_body;
    QLabel* m_count;
    QComboBox* m_channel;
    QComboBox* m_purpose;
    QComboBox* m_status;
    QCheckBox* m_hasTime;
    QDateTimeEdit* m_when;
    QComboBox* m_campaign;
    QComboBox* m_niche;
    QComboBox* m_goal;
    QLineEdit* m_link;
    QGroupBox* m_results;
    RecurrenceEditor* m_recurrence;
    QLabel* m_advice = nullptr;
    std::optional<core::Instant> m_now;
    std::array<QSpinBox*, 5> m_numbers{};
    FormErrors* m_errors;
    bool m_duplicate = false;
    bool m_skip = false;
};

}  // namespace rapport::ui
