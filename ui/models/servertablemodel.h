#pragma once

#include "../views/ringscene.h"

#include <QAbstractTableModel>

#include <memory>

namespace ringscope::ui {

// The servers of the current scene: one bulk reset per new scene.
class ServerTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Columns { Server, Weight, Points, Keys, Share, IdealShare, NumColumns };

    explicit ServerTableModel(QObject *parent = nullptr);

    void setScene(std::shared_ptr<const RingScene> scene, std::vector<std::uint32_t> weights);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const RingScene> m_scene;
    std::vector<std::uint32_t> m_weights;
    std::vector<std::uint32_t> m_points;
};

} // namespace ringscope::ui
