// Back up and restore: `export OUT.json`, `import IN.json [--replace]`.

#include <chrono>
#include <filesystem>
#include <iostream>

#include <date/tz.h>
#include "app/clisupport.h"
#include "app/commands.h"

#include "core/errors.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"

namespace rapport::app {

namespace fs = std::filesystem;
using namespace rapport::core;

namespace {

// The command's "now" (RAPPORT_NOW when set) as local wall-clock time, as the window names its
// automatic backups.
std::string timestamp() {
    const Instant now = commandClock()->now();
    return date::format("%Y%m%d-%H%M%S", date::locate_zone(systemTimeZone())->to_local(now));
}

}  // namespace

int exportCommand(const Invocation& inv) {
    const CommandArgs args{inv, {}};
    args.expectPositionals(1, "exactly one output file (rapport export OUT.json)");
    auto store = openExisting(inv);
    const auto data = workspacejson::read(*store);
    const auto& out = args.positional().front();
    workspacejson::writeFile(out, workspacejson::toText(data));
    std::cout << "Exported " << data.recordCount() << " records from " << store->path() << " to "
              << out << ".\n";
    return kDone;
}

int importCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--replace", false}}};
    args.expectPositionals(1, "exactly one input file (rapport import IN.json)");
    const auto& in = args.positional().front();
    // Everything is read and checked before the workspace is even opened.
    const auto data = workspacejson::parse(workspacejson::readFile(in), in);
    const auto db = workspacePath(inv);
    if (!inv.db) {
        // The default workspace's folder is ours to make; a --db folder is the user's.
        fs::create_directories(fs::path{db}.parent_path());
    }
    auto store = Store::open(db);
    auto existing = workspacejson::Existing::Refuse;
    if (!store->isEmpty()) {
        if (!args.has("--replace")) {
            throw RefusedError(db +
                               " already holds records; import fills an empty workspace. Add "
                               "--replace to swap its whole content (a backup is written first).");
        }
        const auto backup = db + ".before-restore-" + timestamp() + ".json";
        workspacejson::writeFile(backup, workspacejson::toText(workspacejson::read(*store)));
        std::cout << "Backed up the previous content to " << backup << ".\n";
        existing = workspacejson::Existing::Replace;
    }
    workspacejson::restore(*store, data, existing);
    std::cout << "Imported " << data.recordCount() << " records from " << in << " into " << db
              << ".\n";
    return kDone;
}

}  // namespace rapport::app
