#include "ui/util/language.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace ringscope::ui {
namespace {

constexpr const char *kLanguageKey = "ui/language";

QString qmFile(const QString &language)
{
    return QStringLiteral(":/i18n/ringscope_%1.qm").arg(language);
}

} // namespace

QString savedLanguage()
{
    return QSettings().value(QLatin1String(kLanguageKey)).toString();
}

void saveLanguage(const QString &language)
{
    QSettings().setValue(QLatin1String(kLanguageKey), language);
}

QStringList availableLanguages()
{
    QStringList out{QStringLiteral("en")};
    for (const QString &l : {QStringLiteral("ru")})
        if (QFile::exists(qmFile(l)))
            out << l;
    return out;
}

QString installLanguage(const QString &language)
{
    QString chosen = language.isEmpty() ? QLocale::system().name().left(2) : language;
    if (!availableLanguages().contains(chosen))
        chosen = QStringLiteral("en");
    QLocale::setDefault(QLocale(chosen));
    if (chosen != QLatin1String("en")) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        if (translator->load(qmFile(chosen)))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    }
    return chosen;
}

} // namespace ringscope::ui
