#pragma once

#include "../bridge/clusterbridge.h"
#include "../views/ringscene.h"

#include <QAbstractTableModel>

#include <memory>

namespace ringscope::ui {

// The servers of the current scene: one bulk reset per new scene.
class ServerTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Columns { Server, State, Weight, Points, Keys, Share, IdealShare, Held, GetsPerSecond, HitRatio, NumColumns };

    explicit ServerTableModel(QObject *parent = nullptr);

    void setScene(std::shared_ptr<const RingScene> scene, std::vector<std::uint32_t> weights);
    // Health and stats from the servers themselves; empty when not watched.
    void setLive(std::vector<LiveServer> live);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const RingScene> m_scene;
    std::vector<std::uint32_t> m_weights;
    std::vector<std::uint32_t> m_points;
    std::vector<LiveServer> m_live;
};

} // namespace ringscope::ui
