#include "core/cluster/serverspec.h"
#include "core/distribution/preset.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("RingScope"));
    QApplication::setOrganizationName(QStringLiteral("RingScope"));
    QApplication::setApplicationVersion(QStringLiteral(RINGSCOPE_VERSION));

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
    parser.addOptions({demoOption, offlineOption});
    parser.process(app);
    // Without --servers: a local demo cluster of real memcached processes.
    const bool demo = !parser.isSet(serversOption) && !parser.isSet(offlineOption);
    const QString spec = parser.isSet(serversOption)
        ? parser.value(serversOption)
        : QStringLiteral("127.0.0.1:11211,127.0.0.1:11212,127.0.0.1:11213,127.0.0.1:11214");
    auto cluster = ringscope::core::loadClusterSpec(spec.toStdString());
    if (!cluster)
        return fail(QStringLiteral("--servers: ") + QString::fromStdString(cluster.error));
    options.servers = cluster.value->servers;
    if (!cluster.value->preset.empty())
        options.preset = QString::fromStdString(cluster.value->preset);
    if (cluster.value->hash)
        options.hash = QString::fromLatin1(ringscope::core::hashName(*cluster.value->hash).data());
    if (parser.isSet(presetOption))
        options.preset = parser.value(presetOption);
    if (!ringscope::core::findPreset(options.preset.toStdString()))
        return fail(QStringLiteral("unknown preset '%1' (see ringscope-cli presets)").arg(options.preset));
    if (parser.isSet(hashOption)) {
        if (!ringscope::core::parseHash(parser.value(hashOption).toStdString()))
            return fail(QStringLiteral("unknown hash '%1'").arg(parser.value(hashOption)));
        options.hash = parser.value(hashOption);
    }
    bool ok = false;
    if (demo) {
        options.demoServers = parser.isSet(demoOption) ? parser.value(demoOption).toInt(&ok) : 4;
        if (parser.isSet(demoOption) && (!ok || options.demoServers < 1 || options.demoServers > 32))
            return fail(QStringLiteral("--demo must be a number of servers from 1 to 32"));
    }
    options.watch = parser.isSet(serversOption) && !parser.isSet(offlineOption);
    options.keyCount = parser.value(keysOption).toInt(&ok);
    if (!ok || options.keyCount < 1 || options.keyCount > 1000000)
        return fail(QStringLiteral("--keys must be a number from 1 to 1000000"));

    ringscope::ui::MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    return QApplication::exec();
}
