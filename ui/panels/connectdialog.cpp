#include "ui/panels/connectdialog.h"
#include "ui/util/strings.h"

#include "core/config/serverspec.h"
#include "core/distribution/preset.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ringscope::ui {
ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_demoServers(new QSpinBox(this))
    , m_proxy(new QComboBox(this))
    , m_spec(new QLineEdit(this))
    , m_file(new QLineEdit(this))
    , m_endpoint(new QLineEdit(this))
    , m_preset(new QComboBox(this))
    , m_hash(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Connect"));
    setMinimumWidth(560);

    auto *demo = new QWidget(m_tabs);
    auto *demoForm = new QFormLayout(demo);
    m_demoServers->setRange(1, 32);
    m_demoServers->setValue(4);
    demoForm->addRow(tr("memcached servers"), m_demoServers);
    m_proxy->addItem(tr("none: the client shards"), QString());
    m_proxy->addItem(tr("twemproxy (nutcracker): server-side sharding"), QStringLiteral("twemproxy"));
    m_proxy->addItem(tr("nginx, round-robin"), QStringLiteral("nginx-rr"));
    m_proxy->addItem(tr("nginx, least_conn"), QStringLiteral("nginx-least-conn"));
    m_proxy->addItem(tr("nginx, hash $key consistent"), QStringLiteral("nginx-hash"));
    demoForm->addRow(tr("in front"), m_proxy);
    auto *demoNote = new QLabel(tr("Real memcached processes on 127.0.0.1 (UDP off), started and stopped by "
                                   "RingScope. Kill, hang and restart act on them for real."),
                                demo);
    demoNote->setWordWrap(true);
    demoForm->addRow(demoNote);
    m_tabs->addTab(demo, tr("Local demo"));

    auto *servers = new QWidget(m_tabs);
    auto *serversForm = new QFormLayout(servers);
    m_spec->setPlaceholderText(QStringLiteral("10.0.0.1:11211,10.0.0.2:11211:2,[::1]:11211 cache-c"));
    serversForm->addRow(tr("servers"), m_spec);
    m_tabs->addTab(servers, tr("Server list"));

    auto *file = new QWidget(m_tabs);
    auto *fileForm = new QFormLayout(file);
    auto *fileRow = new QHBoxLayout;
    m_file->setPlaceholderText(tr("nutcracker.yml#pool, mcrouter.json#pool, or a list with one server per line"));
    auto *browse = new QPushButton(tr("Browse…"), file);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    fileForm->addRow(tr("config file"), fileRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Cluster configuration"), {},
                                                          tr("Configurations (*.yml *.yaml *.json *.txt *.conf);;All files (*)"));
        if (!path.isEmpty())
            m_file->setText(path);
    });
    m_tabs->addTab(file, tr("Config file"));

    auto *aws = new QWidget(m_tabs);
    auto *awsForm = new QFormLayout(aws);
    m_endpoint->setPlaceholderText(QStringLiteral("my-cluster.abc123.cfg.use1.cache.amazonaws.com:11211"));
    awsForm->addRow(tr("configuration endpoint"), m_endpoint);
    auto *awsNote = new QLabel(tr("Asks the endpoint for its nodes (config get cluster); reads only."), aws);
    awsNote->setWordWrap(true);
    awsForm->addRow(awsNote);
    m_tabs->addTab(aws, tr("ElastiCache"));

    m_preset->addItem(tr("(the config's own, or libmemcached-ketama-weighted)"), QString());
    for (const auto &p : core::allPresets())
        m_preset->addItem(latin(p.name), latin(p.name));
    m_hash->addItem(tr("(the preset's)"), QString());
    for (const auto &h : core::allHashes())
        m_hash->addItem(latin(h.name), latin(h.name));
    auto *placement = new QFormLayout;
    placement->addRow(tr("preset"), m_preset);
    placement->addRow(tr("hash"), m_hash);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #D55E00; font-weight: bold"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addLayout(placement);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    for (QLineEdit *edit : {m_spec, m_file, m_endpoint})
        connect(edit, &QLineEdit::textEdited, m_error, &QLabel::hide);
}

void ConnectDialog::setRequest(const ClusterRequest &request)
{
    m_tabs->setCurrentIndex(static_cast<int>(request.kind));
    m_demoServers->setValue(request.demoServers);
    m_proxy->setCurrentIndex(std::max(0, m_proxy->findData(request.proxy)));
    if (request.kind == ClusterRequest::Kind::Servers)
        m_spec->setText(request.spec);
    if (request.kind == ClusterRequest::Kind::ConfigFile)
        m_file->setText(request.spec);
    if (request.kind == ClusterRequest::Kind::ElastiCache)
        m_endpoint->setText(qs(request.endpoint.address()));
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(request.preset)));
    m_hash->setCurrentIndex(std::max(0, m_hash->findData(request.hash)));
}

QString ConnectDialog::error() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

QString ConnectDialog::check()
{
    ClusterRequest r;
    r.kind = static_cast<ClusterRequest::Kind>(m_tabs->currentIndex());
    r.preset = m_preset->currentData().toString();
    r.hash = m_hash->currentData().toString();
    if (!r.hash.isEmpty() && !r.preset.isEmpty()) {
        const core::Preset *p = core::findPreset(r.preset.toStdString());
        if (p && !p->hashSelectable)
            return tr("preset %1 fixes its own hash: leave the hash at \"(the preset's)\"").arg(r.preset);
    }
    switch (r.kind) {
    case ClusterRequest::Kind::Demo:
        r.demoServers = m_demoServers->value();
        r.proxy = m_proxy->currentData().toString();
        break;
    case ClusterRequest::Kind::Servers:
    case ClusterRequest::Kind::ConfigFile: {
        const bool file = r.kind == ClusterRequest::Kind::ConfigFile;
        r.spec = (file ? m_file : m_spec)->text().trimmed();
        if (r.spec.isEmpty())
            return file ? tr("config file: give the path of a twemproxy .yml, an mcrouter .json or a server list")
                        : tr("servers: give at least one host:port");
        const std::string text = file ? "@" + r.spec.toStdString() : r.spec.toStdString();
        auto spec = core::loadClusterSpec(text);
        if (!spec)
            return (file ? tr("config file: ") : tr("servers: ")) + qs(spec.error);
        r.servers = spec.value->servers;
        r.hashTag = QString::fromStdString(spec.value->hashTag);
        if (r.preset.isEmpty() && !spec.value->preset.empty())
            r.preset = qs(spec.value->preset);
        if (r.hash.isEmpty() && spec.value->hash)
            r.hash = latin(core::hashName(*spec.value->hash));
        break;
    }
    case ClusterRequest::Kind::ElastiCache: {
        const QString text = m_endpoint->text().trimmed();
        if (text.isEmpty())
            return tr("configuration endpoint: give host:port");
        auto server = core::parseServer(text.toStdString());
        if (!server)
            return tr("configuration endpoint: ") + qs(server.error);
        r.endpoint = *server.value;
        r.spec = text;
        break;
    }
    }
    m_request = r;
    return {};
}

void ConnectDialog::accept()
{
    if (const QString e = check(); !e.isEmpty()) {
        m_error->setText(e);
        m_error->show();
        return;
    }
    m_error->clear();
    m_error->hide();
    QDialog::accept();
}

} // namespace ringscope::ui
