#pragma once
// Helpers shared by the core tests: temporary folders, files as bytes, sample records.

#include <filesystem>
#include <string>

#include "core/entities.h"
#include "core/store.h"

namespace rapport::test {

/// A fresh folder under the system's temp dir, removed with everything in it at the end.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

std::string readBytes(const std::string& path);
void writeBytes(const std::string& path, const std::string& bytes);

/// The demo workspace document shipped in resources/.
std::string demoDocument();

core::Date ymd(int y, unsigned m, unsigned d);

/// A small, valid record of each kind, for tests that need one of them.
core::Channel sampleChannel(const std::string& name = "X");
core::Contact sampleContact(const std::string& name = "Sam Reader");
core::Sequence sampleSequence();

}  // namespace rapport::test
