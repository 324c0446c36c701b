#include "ui/reviewdocument.h"

#include <QBuffer>
#include <QChart>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <cmath>
#include <memory>

#include "core/timeutil.h"
#include "ui/displaytext.h"
#include "ui/funnelchart.h"
#include "ui/relationshipcharts.h"

namespace rapport::ui {

namespace {

// Chart images: logical size in the document, rendered at twice that for print.
constexpr QSize kChartSize{760, 280};       // a chart across the page
constexpr QSize kShortChartSize{760, 240};  // two of them on a page with a table
constexpr int kPageWidth = 720;  // the PDF's layout width; print() scales it to A4 less margins
constexpr int kPdfWidth = 700;   // a chart's width in those units
constexpr int kHtmlWidth = 760;  // in CSS pixels

const char* const kChartNames[] = {"stages.png", "inbound.png", "top-posts.png", "funnels.png"};

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}
QString esc(const std::string& text) {
    return qs(text).toHtmlEscaped();
}

// 6.0416 reads "6", 2.5 reads "2.5": one decimal at most.
QString amount(double v) {
    const double rounded = std::round(v * 10) / 10;
    return QLocale{}.toString(rounded, 'f', QLocale::FloatingPointShortest);
}

QString percent(double share) {
    return QStringLiteral("%1%").arg(static_cast<int>(std::lround(share * 100)));
}

QString shortDate(core::Date day) {
    return QLocale{}.toString(toQDate(day), QStringLiteral("ddd d MMM"));
}

const QString kQuiet = QStringLiteral("#6b7280");
const QString kRule = QStringLiteral("#d9dde3");
const QString kHead = QStringLiteral("#f1f3f6");
const QString kGood = QStringLiteral("#2e7d4f");
const QString kBehind = QStringLiteral("#b45309");

// A table with a header row; `align` per column: 'l' or 'r'.
class Table {
public:
    /// `widths`: per column, a percentage of the table's width (0: let the layout decide).
    Table(const QStringList& headers, const QString& align, const QList<int>& widths = {})
        : m_align(align) {
        m_html = QStringLiteral(
            "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" "
            "style=\"border-collapse: collapse; margin-top: 6px; margin-bottom: 10px;\">"
            "<tr>");
        for (int i = 0; i < headers.size(); ++i) {
            m_html += QStringLiteral(
                          "<th align=\"%1\" bgcolor=\"%2\"%6 style=\"background-color: %2; "
                          "color: %3; font-weight: 600; font-size: small; border-bottom: 1px "
                          "solid %4;\">%5</th>")
                          .arg(alignOf(i), kHead, kQuiet, kRule, esc(headers[i]),
                               i < widths.size() && widths[i] > 0
                                   ? QStringLiteral(" width=\"%1%\"").arg(widths[i])
                                   : QString{});
        }
        m_html += QStringLiteral("</tr>");
    }
    void row(const QStringList& cells, bool strong = false) {
        m_html += QStringLiteral("<tr>");
        for (int i = 0; i < cells.size(); ++i) {
            m_html +=
                QStringLiteral(
                    "<td align=\"%1\" valign=\"top\" style=\"border-bottom: 1px solid %2;%3\">"
                    "%4</td>")
                    .arg(alignOf(i), kRule,
                         strong ? QStringLiteral(" font-weight: 600;") : QString{}, cells[i]);
        }
        m_html += QStringLiteral("</tr>");
        ++m_rows;
    }
    int rows() const { return m_rows; }
    QString html() const { return m_html + QStringLiteral("</table>"); }

private:
    QString alignOf(int i) const {
        return i < m_align.size() && m_align[i] == QLatin1Char('r') ? QStringLiteral("right")
                                                                    : QStringLiteral("left");
    }
    QString m_align;
    QString m_html;
    int m_rows = 0;
};

QString quiet(const QString& text) {
    return QStringLiteral("<span style=\"color: %1;\">%2</span>").arg(kQuiet, text);
}

QString paragraph(const QString& html) {
    return QStringLiteral("<p style=\"margin-top: 4px; margin-bottom: 8px;\">%1</p>").arg(html);
}

QString more(int shown, std::size_t total) {
    if (total <= static_cast<std::size_t>(shown)) {
        return {};
    }
    return paragraph(
        quiet(QObject::tr("…and %1 more.").arg(total - static_cast<std::size_t>(shown))));
}

QString heading(const QString& title, bool newPage) {
    return QStringLiteral(
               "<h2 style=\"%1font-size: x-large; font-weight: 600; margin-top: %3px; "
               "margin-bottom: 4px;\">%2</h2>")
        .arg(newPage ? QStringLiteral("page-break-before: always; ") : QString{}, esc(title))
        .arg(newPage ? 0 : 18);
}

// A progress bar as a one-row table: filled and empty parts.
QString bar(double share, const QString& colour) {
    const int filled = std::clamp(static_cast<int>(std::lround(share * 100)), 0, 100);
    QString cells;
    if (filled > 0) {
        cells += QStringLiteral(
                     "<td width=\"%1%\" bgcolor=\"%2\" style=\"background-color: %2;\">"
                     "&nbsp;</td>")
                     .arg(filled)
                     .arg(colour);
    }
    if (filled < 100) {
        cells += QStringLiteral(
                     "<td width=\"%1%\" bgcolor=\"%2\" style=\"background-color: %2;\">"
                     "&nbsp;</td>")
                     .arg(100 - filled)
                     .arg(kRule);
    }
    return QStringLiteral(
               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"font-size: 4pt; "
               "margin-top: 3px;\"><tr>%1</tr></table>")
        .arg(cells);
}

QString metricWords(core::MetricKind m) {
    switch (m) {
        case core::MetricKind::Relationships:
            return QObject::tr("relationships");
        case core::MetricKind::Conversations:
            return QObject::tr("inbound conversations");
        case core::MetricKind::Conversions:
            return QObject::tr("customers won");
        case core::MetricKind::Engagement:
            return QObject::tr("comments, replies and shares");
        case core::MetricKind::AudienceSize:
            return QObject::tr("audience size");
        case core::MetricKind::Custom:
            return QObject::tr("custom measure");
    }
    return {};
}

}  // namespace

ReviewDocument::ReviewDocument(core::WeeklyReview review, const QPalette& palette)
    : m_review(std::move(review)) {
    const auto& rel = m_review.relationships;
    const std::array<std::unique_ptr<QChart>, 4> charts = {
        std::unique_ptr<QChart>(makeStagesChart(rel.stages, palette)),
        std::unique_ptr<QChart>(makeInboundChart(rel.inbound, palette)),
        std::unique_ptr<QChart>(makeTopPostsChart(rel.topPosts, palette)),
        std::unique_ptr<QChart>(makeFunnelsChart(rel.funnels, palette))};
    for (std::size_t i = 0; i < charts.size(); ++i) {
        // Contacts by stage and inbound per week share the conversations' page: shorter.
        m_charts[i] = renderChart(charts[i].get(), i < 2 ? kShortChartSize : kChartSize);
    }
}

QStringList ReviewDocument::sectionTitles() {
    return {QObject::tr("Goals"), QObject::tr("Posts and results"), QObject::tr("Conversations"),
            QObject::tr("Follow-ups"), QObject::tr("Sequence progress")};
}

QPalette ReviewDocument::paperPalette() {
    QPalette p;
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::Text, QColor(0x1f, 0x29, 0x37));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x29, 0x37));
    return p;
}

QString ReviewDocument::image(int chart, Images images, int width) const {
    const auto& img = m_charts[static_cast<std::size_t>(chart)];
    QString src;
    if (images == Images::Resources) {
        src = QString::fromLatin1(kChartNames[chart]);
    } else {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        img.save(&buffer, "PNG");
        src = QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
    }
    const int height = width * img.height() / img.width();
    return QStringLiteral(
               "<p style=\"margin-top: 10px; margin-bottom: 6px;\"><img src=\"%1\" width=\"%2\" "
               "height=\"%3\" alt=\"%4\"></p>")
        .arg(src)
        .arg(width)
        .arg(height)
        .arg(QString::fromLatin1(kChartNames[chart]).section(QLatin1Char('.'), 0, 0));
}

QString ReviewDocument::body(Images images) const {
    const auto& r = m_review;
    const int chartWidth = images == Images::Resources ? kPdfWidth : kHtmlWidth;
    const auto titles = sectionTitles();
    QString h;

    // ---- Goals (the cover page) ---------------------------------------------------------------
    h += QStringLiteral(
             "<h1 style=\"font-size: xx-large; font-weight: 700; margin-bottom: 2px;\">%1</h1>")
             .arg(esc(QObject::tr("Weekly review %1").arg(qs(r.week.text()))));
    h += paragraph(
        quiet(esc(QObject::tr("%1 · %2 to %3")
                      .arg(r.workspaceName.empty() ? QObject::tr("Rapport") : qs(r.workspaceName),
                           formatLongDate(r.from), formatLongDate(r.to)))));
    h += paragraph(esc(QObject::tr("%1 · %2 in, %3 out · %4 done, %5 missed")
                           .arg(countOf(static_cast<std::int64_t>(r.posts.size()),
                                        QObject::tr("post"), QObject::tr("posts")))
                           .arg(r.inbound)
                           .arg(r.outbound)
                           .arg(countOf(static_cast<std::int64_t>(r.followUpsDone.size()),
                                        QObject::tr("follow-up"), QObject::tr("follow-ups")))
                           .arg(r.followUpsMissed.size())));
    h += heading(titles[0], false);
    h += paragraph(
        quiet(esc(QObject::tr("Where each goal stood on %1.").arg(formatLongDate(r.asOf)))));
    if (r.goals.empty()) {
        h += paragraph(esc(QObject::tr("No goals yet. A goal gives the week a direction.")));
    } else {
        Table t({QObject::tr("Goal"), QObject::tr("Progress"), QObject::tr("Pace"),
                 QObject::tr("Forecast")},
                QStringLiteral("llll"), {34, 28, 19, 19});
        for (const auto& card : r.goals) {
            const auto& g = card.goal;
            const auto& rep = card.report;
            const QString colour = rep.onTrack ? kGood : kBehind;
            QString pace = !rep.started  ? QObject::tr("Not started")
                           : rep.ended   ? QObject::tr("Ended")
                           : rep.onTrack ? QObject::tr("On track")
                                         : QObject::tr("Behind");
            if (g.status == core::GoalStatus::Achieved) {
                pace = QObject::tr("Achieved");
            }
            t.row(
                {QStringLiteral("<b>%1</b><br>%2")
                     .arg(esc(g.title),
                          quiet(esc(QObject::tr("%1 by %2")
                                        .arg(metricWords(g.metric), formatDate(g.deadline))))),
                 QStringLiteral("%1 of %2 · %3%4")
                     .arg(amount(rep.current), amount(g.target), percent(rep.progress),
                          bar(rep.progress, colour)),
                 QStringLiteral("<span style=\"color: %1; font-weight: 600;\">%2</span><br>%3")
                     .arg(colour, esc(pace),
                          quiet(esc(QObject::tr("%1 of the time gone").arg(percent(rep.elapsed))))),
                 rep.forecast
                     ? esc(QObject::tr("%1 by %2")
                               .arg(amount(std::round(*rep.forecast)), formatDate(g.deadline)))
                     : quiet(QStringLiteral("—"))});
        }
        h += t.html();
    }

    // ---- Posts and results ----------------------------------------------------------------------
    h += heading(titles[1], true);
    h += paragraph(quiet(esc(
        QObject::tr("%1 this week: %2 comments, %3 replies, %4 shares, %5 clicks, %6 conversions.")
            .arg(countOf(static_cast<std::int64_t>(r.posts.size()), QObject::tr("post"),
                         QObject::tr("posts")))
            .arg(r.totals.comments)
            .arg(r.totals.replies)
            .arg(r.totals.shares)
            .arg(r.totals.clicks)
            .arg(r.totals.conversions))));
    if (r.posts.empty()) {
        h += paragraph(esc(QObject::tr("No posts this week.")));
    } else {
        Table t({QObject::tr("Day"), QObject::tr("Post"), QObject::tr("Status"),
                 QObject::tr("Results"), QObject::tr("Talks")},
                QStringLiteral("llllr"), {12, 40, 15, 25, 8});
        const auto results = [](const core::PostResults& res) {
            QStringList parts;
            const auto add = [&](int n, const QString& one, const QString& many) {
                if (n > 0) {
                    parts << countOf(n, one, many);
                }
            };
            add(res.comments, QObject::tr("comment"), QObject::tr("comments"));
            add(res.replies, QObject::tr("reply"), QObject::tr("replies"));
            add(res.shares, QObject::tr("share"), QObject::tr("shares"));
            add(res.clicks, QObject::tr("click"), QObject::tr("clicks"));
            add(res.conversions, QObject::tr("conversion"), QObject::tr("conversions"));
            return parts.isEmpty() ? quiet(QStringLiteral("—")) : esc(parts.join(dot()));
        };
        for (const auto& p : r.posts) {
            if (t.rows() >= kMaxPostRows) {
                break;
            }
            const auto& post = p.post;
            QStringList where{qs(p.channelName), words(post.purpose)};
            if (!p.nicheName.empty()) {
                where << qs(p.nicheName);
            }
            t.row({esc(shortDate(core::localDate(*post.scheduledAt, r.timeZone))),
                   QStringLiteral("<b>%1</b><br>%2")
                       .arg(esc(post.title), quiet(esc(where.join(dot())))),
                   esc(capitalized(words(post.status))), results(post.results),
                   QString::number(p.conversations)});
        }
        t.row({QString{}, esc(QObject::tr("Total")), QString{}, results(r.totals), QString{}},
              true);
        h += t.html();
        h += more(kMaxPostRows, r.posts.size());
        h += paragraph(quiet(esc(QObject::tr(
            "Talks: inbound interactions linked to the post, the conversations it started."))));
    }
    h += image(2, images, chartWidth);

    // ---- Conversations --------------------------------------------------------------------------
    h += heading(titles[2], true);
    h +=
        paragraph(quiet(esc(QObject::tr("%1 inbound and %2 outbound interactions; %3 wrote to you.")
                                .arg(r.inbound)
                                .arg(r.outbound)
                                .arg(countOf(static_cast<std::int64_t>(r.conversations.size()),
                                             QObject::tr("person"), QObject::tr("people"))))));
    if (!r.conversations.empty()) {
        Table t({QObject::tr("Contact"), QObject::tr("Stage"), QObject::tr("In"),
                 QObject::tr("Out"), QObject::tr("Last")},
                QStringLiteral("llrrl"), {40, 20, 10, 10, 20});
        for (const auto& c : r.conversations) {
            if (t.rows() >= kMaxRows) {
                break;
            }
            t.row({esc(c.displayName), esc(capitalized(words(c.stage))), QString::number(c.inbound),
                   QString::number(c.outbound),
                   esc(shortDate(core::localDate(c.last, r.timeZone)))});
        }
        h += t.html();
        h += more(kMaxRows, r.conversations.size());
    }
    h += image(1, images, chartWidth);
    h += image(0, images, chartWidth);

    // ---- Follow-ups -----------------------------------------------------------------------------
    h += heading(titles[3], true);
    h += QStringLiteral("<h3 style=\"font-size: large; margin-bottom: 2px;\">%1</h3>")
             .arg(esc(QObject::tr("Done (%1)").arg(r.followUpsDone.size())));
    if (r.followUpsDone.empty()) {
        h += paragraph(quiet(esc(QObject::tr("No follow-ups logged this week."))));
    } else {
        Table t(
            {QObject::tr("Day"), QObject::tr("Contact"), QObject::tr("What"), QObject::tr("Note")},
            QStringLiteral("llll"), {15, 30, 20, 35});
        for (const auto& d : r.followUpsDone) {
            if (t.rows() >= kMaxRows) {
                break;
            }
            t.row({esc(shortDate(d.on)), esc(d.displayName), esc(capitalized(words(d.kind))),
                   esc(d.note)});
        }
        h += t.html();
        h += more(kMaxRows, r.followUpsDone.size());
    }
    h += QStringLiteral("<h3 style=\"font-size: large; margin-bottom: 2px;\">%1</h3>")
             .arg(esc(QObject::tr("Missed (%1)").arg(r.followUpsMissed.size())));
    h += paragraph(
        quiet(esc(QObject::tr("Still overdue at the end of the week, as the queue stands now."))));
    if (r.followUpsMissed.empty()) {
        h += paragraph(esc(QObject::tr("Nobody was left waiting.")));
    } else {
        Table t({QObject::tr("Due"), QObject::tr("Contact"), QObject::tr("Why")},
                QStringLiteral("lll"), {15, 30, 55});
        for (const auto& m : r.followUpsMissed) {
            if (t.rows() >= kMaxRows) {
                break;
            }
            t.row({esc(shortDate(m.due)), esc(m.displayName), esc(m.reason)});
        }
        h += t.html();
        h += more(kMaxRows, r.followUpsMissed.size());
    }

    // ---- Sequence progress ----------------------------------------------------------------------
    h += heading(titles[4], true);
    if (r.sequences.empty()) {
        h += paragraph(esc(QObject::tr("No sequences yet.")));
    } else {
        Table t({QObject::tr("Sequence"), QObject::tr("Enrolled"), QObject::tr("Steps done"),
                 QObject::tr("Skipped"), QObject::tr("Funnel now")},
                QStringLiteral("lrrrl"), {30, 10, 11, 10, 39});
        for (const auto& s : r.sequences) {
            QStringList funnel;
            for (int i = 0; i < core::Funnel::kStages; ++i) {
                funnel << QStringLiteral("%1 %2")
                              .arg(s.funnel.at(i))
                              .arg(FunnelChart::stageName(i).toLower());
            }
            t.row({QStringLiteral("<b>%1</b>").arg(esc(s.funnel.sequenceName)),
                   QString::number(s.enrolled), QString::number(s.stepsDone),
                   QString::number(s.stepsSkipped), esc(funnel.join(QStringLiteral(" → ")))});
        }
        h += t.html();
        h += paragraph(quiet(esc(QObject::tr(
            "Enrolled, steps done and skipped: this week. Funnel: every enrollment so far."))));
    }
    h += image(3, images, chartWidth);
    return h;
}

QString ReviewDocument::html() const {
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
               "<title>%1</title><style>\n"
               "body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; "
               "color: #1f2937; max-width: 820px; margin: 32px auto; padding: 0 24px; "
               "line-height: 1.4; }\n"
               "h2 { border-top: 1px solid #d9dde3; padding-top: 18px; margin-top: 36px; }\n"
               "h1 + p + p + h2 { border-top: none; padding-top: 0; margin-top: 12px; }\n"
               "img { max-width: 100%; height: auto; }\n"
               "table { font-size: 14px; }\n"
               "@media print { h2 { border-top: none; margin-top: 0; } }\n"
               "</style></head><body>\n%2\n</body></html>\n")
        .arg(esc(QObject::tr("Weekly review %1").arg(qs(m_review.week.text()))),
             body(Images::DataUri));
}

bool ReviewDocument::writeHtml(const QString& path, QString* error) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(html().toUtf8()) < 0 ||
        !file.flush()) {
        if (error) {
            *error =
                QObject::tr("Could not write the review to %1: %2.").arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

bool ReviewDocument::writePdf(const QString& path, QString* error) const {
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            if (error) {
                *error = QObject::tr("Could not write the review to %1: %2.")
                             .arg(path, probe.errorString());
            }
            return false;
        }
    }
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(QObject::tr("Weekly review %1").arg(qs(m_review.week.text())));
    writer.setCreator(QStringLiteral("Rapport"));

    QTextDocument doc;
    QFont font = doc.defaultFont();
    font.setPointSizeF(11);
    doc.setDefaultFont(font);
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        doc.addResource(QTextDocument::ImageResource, QUrl(QString::fromLatin1(kChartNames[i])),
                        m_charts[i]);
    }
    doc.setHtml(body(Images::Resources));
    // Laid out on pages of A4's shape at a width that reads well, then scaled onto the paper.
    const QRectF paper = writer.pageLayout().paintRect(QPageLayout::Point);
    doc.setPageSize(QSizeF(kPageWidth, kPageWidth * paper.height() / paper.width()));
    doc.setDocumentMargin(0);
    doc.print(&writer);
    return true;
}

bool writeWeeklyReview(core::Store& store, const core::Clock& clock, core::IsoWeek week,
                       const QString& pdfPath, const QString& htmlPath, QString* error) {
    const ReviewDocument document{core::WeeklyReviewBuilder{store, clock}.build(week)};
    if (!pdfPath.isEmpty() && !document.writePdf(pdfPath, error)) {
        return false;
    }
    return htmlPath.isEmpty() || document.writeHtml(htmlPath, error);
}

}  // namespace rapport::ui
