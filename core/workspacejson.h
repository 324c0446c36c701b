#pragma once
// The workspace as one versioned JSON document (docs/workspace-format.md): back up, restore.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/entities.h"

namespace rapport::core {

class Store;

/// One entry of a contact's stage history (table stage_changes): from `on` the contact stood at
/// `stage`. Not a record of its own: it has no id and lives and dies with its contact.
struct StageChange {
    Id contactId = 0;
    Date on;
    Stage stage = Stage::Looker;
    bool operator==(const StageChange&) const = default;
};

/// Everything a workspace holds, as plain records.
struct WorkspaceData {
    WorkspaceInfo info;
    std::vector<Channel> channels;
    std::vector<Niche> niches;
    std::vector<Goal> goals;
    std::vector<Campaign> campaigns;
    std::vector<Series> series;
    std::vector<Post> posts;
    std::vector<Contact> contacts;
    std::vector<Interaction> interactions;
    std::vector<Sequence> sequences;
    std::vector<Enrollment> enrollments;
    std::vector<TopicIdea> topicIdeas;
    /// The contacts' stage history, by contact and date ("contacts by stage over time").
    std::vector<StageChange> stageChanges;

    /// Records only: the stage history's entries are not counted.
    std::size_t recordCount() const;
};

/// Reports progress of long work (done of total); returning false asks to stop.
using Progress = std::function<bool(std::size_t done, std::size_t total)>;

namespace workspacejson {

constexpr std::string_view kFormat = "rapport-workspace";
constexpr int kVersion = 1;

/// Reads every record of the store.
WorkspaceData read(Store& store);

/// The document text: pretty-printed, keys sorted, ending in a newline. Deterministic, so
/// export, restore, export gives the same bytes.
std::string toText(const WorkspaceData& data);

/// Parses and checks a whole document. Throws ImportError naming `source` and the JSON path of
/// the first problem. Nothing is written anywhere.
WorkspaceData parse(std::string_view text, const std::string& source);

/// How restore treats a workspace that already holds records.
enum class Existing { Refuse, Replace };

/// Writes `data` into the store in one transaction. An existing non-empty workspace is refused
/// (RefusedError) unless `existing` is Replace, which swaps the whole content. Cancelling
/// through `progress` rolls everything back and throws Cancelled.
void restore(Store& store, const WorkspaceData& data, Existing existing,
             const Progress& progress = {});

/// Writes the document to `path` through a temporary file and a rename, so a failed write
/// never leaves half a file. Throws StorageError with a sentence.
void writeFile(const std::string& path, const std::string& text);
/// Reads a whole file; throws ImportError naming the file when it cannot.
std::string readFile(const std::string& path);

/// Shifts every date and instant by whole weeks so the document's `anchor` day lands on the
/// week of `today` (weekdays stay weekdays). The demo workspace uses it to stay current.
void shiftToWeekOf(WorkspaceData& data, Date anchor, Date today);

}  // namespace workspacejson
}  // namespace rapport::core
