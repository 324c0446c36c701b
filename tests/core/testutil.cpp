#include "testutil.h"

#include <fstream>
#include <random>
#include <sstream>

namespace rapport::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::random_device rd;
    m_path = fs::temp_directory_path() /
             ("rapport-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    fs::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
}

std::string readBytes(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out{path, std::ios::binary | std::ios::trunc};
    out << bytes;
}

std::string demoDocument() {
    return readBytes(std::string{RAPPORT_SOURCE_DIR} + "/resources/demo-workspace.json");
}

core::Date ymd(int y, unsigned m, unsigned d) {
    return core::Date{date::year{y}, date::month{m}, date::day{d}};
}

core::Channel sampleChannel(const std::string& name) {
    core::Channel c;
    c.name = name;
    c.kind = core::ChannelKind::X;
    c.charLimit = core::Channel::defaultCharLimit(c.kind);
    c.preferredTimes = {core::TimeOfDay{9 * 60}, core::TimeOfDay{17 * 60 + 30}};
    return c;
}

core::Contact sampleContact(const std::string& name) {
    core::Contact c;
    c.displayName = name;
    c.stage = core::Stage::Engaged;
    c.createdOn = ymd(2026, 1, 5);
    c.handles = {{core::ChannelKind::X, "@sam"}};
    c.tags = {"blogger"};
    return c;
}

core::Sequence sampleSequence() {
    core::Sequence s;
    s.name = "Book launch";
    s.assetTitle = "Chapter 1";
    s.assetLink = "https://example.com/chapter-1";
    s.steps = {{0, 1, 1, "Comment on their latest post", core::InteractionKind::Comment, {}, 0},
               {0, 1, 2, "Share one of their posts", core::InteractionKind::Share, {}, 3},
               {0, 2, 1, "Offer the free chapter", core::InteractionKind::DirectMessage, {}, 2}};
    return s;
}

}  // namespace rapport::test
