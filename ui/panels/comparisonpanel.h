#pragma once

#include "core/placement/keyset.h"
#include "core/placement/methodcomparison.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace ringscope::ui {

// The source's comparison table with numbers measured on the current cluster
// and keys: every placement method and replication scheme, the keys moved by
// adding and by removing a server, load imbalance, what one server down
// costs, and the lookup cost. A table and a bar chart; the numbers are the
// ones `ringscope-cli compare` prints for the command line shown under them.
class ComparisonPanel : public QWidget {
    Q_OBJECT

public:
    explicit ComparisonPanel(QWidget *parent = nullptr);
    ~ComparisonPanel() override;

    // The cluster to measure on. `replicationPreset` is the placement the
    // replication rows use (the window's current one); the window's key hash
    // (empty: each preset's own) and points per server (0: each preset's
    // default) apply to every preset that lets them be chosen, as in
    // `ringscope-cli compare --hash H --points N`; the window's twemproxy
    // hash_tag (empty: none) to every method, as `--hash-tag XY`. Measures
    // again when the panel is visible.
    void setCluster(const core::ServerList &servers, std::shared_ptr<const core::KeySet> keys,
                    const QString &replicationPreset, const QString &hash = {}, int points = 0,
                    const QString &hashTag = {});
    // The keys the servers really hold (the last metadump audit): offered as
    // the keys to measure on, instead of the sample keys. Null: forget them
    // (another cluster).
    void setClusterKeys(std::shared_ptr<const core::KeySet> keys);
    // Measure on the cluster's keys (true) or the sample keys.
    bool useClusterKeys(bool use);
    // Writes the keys measured on, one a line, for `ringscope-cli compare
    // --keys-file`; the command line below then names the file.
    QString saveKeys(const QString &path);
    // Measures now (off the GUI thread); finished() when done.
    void run();
    bool busy() const noexcept { return m_worker.joinable(); }

    const std::vector<core::MethodMeasurement> &results() const noexcept { return m_results; }
    core::ComparisonRequest request() const; // what the controls say
    QStringList commandLine() const;         // ringscope-cli arguments for the same numbers
    QTableWidget *table() const noexcept { return m_table; }
    QCustomPlot *chart() const noexcept { return m_chart; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void finished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void poll();
    std::shared_ptr<const core::KeySet> currentKeys() const;
    void showResults();
    void plotMetric();

    core::ServerList m_servers;
    std::shared_ptr<const core::KeySet> m_keys;
    std::shared_ptr<const core::KeySet> m_clusterKeys;
    QString m_keysFile; // where saveKeys() last wrote the keys
    QString m_replicationPreset;
    QString m_hash; // empty: every preset's own
    int m_points = 0; // 0: every preset's default
    QString m_hashTag; // empty: none
    bool m_stale = true;

    QLineEdit *m_add;
    QComboBox *m_remove;
    QCheckBox *m_replication;
    QComboBox *m_keySource;
    QPushButton *m_saveKeys;
    QPushButton *m_runButton;
    QComboBox *m_metric;
    QTableWidget *m_table;
    QCustomPlot *m_chart;
    QLineEdit *m_command;
    QLabel *m_status;
    QTimer *m_poll;

    std::thread m_worker;
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_stop{false}; // set once, when the panel goes
    std::vector<core::MethodMeasurement> m_pending; // written by the worker until m_done
    std::string m_pendingError;
    std::vector<core::MethodMeasurement> m_results;
    QString m_error;
    std::size_t m_keyCount = 0;
};

} // namespace ringscope::ui
