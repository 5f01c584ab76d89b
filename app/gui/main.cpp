#include "core/config/serverspec.h"
#include "core/distribution/preset.h"
#include "core/local/democluster.h"
#include "ui/mainwindow.h"
#include "ui/panels/lessonpanel.h"
#include "ui/util/language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// SIGTERM, SIGINT and SIGHUP end the event loop like closing the window, so
// the demo cluster stops cleanly: the handler only writes a byte to a socket
// pair that the event loop watches.
int g_signalSocket[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalSocket[0], &byte, 1);
}

void quitOnSignals(QApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalSocket) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalSocket[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalSocket[1], &byte, 1);
        QApplication::closeAllWindows(); // saves the layout, then the window's bridge stops the demo
        QApplication::quit();
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int sig : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(sig, &action, nullptr);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("RingScope"));
    QApplication::setOrganizationName(QStringLiteral("RingScope"));
    QApplication::setApplicationVersion(QStringLiteral(RINGSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.ringscope.RingScope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ringscope.svg")));
    // The language first, so that --help is translated too: --language wins
    // over the saved choice (View ▸ Language), which wins over the system's.
    QString language = ringscope::ui::savedLanguage();
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--language") == 0 && i + 1 < argc)
            language = QString::fromLocal8Bit(argv[i + 1]);
        else if (qstrncmp(argv[i], "--language=", 11) == 0)
            language = QString::fromLocal8Bit(argv[i] + 11);
    }
    ringscope::ui::installLanguage(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Consistent-hash ring and key placement of memcached clusters"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serversOption(QStringLiteral("servers"),
                                           QApplication::translate("main", "Servers: host:port[:weight][ name],... or @file"),
                                           QStringLiteral("SPEC"));
    const QCommandLineOption presetOption(QStringLiteral("preset"), QApplication::translate("main", "Placement preset"),
                                          QStringLiteral("P"));
    const QCommandLineOption hashOption(QStringLiteral("hash"), QApplication::translate("main", "Key hash"),
                                        QStringLiteral("H"));
    const QCommandLineOption keysOption(QStringLiteral("keys"), QApplication::translate("main", "Sample keys to place"),
                                        QStringLiteral("N"), QStringLiteral("20000"));
    parser.addOptions({serversOption, presetOption, hashOption, keysOption});

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "ringscope: %s\n", qPrintable(message));
        return 2;
    };
    ringscope::ui::MainWindow::Options options;
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QApplication::translate("main", "Servers in the local demo cluster (default without --servers: 4)"),
                                        QStringLiteral("N"));
    const QCommandLineOption offlineOption(QStringLiteral("offline"),
                                           QApplication::translate("main", "Only compute placement: contact no server"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QApplication::translate("main", "A twemproxy .yml or mcrouter .json (FILE#pool picks a pool)"),
                                          QStringLiteral("FILE"));
    const QCommandLineOption proxyOption(QStringLiteral("proxy"),
                                         QApplication::translate("main", "In front of the demo cluster: twemproxy, nginx-rr, nginx-least-conn or nginx-hash"),
                                         QStringLiteral("PROXY"));
    const QCommandLineOption trafficOption(QStringLiteral("traffic"),
                                           QApplication::translate("main", "Demo traffic, operations a second (0: none; default 150)"),
                                           QStringLiteral("RATE"), QStringLiteral("150"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QApplication::translate("main", "Language of the program: en or ru (default: the saved choice, else the system's)"),
                                            QStringLiteral("LANG"));
    const QCommandLineOption lessonOption(QStringLiteral("lesson"),
                                          QApplication::translate("main", "Open guided lesson N (1-8, or your own after them)"),
                                          QStringLiteral("N"));
    const QCommandLineOption compareOption(QStringLiteral("compare"),
                                           QApplication::translate("main", "Open on the Compare methods tab"));
    parser.addOptions({demoOption, offlineOption, configOption, proxyOption, trafficOption, languageOption, lessonOption,
                       compareOption});
    parser.process(app);
    if (parser.isSet(serversOption) && parser.isSet(configOption))
        return fail(QApplication::translate("main", "give --servers or --config, not both"));
    // Without --servers: a local demo cluster of real memcached processes.
    const bool named = parser.isSet(serversOption) || parser.isSet(configOption);
    const bool demo = !named && !parser.isSet(offlineOption);
    QString spec = parser.isSet(serversOption)
        ? parser.value(serversOption)
        : QStringLiteral("127.0.0.1:11211,127.0.0.1:11212,127.0.0.1:11213,127.0.0.1:11214");
    if (parser.isSet(configOption))
        spec = QLatin1Char('@') + parser.value(configOption);
    auto cluster = ringscope::core::loadClusterSpec(spec.toStdString());
    if (!cluster)
        return fail((parser.isSet(configOption) ? QStringLiteral("--config: ") : QStringLiteral("--servers: "))
                    + QString::fromStdString(cluster.error));
    options.title = parser.isSet(configOption) ? parser.value(configOption) : spec;
    options.servers = cluster.value->servers;
    options.hashTag = QString::fromStdString(cluster.value->hashTag);
    if (!cluster.value->preset.empty())
        options.preset = QString::fromStdString(cluster.value->preset);
    if (cluster.value->hash)
        options.hash = QString::fromLatin1(ringscope::core::hashName(*cluster.value->hash).data());
    if (parser.isSet(presetOption))
        options.preset = parser.value(presetOption);
    if (!ringscope::core::findPreset(options.preset.toStdString()))
        return fail(QApplication::translate("main", "unknown preset '%1' (see ringscope-cli presets)").arg(options.preset));
    if (parser.isSet(hashOption)) {
        if (!ringscope::core::parseHash(parser.value(hashOption).toStdString()))
            return fail(QApplication::translate("main", "unknown hash '%1'").arg(parser.value(hashOption)));
        options.hash = parser.value(hashOption);
    }
    bool ok = false;
    if (demo) {
        options.demoServers = parser.isSet(demoOption) ? parser.value(demoOption).toInt(&ok) : 4;
        if (parser.isSet(demoOption) && (!ok || options.demoServers < 1 || options.demoServers > 32))
            return fail(QApplication::translate("main", "--demo must be a number of servers from 1 to 32"));
    }
    if (parser.isSet(proxyOption)) {
        const QString proxy = parser.value(proxyOption);
        if (proxy != QLatin1String("twemproxy") && !ringscope::core::parseNginxPolicy(proxy.toStdString()))
            return fail(QApplication::translate("main", "--proxy '%1': expected twemproxy, nginx-rr, nginx-least-conn or nginx-hash").arg(proxy));
        if (!demo)
            return fail(QApplication::translate("main", "--proxy goes in front of the local demo cluster: not with --servers, --config or --offline"));
        options.proxy = proxy;
    }
    options.trafficRate = parser.value(trafficOption).toDouble(&ok);
    if (!ok || options.trafficRate < 0 || options.trafficRate > 100000)
        return fail(QApplication::translate("main", "--traffic must be a rate from 0 to 100000 operations a second"));
    options.watch = named && !parser.isSet(offlineOption);
    options.keyCount = parser.value(keysOption).toInt(&ok);
    if (!ok || options.keyCount < 1 || options.keyCount > 1000000)
        return fail(QApplication::translate("main", "--keys must be a number from 1 to 1000000"));

    quitOnSignals(app);
    ringscope::ui::MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    if (parser.isSet(lessonOption)) {
        const int lesson = parser.value(lessonOption).toInt(&ok);
        if (!ok || lesson < 1)
            return fail(QApplication::translate("main", "--lesson must be a lesson number, 1 or more"));
        if (lesson > window.lessons()->lessonCount())
            return fail(QApplication::translate("main", "--lesson %1: there are %2 lessons").arg(lesson).arg(window.lessons()->lessonCount()));
        window.openLesson(lesson - 1);
    }
    if (parser.isSet(compareOption))
        window.showCentralPage(1);
    return QApplication::exec();
}
