#include "ui/panels/placementbar.h"
#include "ui/session/clustersession.h"
#include "ui/util/strings.h"

#include "core/placement/keyset.h"
#include "core/config/serverspec.h"
#include "core/distribution/preset.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>

namespace ringscope::ui {

PlacementBar::PlacementBar(ClusterSession &session, QWidget *parent)
    : QToolBar(tr("Cluster"), parent)
    , m_session(session)
    , m_preset(new QComboBox(this))
    , m_hash(new QComboBox(this))
    , m_spec(new QLineEdit(this))
    , m_keys(new QSpinBox(this))
{
    setObjectName(QStringLiteral("clusterToolBar"));
    m_preset->setObjectName(QStringLiteral("presetBox"));
    m_hash->setObjectName(QStringLiteral("hashBox"));
    m_spec->setObjectName(QStringLiteral("serversEdit"));
    for (const auto &p : core::allPresets()) {
        m_preset->addItem(latin(p.name));
        m_preset->setItemData(m_preset->count() - 1, latin(p.software), Qt::ToolTipRole);
    }
    m_spec->setMinimumWidth(300);
    m_spec->setToolTip(tr("host:port[:weight][ name], separated by commas; Enter applies (placement only)"));
    m_keys->setRange(100, 1000000);
    m_keys->setSingleStep(10000);
    m_keys->setSuffix(tr(" keys"));
    m_keys->setToolTip(tr("Sample keys drawn on the ring (written to the demo cluster)"));

    addAction(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Connect…"), this, &PlacementBar::connectRequested);
    addWidget(new QLabel(tr(" Preset "), this));
    addWidget(m_preset);
    addWidget(new QLabel(tr(" Hash "), this));
    addWidget(m_hash);
    addWidget(new QLabel(tr(" Servers "), this));
    addWidget(m_spec);
    addWidget(m_keys);

    connect(m_preset, &QComboBox::currentTextChanged, this, [this](const QString &preset) {
        if (const QString e = m_session.setPreset(preset, QString()); !e.isEmpty())
            m_session.note(EventKind::Info, e);
        showSession();
    });
    connect(m_hash, &QComboBox::currentTextChanged, this, [this](const QString &hash) {
        if (hash.isEmpty() || !m_hash->isEnabled())
            return;
        const core::Preset *p = core::findPreset(m_session.preset().toStdString());
        const QString current = m_session.hash().isEmpty() && p ? latin(core::hashName(p->defaultHash)) : m_session.hash();
        if (hash != current)
            if (const QString e = m_session.setPreset(m_session.preset(), hash); !e.isEmpty())
                m_session.note(EventKind::Info, e);
    });
    connect(m_spec, &QLineEdit::returnPressed, this, [this] {
        const auto parsed = core::parseServerList(m_spec->text().toStdString());
        if (!parsed) {
            Q_EMIT refused(tr("Servers"), qs(parsed.error));
            return;
        }
        if (const QString e = m_session.setServers(*parsed.value, tr("servers set to %1").arg(m_spec->text())); !e.isEmpty())
            Q_EMIT refused(tr("Servers"), e);
    });
    connect(m_keys, &QSpinBox::editingFinished, this, [this] {
        if (const QString e = m_session.setKeyCount(m_keys->value()); !e.isEmpty())
            Q_EMIT refused(tr("Sample keys"), e);
    });
    connect(&session, &ClusterSession::sceneChanged, this, &PlacementBar::showSession);
    showSession();
}

void PlacementBar::showSession()
{
    const QSignalBlocker a(m_preset), b(m_hash), c(m_keys);
    m_preset->setCurrentText(m_session.preset());
    m_hash->clear();
    if (const core::Preset *p = core::findPreset(m_session.preset().toStdString())) {
        if (p->hashSelectable) {
            for (const auto &h : core::allHashes())
                m_hash->addItem(latin(h.name));
            m_hash->setCurrentText(m_session.hash().isEmpty() ? latin(core::hashName(p->defaultHash)) : m_session.hash());
        } else {
            m_hash->addItem(qs(core::presetHashLabel(*p, std::nullopt)));
        }
        m_hash->setEnabled(p->hashSelectable);
    }
    m_spec->setText(specOf(m_session.servers()));
    m_keys->setValue(static_cast<int>(m_session.keys()->size()));
}

} // namespace ringscope::ui
