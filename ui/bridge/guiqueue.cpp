#include "ui/bridge/guiqueue.h"

#include <QMetaObject>

namespace ringscope::ui {

void GuiQueue::post(std::function<void()> work)
{
    bool wake = false;
    {
        const std::lock_guard lock(m_mutex);
        wake = m_queue.empty();
        m_queue.push_back(std::move(work));
    }
    if (wake)
        QMetaObject::invokeMethod(this, "drain", Qt::QueuedConnection);
}

void GuiQueue::drain()
{
    std::vector<std::function<void()>> batch;
    {
        const std::lock_guard lock(m_mutex);
        batch.swap(m_queue);
    }
    for (auto &work : batch)
        work();
}

} // namespace ringscope::ui
