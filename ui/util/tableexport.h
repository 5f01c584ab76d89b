#pragma once

#include <QString>

class QAbstractItemModel;

namespace ringscope::ui {

struct RingScene;

// RFC 4180 CSV: a header row, then every row of the model as displayed.
// An empty string, or what went wrong.
QString writeCsv(const QAbstractItemModel &model, const QString &path);
// Every key of the scene: name, position on the ring, owner, and the
// previous owner when it moved in the last change.
QString writeKeysCsv(const RingScene &scene, const QString &path);

} // namespace ringscope::ui
