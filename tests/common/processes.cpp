#include "processes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>

namespace ringscope::test {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool waitForPort(quint16 port, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(20);
    }
    return false;
}

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
                                                     QStringLiteral("/sbin")});
    return path;
}

bool ServerProcess::start(const QString &program, const QStringList &args, quint16 port, QString *error)
{
    m_port = port;
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // Servers die with the test, even when it crashes: no orphans.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process.start(program, args);
    if (!m_process.waitForStarted(5000)) {
        *error = program + QStringLiteral(" did not start: ") + m_process.errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        if (m_process.state() != QProcess::Running) {
            *error = program + QStringLiteral(" exited: ") + QString::fromLocal8Bit(m_process.readAll());
            return false;
        }
        // Another process may hold the port (free ports are only free until
        // someone takes them): ours must still be running once it answers.
        if (waitForPort(port, 100)) {
            if (m_process.waitForFinished(150) || m_process.state() != QProcess::Running) {
                *error = program + QStringLiteral(" exited: ") + QString::fromLocal8Bit(m_process.readAll());
                return false;
            }
            return true;
        }
    }
    *error = program + QStringLiteral(" is not listening on port ") + QString::number(port);
    return false;
}

void ServerProcess::signal(int sig)
{
    if (m_process.state() != QProcess::Running)
        return;
    const auto pid = static_cast<pid_t>(m_process.processId());
    ::kill(pid, sig);
    if (sig != SIGSTOP)
        return;
    // kill() returns before every thread has stopped: wait until the kernel
    // says the process is stopped ('T'), or a reply could still slip out.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 2000) {
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            stat.close();
            const auto close = line.lastIndexOf(')');
            if (close > 0 && close + 2 < line.size() && line[close + 2] == 'T')
                return;
        }
        QThread::msleep(1);
    }
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    signal(SIGCONT); // a stopped process cannot act on SIGTERM
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

qint64 memcachedPid(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(2000))
        return -1;
    socket.write("stats\r\n");
    QByteArray reply;
    while (!reply.contains("END\r\n") && socket.waitForReadyRead(2000))
        reply += socket.readAll();
    const auto at = reply.indexOf("STAT pid ");
    return at < 0 ? -1 : reply.mid(at + 9, reply.indexOf('\r', at) - at - 9).toLongLong();
}

std::unique_ptr<ServerProcess> startMemcached(QString *error)
{
    const QString memcached = findProgram(QStringLiteral("memcached"));
    if (memcached.isEmpty()) {
        *error = QStringLiteral("memcached is not installed (apt-get install memcached)");
        return nullptr;
    }
    for (int attempt = 0; attempt < 5; ++attempt) {
        const quint16 port = freePort();
        auto server = std::make_unique<ServerProcess>();
        const QStringList args{QStringLiteral("-l"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                               QString::number(port), QStringLiteral("-U"), QStringLiteral("0"),
                               QStringLiteral("-m"), QStringLiteral("64"), QStringLiteral("-u"),
                               QStringLiteral("root")};
        if (server->start(memcached, args, port, error) && memcachedPid(port) == server->pid())
            return server;
    }
    return nullptr;
}

RunResult runProgram(const QString &program, const QStringList &args, const QByteArray &input, int timeoutMs)
{
    RunResult result;
    QProcess process;
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished)
        process.kill();
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace ringscope::test
