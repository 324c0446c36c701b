#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

#include "core/errors.h"

class QLabel;
class QWidget;

namespace rapport::ui {

/// Shows a form's problems next to the fields they are about. core names the field at fault
/// the way its JSON does ("target", "cadence[1].postsPerWeek"); each field registers under
/// that name with a line under it, and a problem goes to the most specific name registered
/// ("cadence[1]" before "cadence"), or to the form's general line when no field owns it.
class FormErrors : public QObject {
    Q_OBJECT
public:
    explicit FormErrors(QObject* parent = nullptr);

    /// Puts `field` over a hidden error line and registers it as `name`. `subject` starts the
    /// sentence ("The target" + " must differ from the baseline…"); without one the problem is
    /// shown as a sentence of its own. Returns the widget to put in the form.
    QWidget* wrap(const QString& name, QWidget* field, const QString& subject = {});
    /// Registers an error line made elsewhere; `focus` is the field to focus when it shows.
    void add(const QString& name, QLabel* label, QWidget* focus, const QString& subject = {});
    /// The line for problems no field owns.
    void setGeneral(QLabel* label);

    /// Shows the error by its field and focuses that field. Returns the name it went to
    /// (empty for the general line).
    QString show(const core::ValidationError& error);
    /// Shows a sentence of the form's own for a field.
    QString show(const QString& field, const QString& sentence);
    /// Shows every problem core finds in a record, not only the first: `check` throws the
    /// first one; `mend` sets that field, in a copy, to something core accepts (returning false
    /// when it cannot), so the next rule gets its say. Returns true when there was none.
    template <class T, class Check, class Mend>
    bool showAll(T record, Check check, Mend mend) {
        bool clean = true;
        for (int round = 0; round < kMaxProblems; ++round) {
            try {
                check(record);
                return clean;
            } catch (const core::ValidationError& e) {
                show(e);
                clean = false;
                if (!mend(record, e.field())) {
                    return false;
                }
            }
        }
        return false;
    }

    /// Hides every line.
    void clear();

    /// The message showing for a registered name, or empty; for tests and accessibility.
    QString message(const QString& name) const;
    /// The general line's message.
    QString generalMessage() const;
    bool isShowing() const;

    /// An error line: wrapped, in a calm dark red, hidden until there is something to say.
    static QLabel* makeLine(QWidget* parent);

private:
    struct Entry {
        QPointer<QLabel> label;
        QPointer<QWidget> focus;
        QString subject;
    };
    /// The registered name for core's field name, or empty.
    QString owner(const QString& field) const;
    void reveal(QWidget* widget) const;

    static constexpr int kMaxProblems = 8;

    QHash<QString, Entry> m_entries;
    QPointer<QLabel> m_general;
    bool m_focused = false;  // the first problem shown since clear() took the focus
};

}  // namespace rapport::ui
