#include "ui/panels/keyinspector.h"
#include "ui/util/strings.h"

#include "core/distribution/hashtagdistribution.h"
#include "core/distribution/failover.h"
#include "core/distribution/preset.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ringscope::ui {

KeyInspector::KeyInspector(QWidget *parent)
    : QWidget(parent)
    , m_key(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_held(new QLabel(this))
{
    m_held->setWordWrap(true);
    m_held->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_key->setPlaceholderText(tr("Type a key, e.g. user:42"));
    m_key->setClearButtonEnabled(true);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Preset"), tr("Hash"), tr("Owner"), tr("Owner down")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_key);
    layout->addWidget(m_summary);
    layout->addWidget(m_held);
    layout->addWidget(m_table, 1);
    connect(m_key, &QLineEdit::textChanged, this, &KeyInspector::refresh);
    connect(m_key, &QLineEdit::textEdited, this, [this](const QString &text) { m_typed = !text.isEmpty(); });
    connect(m_key, &QLineEdit::textChanged, this, [this](const QString &key) {
        m_held->clear();
        Q_EMIT keyChanged(key);
    });
}

void KeyInspector::setCluster(const core::ServerList &servers, const QString &preset, const QString &hash)
{
    m_servers = servers;
    m_preset = preset;
    m_hash = hash;
    refresh();
}

void KeyInspector::inspect(const QString &key)
{
    m_key->setText(key);
}

void KeyInspector::inspectHovered(const QString &key)
{
    if (!m_typed)
        m_key->setText(key);
}

void KeyInspector::showHeld(const QString &key, const QStringList &holders)
{
    if (key != m_key->text())
        return; // an answer for a key the user has typed past
    QStringList lines;
    for (const auto &h : holders)
        lines << h.toHtmlEscaped();
    m_held->setText(lines.isEmpty() ? tr("No server holds it right now (asked with mg, no LRU bump).")
                                    : tr("Held right now (mg, no LRU bump):<br>") + lines.join(QStringLiteral("<br>")));
}

void KeyInspector::setReplicas(int replicas)
{
    if (replicas == m_replicas)
        return;
    m_replicas = std::max(1, replicas);
    refresh();
}

void KeyInspector::setHashTag(const QString &tag)
{
    if (tag == m_hashTag)
        return;
    m_hashTag = tag;
    refresh();
}

void KeyInspector::setPickedServer(int server)
{
    if (server == m_picked)
        return;
    m_picked = server;
    refresh();
}

void KeyInspector::refresh()
{
    const QByteArray key = m_key->text().toUtf8();
    const std::string_view k(key.constData(), static_cast<std::size_t>(key.size()));
    m_table->setRowCount(0);
    if (key.isEmpty() || m_servers.empty()) {
        m_summary->setText(tr("Owner under every preset, for the servers on the ring."));
        return;
    }
    std::string error;
    QString currentOwner;
    for (const core::Preset &p : core::allPresets()) {
        const bool current = QLatin1String(p.name.data(), static_cast<qsizetype>(p.name.size())) == m_preset;
        const auto hash = current && p.hashSelectable ? core::parseHash(m_hash.toStdString()) : std::nullopt;
        const auto d = core::withHashTag(core::makeDistribution(p, m_servers, hash, {}, error),
                                         current ? m_hashTag.toStdString() : std::string());
        if (!d)
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QString owner = d->deterministic() ? QString::fromStdString(d->servers()[d->owner(k)].address())
                                                 : tr("any (random per request)");
        auto *name = new QTableWidgetItem(QString::fromLatin1(p.name.data(), static_cast<qsizetype>(p.name.size())));
        if (current) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
            currentOwner = owner;
            // With replication, its R servers; without, where it goes if its owner fails (rehash).
            const auto next = d->deterministic() ? d->successors(k, static_cast<std::size_t>(std::max(2, m_replicas)))
                                                 : std::vector<std::size_t>{};
            QStringList others;
            for (std::size_t i = 1; i < next.size(); ++i)
                others << QString::fromStdString(d->servers()[next[i]].address());
            const QString copies = m_replicas > 1
                ? tr("replicas (R=%1): %2").arg(m_replicas).arg(others.join(QStringLiteral(", ")))
                : tr("no replicas (R=1); where it goes with a server down is the last column (the real client's rule)");
            m_summary->setText(tr("<b>%1</b>: position %2 on the ring → <b>%3</b>; %4")
                                   .arg(m_key->text().toHtmlEscaped())
                                   .arg(d->position(k))
                                   .arg(owner, copies));
        }
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(core::presetHashLabel(p, hash))));
        m_table->setItem(row, 2, new QTableWidgetItem(owner));
        // With the picked server (or the key's owner) down, as the preset's real client fails over.
        QString whenDown = QStringLiteral("—");
        if (d->deterministic()) {
            const std::size_t down = m_picked >= 0 && static_cast<std::size_t>(m_picked) < m_servers.size()
                ? static_cast<std::size_t>(m_picked)
                : d->owner(k);
            const auto client = core::failoverOf(p.name);
            const std::string tag = current ? m_hashTag.toStdString() : std::string();
            const auto build = [&p, hash, tag](core::ServerList list) {
                std::string e;
                return core::withHashTag(core::makeDistribution(p, list, hash, {}, e), tag);
            };
            std::string why;
            if (const auto f = core::FailoverPlacement::make(m_servers, {down}, client.rule, build, why, p.name)) {
                const auto to = f->owner(k);
                whenDown = to ? QString::fromStdString(m_servers[*to].address()) : tr("fails");
                m_table->setItem(row, 3, new QTableWidgetItem(whenDown));
                m_table->item(row, 3)->setToolTip(tr("%1 down: %2 (%3)")
                                                       .arg(QString::fromStdString(m_servers[down].address()),
                                                            latin(client.client), QString::fromLatin1(core::failoverName(client.rule))));
            }
        }
        if (!m_table->item(row, 3))
            m_table->setItem(row, 3, new QTableWidgetItem(whenDown));
    }
    m_table->horizontalHeaderItem(3)->setText(m_picked >= 0 && static_cast<std::size_t>(m_picked) < m_servers.size()
                                                  ? tr("With %1 down").arg(QString::fromStdString(m_servers[static_cast<std::size_t>(m_picked)].address()))
                                                  : tr("Its owner down"));
    // Where another client would look elsewhere, say so.
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (!currentOwner.isEmpty() && m_table->item(row, 2)->text() != currentOwner)
            m_table->item(row, 2)->setForeground(QColor(0xD5, 0x5E, 0x00));
}

} // namespace ringscope::ui
