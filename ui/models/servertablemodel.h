#pragma once

#include "ui/bridge/livetypes.h"
#include "ui/models/ringscene.h"

#include <QAbstractTableModel>

#include <memory>

namespace ringscope::ui {

// The servers of the current scene: one bulk reset per new scene, then
// dataChanged for the live columns as stats arrive. The weight is editable:
// an edit asks for a topology change (weightEdited), it does not change the
// scene by itself.
class ServerTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Columns {
        Server,
        State,
        Weight,
        Points,
        Keys,
        Share,
        IdealShare,
        Held,
        Misplaced,
        GetsPerSecond,
        SetsPerSecond,
        HitRatio,
        Memory,
        Evictions,
        Latency,
        OurRequests,
        NumColumns
    };
    enum Roles { SortRole = Qt::UserRole + 1 };

    // What the State column says, from the scene and the live state.
    enum class Health { Unknown, Up, Suspect, Down, Hung, Killed, Warming, Ejected };
    static QString healthName(Health h);

    explicit ServerTableModel(QObject *parent = nullptr);

    void setScene(std::shared_ptr<const RingScene> scene, std::vector<std::uint32_t> weights);
    // Health and stats from the servers themselves; empty when not watched.
    void setLive(std::vector<LiveServer> live);
    Health health(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void weightEdited(int row, int weight);

private:
    QVariant display(std::size_t row, int column) const;

    std::shared_ptr<const RingScene> m_scene;
    std::vector<std::uint32_t> m_weights;
    std::vector<std::uint32_t> m_points;
    std::vector<LiveServer> m_live;
};

} // namespace ringscope::ui
