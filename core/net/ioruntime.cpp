#include "ioruntime.h"

namespace ringscope::core {

IoRuntime::IoRuntime()
    : m_io(1)
    , m_guard(asio::make_work_guard(m_io))
    , m_thread([this] { m_io.run(); })
{
}

IoRuntime::~IoRuntime()
{
    stop();
}

void IoRuntime::stop()
{
    if (!m_thread.joinable())
        return;
    m_guard.reset();
    m_io.stop();
    m_thread.join();
}

} // namespace ringscope::core
