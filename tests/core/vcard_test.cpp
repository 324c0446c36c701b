// vCard 3.0 and 4.0: reading (folded lines, escapes, grouped properties, several values, UID),
// refusing broken files with the line at fault, and writing what reads back the same.

#include <random>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/vcard.h"
#include "core/workspacejson.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::ymd;
using testing::ElementsAre;
using testing::HasSubstr;

namespace {

std::string fixture(const std::string& name) {
    return workspacejson::readFile(std::string{RAPPORT_SOURCE_DIR} + "/tests/fixtures/contacts/" +
                                   name);
}

std::string parseError(const std::string& text) {
    try {
        VCard::parse(text, "cards.vcf");
    } catch (const ImportError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(VCard, ReadsVersion3WithFoldingEscapesGroupsAndSeveralValues) {
    const auto cards = VCard::parse(fixture("cards-v3.vcf"), "cards-v3.vcf");
    ASSERT_EQ(cards.size(), 3u);
    EXPECT_EQ(cards[0].version, "3.0");
    EXPECT_EQ(cards[0].line, 1u);
    EXPECT_EQ(cards[1].line, 21u);
    const auto rows = VCard::candidates(cards);
    const auto& priya = rows[0].contact;
    EXPECT_EQ(priya.displayName, "Priya Raman");
    EXPECT_EQ(priya.uid, "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
    EXPECT_EQ(priya.company, "Rise & Crumb Bakery");
    EXPECT_EQ(priya.role, "Owner");
    EXPECT_EQ(priya.email, "priya@example.com");  // the preferred one
    EXPECT_THAT(priya.tags, ElementsAre("small-business", "local", "bakers, artisan"));
    EXPECT_THAT(priya.handles,
                ElementsAre(Handle{ChannelKind::LinkedIn, "in/priyaraman"},
                            Handle{ChannelKind::Blog, "https://riseandcrumb.example.com"},
                            Handle{ChannelKind::X, "@riseandcrumb"}));
    EXPECT_EQ(priya.notes,
              "Runs a bakery in Albany, NY.\nDoes her own website on weekends; loves sourdough.\n"
              "Phone: +1 518 555 0100\nEmail: priya.work@example.com");
    EXPECT_EQ(priya.source, ContactSource::Vcard);
    EXPECT_EQ(rows[1].contact.displayName, "Daniel Brooks");  // from N
    EXPECT_EQ(rows[1].line, 21u);
    EXPECT_THAT(rows[2].problems, ElementsAre("has no name (neither FN nor N)"));
}

TEST(VCard, ReadsVersion4) {
    const auto rows = VCard::candidates(VCard::parse(fixture("cards-v4.vcf"), "cards-v4.vcf"));
    ASSERT_EQ(rows.size(), 1u);
    const auto& ana = rows[0].contact;
    EXPECT_EQ(ana.displayName, "Ana López");
    EXPECT_EQ(ana.email, "ana@example.com");
    EXPECT_THAT(ana.tags, ElementsAre("speaker", "local"));
    EXPECT_THAT(ana.handles, ElementsAre(Handle{ChannelKind::LinkedIn, "in/ana-lopez-42"}));
    EXPECT_EQ(ana.notes, "Conocimos en la conferencia, Madrid.\nEmail: ana.lopez@work.example.com");
}

TEST(VCard, ParametersAndValuesFollowTheRfc) {
    const auto cards = VCard::parse(
        "BEGIN:VCARD\nVERSION:4.0\nFN:A\nitem7.EMAIL;TYPE=work,pref;LABEL=\"a:b;c\":x@y.z\n"
        "X-A;X-NOTE=line^none^^two:v\nEND:VCARD\n",
        "c.vcf");
    ASSERT_EQ(cards[0].properties.size(), 3u);
    const auto& email = cards[0].properties[1];
    EXPECT_EQ(email.group, "item7");
    EXPECT_EQ(email.name, "EMAIL");
    EXPECT_THAT(email.params.at("TYPE"), ElementsAre("work", "pref"));
    // A quoted parameter value is one value, commas and all (RFC 6350 5).
    EXPECT_THAT(email.params.at("LABEL"), ElementsAre("a:b;c"));
    EXPECT_EQ(email.value, "x@y.z");
    EXPECT_THAT(cards[0].properties[2].params.at("X-NOTE"), ElementsAre("line\none^two"));
    EXPECT_THAT(VCard::split("a\\;b;c\\,d,e;;", ';'), ElementsAre("a;b", "c,d,e", "", ""));
    EXPECT_EQ(VCard::unescape("a\\nb\\Nc\\\\d\\,e\\;f"), "a\nb\nc\\d,e;f");
    EXPECT_EQ(VCard::escape("a\nb\\c,d;e"), "a\\nb\\\\c\\,d\\;e");
}

struct BadCard {
    const char* name;
    std::string text;
    const char* message;
};

class VCardRefuses : public testing::TestWithParam<BadCard> {};

TEST_P(VCardRefuses, NamingTheLine) {
    EXPECT_THAT(parseError(GetParam().text), HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Files, VCardRefuses,
    testing::Values(
        BadCard{"Truncated", fixture("truncated.vcf"),
                "cards.vcf: line 5 begins a card that has no END:VCARD; the file ends at line 7 "
                "(is it cut short?)."},
        BadCard{"NoEnd", fixture("no-end.vcf"),
                "cards.vcf: line 4 starts a card inside the card that begins on line 1, which "
                "has no END:VCARD."},
        BadCard{"LongLine",
                "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nNOTE:" + std::string(10'000, 'x') +
                    "\r\nEND:VCARD\r\n",
                "cards.vcf: line 4 is 10005 characters long; a vCard line may have at most "
                "10,000"},
        BadCard{"Version21", "BEGIN:VCARD\nVERSION:2.1\nFN:A\nEND:VCARD\n",
                "line 2 says VERSION 2.1, which Rapport does not read"},
        BadCard{"NoColon", "BEGIN:VCARD\nVERSION:3.0\nFN A\nEND:VCARD\n",
                "line 3 is not a vCard property: it has no \":\""},
        BadCard{"OutsideACard", "FN:A\n", "line 1 holds \"FN\" outside a card"},
        BadCard{"EndWithoutBegin", "BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n",
                "line 4 holds \"END\" outside a card"},
        BadCard{"FoldFirst", " folded\n", "line 1 continues a folded line"},
        BadCard{"Empty", "", "cards.vcf: holds no vCard"},
        BadCard{"NotAVCard", "Name,Email\nA,a@b.c\n", "line 1 is not a vCard property"}),
    [](const auto& p) { return std::string{p.param.name}; });

TEST(VCard, LinesOfExactlyTenThousandCharactersAreFine) {
    // 10,000 characters, counted as characters: "é" is two bytes.
    const std::string note = "NOTE:" + std::string(9'993, 'x') + "éé";
    ASSERT_EQ(note.size(), 10'002u);
    const auto cards = VCard::parse("BEGIN:VCARD\nFN:A\n" + note + "\nEND:VCARD\n", "c.vcf");
    EXPECT_EQ(VCard::candidates(cards)[0].contact.notes.size(), 9'997u);
}

TEST(VCard, ReadsLatin1BytesAsSuch) {
    const auto cards =
        VCard::parse("BEGIN:VCARD\nVERSION:3.0\nFN:J\xf6rg M\xfcller\nEND:VCARD\n", "c.vcf");
    EXPECT_EQ(cards[0].converted, 2u);
    const auto rows = VCard::candidates(cards);
    EXPECT_EQ(rows[0].contact.displayName, "Jörg Müller");
    EXPECT_THAT(rows[0].warnings, ElementsAre(HasSubstr("Latin-1")));
}

class VCardRoundTrip : public testing::TestWithParam<VCardVersion> {};

TEST_P(VCardRoundTrip, WhatIsWrittenReadsBackTheSame) {
    Contact c;
    c.displayName = "Zoë O'Brien-Kowalski";
    c.email = "zoe@example.com";
    c.company = "Smith, Jones; Partners";
    c.role = "Editor\\in-chief";
    c.notes = "First line\nSecond line, with a comma; and a semicolon.\n" + std::string(200, 'n');
    c.tags = {"beta-reader", "tag, with comma"};
    c.handles = {{ChannelKind::X, "@zoe"},
                 {ChannelKind::LinkedIn, "in/zoe-ob"},
                 {ChannelKind::Podcast, "The Zoë Show"}};
    c.uid = "urn:uuid:0d6f0d8e-6a3c-4d0a-8f5e-5d7c2c0f9a11";
    c.stage = Stage::Relationship;
    c.nicheId = 3;
    c.createdOn = ymd(2026, 1, 5);
    Contact plain;
    plain.displayName = "Mononym";
    plain.createdOn = ymd(2026, 2, 1);
    const auto text = VCard::write({c, plain}, GetParam(), {{3, "Food bloggers"}});
    for (std::size_t start = 0; start < text.size();) {
        const auto end = text.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - start, 75u) << text.substr(start, end - start);
        start = end + 2;
    }
    EXPECT_THAT(text, HasSubstr(GetParam() == VCardVersion::V4 ? "VERSION:4.0" : "VERSION:3.0"));
    const auto rows = VCard::candidates(VCard::parse(text, "round.vcf"));
    ASSERT_EQ(rows.size(), 2u);
    const auto& back = rows[0].contact;
    EXPECT_EQ(back.displayName, c.displayName);
    EXPECT_EQ(back.email, c.email);
    EXPECT_EQ(back.company, c.company);
    EXPECT_EQ(back.role, c.role);
    EXPECT_EQ(back.notes, c.notes);
    EXPECT_EQ(back.tags, c.tags);
    EXPECT_EQ(back.handles, c.handles);
    EXPECT_EQ(back.uid, c.uid);
    EXPECT_EQ(back.stage, c.stage);
    EXPECT_EQ(back.createdOn, c.createdOn);
    EXPECT_EQ(rows[0].nicheName, "Food bloggers");
    EXPECT_EQ(rows[1].contact.displayName, "Mononym");
    EXPECT_TRUE(rows[1].problems.empty());
}

INSTANTIATE_TEST_SUITE_P(Versions, VCardRoundTrip,
                         testing::Values(VCardVersion::V3, VCardVersion::V4));

}  // namespace

namespace {

// A small fuzz: cut, flip and repeat bytes of real cards; the reader must answer each with
// cards or an ImportError, never anything else (run it under the asan preset).
TEST(VCard, MangledFilesGiveCardsOrAClearError) {
    const auto base = fixture("cards-v3.vcf") + fixture("cards-v4.vcf");
    std::mt19937 rng{6350};
    int refused = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text = base;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const auto at = rng() % text.size();
            switch (rng() % 5) {
                case 0:
                    text.resize(at);
                    break;
                case 1:
                    text[at] = static_cast<char>(rng() % 256);
                    break;
                case 2:
                    text.insert(at, "\r\n ");
                    break;
                case 3:
                    text.insert(at, std::string(1 + rng() % 40, "\\:;,\"="[rng() % 6]));
                    break;
                default:
                    text.erase(at, rng() % 20);
                    break;
            }
        }
        try {
            const auto rows = VCard::candidates(VCard::parse(text, "fuzz.vcf"));
            for (const auto& r : rows) {
                EXPECT_GT(r.line, 0u);
            }
        } catch (const ImportError&) {
            ++refused;
        }
    }
    EXPECT_GT(refused, 100);
}

}  // namespace
