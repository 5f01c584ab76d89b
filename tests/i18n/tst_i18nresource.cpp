// The translations reach a program that links ringscope_ui: the .qm built by
// lrelease is a Qt resource under :/i18n/ (no Q_INIT_RESOURCE needed), it
// loads, and it translates.
#include <QFile>
#include <QLocale>
#include <QTranslator>
#include <QtTest>

class TstI18nResource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void russianIsEmbedded()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/ringscope_ru.qm")));
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::Russian, QLocale::Russia), QStringLiteral("ringscope"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(translator.language(), QStringLiteral("ru_RU"));
        QCOMPARE(translator.translate("ringscope::ui::MainWindow", "&Cluster"), QString::fromUtf8("&Кластер"));
        QCOMPARE(translator.translate("main", "Placement preset"), QString::fromUtf8("Пресет размещения"));
    }
};

QTEST_GUILESS_MAIN(TstI18nResource)
#include "tst_i18nresource.moc"
