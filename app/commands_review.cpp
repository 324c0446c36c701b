// The dashboard and the weekly review: `dashboard [--date DATE] [--json]` and
// `review --week YYYY-Www --pdf OUT.pdf [--html OUT.html]`. Only `review` creates a
// QApplication (its charts are Qt Charts); `dashboard` stays headless.

#include <QApplication>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/clisupport.h"
#include "app/commands.h"
#include "core/dashboard.h"
#include "core/timeutil.h"
#include "core/weeklyreview.h"
#include "ui/reviewdocument.h"

namespace rapport::app {

using namespace rapport::core;

namespace {

std::string percent(double share) {
    return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

void printDashboard(const DashboardFigures& f) {
    std::cout << "Dashboard for " << formatDate(f.today) << "\n\n";
    std::cout << "Who needs you: " << f.queue.overdue << " overdue, " << f.queue.today << " today, "
              << f.queue.thisWeek << " later this week\n";
    for (const auto& e : f.queue.first) {
        std::cout << "  " << e.displayName << " (" << toString(e.bucket) << ", due "
                  << formatDate(e.due) << "): " << e.reason << "\n";
    }
    std::cout << "\nThis week: " << f.weekPostCount() << " posts\n";
    for (const auto& d : f.week) {
        std::cout << "  " << formatDate(d.day) << ": " << d.posts.size() << "\n";
        for (const auto& p : d.posts) {
            std::cout << "    " << p.title << " [" << p.channelName << ", " << toString(p.purpose)
                      << ", " << toString(p.status) << "]\n";
        }
    }
    std::cout << "\nGoals:\n";
    if (f.goals.empty()) {
        std::cout << "  none yet\n";
    }
    for (const auto& c : f.goals) {
        const auto& r = c.report;
        std::cout << "  " << c.goal.title << ": " << number(r.current) << " of "
                  << number(c.goal.target) << " (" << percent(r.progress) << "), "
                  << (!r.started  ? "not started"
                      : r.onTrack ? "on track"
                                  : "behind");
        if (r.forecast) {
            std::cout << ", forecast " << number(std::round(*r.forecast)) << " by "
                      << formatDate(c.goal.deadline);
        }
        std::cout << "\n";
    }
    std::cout << "\nContent mix " << formatDate(f.mixFrom) << " to " << formatDate(f.mixTo)
              << ":\n";
    if (f.mix.empty()) {
        std::cout << "  no scheduled posts\n";
    }
    for (const auto& c : f.mix) {
        std::cout << "  " << c.mix.name << ": " << c.mix.value << " value, " << c.mix.promotional
                  << " promotional (" << percent(c.mix.valueShare()) << " value)";
        if (c.flaggedPosts > 0) {
            std::cout << "; " << c.flaggedPosts << " posts break a rule";
        }
        std::cout << "\n";
        for (const auto& m : c.messages) {
            std::cout << "    " << m << "\n";
        }
    }
}

}  // namespace

int dashboardCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--json", false}, {"--date", true}}};
    args.expectPositionals(0, "");
    std::optional<Date> day;
    if (const auto text = args.value("--date")) {
        day = dateArgument("--date", *text);
    }
    auto store = openExisting(inv);
    const auto clock = commandClock();
    const auto figures = Dashboard{*store, *clock}.compute(day);
    if (args.has("--json")) {
        std::cout << toJson(figures).dump(2) << "\n";
    } else {
        printDashboard(figures);
    }
    return kDone;
}

int reviewCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--week", true}, {"--pdf", true}, {"--html", true}}};
    args.expectPositionals(0, "");
    const auto weekText = args.value("--week");
    if (!weekText) {
        throw UsageError("review needs --week YYYY-Www, e.g. --week 2026-W48");
    }
    const auto week = IsoWeek::parse(*weekText);
    if (!week) {
        throw UsageError("--week must be an ISO week like 2026-W48, not \"" + *weekText + "\"");
    }
    const auto pdf = args.value("--pdf");
    const auto html = args.value("--html");
    if (!pdf && !html) {
        throw UsageError("review needs --pdf OUT.pdf (and/or --html OUT.html)");
    }
    auto store = openExisting(inv);
    const auto clock = commandClock();
    auto review = WeeklyReviewBuilder{*store, *clock}.build(*week);

    // The charts are Qt Charts: they need an application, offscreen when there is no display.
    if (std::getenv("QT_QPA_PLATFORM") == nullptr && std::getenv("DISPLAY") == nullptr &&
        std::getenv("WAYLAND_DISPLAY") == nullptr) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Without a session (a cron job, ssh) Qt would warn on stderr that XDG_RUNTIME_DIR is not
    // set and pick one itself: give it a private one (0700) that lives as long as the command.
    std::unique_ptr<QTemporaryDir> runtimeDir;
    struct Unset {
        bool active = false;
        ~Unset() {
            if (active) {
                qunsetenv("XDG_RUNTIME_DIR");  // the folder goes with the command
            }
        }
    } unsetAtEnd;
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        runtimeDir = std::make_unique<QTemporaryDir>();
        if (runtimeDir->isValid()) {
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir->path()));
            unsetAtEnd.active = true;
        }
    }
    int argc = 1;
    char name[] = "rapport";
    char* argv[] = {name, nullptr};
    QApplication app(argc, argv);
    const ui::ReviewDocument document{std::move(review)};
    QString error;
    if (pdf && !document.writePdf(QString::fromStdString(*pdf), &error)) {
        std::cerr << "rapport: " << error.toStdString() << "\n";
        return kDataError;
    }
    if (html && !document.writeHtml(QString::fromStdString(*html), &error)) {
        std::cerr << "rapport: " << error.toStdString() << "\n";
        return kDataError;
    }
    std::cout << "Wrote the review of " << week->text() << " (" << formatDate(week->monday())
              << " to " << formatDate(week->sunday()) << ")";
    if (pdf) {
        std::cout << " to " << *pdf;
    }
    if (html) {
        std::cout << (pdf ? " and " : " to ") << *html;
    }
    std::cout << ".\n";
    return kDone;
}

}  // namespace rapport::app
