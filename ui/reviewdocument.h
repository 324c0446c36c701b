#pragma once
// The weekly review as a document (issue 7): goals, the week's posts with their results,
// conversations, follow-ups done and missed, and sequence progress, one section a page, with
// the relationship charts in it. Written as HTML (the charts embedded as PNG data URIs) and as
// an A4 PDF (QTextDocument printed on a QPdfWriter). Needs a QApplication: the charts are Qt
// Charts.

#include <QImage>
#include <QPalette>
#include <QString>
#include <QStringList>

#include "core/weeklyreview.h"

namespace rapport::ui {

class ReviewDocument {
public:
    /// The charts are drawn in `palette`'s colours; the default is a light one, for paper.
    explicit ReviewDocument(core::WeeklyReview review, const QPalette& palette = paperPalette());

    /// The section headings, in order; each section starts a new page.
    static QStringList sectionTitles();
    /// The light palette a printed review uses.
    static QPalette paperPalette();
    /// Rows a table shows before "and N more", so that each section keeps to its page (the
    /// posts' rows are taller, and share the page with a chart).
    static constexpr int kMaxRows = 12;
    static constexpr int kMaxPostRows = 6;

    const core::WeeklyReview& review() const { return m_review; }

    /// The review as a standalone HTML page with the charts as data URIs.
    QString html() const;
    /// Writes html() to `path` (UTF-8). On failure returns false and a sentence naming the file.
    bool writeHtml(const QString& path, QString* error = nullptr) const;
    /// Writes the review as an A4 PDF. On failure returns false and a sentence naming the file.
    bool writePdf(const QString& path, QString* error = nullptr) const;

    /// The charts, as images: contacts by stage, inbound per week, top posts, funnels.
    const QImage& stagesChart() const { return m_charts[0]; }
    const QImage& inboundChart() const { return m_charts[1]; }
    const QImage& topPostsChart() const { return m_charts[2]; }
    const QImage& funnelsChart() const { return m_charts[3]; }

private:
    enum class Images { DataUri, Resources };
    QString body(Images images) const;
    QString image(int chart, Images images, int width) const;

    core::WeeklyReview m_review;
    std::array<QImage, 4> m_charts;
};

/// The weekly review of `week` built from the store and written to `pdfPath` and/or `htmlPath`
/// (an empty path is skipped): what a "Weekly review…" action in the GUI calls. Runs on the GUI
/// thread (the charts are widgets' graphics); the figures take well under a second even for a
/// large workspace. On failure returns false and a sentence naming the file.
bool writeWeeklyReview(core::Store& store, const core::Clock& clock, core::IsoWeek week,
                       const QString& pdfPath, const QString& htmlPath, QString* error = nullptr);

}  // namespace rapport::ui
