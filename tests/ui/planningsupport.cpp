#include "planningsupport.h"

#include <QByteArrayView>

#include "core/timeutil.h"

namespace rapport::ui::test {

namespace {

QStringList& modelTestMessages() {
    static QStringList messages;
    return messages;
}

void collect(QtMsgType, const QMessageLogContext& context, const QString& message) {
    if (QByteArrayView(context.category) == "qt.modeltest") {
        modelTestMessages() << message;
    }
}

core::Id addChannel(core::Store& store, const std::string& name, core::ChannelKind kind,
                    std::optional<int> cap, std::vector<int> minutes) {
    core::Channel c = core::Channel::withDefaults(kind);
    c.name = name;
    c.dailyCap = cap;
    c.preferredTimes.clear();
    for (const int m : minutes) {
        c.preferredTimes.push_back(core::TimeOfDay{m});
    }
    return store.add(c);
}

}  // namespace

core::Instant planningNow() {
    return *core::parseInstant("2026-11-23T15:00:00Z");
}

Planning seedPlanning(core::Store& store) {
    store.setInfo({"Planning test", "Europe/Berlin"});
    Planning p;
    p.x = addChannel(store, "X", core::ChannelKind::X, 3, {8 * 60 + 30, 12 * 60 + 15, 17 * 60});
    p.linkedIn = addChannel(store, "LinkedIn", core::ChannelKind::LinkedIn, 1, {8 * 60});
    p.blog = addChannel(store, "Blog", core::ChannelKind::Blog, 1, {7 * 60});

    core::Niche seo;
    seo.name = "SEO readers";
    seo.topic = "Search traffic without tricks";
    seo.whoTheyAre = "Small business owners";
    seo.questions = "Which keywords?";
    seo.whereTheyGather = "Indie Hackers";
    seo.gatherChannelIds = {p.x, p.linkedIn};
    seo.unique = "Twelve years of SEO for small shops";
    seo.provides = "Fixes you can do in an hour";
    seo.draw = "A free keyword worksheet";
    p.seo = store.add(seo);

    core::Niche agencies;
    agencies.name = "Content agencies";
    agencies.topic = "Agencies that write web content";
    agencies.gatherChannelIds = {p.linkedIn};
    p.agencies = store.add(agencies);

    core::Goal relationships;
    relationships.title = "25 real relationships with SEO readers";
    relationships.metric = core::MetricKind::Relationships;
    relationships.baseline = 4;
    relationships.target = 25;
    relationships.startDate = *core::parseDate("2026-11-02");
    relationships.deadline = *core::parseDate("2027-03-01");
    relationships.nicheId = p.seo;
    p.relationshipsGoal = store.add(relationships);

    core::Goal audience;
    audience.title = "5,000 newsletter subscribers";
    audience.metric = core::MetricKind::AudienceSize;
    audience.baseline = 3200;
    audience.target = 5000;
    audience.manualValue = 3410;
    audience.startDate = *core::parseDate("2026-11-02");
    audience.deadline = *core::parseDate("2027-03-31");
    p.audienceGoal = store.add(audience);

    const core::Stage stages[] = {core::Stage::Relationship, core::Stage::Relationship,
                                  core::Stage::Relationship, core::Stage::Customer,
                                  core::Stage::Customer,     core::Stage::Advocate,
                                  core::Stage::Engaged,      core::Stage::Follower};
    int n = 0;
    for (const auto stage : stages) {
        core::Contact c;
        c.displayName = "Reader " + std::to_string(++n);
        c.stage = stage;
        c.nicheId = p.seo;
        c.createdOn = *core::parseDate("2026-11-02");
        store.add(c);
    }
    return p;
}

ModelTesterWarnings::ModelTesterWarnings() {
    modelTestMessages().clear();
    m_previous = qInstallMessageHandler(&collect);
}

ModelTesterWarnings::~ModelTesterWarnings() {
    qInstallMessageHandler(m_previous);
}

const QStringList& ModelTesterWarnings::messages() const {
    return modelTestMessages();
}

}  // namespace rapport::ui::test
