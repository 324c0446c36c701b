#include "ui/mixpolicyeditor.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/plantext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

QString presetDescription(core::MixPreset preset) {
    switch (preset) {
        case core::MixPreset::EightyTwenty:
            return MixPolicyEditor::tr(
                "Four value posts for every offer: at most 2 offers in "
                "any 10 posts.");
        case core::MixPreset::FourOneOne:
            return MixPolicyEditor::tr(
                "Four value posts and a soft resource for every offer: "
                "at most 1 offer in any 6 posts.");
        case core::MixPreset::FiveThreeTwo:
            return MixPolicyEditor::tr(
                "Five from others, three of your own, two personal: at "
                "most 3 offers in any 10 posts.");
        case core::MixPreset::Custom:
            return MixPolicyEditor::tr("Your own numbers.");
    }
    return {};
}

QSpinBox* smallNumber(QWidget* parent, const QString& name, int min, int max) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(min, max);
    box->setMinimumWidth(70);
    return box;
}

}  // namespace

MixPolicyEditor::MixPolicyEditor(QWidget* parent)
    : QWidget(parent),
      m_presets(new QButtonGroup(this)),
      m_earnFirst(smallNumber(this, QStringLiteral("earnFirst"), 0, 100)),
      m_maxPromo(smallNumber(this, QStringLiteral("ratioMaxPromo"), 0, 100)),
      m_window(smallNumber(this, QStringLiteral("ratioWindow"), 1, 100)),
      m_custom(new QWidget(this)),
      m_summary(new QLabel(this)),
      m_error(FormErrors::makeLine(this)) {
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(8);
    for (std::size_t i = 0; i < core::enumCount<core::MixPreset>(); ++i) {
        const auto preset = static_cast<core::MixPreset>(i);
        auto* radio = new QRadioButton(presetName(preset), this);
        radio->setObjectName(QStringLiteral("preset-%1").arg(i));
        m_presets->addButton(radio, static_cast<int>(i));
        auto* description = new QLabel(presetDescription(preset), this);
        makeHint(description);
        description->setBuddy(radio);
        const int row = static_cast<int>(i);
        grid->addWidget(radio, row, 0, Qt::AlignTop);
        grid->addWidget(description, row, 1);
    }
    grid->setColumnStretch(1, 1);

    auto* custom = new QHBoxLayout(m_custom);
    custom->setContentsMargins(24, 0, 0, 0);
    custom->setSpacing(6);
    custom->addWidget(m_earnFirst);
    custom->addWidget(new QLabel(tr("value posts before the first offer, then at most"), this));
    custom->addWidget(m_maxPromo);
    custom->addWidget(new QLabel(tr("offers in any"), this));
    custom->addWidget(m_window);
    custom->addWidget(new QLabel(tr("posts"), this));
    custom->addStretch(1);

    m_summary->setObjectName(QStringLiteral("mixSummary"));
    m_summary->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("error-mix"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(grid);
    layout->addWidget(m_custom);
    layout->addWidget(m_error);
    layout->addWidget(m_summary);

    connect(m_presets, &QButtonGroup::idClicked, this, &MixPolicyEditor::onPresetChosen);
    for (QSpinBox* box : {m_earnFirst, m_maxPromo, m_window}) {
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (!m_filling) {
                updateSummary();
                emit changed();
            }
        });
    }
    setPolicy(core::MixPolicy::fromPreset(core::MixPreset::EightyTwenty));
}

core::MixPolicy MixPolicyEditor::policy() const {
    core::MixPolicy mix;
    mix.preset = static_cast<core::MixPreset>(std::max(0, m_presets->checkedId()));
    mix.earnFirst = m_earnFirst->value();
    mix.ratioWindow = m_window->value();
    mix.ratioMaxPromo = m_maxPromo->value();
    return mix;
}

void MixPolicyEditor::setPolicy(const core::MixPolicy& mix) {
    m_filling = true;
    if (auto* button = m_presets->button(static_cast<int>(mix.preset))) {
        button->setChecked(true);
    }
    m_earnFirst->setValue(mix.earnFirst);
    m_window->setValue(mix.ratioWindow);
    m_maxPromo->setValue(mix.ratioMaxPromo);
    m_filling = false;
    m_custom->setEnabled(mix.preset == core::MixPreset::Custom);
    updateSummary();
}

void MixPolicyEditor::setPreset(core::MixPreset preset) {
    if (auto* button = m_presets->button(static_cast<int>(preset))) {
        button->setChecked(true);
    }
    onPresetChosen();
}

void MixPolicyEditor::onPresetChosen() {
    const auto preset = static_cast<core::MixPreset>(std::max(0, m_presets->checkedId()));
    if (preset == core::MixPreset::Custom) {
        // Custom starts from the numbers shown, so switching loses nothing.
        core::MixPolicy mix = policy();
        mix.preset = preset;
        setPolicy(mix);
    } else {
        setPolicy(core::MixPolicy::fromPreset(preset));
    }
    emit changed();
}

void MixPolicyEditor::updateSummary() {
    m_summary->setText(tr("In each niche: %1").arg(mixRules(policy())));
}

void MixPolicyEditor::registerErrors(FormErrors* errors) {
    errors->add(QStringLiteral("mix"), m_error, m_earnFirst);
    errors->add(QStringLiteral("mix.ratioMaxPromo"), m_error, m_maxPromo);
    errors->add(QStringLiteral("mix.ratioWindow"), m_error, m_window);
}

}  // namespace rapport::ui
