#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace ringscope::test {

// A port on 127.0.0.1 that was free a moment ago.
quint16 freePort();

// Polls until something accepts TCP connections on 127.0.0.1:port.
bool waitForPort(quint16 port, int timeoutMs);

// A program from PATH or the sbin directories; empty when not installed.
QString findProgram(const QString &name);

// A server process the test started; killed and reaped when it goes away.
class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess() { stop(); }
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts `program` and waits until it listens on `port`. On failure,
    // `error` says why, with the process's own output.
    bool start(const QString &program, const QStringList &args, quint16 port, QString *error);
    void stop();
    // SIGSTOP, SIGCONT, SIGKILL… to the process this test started.
    void signal(int sig);
    quint16 port() const noexcept { return m_port; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// The pid memcached on 127.0.0.1:port reports in `stats`, or -1.
qint64 memcachedPid(quint16 port);

// memcached on 127.0.0.1, a free port, UDP off, 64 MB.
std::unique_ptr<ServerProcess> startMemcached(QString *error);

struct RunResult {
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program to completion with `input` on stdin.
RunResult runProgram(const QString &program, const QStringList &args, const QByteArray &input, int timeoutMs = 120000);

} // namespace ringscope::test
