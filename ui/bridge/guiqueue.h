#pragma once

#include <QObject>

#include <functional>
#include <mutex>
#include <vector>

namespace ringscope::ui {

// Work for the GUI thread from any thread. It goes through a queue under a
// std::mutex, and only a wake-up through Qt's event loop: ThreadSanitizer
// sees the hand-off of what the work captured (Debian's Qt is not
// instrumented, so a functor posted with QMetaObject::invokeMethod looks like
// a race to it). Work still queued when the queue is destroyed is dropped.
class GuiQueue : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    void post(std::function<void()> work);

private Q_SLOTS:
    void drain();

private:
    std::mutex m_mutex;
    std::vector<std::function<void()>> m_queue;
};

} // namespace ringscope::ui
