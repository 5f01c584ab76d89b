#include "tests/common/processes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>
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

Child::~Child()
{
    if (m_pid > 0 && running()) {
        ::kill(m_pid, SIGCONT);
        ::kill(m_pid, SIGKILL);
        wait(3000);
    }
    for (const int fd : {m_in, m_out, m_err})
        if (fd >= 0)
            ::close(fd);
}

bool Child::start(const QString &program, const QStringList &args, QString *error, const QString &workingDirectory,
                  bool mergeOutput)
{
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
        *error = QStringLiteral("pipe: ") + QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    // Everything the child needs, made before fork: after it only
    // async-signal-safe calls are allowed.
    const QByteArray path = program.toLocal8Bit();
    const QByteArray dir = workingDirectory.toLocal8Bit();
    std::vector<QByteArray> storage{path};
    for (const auto &a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (auto &a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    m_pid = ::fork();
    if (m_pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(mergeOutput ? out[1] : err[1], 2);
        if (!dir.isEmpty() && ::chdir(dir.constData()) != 0)
            ::_exit(126);
        ::execv(path.constData(), argv.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    m_in = in[1];
    m_out = out[0];
    m_err = err[0];
    if (m_pid < 0) {
        *error = QStringLiteral("fork: ") + QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    if (!QFileInfo(program).isExecutable()) {
        *error = program + QStringLiteral(" is not an executable");
        return false;
    }
    return true;
}

bool Child::running()
{
    if (m_pid <= 0 || m_status >= 0)
        return false;
    int status = 0;
    rusage usage{};
    if (::wait4(m_pid, &status, WNOHANG, &usage) != m_pid)
        return true;
    m_maxRssKb = usage.ru_maxrss;
    m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
}

std::optional<int> Child::wait(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (running()) {
        if (timer.elapsed() >= timeoutMs)
            return std::nullopt;
        pump(5); // a child blocked on a full pipe would never exit
    }
    return m_status;
}

void Child::write(const QByteArray &input)
{
    const char *at = input.constData();
    qsizetype left = input.size();
    while (left > 0 && m_in >= 0) {
        pollfd fds[] = {{m_in, POLLOUT, 0}, {m_out, POLLIN, 0}, {m_err, POLLIN, 0}};
        ::poll(fds, 3, 1000);
        if (fds[0].revents & (POLLERR | POLLHUP))
            break;
        if (fds[0].revents & POLLOUT) {
            const auto n = ::write(m_in, at, static_cast<std::size_t>(std::min<qsizetype>(left, 65536)));
            if (n < 0 && errno != EINTR && errno != EAGAIN)
                break;
            if (n > 0) {
                at += n;
                left -= n;
            }
        }
        pump(0); // it may be waiting for us to read before it reads on
    }
    ::close(m_in);
    m_in = -1;
}

void Child::pump(int timeoutMs)
{
    pollfd fds[2];
    nfds_t n = 0;
    for (const int fd : {m_out, m_err})
        if (fd >= 0)
            fds[n++] = {fd, POLLIN, 0};
    if (n == 0 || ::poll(fds, n, timeoutMs) <= 0)
        return;
    char buffer[65536];
    for (nfds_t i = 0; i < n; ++i) {
        if (!(fds[i].revents & (POLLIN | POLLHUP)))
            continue;
        const auto got = ::read(fds[i].fd, buffer, sizeof buffer);
        QByteArray &target = fds[i].fd == m_out ? m_outBuffer : m_errBuffer;
        if (got > 0) {
            target.append(buffer, got);
        } else if (got == 0) {
            ::close(fds[i].fd);
            (fds[i].fd == m_out ? m_out : m_err) = -1;
        }
    }
}

QByteArray Child::readLine(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_outBuffer.contains('\n') && m_out >= 0 && timer.elapsed() < timeoutMs)
        pump(10);
    const auto end = m_outBuffer.indexOf('\n');
    const QByteArray line = end < 0 ? m_outBuffer : m_outBuffer.left(end + 1);
    m_outBuffer.remove(0, line.size());
    return line;
}

QByteArray Child::takeOut()
{
    pump(0);
    return std::exchange(m_outBuffer, {});
}

QByteArray Child::takeErr()
{
    pump(0);
    return std::exchange(m_errBuffer, {});
}

bool ServerProcess::start(const QString &program, const QStringList &args, quint16 port, QString *error)
{
    m_port = port;
    if (!m_child.start(program, args, error, {}, true))
        return false;
    m_child.write({});
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        if (!m_child.running()) {
            *error = program + QStringLiteral(" exited: ") + QString::fromLocal8Bit(m_child.takeOut());
            return false;
        }
        // Another process may hold the port (free ports are only free until
        // someone takes them): ours must still be running once it answers.
        if (waitForPort(port, 100)) {
            QThread::msleep(150);
            if (!m_child.running()) {
                *error = program + QStringLiteral(" exited: ") + QString::fromLocal8Bit(m_child.takeOut());
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
    if (!m_child.running())
        return;
    const auto pid = static_cast<pid_t>(m_child.pid());
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
    if (!m_child.running())
        return;
    signal(SIGCONT); // a stopped process cannot act on SIGTERM
    ::kill(static_cast<pid_t>(m_child.pid()), SIGTERM);
    if (!m_child.wait(3000)) {
        ::kill(static_cast<pid_t>(m_child.pid()), SIGKILL);
        m_child.wait(3000);
    }
}

qint64 memcachedStat(quint16 port, const QByteArray &name)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(2000))
        return -1;
    socket.write("stats\r\n");
    QByteArray reply("\r\n"); // every line, the first too, follows a line end
    while (!reply.contains("END\r\n") && socket.waitForReadyRead(2000))
        reply += socket.readAll();
    const QByteArray line = QByteArray("\r\nSTAT ") + name + ' ';
    const auto at = reply.indexOf(line);
    if (at < 0)
        return -1;
    const auto from = at + line.size();
    return reply.mid(from, reply.indexOf('\r', from) - from).toLongLong();
}

qint64 memcachedPid(quint16 port)
{
    return memcachedStat(port, "pid");
}

std::unique_ptr<ServerProcess> startMemcached(QString *error, const QString &listen)
{
    const QString memcached = findProgram(QStringLiteral("memcached"));
    if (memcached.isEmpty()) {
        *error = QStringLiteral("memcached is not installed (apt-get install memcached)");
        return nullptr;
    }
    for (int attempt = 0; attempt < 5; ++attempt) {
        const quint16 port = freePort();
        auto server = std::make_unique<ServerProcess>();
        const QStringList args{QStringLiteral("-l"), listen, QStringLiteral("-p"),
                               QString::number(port), QStringLiteral("-U"), QStringLiteral("0"),
                               QStringLiteral("-m"), QStringLiteral("64"), QStringLiteral("-u"),
                               QStringLiteral("root")};
        if (server->start(memcached, args, port, error) && memcachedPid(port) == server->pid())
            return server;
    }
    return nullptr;
}

QStringList networkNamespaceCommand(QString *why)
{
    const QString unshare = findProgram(QStringLiteral("unshare"));
    if (unshare.isEmpty() || findProgram(QStringLiteral("ip")).isEmpty()) {
        *why = QStringLiteral("unshare or ip (util-linux, iproute2) is not installed");
        return {};
    }
    const QStringList command{unshare, ::geteuid() == 0 ? QStringLiteral("-n") : QStringLiteral("-rn")};
    const auto probe = runProgram(command.front(), command.mid(1) + QStringList{QStringLiteral("true")}, {}, 5000);
    if (!probe.finished || probe.exitCode != 0) {
        *why = QStringLiteral("cannot make a network namespace here: ") + QString::fromUtf8(probe.err.trimmed());
        return {};
    }
    return command;
}

RunResult runProgram(const QString &program, const QStringList &args, const QByteArray &input, int timeoutMs,
                     const QString &workingDirectory)
{
    RunResult result;
    Child child;
    QString error;
    if (!child.start(program, args, &error, workingDirectory)) {
        result.err = error.toUtf8();
        return result;
    }
    child.write(input);
    const auto code = child.wait(timeoutMs);
    result.finished = code.has_value();
    if (!result.finished) {
        ::kill(static_cast<pid_t>(child.pid()), SIGKILL);
        child.wait(3000);
    }
    result.exitCode = code.value_or(-1);
    result.maxRssKb = child.maxRssKb();
    // Whatever is still in the pipes once it has exited.
    for (int i = 0; i < 100; ++i) {
        const QByteArray out = child.takeOut(), err = child.takeErr();
        if (out.isEmpty() && err.isEmpty())
            break;
        result.out += out;
        result.err += err;
    }
    return result;
}

} // namespace ringscope::test
