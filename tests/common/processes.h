#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <sys/types.h>

namespace ringscope::test {

// A port on 127.0.0.1 that was free a moment ago.
quint16 freePort();

// Polls until something accepts TCP connections on 127.0.0.1:port.
bool waitForPort(quint16 port, int timeoutMs);

// A program from PATH or the sbin directories; empty when not installed.
QString findProgram(const QString &name);

// A child process started with fork and exec. Not QProcess: Qt 6 starts
// children with vfork semantics that ThreadSanitizer cannot follow, and after
// the first one it loses every later hand-off between threads (false data
// races on each stack-allocated request). Dies with the test (PR_SET_PDEATHSIG);
// killed and reaped when it goes away.
class Child {
public:
    Child() = default;
    ~Child();
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;

    // stdin from `input` (then closed); stdout and stderr captured apart, or
    // merged into stdout.
    bool start(const QString &program, const QStringList &args, QString *error, const QString &workingDirectory = {},
               bool mergeOutput = false);
    qint64 pid() const noexcept { return m_pid; }
    bool running();                       // reaps it if it has exited
    std::optional<int> wait(int timeoutMs); // exit code (128+signal when killed), or nothing on timeout
    long maxRssKb() const noexcept { return m_maxRssKb; } // its peak resident memory, once it has exited
    void write(const QByteArray &input);  // then closes its stdin
    QByteArray readLine(int timeoutMs);   // one line of stdout, or what there is at the timeout
    QByteArray takeOut();                 // all stdout read so far (and whatever is waiting)
    QByteArray takeErr();

private:
    void pump(int timeoutMs); // moves available output into the buffers
    pid_t m_pid = -1;
    int m_status = -1;
    long m_maxRssKb = 0;
    int m_in = -1, m_out = -1, m_err = -1;
    QByteArray m_outBuffer, m_errBuffer;
};

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
    qint64 pid() const { return m_child.pid(); }

private:
    Child m_child;
    quint16 m_port = 0;
};

// One counter of memcached's `stats` on 127.0.0.1:port, asked over a plain
// socket (not RingScope's client): the server's own word. -1 when it does not answer.
qint64 memcachedStat(quint16 port, const QByteArray &name);

// The pid memcached on 127.0.0.1:port reports in `stats`, or -1.
qint64 memcachedPid(quint16 port);

// memcached on 127.0.0.1, a free port, UDP off, 64 MB. `listen` may add
// addresses after 127.0.0.1 ("127.0.0.1,192.0.2.1"); stats are asked on 127.0.0.1.
std::unique_ptr<ServerProcess> startMemcached(QString *error, const QString &listen = QStringLiteral("127.0.0.1"));

// The command that runs a program in a network namespace of its own:
// `unshare -n` as root, `unshare -rn` (a user namespace) otherwise; empty,
// with `why`, when unshare or ip is missing or the kernel refuses.
QStringList networkNamespaceCommand(QString *why);

// A test that cannot run here: skipped, but failed under CI (CI set), where
// everything it needs is installed by .ci/setup.
#define RINGSCOPE_SKIP_OR_FAIL_UNDER_CI(why)                                                                           \
    do {                                                                                                               \
        const QString reason_ = (why);                                                                                 \
        if (!qEnvironmentVariableIsEmpty("CI"))                                                                        \
            QFAIL(qPrintable(QStringLiteral("under CI this must run: ") + reason_));                                   \
        QSKIP(qPrintable(reason_));                                                                                    \
    } while (false)

struct RunResult {
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    long maxRssKb = 0; // the program's peak resident memory
};

// Runs a program to completion with `input` on stdin.
RunResult runProgram(const QString &program, const QStringList &args, const QByteArray &input, int timeoutMs = 120000,
                     const QString &workingDirectory = {});

} // namespace ringscope::test
