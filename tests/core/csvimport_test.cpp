// Reading CSV files for import: LinkedIn's Connections.csv as LinkedIn writes it, any CSV
// through its header names, and the files people really have (a byte-order mark, quoted commas
// and line breaks, blank rows, renamed or missing columns, bad dates, Latin-1 bytes).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "core/csvimport.h"
#include "core/errors.h"
#include "core/workspacejson.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;
using testing::ElementsAre;
using testing::HasSubstr;

namespace {

std::string fixture(const std::string& name) {
    return std::string{RAPPORT_SOURCE_DIR} + "/tests/fixtures/contacts/" + name;
}

std::string importError(std::string_view bytes) {
    try {
        const auto table = CsvImport::read(bytes, "in.csv");
        CsvImport::checkMapping(table, CsvImport::autoMapping(table));
    } catch (const ImportError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(CsvImport, ReadsLinkedInsConnectionsAsExported) {
    const auto table = CsvImport::readFile(fixture("linkedin-connections.csv"));
    EXPECT_TRUE(table.linkedIn);
    EXPECT_EQ(table.header, CsvImport::linkedInHeader());
    EXPECT_EQ(table.headerLine, 4u);
    EXPECT_EQ(table.blankRows, 2u);
    EXPECT_THAT(table.notes, ElementsAre(HasSubstr("byte-order mark"),
                                         "Skipped LinkedIn's notes at the top (lines 1 to 3).",
                                         "Skipped 2 blank rows."));
    std::vector<std::size_t> lines;
    for (const auto& r : table.records) {
        lines.push_back(r.line);
    }
    // Chen's position holds a quoted line break: the next record starts two lines later.
    EXPECT_THAT(lines, ElementsAre(5, 6, 9, 10, 12, 13, 14, 15));

    const auto mapping = CsvImport::autoMapping(table);
    EXPECT_EQ(mapping.columns[2], (ColumnTarget{ImportField::Handle, ChannelKind::LinkedIn}));
    EXPECT_TRUE(CsvImport::checkMapping(table, mapping).empty());
    const auto rows = CsvImport::candidates(table, mapping, Stage::Follower);
    ASSERT_EQ(rows.size(), 8u);

    const auto& priya = rows[0].contact;
    EXPECT_EQ(priya.displayName, "Priya Raman");
    EXPECT_EQ(priya.email, "priya@example.com");
    EXPECT_EQ(priya.company, "Rise & Crumb Bakery");
    EXPECT_EQ(priya.role, "Owner");
    EXPECT_EQ(priya.stage, Stage::Follower);
    EXPECT_EQ(priya.source, ContactSource::Csv);
    EXPECT_EQ(priya.createdOn, ymd(2020, 10, 5));
    EXPECT_TRUE(rows[0].hasCreatedOn);
    EXPECT_THAT(priya.handles, ElementsAre(Handle{ChannelKind::LinkedIn, "in/priyaraman"}));
    EXPECT_TRUE(rows[0].problems.empty());

    EXPECT_EQ(rows[1].contact.email, "");  // many connections hide their email
    EXPECT_EQ(rows[2].contact.displayName, "Ana López");
    EXPECT_EQ(rows[2].contact.company, "Acme, Inc.");
    EXPECT_THAT(rows[2].contact.handles,
                ElementsAre(Handle{ChannelKind::LinkedIn, "in/ana-lopez-42"}));
    EXPECT_EQ(rows[3].contact.role, "SEO consultant\nand speaker");
    EXPECT_THAT(rows[4].problems,
                ElementsAre("Connected On \"31 Feb 2024\" is not a date like 05 Oct 2020 or "
                            "2020-10-05"));
    EXPECT_THAT(rows[5].problems, ElementsAre("has no name"));
    EXPECT_EQ(rows[6].contact.email, "not-an-email");  // the preview validates it
}

TEST(CsvImport, NamesMissingAndRenamedLinkedInColumns) {
    const auto table = CsvImport::readFile(fixture("linkedin-renamed.csv"));
    EXPECT_TRUE(table.linkedIn);
    const auto notes = CsvImport::checkMapping(table, CsvImport::autoMapping(table));
    EXPECT_THAT(notes,
                ElementsAre("The column \"Email Address\" is missing, so no emails are read.",
                            "Read the column \"Title\" as \"Position\"."));
    const auto rows = CsvImport::candidates(table, CsvImport::autoMapping(table), Stage::Follower);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].contact.role, "Owner");
}

TEST(CsvImport, MapsAnyCsvByItsHeaderNames) {
    const auto table = CsvImport::readFile(fixture("any.csv"));
    EXPECT_FALSE(table.linkedIn);
    const auto mapping = CsvImport::autoMapping(table);
    EXPECT_THAT(
        mapping.columns,
        ElementsAre(ColumnTarget{ImportField::DisplayName}, ColumnTarget{ImportField::Email},
                    ColumnTarget{ImportField::Company}, ColumnTarget{ImportField::Tags},
                    ColumnTarget{ImportField::Stage}, ColumnTarget{ImportField::Niche},
                    ColumnTarget{}, ColumnTarget{ImportField::Handle, ChannelKind::X}));
    EXPECT_THAT(CsvImport::checkMapping(table, mapping),
                ElementsAre("The column \"Phone\" is not imported."));
    const auto rows = CsvImport::candidates(table, mapping, Stage::Looker);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_THAT(rows[0].contact.tags, ElementsAre("blogger", "beta-reader"));
    EXPECT_EQ(rows[0].contact.stage, Stage::Engaged);
    EXPECT_EQ(rows[0].nicheName, "Food bloggers");
    EXPECT_THAT(rows[0].contact.handles, ElementsAre(Handle{ChannelKind::X, "@samreads"}));
    EXPECT_THAT(rows[1].problems, ElementsAre(HasSubstr("Stage \"lurker\" is not a stage")));
    EXPECT_EQ(rows[2].contact.stage, Stage::Looker);
    EXPECT_THAT(rows[2].contact.handles, ElementsAre(Handle{ChannelKind::X, "@kimkeen"}));
}

TEST(CsvImport, ReadsLatin1BytesAndSaysWhere) {
    const auto table = CsvImport::readFile(fixture("latin1.csv"));
    ASSERT_EQ(table.records.size(), 3u);
    EXPECT_EQ(table.records[0].fields[0], "Jörg Müller");
    EXPECT_EQ(table.records[0].fields[2], "Café Crème");
    EXPECT_EQ(table.records[1].fields[0], "José Núñez");
    EXPECT_EQ(table.records[2].converted, 0u);
    EXPECT_THAT(table.notes,
                ElementsAre(HasSubstr("read as Latin-1 (Windows-1252) on lines 2, 3")));
    const auto rows = CsvImport::candidates(table, CsvImport::autoMapping(table), Stage::Looker);
    EXPECT_THAT(rows[0].warnings, ElementsAre(HasSubstr("Latin-1")));
    EXPECT_TRUE(rows[2].warnings.empty());
    // Windows-1252's own characters in 0x80..0x9F, and UTF-8 next to Latin-1 in one file.
    const auto mixed = CsvImport::read("Name\n\x93Quoted\x94 \xe2\x82\xac\x80\n", "mixed.csv");
    EXPECT_EQ(mixed.records[0].fields[0], "\u201cQuoted\u201d €€");
}

struct BadCsv {
    const char* name;
    std::string bytes;
    const char* message;
};

class CsvImportRefuses : public testing::TestWithParam<BadCsv> {};

TEST_P(CsvImportRefuses, WithASentenceNamingTheFile) {
    const auto message = importError(GetParam().bytes);
    EXPECT_THAT(message, HasSubstr("in.csv"));
    EXPECT_THAT(message, HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Files, CsvImportRefuses,
    testing::Values(BadCsv{"Empty", "", "holds no rows at all"},
                    BadCsv{"OnlyBlankLines", "\r\n\r\n,,\r\n", "holds no rows at all"},
                    BadCsv{"Utf16", std::string{"\xFF\xFE", 2} + "N\0a\0", "UTF-16"},
                    BadCsv{"NoNameColumn", "Email,Company\na@b.c,Acme\n",
                           "line 1 has no column for the name"},
                    BadCsv{"NotesWithoutHeader", "Notes:\n\"Something\"\n\nfoo,bar\n",
                           "no header line with First Name and Last Name"}),
    [](const auto& p) { return std::string{p.param.name}; });

TEST(CsvImport, AnUnclosedQuoteSpoilsOnlyItsOwnRow) {
    const auto table = CsvImport::read(
        "Name,Email\nGood,good@example.com\n\"Bad,bad@example.com\n"
        "Swallowed,s@example.com\n",
        "in.csv");
    ASSERT_EQ(table.records.size(), 2u);
    EXPECT_TRUE(table.records[0].problem.empty());
    EXPECT_EQ(table.records[1].line, 3u);
    EXPECT_THAT(table.records[1].problem, HasSubstr("never closed"));
    const auto rows = CsvImport::candidates(table, CsvImport::autoMapping(table), Stage::Looker);
    EXPECT_TRUE(rows[0].problems.empty());
    EXPECT_THAT(rows[1].problems, ElementsAre(HasSubstr("never closed")));
}

TEST(CsvImport, RowsWithTheWrongNumberOfFieldsAreNamed) {
    const auto table = CsvImport::read(
        "Name,Email,Company\r\nA,a@x.io,Co\r\nB,b@x.io\r\n"
        "C,c@x.io,Co,extra\r\nD,d@x.io,Co,\r\n",
        "in.csv");
    const auto rows = CsvImport::candidates(table, CsvImport::autoMapping(table), Stage::Looker);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_TRUE(rows[0].problems.empty());
    EXPECT_THAT(rows[1].problems, ElementsAre(HasSubstr("has 2 fields where the header has 3")));
    EXPECT_THAT(rows[2].problems, ElementsAre(HasSubstr("has 4 fields where the header has 3")));
    EXPECT_TRUE(rows[3].problems.empty());  // an empty trailing field is harmless
    EXPECT_EQ(rows[1].line, 3u);
}

TEST(CsvImport, LineNumbersCountEveryKindOfLineEnd) {
    const auto table = CsvImport::read("Name\rA\r\n\r\nB\n\"C\r\nc\"\nD\n", "in.csv");
    std::vector<std::size_t> lines;
    for (const auto& r : table.records) {
        lines.push_back(r.line);
    }
    EXPECT_THAT(lines, ElementsAre(2, 4, 5, 7));
    EXPECT_EQ(table.records[2].fields[0], "C\nc");
    EXPECT_EQ(table.blankRows, 1u);
}

TEST(CsvImport, ParsesTheDatesPeopleWrite) {
    const std::vector<std::pair<std::string, std::optional<Date>>> table = {
        {"05 Oct 2020", ymd(2020, 10, 5)},
        {"5 Oct 2020", ymd(2020, 10, 5)},
        {"5 October 2020", ymd(2020, 10, 5)},
        {"Oct 5, 2020", ymd(2020, 10, 5)},
        {"2020-10-05", ymd(2020, 10, 5)},
        {" 29 Feb 2024 ", ymd(2024, 2, 29)},
        {"29 Feb 2023", std::nullopt},
        {"10/05/2020", std::nullopt},
        {"05 Okt 2020", std::nullopt},
        {"", std::nullopt},
        {"5 Oct 20", std::nullopt}};
    for (const auto& [text, day] : table) {
        EXPECT_EQ(CsvImport::parseDay(text), day) << text;
    }
}

}  // namespace

namespace {

// The same for CSV: any bytes give a table or an ImportError, and every record a line.
TEST(CsvImport, MangledFilesGiveRowsOrAClearError) {
    const auto base = rapport::core::workspacejson::readFile(fixture("linkedin-connections.csv"));
    std::mt19937 rng{4180};
    for (int round = 0; round < 2000; ++round) {
        std::string bytes = base;
        for (int e = 0; e < 3 && !bytes.empty(); ++e) {
            const auto at = rng() % bytes.size();
            switch (rng() % 4) {
                case 0:
                    bytes.resize(at);
                    break;
                case 1:
                    bytes[at] = static_cast<char>(rng() % 256);
                    break;
                case 2:
                    bytes.insert(at, std::string(1 + rng() % 5, "\",\r\n"[rng() % 4]));
                    break;
                default:
                    bytes.erase(at, rng() % 30);
                    break;
            }
        }
        try {
            const auto table = CsvImport::read(bytes, "fuzz.csv");
            const auto mapping = CsvImport::autoMapping(table);
            for (const auto& c : CsvImport::candidates(table, mapping, Stage::Looker)) {
                EXPECT_GT(c.line, table.headerLine);
            }
        } catch (const ImportError&) {
        }
    }
}

}  // namespace
