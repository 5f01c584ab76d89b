#include "ui/panels/trafficbar.h"
#include "ui/session/clustersession.h"
#include "ui/util/names.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace ringscope::ui {

TrafficBar::TrafficBar(ClusterSession &session, QWidget *parent)
    : QToolBar(tr("Traffic and replication"), parent)
    , m_session(session)
    , m_mode(new QComboBox(this))
    , m_replicas(new QSpinBox(this))
    , m_quorum(new QComboBox(this))
    , m_policy(new QComboBox(this))
    , m_failure(new QComboBox(this))
    , m_rate(new QSpinBox(this))
{
    setObjectName(QStringLiteral("trafficToolBar"));
    m_mode->setObjectName(QStringLiteral("replicationBox"));
    m_rate->setObjectName(QStringLiteral("trafficRate"));
    for (const auto mode : {core::ReplicationMode::None, core::ReplicationMode::MasterSlave, core::ReplicationMode::Ring,
                            core::ReplicationMode::MultiMaster})
        m_mode->addItem(modeText(mode), static_cast<int>(mode));
    m_mode->setToolTip(tr("Replication of our traffic: none, master-slave, ring (owner + next R-1), "
                          "multi-master (write quorum W)"));
    m_replicas->setRange(1, 16);
    m_replicas->setPrefix(tr("R="));
    m_quorum->addItem(tr("W=all"), 0);
    m_quorum->addItem(tr("W=majority"), -1);
    m_quorum->addItem(tr("W=1"), 1);
    for (const auto p : {core::ReadPolicy::Primary, core::ReadPolicy::RoundRobin, core::ReadPolicy::LeastOutstanding,
                         core::ReadPolicy::Hash})
        m_policy->addItem(policyText(p), static_cast<int>(p));
    m_policy->setToolTip(tr("Which replica a read goes to first"));
    for (const auto f : {core::OnFailure::Miss, core::OnFailure::Rehash})
        m_failure->addItem(onFailureText(f), static_cast<int>(f));
    m_failure->setToolTip(tr("Without replication, the keys of a server that is down: miss, or go to the next "
                             "server on the ring (auto-eject)"));
    m_traffic = new QAction(tr("Traffic"), this);
    m_traffic->setCheckable(true);
    m_traffic->setToolTip(tr("RingScope's traffic generator: Zipf keys, 90% gets, cache-aside fill (writes)"));
    m_rate->setRange(1, 100000);
    m_rate->setSingleStep(50);
    m_rate->setSuffix(tr(" ops/s"));

    addWidget(new QLabel(tr(" Replication "), this));
    addWidget(m_mode);
    addWidget(m_replicas);
    addWidget(m_quorum);
    addWidget(new QLabel(tr(" Reads "), this));
    addWidget(m_policy);
    addWidget(new QLabel(tr(" On failure "), this));
    addWidget(m_failure);
    addSeparator();
    addAction(m_traffic);
    addWidget(m_rate);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &TrafficBar::apply);
    connect(m_replicas, &QSpinBox::editingFinished, this, &TrafficBar::apply);
    connect(m_quorum, &QComboBox::currentIndexChanged, this, &TrafficBar::apply);
    connect(m_policy, &QComboBox::currentIndexChanged, this, &TrafficBar::apply);
    connect(m_failure, &QComboBox::currentIndexChanged, this, &TrafficBar::apply);
    connect(m_traffic, &QAction::triggered, this, [this](bool on) {
        if (on && !m_session.writable() && !(m_session.mode() == ClusterSession::Mode::Demo && !m_session.demoRunning())) {
            showSession();
            Q_EMIT refused(tr("Traffic"), tr("The traffic generator writes (cache-aside fill). Switch writing on first "
                                             "(Cluster ▸ Writing allowed); the demo cluster allows it."));
            return;
        }
        m_session.setTraffic(on, m_rate->value());
    });
    connect(m_rate, &QSpinBox::editingFinished, this, [this] {
        if (m_session.trafficRate() != m_rate->value())
            m_session.setTraffic(m_session.trafficWanted(), m_rate->value());
    });
    connect(&session, &ClusterSession::replicationChanged, this, &TrafficBar::showSession);
    connect(&session, &ClusterSession::trafficChanged, this, &TrafficBar::showSession);
    showSession();
}

void TrafficBar::apply()
{
    ReplicationChoice c;
    c.mode = static_cast<core::ReplicationMode>(m_mode->currentData().toInt());
    c.replicas = m_replicas->value();
    c.quorum = m_quorum->currentData().toInt();
    c.policy = static_cast<core::ReadPolicy>(m_policy->currentData().toInt());
    c.onFailure = static_cast<core::OnFailure>(m_failure->currentData().toInt());
    m_session.setReplication(c);
    showSession();
}

void TrafficBar::showSession()
{
    const ReplicationChoice &c = m_session.replication();
    const QSignalBlocker a(m_mode), b(m_replicas), d(m_quorum), e(m_policy), f(m_failure), g(m_traffic), h(m_rate);
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(c.mode)));
    m_replicas->setValue(c.replicas);
    m_quorum->setCurrentIndex(std::max(0, m_quorum->findData(c.quorum)));
    m_policy->setCurrentIndex(m_policy->findData(static_cast<int>(c.policy)));
    m_failure->setCurrentIndex(m_failure->findData(static_cast<int>(c.onFailure)));
    m_replicas->setEnabled(c.mode != core::ReplicationMode::None);
    m_quorum->setEnabled(c.mode == core::ReplicationMode::MultiMaster);
    m_traffic->setChecked(m_session.trafficWanted());
    m_rate->setValue(static_cast<int>(m_session.trafficRate()));
}

} // namespace ringscope::ui
