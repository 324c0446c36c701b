#include "app/cli.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "app/clisupport.h"
#include "app/commands.h"
#include "core/errors.h"

namespace rapport::app {

namespace {

struct Command {
    std::string_view name;
    std::string_view usage;  ///< the line in --help
    int (*run)(const Invocation&);
};

constexpr Command kCommands[] = {
    {"export", "export OUT.json             back up the whole workspace to one JSON file",
     exportCommand},
    {"import",
     "import IN.json [--replace]  restore a JSON backup into an empty workspace; --replace\n"
     "                              swaps the whole content of a workspace that holds records,\n"
     "                              after writing a backup of it next to the workspace file",
     importCommand},
    {"goals",
     "goals [--json]              each goal with its metric, current value, target, progress\n"
     "                              and whether it is on track",
     goalsCommand},
    {"calendar",
     "calendar --from DATE --to DATE [--json]\n"
     "                              every post of those days (series occurrences included) in\n"
     "                              local time, with channel, purpose, status and the mix\n"
     "                              advisor's flags; then the mix per niche",
     calendarCommand},
    {"export-ics",
     "export-ics OUT.ics [--from DATE --to DATE]\n"
     "                              the calendar as iCalendar: posts as events, series as\n"
     "                              repeating events with their exceptions",
     exportIcsCommand},
    {"export-csv",
     "export-csv --channel NAME OUT.csv [--from DATE --to DATE]\n"
     "                              one channel's scheduled posts for a bulk scheduler\n"
     "                              (date,time_24hr,message_text,link; default: a year from today)",
     exportCsvCommand},
    {"sequences",
     "sequences [--json]          each nurture sequence's funnel: enrolled, phase 1 done,\n"
     "                              qualified, offered, converted, with the rates between",
     sequencesCommand},
    {"enroll",
     "enroll --sequence ID --contact ID [--on DATE]\n"
     "                              start a contact on a sequence (today unless --on)",
     enrollCommand},
    {"step-done",
     "step-done --enrollment ID [--on DATE]\n"
     "                              mark the current step done: logs the outbound touch and\n"
     "                              makes the next step due",
     stepDoneCommand},
    {"followups",
     "followups [--date DATE] [--json] [--ics OUT.ics]\n"
     "                              who needs you: contacts due by DATE + 7 days (today unless\n"
     "                              --date), overdue, today and this week, with their reasons,\n"
     "                              days since the last touch and losing touch; --ics writes\n"
     "                              them as to-dos",
     followupsCommand},
    {"contacts",
     "contacts [--search TEXT] [--stage STAGE] [--tag TAG] [--losing-touch] [--json]\n"
     "                              the contacts with stage, niche, last touch, next due, tags",
     contactsCommand},
    {"contact",
     "contact ID [--stage STAGE] [--cadence DAYS|never|default] [--next DATE|none]\n"
     "           [--snooze DATE|none] [--json]\n"
     "                              one contact, its follow-up, stage suggestion and timeline;\n"
     "                              the options change it first",
     contactCommand},
    {"import-contacts",
     "import-contacts FILE [--format linkedin|csv|vcard] [--dry-run]\n"
     "                              contacts from LinkedIn's Connections.csv, any CSV (columns\n"
     "                              matched by name) or vCard 3.0/4.0; the same person is not\n"
     "                              added twice; bad rows are listed and left out",
     importContactsCommand},
    {"export-contacts",
     "export-contacts OUT.csv|OUT.vcf [--format csv|vcard|vcard3]\n"
     "                              every contact as CSV or vCard (4.0; vcard3 for 3.0)",
     exportContactsCommand},
    {"log",
     "log --contact ID --direction in|out --kind KIND [--when TIME] [--channel NAME]\n"
     "    [--note TEXT]             log an interaction (now unless --when: an instant, or a\n"
     "                              local time in the workspace's zone); an outbound one clears\n"
     "                              the planned follow-up and the snooze",
     logCommand},
    {"dashboard",
     "dashboard [--date DATE] [--json]\n"
     "                              the dashboard's figures: the follow-up queue's counts and\n"
     "                              first names, posts of the coming week by day, a card per\n"
     "                              goal, the content mix of the coming 30 days per niche",
     dashboardCommand},
    {"review",
     "review --week YYYY-Www --pdf OUT.pdf [--html OUT.html]\n"
     "                              the weekly review (goals, posts and results, conversations,\n"
     "                              follow-ups done and missed, sequences, charts) as PDF/HTML",
     reviewCommand},
};

const Command* findCommand(std::string_view name) {
    for (const auto& c : kCommands) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

}  // namespace

std::optional<Invocation> parseArguments(const std::vector<std::string>& argv, std::string& error) {
    Invocation inv;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (!inv.command.empty()) {
            inv.args.push_back(a);
        } else if (a == "--help" || a == "-h") {
            inv.help = true;
        } else if (a == "--version") {
            inv.version = true;
        } else if (a == "--startup-probe") {
            inv.startupProbe = true;
        } else if (a == "--db" || a.starts_with("--db=")) {
            const bool separate = a == "--db";
            if (separate && i + 1 >= argv.size()) {
                error = "--db needs a file name";
                return std::nullopt;
            }
            const std::string value = separate ? argv[++i] : a.substr(5);
            if (value.empty()) {
                error = "--db needs a file name";
                return std::nullopt;
            }
            inv.db = value;
        } else if (a.starts_with("-")) {
            error = "unknown option " + a;
            return std::nullopt;
        } else if (findCommand(a)) {
            inv.command = a;
        } else {
            error = "unknown command " + a;
            return std::nullopt;
        }
    }
    return inv;
}

std::string defaultWorkspacePath() {
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::string{home} + "/.local/share";
    } else {
        base = ".";
    }
    return base + "/rapport/workspace.rapport";
}

std::string usage() {
    std::string text = R"(Usage: rapport [--db FILE] [COMMAND [ARGS]]

Rapport plans content and relationships: goals, a niche, a value-first calendar, the people you
talk with, and two-step nurture (build the relationship, then share what you have).

Without a command, Rapport opens its window on the workspace.

Options:
  --db FILE         the workspace file to use (default: )" +
                       defaultWorkspacePath() + R"()
                    a workspace created with --db starts empty
  -h, --help        show this help
  --version         show the version

Commands:
)";
    for (const auto& c : kCommands) {
        text += "  " + std::string{c.usage} + "\n";
    }
    text += R"(
Environment: RAPPORT_NOW=2026-11-23T09:00:00Z makes commands take that instant as now.

Exit codes: 0 done, 1 usage error, 2 data error (the message names the file, record and field).
)";
    return text;
}

int runCommand(const Invocation& inv) {
    try {
        const Command* command = findCommand(inv.command);
        if (!command) {
            throw UsageError("unknown command " + inv.command);
        }
        return command->run(inv);
    } catch (const UsageError& e) {
        std::cerr << "rapport: " << e.what() << ".\nTry 'rapport --help'.\n";
        return kUsage;
    } catch (const std::filesystem::filesystem_error& e) {
        std::cerr << "rapport: " << e.what() << ".\n";
        return kDataError;
    } catch (const std::exception& e) {
        // OpenError, ImportError, ValidationError, StorageError, RefusedError, Cancelled: each
        // is already a sentence naming the file, record and field.
        std::cerr << "rapport: " << e.what() << "\n";
        return kDataError;
    }
}

}  // namespace rapport::app
