// ContactListModel follows the store change by change: the exact rows inserted, moved, changed
// and removed, under QAbstractItemModelTester.

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/store.h"
#include "testsupport.h"
#include "ui/contactlistmodel.h"

namespace rapport::ui {
namespace {

using test::addContact;
using test::addInteraction;

// Collects what QAbstractItemModelTester reports in Warning mode, so a broken model fails the
// test with the tester's own words instead of aborting the whole test program.
class ModelTesterWarnings {
public:
    ModelTesterWarnings() {
        s_messages.clear();
        m_previous = qInstallMessageHandler(&ModelTesterWarnings::handle);
    }
    ~ModelTesterWarnings() { qInstallMessageHandler(m_previous); }
    const QStringList& messages() const { return s_messages; }

private:
    static void handle(QtMsgType, const QMessageLogContext& context, const QString& message) {
        if (QByteArrayView(context.category) == "qt.modeltest") {
            s_messages << message;
        }
    }
    static inline QStringList s_messages;
    QtMessageHandler m_previous;
};

QStringList names(const ContactListModel& model) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out << model.index(row).data().toString();
    }
    return out;
}

// rowsInserted/rowsRemoved carry (parent, first, last).
void expectRows(const QList<QVariant>& signal, int first, int last) {
    ASSERT_EQ(signal.size(), 3);
    EXPECT_FALSE(signal.at(0).value<QModelIndex>().isValid());
    EXPECT_EQ(signal.at(1).toInt(), first);
    EXPECT_EQ(signal.at(2).toInt(), last);
}

class ContactListModelTest : public ::testing::Test {
protected:
    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    ModelTesterWarnings m_warnings;
    ContactListModel m_model{*m_store};
    QAbstractItemModelTester m_tester{&m_model,
                                      QAbstractItemModelTester::FailureReportingMode::Warning};
    QSignalSpy m_inserted{&m_model, &QAbstractItemModel::rowsInserted};
    QSignalSpy m_removed{&m_model, &QAbstractItemModel::rowsRemoved};
    QSignalSpy m_moved{&m_model, &QAbstractItemModel::rowsMoved};
    QSignalSpy m_changed{&m_model, &QAbstractItemModel::dataChanged};
    QSignalSpy m_reset{&m_model, &QAbstractItemModel::modelReset};

    void TearDown() override { EXPECT_EQ(m_warnings.messages(), QStringList{}); }
};

TEST_F(ContactListModelTest, StartsWithWhatTheStoreHolds) {
    auto store = core::Store::openInMemory();
    addContact(*store, "Zoe");
    addContact(*store, "adam");
    ContactListModel model(*store);
    EXPECT_EQ(names(model), (QStringList{"adam", "Zoe"}));
}

TEST_F(ContactListModelTest, InsertsEachAddedContactAtItsSortedRow) {
    addContact(*m_store, "Mia");
    ASSERT_EQ(m_inserted.size(), 1);
    expectRows(m_inserted.at(0), 0, 0);

    addContact(*m_store, "ava");  // case is ignored: before Mia
    ASSERT_EQ(m_inserted.size(), 2);
    expectRows(m_inserted.at(1), 0, 0);

    addContact(*m_store, "Zed");
    ASSERT_EQ(m_inserted.size(), 3);
    expectRows(m_inserted.at(2), 2, 2);

    addContact(*m_store, "Ava");  // the same name as "ava": the later record comes after it
    ASSERT_EQ(m_inserted.size(), 4);
    expectRows(m_inserted.at(3), 1, 1);

    EXPECT_EQ(m_model.rowCount(), 4);
    EXPECT_EQ(names(m_model), (QStringList{"ava", "Ava", "Mia", "Zed"}));
    EXPECT_EQ(m_removed.size(), 0);
    EXPECT_EQ(m_reset.size(), 0);
}

TEST_F(ContactListModelTest, ChangesARowInPlaceWhenItsOrderHolds) {
    addContact(*m_store, "Ann");
    const core::Id mia = addContact(*m_store, "Mia");
    addContact(*m_store, "Zed");
    m_changed.clear();

    auto contact = m_store->get<core::Contact>(mia);
    contact.tags = {"podcast", "seo"};
    contact.stage = core::Stage::Engaged;
    m_store->update(contact);

    ASSERT_EQ(m_changed.size(), 1);
    EXPECT_EQ(m_changed.at(0).at(0).value<QModelIndex>().row(), 1);
    EXPECT_EQ(m_changed.at(0).at(1).value<QModelIndex>().row(), 1);
    EXPECT_EQ(m_moved.size(), 0);
    EXPECT_EQ(m_model.index(1).data(ContactListModel::TagsRole).toStringList(),
              (QStringList{"podcast", "seo"}));
    EXPECT_EQ(m_model.index(1).data(ContactListModel::StageRole).toString(), "engaged");
    EXPECT_TRUE(m_model.index(1).data(SecondaryTextRole).toString().contains("#podcast #seo"));
}

TEST_F(ContactListModelTest, MovesARenamedContactToItsNewRow) {
    addContact(*m_store, "Ann");
    const core::Id mia = addContact(*m_store, "Mia");
    addContact(*m_store, "Zed");

    // Up: Mia (row 1) becomes Aaron (row 0).
    auto contact = m_store->get<core::Contact>(mia);
    contact.displayName = "Aaron";
    m_store->update(contact);
    ASSERT_EQ(m_moved.size(), 1);
    EXPECT_EQ(m_moved.at(0).at(1).toInt(), 1);  // start
    EXPECT_EQ(m_moved.at(0).at(2).toInt(), 1);  // end
    EXPECT_EQ(m_moved.at(0).at(4).toInt(), 0);  // destination
    EXPECT_EQ(names(m_model), (QStringList{"Aaron", "Ann", "Zed"}));

    // Down: Aaron (row 0) becomes Zoe, after Zed; the destination counts the rows before the
    // move, so it is 3.
    contact.displayName = "Zoe";
    m_store->update(contact);
    ASSERT_EQ(m_moved.size(), 2);
    EXPECT_EQ(m_moved.at(1).at(1).toInt(), 0);
    EXPECT_EQ(m_moved.at(1).at(4).toInt(), 3);
    EXPECT_EQ(names(m_model), (QStringList{"Ann", "Zed", "Zoe"}));
    EXPECT_EQ(m_model.rowOf(mia), 2);
    EXPECT_EQ(m_inserted.size(), 3);
    EXPECT_EQ(m_removed.size(), 0);
}

TEST_F(ContactListModelTest, RemovesExactlyTheRemovedRow) {
    addContact(*m_store, "Ann");
    const core::Id bea = addContact(*m_store, "Bea");
    addContact(*m_store, "Cid");
    addInteraction(*m_store, bea);
    EXPECT_EQ(m_model.interactionTotal(), 1);

    m_store->remove<core::Contact>(bea);
    ASSERT_EQ(m_removed.size(), 1);
    expectRows(m_removed.at(0), 1, 1);
    EXPECT_EQ(m_model.rowCount(), 2);
    EXPECT_EQ(names(m_model), (QStringList{"Ann", "Cid"}));
    EXPECT_EQ(m_model.interactionTotal(), 0);  // its interactions went with it
}

TEST_F(ContactListModelTest, CountsInteractionsPerRow) {
    addContact(*m_store, "Ann");
    const core::Id bea = addContact(*m_store, "Bea");
    m_changed.clear();

    const core::Id first = addInteraction(*m_store, bea);
    addInteraction(*m_store, bea);
    ASSERT_EQ(m_changed.size(), 2);
    EXPECT_EQ(m_changed.at(1).at(0).value<QModelIndex>().row(), 1);
    EXPECT_EQ(m_model.index(1).data(ContactListModel::InteractionCountRole).toInt(), 2);
    EXPECT_EQ(m_model.index(0).data(ContactListModel::InteractionCountRole).toInt(), 0);
    EXPECT_TRUE(m_model.index(1).data(SecondaryTextRole).toString().contains("2 interactions"));

    m_changed.clear();
    m_store->remove<core::Interaction>(first);
    ASSERT_EQ(m_changed.size(), 1);  // only Bea's row: Ann's count did not move
    EXPECT_EQ(m_changed.at(0).at(0).value<QModelIndex>().row(), 1);
    EXPECT_EQ(m_model.index(1).data(ContactListModel::InteractionCountRole).toInt(), 1);
    EXPECT_EQ(m_model.interactionTotal(), 1);
}

TEST_F(ContactListModelTest, HearsNothingFromARolledBackTransaction) {
    addContact(*m_store, "Ann");
    m_inserted.clear();
    EXPECT_THROW(m_store->transaction([&] {
        addContact(*m_store, "Bea");
        throw std::runtime_error("changed my mind");
    }),
                 std::runtime_error);
    EXPECT_EQ(m_inserted.size(), 0);
    EXPECT_EQ(m_model.rowCount(), 1);
}

TEST_F(ContactListModelTest, ResetsOnceForABulkChange) {
    addContact(*m_store, "Ann");
    m_inserted.clear();
    m_store->bulkTransaction([&] {
        addContact(*m_store, "Bea");
        addContact(*m_store, "Cid");
    });
    EXPECT_EQ(m_reset.size(), 1);
    EXPECT_EQ(m_inserted.size(), 0);
    EXPECT_EQ(names(m_model), (QStringList{"Ann", "Bea", "Cid"}));
}

}  // namespace
}  // namespace rapport::ui
