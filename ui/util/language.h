#pragma once

#include <QString>
#include <QStringList>

namespace ringscope::ui {

// The language of the program: "en", "ru", or empty for the system's. Kept
// in the settings (View ▸ Language); --language overrides it for one run.
QString savedLanguage();
void saveLanguage(const QString &language);
// The languages there are translations for, English first.
QStringList availableLanguages();
// Installs the translation of `language` (empty: the system locale's, when
// there is one) and makes it QLocale's default, so lessons pick the same
// language. Returns the language in use. Call once, before any tr().
QString installLanguage(const QString &language);

} // namespace ringscope::ui
