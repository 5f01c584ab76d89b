#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ringscope::ui {

// A guided lesson, read from a JSON file (resources/lessons/*.json, or a
// teacher's own): a title and narrated steps. Each step acts on the window
// (start the demo cluster, add a server, kill one…), says what to look at,
// and may state what the step should show ("expect"), which the panel checks
// on the real cluster and the tests hold it to.
//
// {
//   "title": {"en": "…", "ru": "…"},
//   "steps": [{
//     "text": {"en": "…", "ru": "…"},       // HTML allowed
//     "actions": [{"do": "demo", "servers": 3}, {"do": "add"}, …],
//     "look": "ring" | "plot:hit-ratio" | "compare" | …,
//     "expect": {"moved": [0.70, 0.80], "within": 10}
//   }]
// }
struct Lesson {
    struct Step {
        QString text;
        QJsonArray actions;
        QString look;
        QJsonObject expect;
    };
    QString title;
    QList<Step> steps;
    QString source; // the file it came from

    // Parses a lesson in `language` ("en", "ru"; English where a text lacks
    // it). Nothing, and a message naming the step and field, when the file
    // is not a lesson: an unknown action or check, a missing text, bad JSON.
    static std::optional<Lesson> parse(const QByteArray &json, const QString &language, QString &error);
    // The actions and checks a lesson may use.
    static QStringList actionNames();
    static QStringList checkNames();
};

} // namespace ringscope::ui
