#pragma once

#include <QListWidget>

namespace rapport::ui {

/// A read-only list of records under section headings, two lines per record. Pages rebuild it
/// whole from the store; it keeps the scroll position across a rebuild so a change elsewhere
/// does not throw the reader back to the top.
class RecordList : public QListWidget {
    Q_OBJECT
public:
    explicit RecordList(QWidget* parent = nullptr);

    /// Empties the list, remembering where the reader had scrolled to.
    void beginRebuild();
    /// Scrolls back to where the reader was before beginRebuild().
    void endRebuild();

    /// A heading: level 1 for a section, 2 for a part of one.
    void addSection(const QString& title, int level = 1);
    /// One record: its main line and a quieter line of facts.
    QListWidgetItem* addRecord(const QString& primary, const QString& secondary = {},
                               qlonglong id = 0);
    /// A quiet line saying a section is empty, so an empty list never looks broken.
    void addNote(const QString& text);

    /// The main lines of every record (not headings), in order; for tests and accessibility.
    QStringList recordTexts() const;

private:
    int m_scrollBefore = 0;
};

}  // namespace rapport::ui
