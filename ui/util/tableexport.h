#pragma once

#include <QString>

#include <functional>

class QAbstractItemModel;

namespace ringscope::ui {

struct RingScene;

// RFC 4180 CSV: a header row, then every row of the model as displayed.
// An empty string, or what went wrong.
QString writeCsv(const QAbstractItemModel &model, const QString &path);
// Every key of the scene: name, position on the ring, owner, and the
// previous owner when it moved in the last change.
QString writeKeysCsv(const RingScene &scene, const QString &path);

// The file an export writes, from the name the user chose: `chosen`, with
// `suffix` (".png") added when it does not end in it. The save dialog asked
// about replacing `chosen` only, so when the added suffix names a file that
// exists, `replace` is asked about that file; an empty result means the
// user said no and nothing is written.
QString exportPath(const QString &chosen, const QString &suffix,
                   const std::function<bool(const QString &existing)> &replace);

} // namespace ringscope::ui
