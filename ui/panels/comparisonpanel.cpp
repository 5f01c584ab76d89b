// qcustomplot.h uses foreach: it must come before any other Qt header.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "ui/panels/comparisonpanel.h"
#include "ui/util/strings.h"

#include "core/config/serverspec.h"
#include "core/distribution/preset.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QSaveFile>
#include <QMessageBox>
#include <QFileDialog>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdlib>

namespace ringscope::ui {
namespace {

enum Column { Method, Hash, MovedAdd, MovedRemove, MaxMean, Stddev, ReadsLost, WritesRefused, Lookup, NumColumns };

// The metrics the chart can show: a column, and whether it is a fraction.
struct Metric {
    Column column;
    bool percent;
};
constexpr Metric kMetrics[] = {{MovedAdd, true},  {MovedRemove, true},   {MaxMean, false},
                               {ReadsLost, true}, {WritesRefused, true}, {Lookup, false}};

std::optional<double> valueOf(const core::MethodMeasurement &m, Column c)
{
    switch (c) {
    case MovedAdd: return m.movedOnAdd;
    case MovedRemove: return m.movedOnRemove;
    case MaxMean: return m.maxOverMean;
    case Stddev: return m.relativeStddev;
    case ReadsLost: return m.readsUnavailable;
    case WritesRefused: return m.writesRefused;
    case Lookup: return m.lookupNanos;
    default: return std::nullopt;
    }
}

} // namespace

ComparisonPanel::ComparisonPanel(QWidget *parent)
    : QWidget(parent)
    , m_add(new QLineEdit(this))
    , m_remove(new QComboBox(this))
    , m_replication(new QCheckBox(tr("Replication schemes"), this))
    , m_keySource(new QComboBox(this))
    , m_saveKeys(new QPushButton(tr("Save keys…"), this))
    , m_runButton(new QPushButton(tr("Measure"), this))
    , m_metric(new QComboBox(this))
    , m_table(new QTableWidget(this))
    , m_chart(new QCustomPlot(this))
    , m_command(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_poll(new QTimer(this))
{
    m_add->setObjectName(QStringLiteral("compareAdd"));
    m_add->setToolTip(tr("The server (SPEC) an add brings; empty: measure no add"));
    m_remove->setObjectName(QStringLiteral("compareRemove"));
    m_remove->setToolTip(tr("The server a remove takes away"));
    m_replication->setChecked(true);
    m_replication->setToolTip(tr("Also measure master-slave, ring and multi-master replication on the window's placement"));
    m_keySource->setObjectName(QStringLiteral("compareKeys"));
    m_keySource->addItem(tr("The sample keys"));
    m_keySource->addItem(tr("The cluster's keys (metadump): none yet"));
    m_keySource->setItemData(1, false, Qt::UserRole - 1); // disabled until an audit has run
    m_keySource->setToolTip(tr("Measure on the sample keys, or on the keys the servers really hold"));
    m_saveKeys->setToolTip(tr("Save the keys measured on, for ringscope-cli compare --keys-file"));
    auto *keysRow = new QHBoxLayout;
    keysRow->addWidget(m_keySource, 1);
    keysRow->addWidget(m_saveKeys);
    auto *form = new QFormLayout;
    form->addRow(tr("Keys:"), keysRow);
    form->addRow(tr("Add:"), m_add);
    form->addRow(tr("Remove:"), m_remove);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_replication);
    buttons->addStretch();
    buttons->addWidget(m_runButton);
    form->addRow(buttons);

    const QString headers[NumColumns] = {tr("Method"),        tr("Hash"),   tr("Moved (add)"),
                                         tr("Moved (remove)"), tr("Max/mean"), tr("Stddev"),
                                         tr("Reads lost"),     tr("Writes refused"), tr("ns/key")};
    const QString tips[NumColumns] = {
        tr("Placement method (and replication scheme)"),
        tr("The hash the method uses"),
        tr("Keys (copies, with replication) that move to another server when the server is added"),
        tr("Keys (copies) that move when the server is removed"),
        tr("Load imbalance: the busiest server's load over its fair share (weighted); 1 is perfect"),
        tr("Standard deviation of the servers' loads over the mean"),
        tr("Reads that find no copy with the busiest server down"),
        tr("Writes the scheme refuses with the busiest server down (master-slave writes only to the primary)"),
        tr("Lookup cost per key on one thread, every replica included (measured here, it varies)")};
    m_table->setColumnCount(NumColumns);
    for (int c = 0; c < NumColumns; ++c) {
        auto *item = new QTableWidgetItem(headers[c]);
        item->setToolTip(tips[c]);
        m_table->setHorizontalHeaderItem(c, item);
    }
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);

    for (const Metric &m : kMetrics)
        m_metric->addItem(headers[m.column], static_cast<int>(m.column));
    m_chart->setObjectName(QStringLiteral("comparisonChart"));
    m_chart->setMinimumHeight(260);
    m_chart->legend->setVisible(true);
    m_chart->legend->setFont(QFont(font().family(), 8));
    m_chart->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    m_command->setReadOnly(true);
    m_command->setObjectName(QStringLiteral("compareCommand"));
    m_status->setWordWrap(true);

    auto *chartBox = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_metric);
    chartLayout->addWidget(m_chart);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(chartBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(m_status);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(new QLabel(tr("The same numbers:"), this));
    commandRow->addWidget(m_command, 1);
    layout->addLayout(commandRow);

    m_poll->setInterval(30);
    connect(m_poll, &QTimer::timeout, this, &ComparisonPanel::poll);
    connect(m_runButton, &QPushButton::clicked, this, &ComparisonPanel::run);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &ComparisonPanel::plotMetric);
    connect(m_keySource, &QComboBox::currentIndexChanged, this, [this] {
        m_keysFile.clear();
        m_stale = true;
        if (isVisible())
            run();
    });
    connect(m_saveKeys, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the keys"), QDir::homePath() + QStringLiteral("/keys.txt"),
                                                          tr("Keys, one a line (*.txt)"));
        if (path.isEmpty())
            return;
        if (const QString error = saveKeys(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Save the keys"), error);
    });
}

ComparisonPanel::~ComparisonPanel()
{
    // Closing the window does not wait for the rest of a long measurement.
    m_stop = true;
    if (m_worker.joinable())
        m_worker.join();
}

void ComparisonPanel::setCluster(const core::ServerList &servers, std::shared_ptr<const core::KeySet> keys,
                                 const QString &replicationPreset, const QString &hash, int points,
                                 const QString &hashTag)
{
    const bool sameServers = servers.size() == m_servers.size()
        && std::equal(servers.begin(), servers.end(), m_servers.begin(), [](const core::Server &a, const core::Server &b) {
               return a.address() == b.address() && a.weight == b.weight;
           });
    if (sameServers && keys == m_keys && replicationPreset == m_replicationPreset && hash == m_hash && points == m_points
        && hashTag == m_hashTag)
        return;
    m_servers = servers;
    m_keys = std::move(keys);
    m_replicationPreset = replicationPreset;
    m_hash = hash;
    m_points = points;
    m_hashTag = hashTag;
    m_add->setText(qs(core::nextFreeServer(servers).address()));
    const QString removed = m_remove->currentData().toString();
    m_remove->clear();
    m_remove->addItem(tr("(none)"), QString());
    for (const auto &s : servers)
        m_remove->addItem(qs(s.label()), qs(s.address()));
    const int again = m_remove->findData(removed);
    // One server cannot be removed: measure the add alone.
    m_remove->setCurrentIndex(servers.size() < 2 ? 0 : again > 0 ? again : m_remove->count() - 1);
    m_stale = true;
    if (isVisible())
        run();
}

void ComparisonPanel::setClusterKeys(std::shared_ptr<const core::KeySet> keys)
{
    if (!keys) { // another cluster: its keys are not known yet
        m_clusterKeys.reset();
        m_keySource->setCurrentIndex(0);
        m_keySource->setItemText(1, tr("The cluster's keys (metadump): none yet"));
        m_keySource->setItemData(1, false, Qt::UserRole - 1);
        return;
    }
    if (m_clusterKeys && std::llabs(static_cast<long long>(m_clusterKeys->size()) - static_cast<long long>(keys->size()))
            * 100 < static_cast<long long>(m_clusterKeys->size()))
        return; // within 1%: a new audit of much the same keys; not worth measuring again
    m_clusterKeys = std::move(keys);
    m_keySource->setItemText(1, tr("The cluster's keys (metadump): %1").arg(m_clusterKeys->size()));
    m_keySource->setItemData(1, QVariant(), Qt::UserRole - 1); // enabled
    if (m_keySource->currentIndex() == 1) {
        m_keysFile.clear();
        m_stale = true;
        if (isVisible())
            run();
    }
}

bool ComparisonPanel::useClusterKeys(bool use)
{
    if (use && !m_clusterKeys)
        return false;
    m_keySource->setCurrentIndex(use ? 1 : 0);
    return true;
}

std::shared_ptr<const core::KeySet> ComparisonPanel::currentKeys() const
{
    return m_keySource->currentIndex() == 1 && m_clusterKeys ? m_clusterKeys : m_keys;
}

QString ComparisonPanel::saveKeys(const QString &path)
{
    const auto keys = currentKeys();
    if (!keys)
        return tr("no keys yet");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot write %1: %2").arg(path, file.errorString());
    for (const auto key : keys->views()) {
        file.write(key.data(), static_cast<qint64>(key.size()));
        file.write("\n", 1);
    }
    if (!file.commit())
        return tr("cannot write %1: %2").arg(path, file.errorString());
    m_keysFile = path;
    showResults();
    return {};
}

void ComparisonPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && !m_servers.empty())
        run();
}

core::ComparisonRequest ComparisonPanel::request() const
{
    core::ComparisonRequest r;
    r.servers = m_servers;
    if (!m_add->text().trimmed().isEmpty())
        if (const auto added = core::parseServerList(m_add->text().trimmed().toStdString()); added)
            r.added = *added.value;
    if (const QString removed = m_remove->currentData().toString(); !removed.isEmpty())
        r.removed = {removed.toStdString()};
    // A preset that places at random has no replicas to measure.
    r.replicationPreset = core::findPreset(m_replicationPreset.toStdString()) && !m_replicationPreset.contains(QLatin1String("random"))
        ? m_replicationPreset.toStdString()
        : std::string("ketama");
    if (m_replication->isChecked())
        r.replication = core::defaultReplicationSchemes(m_servers.size());
    if (!m_hash.isEmpty())
        r.hash = core::parseHash(m_hash.toStdString());
    if (m_points > 0)
        r.options.pointsPerServer = static_cast<std::uint32_t>(m_points);
    r.hashTag = m_hashTag.toStdString();
    return r;
}

QStringList ComparisonPanel::commandLine() const
{
    const core::ComparisonRequest r = request();
    QStringList args{QStringLiteral("compare"), QStringLiteral("--servers"), specOf(r.servers)};
    if (!r.added.empty())
        args << QStringLiteral("--add") << specOf(r.added);
    if (!r.removed.empty())
        args << QStringLiteral("--remove") << qs(r.removed.front());
    if (m_keySource->currentIndex() == 1 && m_clusterKeys)
        args << QStringLiteral("--keys-file") << (m_keysFile.isEmpty() ? tr("KEYS-FILE (Save keys…)") : m_keysFile);
    else
        args << QStringLiteral("--keys") << QString::number(m_keys ? m_keys->size() : 0);
    if (r.hash)
        args << QStringLiteral("--hash") << qs(std::string(core::hashName(*r.hash)));
    if (m_points > 0)
        args << QStringLiteral("--points") << QString::number(m_points);
    if (!r.hashTag.empty())
        args << QStringLiteral("--hash-tag") << qs(r.hashTag);
    if (r.replication.empty())
        args << QStringLiteral("--no-replication");
    else
        args << QStringLiteral("--replication-preset") << qs(r.replicationPreset);
    return args;
}

void ComparisonPanel::run()
{
    const auto keys = currentKeys();
    if (m_worker.joinable() || !keys || m_servers.empty())
        return;
    if (!m_add->text().trimmed().isEmpty()) {
        if (const auto added = core::parseServerList(m_add->text().trimmed().toStdString()); !added) {
            m_error = tr("Add: %1").arg(qs(added.error));
            m_status->setText(m_error);
            return;
        }
    }
    m_stale = false;
    m_done = false;
    m_keyCount = keys->size();
    m_status->setText(tr("measuring %1 keys…").arg(m_keyCount));
    m_runButton->setEnabled(false);
    m_worker = std::thread([this, request = request(), keys] {
        std::string error;
        m_pending = core::compareMethods(request, *keys, error, &m_stop);
        m_pendingError = std::move(error);
        m_done = true;
    });
    m_poll->start();
}

void ComparisonPanel::poll()
{
    if (!m_done)
        return;
    m_poll->stop();
    m_worker.join();
    m_results = std::move(m_pending);
    m_error = qs(m_pendingError);
    m_runButton->setEnabled(true);
    showResults();
    Q_EMIT finished();
    if (m_stale)
        run(); // the cluster changed while measuring
}

void ComparisonPanel::showResults()
{
    QStringList quoted;
    for (const QString &a : commandLine())
        quoted << (a.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + a + QLatin1Char('\'') : a);
    m_command->setText(QStringLiteral("ringscope-cli ") + quoted.join(QLatin1Char(' ')));
    if (!m_error.isEmpty()) {
        m_status->setText(tr("Cannot compare: %1").arg(m_error));
        m_table->setRowCount(0);
        return;
    }
    if (m_results.empty())
        return;
    const auto &first = m_results.front();
    m_status->setText(tr("%1 keys; ideal moves: add %2%, remove %3%; the server down: %4")
                          .arg(m_keyCount)
                          .arg(100 * first.idealOnAdd, 0, 'f', 1)
                          .arg(100 * first.idealOnRemove, 0, 'f', 1)
                          .arg(qs(first.downServer)));
    m_table->setRowCount(static_cast<int>(m_results.size()));
    for (int r = 0; r < static_cast<int>(m_results.size()); ++r) {
        const auto &m = m_results[static_cast<std::size_t>(r)];
        for (int c = 0; c < NumColumns; ++c) {
            QString text;
            if (c == Method)
                text = qs(m.label);
            else if (c == Hash)
                text = qs(m.hash);
            else if (const auto v = valueOf(m, static_cast<Column>(c)); !v)
                text = QStringLiteral("–");
            else if (c == MaxMean || c == Stddev)
                text = QString::number(*v, 'f', 3);
            else if (c == Lookup)
                text = QString::number(*v, 'f', 1);
            else
                text = QString::number(100 * *v, 'f', 2) + QLatin1Char('%');
            auto *item = new QTableWidgetItem(text);
            if (c >= MovedAdd)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    plotMetric();
}

void ComparisonPanel::plotMetric()
{
    m_chart->clearPlottables();
    m_chart->clearItems();
    if (m_results.empty()) {
        m_chart->replot();
        return;
    }
    const auto column = static_cast<Column>(m_metric->currentData().toInt());
    bool percent = false;
    for (const Metric &m : kMetrics)
        if (m.column == column)
            percent = m.percent;
    // Horizontal bars: the methods down the left, as in the table.
    QCPAxis *methods = m_chart->yAxis, *values = m_chart->xAxis;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    auto *bars = new QCPBars(methods, values);
    bars->setName(m_metric->currentText());
    bars->setBrush(QColor(0x00, 0x72, 0xB2));
    bars->setPen(Qt::NoPen);
    bars->setWidth(0.7);
    double top = 0;
    for (std::size_t i = 0; i < m_results.size(); ++i) {
        const auto v = valueOf(m_results[i], column);
        const double y = v ? (percent ? 100 * *v : *v) : 0;
        bars->addData(static_cast<double>(i), y);
        // Short names on the chart: a replication row is known by its scheme.
        const auto &m = m_results[i];
        const QString label = m.replication.mode == core::ReplicationMode::None
            ? qs(m.label)
            : qs(m.label).mid(static_cast<qsizetype>(m.preset.size()) + 3);
        ticker->addTick(static_cast<double>(i), label);
        top = std::max(top, y);
    }
    const auto ideal = column == MovedAdd ? std::optional<double>(m_results.front().idealOnAdd)
        : column == MovedRemove           ? std::optional<double>(m_results.front().idealOnRemove)
        : column == MaxMean               ? std::optional<double>(1.0)
                                          : std::nullopt;
    if (ideal) {
        auto *line = m_chart->addGraph(methods, values);
        line->setName(tr("ideal"));
        line->setPen(QPen(QColor(0xD5, 0x5E, 0x00), 2, Qt::DashLine));
        const double y = percent ? 100 * *ideal : *ideal;
        line->setData({-0.5, static_cast<double>(m_results.size()) - 0.5}, {y, y});
        top = std::max(top, y);
    }
    methods->setTicker(ticker);
    methods->setTickLabelFont(QFont(font().family(), 8));
    methods->setRangeReversed(true);
    methods->setRange(-0.6, static_cast<double>(m_results.size()) - 0.4);
    methods->grid()->setVisible(false);
    values->setLabel(percent ? m_metric->currentText() + tr(" (%)") : m_metric->currentText());
    values->setRange(column == MaxMean ? 0.9 : 0, std::max(top * 1.1, column == MaxMean ? 1.1 : 1.0));
    m_chart->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_chart->replot();
}

} // namespace ringscope::ui
